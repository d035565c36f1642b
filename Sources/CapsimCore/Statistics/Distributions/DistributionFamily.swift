/// The parametric families capsim can fit, store and sample: the names scenario files and the
/// database use.
public enum DistributionFamily: String, CaseIterable, Codable, Sendable, Hashable {
  /// ``NormalDistribution``: parameters `mean`, `standardDeviation`.
  case normal
  /// ``LogNormalDistribution``: parameters `mu`, `sigma` (of ln X).
  case lognormal
  /// ``GammaDistribution``: parameters `shape`, `scale`.
  case gamma
  /// ``WeibullDistribution``: parameters `shape`, `scale`.
  case weibull
  /// ``ExponentialDistribution``: parameter `rate`.
  case exponential

  /// The family's parameter names, in canonical order (the keys of a scenario-file dictionary).
  public var parameterNames: [String] {
    switch self {
    case .normal: ["mean", "standardDeviation"]
    case .lognormal: ["mu", "sigma"]
    case .gamma, .weibull: ["shape", "scale"]
    case .exponential: ["rate"]
    }
  }

  /// Accepted alternative spellings of parameter names, mapped to the canonical name.
  public var parameterAliases: [String: String] {
    switch self {
    case .normal: ["mu": "mean", "sigma": "standardDeviation", "sd": "standardDeviation"]
    default: [:]
    }
  }

  /// Number of free parameters with the location fixed at 0 (the k in AIC = 2k − 2 ln L).
  public var parameterCount: Int { parameterNames.count }

  /// Whether the support is x > 0 (all but the normal), so data must be positive to fit it.
  public var requiresPositiveValues: Bool { self != .normal }

  /// The family named `name` (case-insensitive; `log-normal` and `log_normal` are accepted).
  ///
  /// - Throws: ``DistributionError/unknownFamily(_:)``, whose diagnostic suggests the nearest name.
  public static func named(_ name: String) throws(DistributionError) -> DistributionFamily {
    let key = String(name.lowercased().filter { $0 != "-" && $0 != "_" })
    if let family = DistributionFamily(rawValue: key) { return family }
    throw .unknownFamily(name)
  }
}
