import RealModule

/// The two-parameter Weibull distribution with shape k and scale λ.
///
/// cdf 1 − exp(−(x/λ)ᵏ) for x ≥ 0. Same as `scipy.stats.weibull_min(c=k, scale=λ)` and Excel
/// `WEIBULL.DIST(x, k, λ, …)`. Sampling by inversion: λ(−ln U)^(1/k).
public struct WeibullDistribution: ContinuousDistribution, Hashable, Codable {
  /// The shape k > 0 (k < 1: decreasing hazard; k = 1: exponential; k > 1: increasing hazard).
  public let shape: Double
  /// The scale λ > 0 (the 63.2 % quantile).
  public let scale: Double

  /// Creates the Weibull distribution with shape `shape` and scale `scale`.
  ///
  /// - Throws: ``DistributionError/invalidParameter(name:value:requirement:)`` unless both are
  ///   finite and > 0.
  public init(shape: Double, scale: Double) throws(DistributionError) {
    try DistributionError.requirePositive(shape, name: "shape")
    try DistributionError.requirePositive(scale, name: "scale")
    self.shape = shape
    self.scale = scale
  }

  /// λ·Γ(1 + 1/k).
  public var mean: Double { scale * Double.exp(Double.logGamma(1 + 1 / shape)) }

  /// λ²·[Γ(1 + 2/k) − Γ(1 + 1/k)²].
  public var variance: Double {
    let first = Double.exp(Double.logGamma(1 + 1 / shape))
    let second = Double.exp(Double.logGamma(1 + 2 / shape))
    return scale * scale * (second - first * first)
  }

  /// (k/λ)(x/λ)ᵏ⁻¹e^(−(x/λ)ᵏ) for x ≥ 0 (at x = 0: +∞ if k < 1, 1/λ if k = 1, 0 if k > 1);
  /// 0 for x < 0. - Complexity: O(1).
  public func pdf(_ x: Double) -> Double {
    guard x >= 0 else { return x.isNaN ? .nan : 0 }
    if x == 0 {
      return shape < 1 ? .infinity : (shape == 1 ? 1 / scale : 0)
    }
    return Double.exp(logPDF(x))
  }

  /// ln(k/λ) + (k − 1) ln(x/λ) − (x/λ)ᵏ; −∞ for x < 0. - Complexity: O(1).
  public func logPDF(_ x: Double) -> Double {
    guard x >= 0 else { return x.isNaN ? .nan : -.infinity }
    if x == 0 { return Double.log(pdf(0)) }
    if x == .infinity { return -.infinity }
    let logRatio = Double.log(x / scale)
    return Double.log(shape / scale) + (shape - 1) * logRatio - Double.exp(shape * logRatio)
  }

  /// 1 − exp(−(x/λ)ᵏ) (as −expm1) for x ≥ 0; 0 for x < 0. - Complexity: O(1).
  public func cdf(_ x: Double) -> Double {
    guard x >= 0 else { return x.isNaN ? .nan : 0 }
    return -Double.expMinusOne(-Double.pow(x / scale, shape))
  }

  /// exp(−(x/λ)ᵏ) for x ≥ 0; 1 for x < 0. - Complexity: O(1).
  public func survival(_ x: Double) -> Double {
    guard x >= 0 else { return x.isNaN ? .nan : 1 }
    return Double.exp(-Double.pow(x / scale, shape))
  }

  /// λ(−ln(1 − p))^(1/k); 0 at p = 0, +∞ at p = 1, NaN outside [0, 1]. - Complexity: O(1).
  public func quantile(_ p: Double) -> Double {
    guard p >= 0, p <= 1 else { return .nan }
    return scale * Double.pow(-Double.log(onePlus: -p), 1 / shape)
  }

  /// λ(−ln U)^(1/k). - Complexity: O(1).
  public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
    scale * Double.pow(-Double.log(generator.nextOpenUnitDouble()), 1 / shape)
  }

  // MARK: - Codable

  private enum CodingKeys: String, CodingKey { case shape, scale }

  /// Decodes and validates `{"shape": k, "scale": λ}`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    try self.init(
      shape: container.decode(Double.self, forKey: .shape),
      scale: container.decode(Double.self, forKey: .scale))
  }
}
