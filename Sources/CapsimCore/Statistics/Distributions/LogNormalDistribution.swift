import RealModule

/// The log-normal distribution: X = e^Y with Y ~ N(μ, σ²) (parameters on the log scale).
///
/// Same as `scipy.stats.lognorm(s=σ, scale=e^μ)` and Excel `LOGNORM.DIST(x, μ, σ, …)`.
/// Support x > 0. Sampling: exp(μ + σ·Z).
public struct LogNormalDistribution: ContinuousDistribution, Hashable, Codable {
  /// μ, the mean of ln X.
  public let mu: Double
  /// σ > 0, the standard deviation of ln X.
  public let sigma: Double

  /// Creates the log-normal with log-scale parameters `mu` and `sigma`.
  ///
  /// - Throws: ``DistributionError/invalidParameter(name:value:requirement:)`` if `mu` is not finite
  ///   or `sigma` is not finite and > 0.
  public init(mu: Double, sigma: Double) throws(DistributionError) {
    try DistributionError.requireFinite(mu, name: "mu")
    try DistributionError.requirePositive(sigma, name: "sigma")
    self.mu = mu
    self.sigma = sigma
  }

  /// e^(μ + σ²/2) (+∞ if that overflows).
  public var mean: Double { Double.exp(mu + 0.5 * sigma * sigma) }

  /// (e^(σ²) − 1)·e^(2μ + σ²), with expm1 for small σ.
  public var variance: Double {
    Double.expMinusOne(sigma * sigma) * Double.exp(2 * mu + sigma * sigma)
  }

  /// φ((ln x − μ)/σ)/(σx) for x > 0; 0 for x ≤ 0 and +∞; NaN for NaN. - Complexity: O(1).
  public func pdf(_ x: Double) -> Double {
    guard x > 0, x.isFinite else { return x.isNaN ? .nan : 0 }
    return Double.exp(logPDF(x))
  }

  /// −z²/2 − ln(σx) − ½ ln 2π with z = (ln x − μ)/σ; −∞ for x ≤ 0. - Complexity: O(1).
  public func logPDF(_ x: Double) -> Double {
    guard x > 0 else { return x.isNaN ? .nan : -.infinity }
    if x == .infinity { return -.infinity }
    let logX = Double.log(x)
    let z = (logX - mu) / sigma
    return -0.5 * z * z - Double.log(sigma) - logX - 0.918_938_533_204_672_7
  }

  /// Φ((ln x − μ)/σ) for x > 0; 0 for x ≤ 0. - Complexity: O(1).
  public func cdf(_ x: Double) -> Double {
    guard x > 0 else { return x.isNaN ? .nan : 0 }
    return SpecialFunctions.standardNormalCDF((Double.log(x) - mu) / sigma)
  }

  /// Φ(−(ln x − μ)/σ) for x > 0; 1 for x ≤ 0. - Complexity: O(1).
  public func survival(_ x: Double) -> Double {
    guard x > 0 else { return x.isNaN ? .nan : 1 }
    return SpecialFunctions.standardNormalSurvival((Double.log(x) - mu) / sigma)
  }

  /// exp(μ + σ·Φ⁻¹(p)); 0 at p = 0, +∞ at p = 1, NaN outside [0, 1]. - Complexity: O(1).
  public func quantile(_ p: Double) -> Double {
    Double.exp(mu + sigma * SpecialFunctions.standardNormalQuantile(p))
  }

  /// exp(μ + σ·Z). - Complexity: O(1) expected.
  public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
    Double.exp(mu + sigma * generator.nextStandardNormal())
  }

  // MARK: - Codable

  private enum CodingKeys: String, CodingKey { case mu, sigma }

  /// Decodes and validates `{"mu": μ, "sigma": σ}`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    try self.init(
      mu: container.decode(Double.self, forKey: .mu),
      sigma: container.decode(Double.self, forKey: .sigma))
  }
}
