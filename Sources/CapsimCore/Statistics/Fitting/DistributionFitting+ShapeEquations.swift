import RealModule

extension DistributionFitting {
  // MARK: - Gamma

  /// Gamma MLE: Newton on f(k) = ln k − ψ(k) − s, s = ln x̄ − mean(ln x) > 0, from Minka's start
  /// k₀ = (3 − s + √((s − 3)² + 24s))/(12s); then θ = x̄/k.
  static func fitGamma(_ values: [Double]) throws -> GammaDistribution {
    let n = Double(values.count)
    let mean = values.reduce(0, +) / n
    let meanLog = values.reduce(0) { $0 + Double.log($1) } / n
    let s = Double.log(mean) - meanLog
    guard s > 0, s.isFinite else {
      throw FitError.numericalFailure(
        family: .gamma, reason: "the values vary too little (ln mean − mean ln = \(s))")
    }
    var shape = (3 - s + ((s - 3) * (s - 3) + 24 * s).squareRoot()) / (12 * s)
    for _ in 0..<100 {
      let value = Double.log(shape) - SpecialFunctions.digamma(shape) - s
      let slope = 1 / shape - SpecialFunctions.trigamma(shape)
      guard slope < 0, value.isFinite else { break }
      var next = shape - value / slope
      if next <= 0 { next = shape / 2 }
      let change = Swift.abs(next - shape)
      shape = next
      if change <= 1e-14 * shape { break }
    }
    guard shape.isFinite, shape > 0 else {
      throw FitError.numericalFailure(family: .gamma, reason: "the shape equation has no root")
    }
    return try GammaDistribution(shape: shape, scale: mean / shape)
  }

  // MARK: - Weibull

  /// Weibull MLE: with uᵢ = ln xᵢ − mean(ln x) and weights wᵢ ∝ e^(k·uᵢ), solve
  /// g(k) = Σwᵢuᵢ − 1/k = 0 (g′ = Var_w(u) + 1/k² > 0) by Newton kept inside a bracket,
  /// from k₀ = π/(√6·sd(ln x)); then λ = exp(mean(ln x) + (1/k) ln((1/n)Σe^(k·uᵢ))).
  static func fitWeibull(_ values: [Double]) throws -> WeibullDistribution {
    let logs = values.map { Double.log($0) }
    let n = Double(logs.count)
    let meanLog = logs.reduce(0, +) / n
    let centred = logs.map { $0 - meanLog }
    let largest = centred.max() ?? 0
    let spread = (centred.reduce(0) { $0 + $1 * $1 } / n).squareRoot()
    guard spread > 0, largest > 0 else {
      throw FitError.numericalFailure(family: .weibull, reason: "the values vary too little")
    }
    var shape = Double.pi / (6.0.squareRoot() * spread)
    var low = 0.0
    var high = Double.infinity
    for _ in 0..<200 {
      var weightSum = 0.0
      var first = 0.0
      var second = 0.0
      for u in centred {
        let weight = Double.exp(shape * (u - largest))
        weightSum += weight
        first += weight * u
        second += weight * u * u
      }
      let weightedMean = first / weightSum
      let g = weightedMean - 1 / shape
      if g < 0 { low = shape } else if g > 0 { high = shape } else { break }
      let slope = second / weightSum - weightedMean * weightedMean + 1 / (shape * shape)
      var next = shape - g / slope
      if !(next > low && next < high) {
        next = high.isFinite ? 0.5 * (low + high) : 2 * shape
      }
      let change = Swift.abs(next - shape)
      shape = next
      if change <= 1e-14 * shape { break }
    }
    var momentSum = 0.0
    for u in centred { momentSum += Double.exp(shape * (u - largest)) }
    let logScale = meanLog + largest + Double.log(momentSum / n) / shape
    guard shape.isFinite, shape > 0, logScale.isFinite else {
      throw FitError.numericalFailure(family: .weibull, reason: "the shape equation has no root")
    }
    return try WeibullDistribution(shape: shape, scale: Double.exp(logScale))
  }
}
