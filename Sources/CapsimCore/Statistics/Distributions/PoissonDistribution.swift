import RealModule

/// The Poisson distribution with mean λ: P(X = k) = λᵏe^(−λ)/k!, k = 0, 1, 2, ….
///
/// Discrete, so it has its own API (pmf, integer quantile and draws) rather than
/// ``ContinuousDistribution``. Same as `scipy.stats.poisson(mu=λ)` and Excel `POISSON.DIST`.
///
/// Sampling is exact: sequential-search inversion for λ < 10 (about λ + 1 steps), and Hörmann's
/// transformed rejection with squeeze (PTRS) for λ ≥ 10 (about 1.1 uniform pairs per draw).
///
/// Reference: W. Hörmann, "The transformed rejection method for generating Poisson random
/// variables", Insurance: Math. Econ. 12(1), 1993, doi:10.1016/0167-6687(93)90997-4.
public struct PoissonDistribution: Hashable, Codable, Sendable {
  /// The mean λ ≥ 0 (also the variance).
  public let mean: Double

  /// Creates the Poisson distribution with mean `mean`.
  ///
  /// - Throws: ``DistributionError/invalidParameter(name:value:requirement:)`` unless
  ///   0 ≤ mean ≤ 2⁵² (λ = 0 is the point mass at 0).
  public init(mean: Double) throws(DistributionError) {
    guard mean >= 0, mean <= 0x1p52 else {
      throw .invalidParameter(name: "mean", value: mean, requirement: "finite, ≥ 0 and ≤ 2^52")
    }
    self.mean = mean
  }

  /// λ.
  public var variance: Double { mean }

  /// ln P(X = k) = k ln λ − λ − ln k!; −∞ for k < 0. - Complexity: O(1).
  public func logPMF(_ k: Int) -> Double {
    guard k >= 0 else { return -.infinity }
    if mean == 0 { return k == 0 ? 0 : -.infinity }
    let count = Double(k)
    return count * Double.log(mean) - mean - Double.logGamma(count + 1)
  }

  /// P(X = k); 0 for k < 0. - Complexity: O(1).
  public func pmf(_ k: Int) -> Double { Double.exp(logPMF(k)) }

  /// P(X ≤ k) = Q(k + 1, λ); 0 for k < 0. - Complexity: as ``SpecialFunctions/regularizedGammaQ(_:_:)``.
  public func cdf(_ k: Int) -> Double {
    guard k >= 0 else { return 0 }
    return SpecialFunctions.regularizedGammaQ(Double(k) + 1, mean)
  }

  /// P(X > k) = P(k + 1, λ); 1 for k < 0. - Complexity: as ``cdf(_:)``.
  public func survival(_ k: Int) -> Double {
    guard k >= 0 else { return 1 }
    return SpecialFunctions.regularizedGammaP(Double(k) + 1, mean)
  }

  /// The smallest k with P(X ≤ k) ≥ p; `Int.max` at p = 1; nil for p outside [0, 1] or NaN.
  ///
  /// Starts from the Cornish–Fisher guess λ + z√λ + (z² − 1)/6 and steps to the answer.
  /// - Complexity: O(1) cdf evaluations typically.
  public func quantile(_ p: Double) -> Int? {
    guard p >= 0, p <= 1 else { return nil }
    if p == 1 { return Int.max }
    if p == 0 || mean == 0 { return 0 }
    let z = SpecialFunctions.standardNormalQuantile(p)
    let guess = mean + z * mean.squareRoot() + (z * z - 1) / 6
    var k = Swift.max(0, Int(Swift.min(guess, 0x1p53).rounded(.down)))
    while cdf(k) < p { k += 1 }
    while k > 0 && cdf(k - 1) >= p { k -= 1 }
    return k
  }

  /// One exact draw (inversion for λ < 10, PTRS for λ ≥ 10). - Complexity: O(λ) below 10, O(1) above.
  public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Int {
    if mean < 10 { return sampleByInversion(using: &generator) }
    return sampleByTransformedRejection(using: &generator)
  }

  private func sampleByInversion<G: RandomNumberGenerator>(using generator: inout G) -> Int {
    let u = generator.nextOpenUnitDouble()
    var probability = Double.exp(-mean)
    var cumulative = probability
    var k = 0
    while u > cumulative && k < 1000 {
      k += 1
      probability *= mean / Double(k)
      cumulative += probability
    }
    return k
  }

  private func sampleByTransformedRejection<G: RandomNumberGenerator>(using generator: inout G)
    -> Int
  {
    let rootMean = mean.squareRoot()
    let logMean = Double.log(mean)
    let b = 0.931 + 2.53 * rootMean
    let a = -0.059 + 0.024_83 * b
    let inverseAlpha = 1.1239 + 1.1328 / (b - 3.4)
    let vR = 0.9277 - 3.6224 / (b - 2)
    while true {
      let u = generator.nextOpenUnitDouble() - 0.5
      let v = generator.nextOpenUnitDouble()
      let us = 0.5 - Swift.abs(u)
      let k = ((2 * a / us + b) * u + mean + 0.43).rounded(.down)
      if us >= 0.07 && v <= vR { return Int(k) }
      if k < 0 || (us < 0.013 && v > us) { continue }
      let lhs = Double.log(v) + Double.log(inverseAlpha) - Double.log(a / (us * us) + b)
      let rhs = -mean + k * logMean - Double.logGamma(k + 1)
      if lhs <= rhs { return Int(k) }
    }
  }

  // MARK: - Codable

  private enum CodingKeys: String, CodingKey { case mean }

  /// Decodes and validates `{"mean": λ}`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    try self.init(mean: container.decode(Double.self, forKey: .mean))
  }
}
