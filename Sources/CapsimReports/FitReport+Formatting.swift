import Foundation

extension FitReport {
  // MARK: - Parameters

  /// The parameters of `distribution` in the report's notation: normal and lognormal μ, σ (of ln x
  /// for the lognormal); gamma k (shape), θ (scale); Weibull k (shape), λ (scale); exponential λ
  /// (rate). Example: "μ = 0.0372, σ = 0.1042".
  public static func parameterText(_ distribution: ParametricDistribution) -> String {
    parameterSymbols(distribution.family).map { symbol, name in
      "\(symbol) = \(NumberFormatting.readable(distribution.parameters[name] ?? .nan))"
    }.joined(separator: ", ")
  }

  /// (symbol, canonical name) of each parameter of `family`, in canonical order.
  static func parameterSymbols(_ family: DistributionFamily) -> [(String, String)] {
    switch family {
    case .normal: [("μ", "mean"), ("σ", "standardDeviation")]
    case .lognormal: [("μ", "mu"), ("σ", "sigma")]
    case .gamma: [("k", "shape"), ("θ", "scale")]
    case .weibull: [("k", "shape"), ("λ", "scale")]
    case .exponential: [("λ", "rate")]
    }
  }

  // MARK: - Numbers

  /// A log-likelihood, AIC, ΔAIC or BIC: one decimal, grouped ("−1,020.6").
  static func criterion(_ value: Double) -> String {
    NumberFormatting.fixed(value, decimals: 1)
  }

  /// A p-value: four decimals, or "<0.0001".
  static func pValue(_ value: Double) -> String {
    guard value.isFinite else { return "n/a" }
    return value < 0.0001 ? "<0.0001" : String(format: "%.4f", value)
  }

  /// Bin edges: for linear bins a fixed number of decimals that resolves the bin width; for
  /// logarithmic bins enough significant digits to tell neighbouring edges apart.
  static func edgeFormatter(_ histogram: Histogram) -> (Double) -> String {
    guard let first = histogram.bins.first else { return { NumberFormatting.readable($0) } }
    switch histogram.scale {
    case .linear:
      let width = first.upper - first.lower
      let decimals =
        width > 0 ? min(9, max(0, 1 - Int(Foundation.floor(Foundation.log10(width))))) : 3
      return { NumberFormatting.fixed($0, decimals: decimals) }
    case .logarithmic:
      let ratio = first.lower > 0 ? first.upper / first.lower : 10
      let needed = Int(Foundation.ceil(-Foundation.log10(max(ratio - 1, 1e-9)))) + 2
      let significant = min(9, max(3, needed))
      return { NumberFormatting.readable($0, significant: significant) }
    }
  }
}
