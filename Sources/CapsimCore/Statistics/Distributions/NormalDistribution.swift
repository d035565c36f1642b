import RealModule

/// The normal (Gaussian) distribution N(μ, σ²).
///
/// Density φ((x − μ)/σ)/σ on the whole real line. Sampling: μ + σ·Z with
/// `generator.nextStandardNormal()`.
public struct NormalDistribution: ContinuousDistribution, Hashable, Codable {
  /// The mean μ (location).
  public let mean: Double
  /// The standard deviation σ > 0 (scale).
  public let standardDeviation: Double

  /// Creates N(mean, standardDeviation²).
  ///
  /// - Throws: ``DistributionError/invalidParameter(name:value:requirement:)`` if `mean` is not finite
  ///   or `standardDeviation` is not finite and > 0 (σ = 0 is rejected: use a constant instead).
  public init(mean: Double, standardDeviation: Double) throws(DistributionError) {
    try DistributionError.requireFinite(mean, name: "mean")
    try DistributionError.requirePositive(standardDeviation, name: "standardDeviation")
    self.mean = mean
    self.standardDeviation = standardDeviation
  }

  /// σ².
  public var variance: Double { standardDeviation * standardDeviation }

  /// φ((x − μ)/σ)/σ; 0 at ±∞; NaN for NaN. - Complexity: O(1).
  public func pdf(_ x: Double) -> Double {
    SpecialFunctions.standardNormalPDF((x - mean) / standardDeviation) / standardDeviation
  }

  /// −z²/2 − ln σ − ½ ln 2π with z = (x − μ)/σ. - Complexity: O(1).
  public func logPDF(_ x: Double) -> Double {
    let z = (x - mean) / standardDeviation
    return -0.5 * z * z - Double.log(standardDeviation) - 0.918_938_533_204_672_7
  }

  /// Φ((x − μ)/σ), accurate in the lower tail. - Complexity: O(1).
  public func cdf(_ x: Double) -> Double {
    SpecialFunctions.standardNormalCDF((x - mean) / standardDeviation)
  }

  /// Φ(−(x − μ)/σ), accurate in the upper tail. - Complexity: O(1).
  public func survival(_ x: Double) -> Double {
    SpecialFunctions.standardNormalSurvival((x - mean) / standardDeviation)
  }

  /// μ + σ·Φ⁻¹(p) (AS241); −∞ at 0, +∞ at 1, NaN outside [0, 1]. - Complexity: O(1).
  public func quantile(_ p: Double) -> Double {
    mean + standardDeviation * SpecialFunctions.standardNormalQuantile(p)
  }

  /// μ + σ·Z. - Complexity: O(1) expected.
  public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
    mean + standardDeviation * generator.nextStandardNormal()
  }

  // MARK: - Codable

  private enum CodingKeys: String, CodingKey { case mean, standardDeviation }

  /// Decodes and validates `{"mean": μ, "standardDeviation": σ}`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    try self.init(
      mean: container.decode(Double.self, forKey: .mean),
      standardDeviation: container.decode(Double.self, forKey: .standardDeviation))
  }
}
