import RealModule

/// The exponential distribution with rate λ (mean 1/λ).
///
/// Same as `scipy.stats.expon(scale=1/λ)` and Excel `EXPON.DIST(x, λ, …)`. Support x ≥ 0.
/// Sampling by inversion: −ln(U)/λ with U uniform on (0, 1).
public struct ExponentialDistribution: ContinuousDistribution, Hashable, Codable {
  /// The rate λ > 0.
  public let rate: Double

  /// Creates the exponential distribution with rate `rate`.
  ///
  /// - Throws: ``DistributionError/invalidParameter(name:value:requirement:)`` unless `rate` is
  ///   finite and > 0.
  public init(rate: Double) throws(DistributionError) {
    try DistributionError.requirePositive(rate, name: "rate")
    self.rate = rate
  }

  /// 1/λ.
  public var mean: Double { 1 / rate }
  /// 1/λ².
  public var variance: Double { 1 / (rate * rate) }

  /// λe^(−λx) for x ≥ 0; 0 for x < 0. - Complexity: O(1).
  public func pdf(_ x: Double) -> Double {
    guard x >= 0 else { return x.isNaN ? .nan : 0 }
    return rate * Double.exp(-rate * x)
  }

  /// ln λ − λx for x ≥ 0; −∞ for x < 0. - Complexity: O(1).
  public func logPDF(_ x: Double) -> Double {
    guard x >= 0 else { return x.isNaN ? .nan : -.infinity }
    return Double.log(rate) - rate * x
  }

  /// 1 − e^(−λx) (as −expm1) for x ≥ 0; 0 for x < 0. - Complexity: O(1).
  public func cdf(_ x: Double) -> Double {
    guard x >= 0 else { return x.isNaN ? .nan : 0 }
    return -Double.expMinusOne(-rate * x)
  }

  /// e^(−λx) for x ≥ 0; 1 for x < 0. - Complexity: O(1).
  public func survival(_ x: Double) -> Double {
    guard x >= 0 else { return x.isNaN ? .nan : 1 }
    return Double.exp(-rate * x)
  }

  /// −ln(1 − p)/λ (as −log1p(−p)); 0 at p = 0, +∞ at p = 1, NaN outside [0, 1]. - Complexity: O(1).
  public func quantile(_ p: Double) -> Double {
    guard p >= 0, p <= 1 else { return .nan }
    return -Double.log(onePlus: -p) / rate
  }

  /// −ln(U)/λ. - Complexity: O(1).
  public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
    -Double.log(generator.nextOpenUnitDouble()) / rate
  }

  // MARK: - Codable

  private enum CodingKeys: String, CodingKey { case rate }

  /// Decodes and validates `{"rate": λ}`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    try self.init(rate: container.decode(Double.self, forKey: .rate))
  }
}
