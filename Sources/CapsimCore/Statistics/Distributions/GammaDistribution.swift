import RealModule

/// The gamma distribution with shape k and scale θ (mean kθ).
///
/// Density x^(k−1)e^(−x/θ)/(Γ(k)θᵏ) for x > 0. Same as `scipy.stats.gamma(a=k, scale=θ)` and Excel
/// `GAMMA.DIST(x, k, θ, …)`. The cdf is the regularized incomplete gamma P(k, x/θ).
///
/// Sampling: Marsaglia and Tsang's squeeze-rejection method for k ≥ 1; for k < 1 a draw with
/// shape k + 1 is multiplied by U^(1/k) (computed in log space).
///
/// Reference: G. Marsaglia, W. W. Tsang, "A simple method for generating gamma variables",
/// ACM TOMS 26(3), 2000, doi:10.1145/358407.358414.
public struct GammaDistribution: ContinuousDistribution, Hashable, Codable {
  /// The shape k > 0.
  public let shape: Double
  /// The scale θ > 0.
  public let scale: Double

  /// Creates the gamma distribution with shape `shape` and scale `scale`.
  ///
  /// - Throws: ``DistributionError/invalidParameter(name:value:requirement:)`` unless both are
  ///   finite and > 0.
  public init(shape: Double, scale: Double) throws(DistributionError) {
    try DistributionError.requirePositive(shape, name: "shape")
    try DistributionError.requirePositive(scale, name: "scale")
    self.shape = shape
    self.scale = scale
  }

  /// kθ.
  public var mean: Double { shape * scale }
  /// kθ².
  public var variance: Double { shape * scale * scale }

  /// The density; at x = 0: +∞ if k < 1, 1/θ if k = 1, 0 if k > 1; 0 for x < 0. - Complexity: O(1).
  public func pdf(_ x: Double) -> Double {
    guard x >= 0 else { return x.isNaN ? .nan : 0 }
    if x == 0 { return shape < 1 ? .infinity : (shape == 1 ? 1 / scale : 0) }
    return Double.exp(logPDF(x))
  }

  /// (k − 1) ln x − x/θ − ln Γ(k) − k ln θ; −∞ for x < 0. - Complexity: O(1).
  public func logPDF(_ x: Double) -> Double {
    guard x >= 0 else { return x.isNaN ? .nan : -.infinity }
    if x == 0 { return Double.log(pdf(0)) }
    if x == .infinity { return -.infinity }
    let y = x / scale
    return (shape - 1) * Double.log(y) - y - Double.logGamma(shape) - Double.log(scale)
  }

  /// P(k, x/θ); 0 for x ≤ 0. - Complexity: see ``SpecialFunctions/regularizedGammaP(_:_:)``.
  public func cdf(_ x: Double) -> Double {
    guard x > 0 else { return x.isNaN ? .nan : 0 }
    return SpecialFunctions.regularizedGammaP(shape, x / scale)
  }

  /// Q(k, x/θ), accurate in the upper tail; 1 for x ≤ 0.
  /// - Complexity: see ``SpecialFunctions/regularizedGammaQ(_:_:)``.
  public func survival(_ x: Double) -> Double {
    guard x > 0 else { return x.isNaN ? .nan : 1 }
    return SpecialFunctions.regularizedGammaQ(shape, x / scale)
  }

  /// θ·P⁻¹(k, p); 0 at p = 0, +∞ at p = 1, NaN outside [0, 1].
  /// - Complexity: see ``SpecialFunctions/inverseRegularizedGammaP(_:_:)``.
  public func quantile(_ p: Double) -> Double {
    scale * SpecialFunctions.inverseRegularizedGammaP(shape, p)
  }

  /// One draw (Marsaglia–Tsang); about 1.03 normal and uniform pairs per draw for k ≥ 1.
  /// For very small k (below about 0.01) draws can underflow to 0. - Complexity: O(1) expected.
  public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
    if shape >= 1 {
      return scale * Self.marsagliaTsang(shape: shape, using: &generator)
    }
    let boosted = Self.marsagliaTsang(shape: shape + 1, using: &generator)
    let logU = Double.log(generator.nextOpenUnitDouble())
    return scale * Double.exp(Double.log(boosted) + logU / shape)
  }

  /// A gamma(shape, 1) draw for shape ≥ 1.
  @inlinable
  static func marsagliaTsang<G: RandomNumberGenerator>(shape: Double, using generator: inout G)
    -> Double
  {
    let d = shape - 1.0 / 3
    let c = 1 / (9 * d).squareRoot()
    while true {
      var x: Double
      var v: Double
      repeat {
        x = generator.nextStandardNormal()
        v = 1 + c * x
      } while v <= 0
      v = v * v * v
      let u = generator.nextOpenUnitDouble()
      let xSquared = x * x
      if u < 1 - 0.0331 * xSquared * xSquared { return d * v }
      if Double.log(u) < 0.5 * xSquared + d * (1 - v + Double.log(v)) { return d * v }
    }
  }

  // MARK: - Codable

  private enum CodingKeys: String, CodingKey { case shape, scale }

  /// Decodes and validates `{"shape": k, "scale": θ}`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    try self.init(
      shape: container.decode(Double.self, forKey: .shape),
      scale: container.decode(Double.self, forKey: .scale))
  }
}
