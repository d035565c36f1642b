/// A distribution moved by a constant: X = shift + Y with Y ~ `base`.
///
/// Use it for a location parameter or a floor, e.g. a job that never takes less than 30 s plus a
/// log-normal remainder. Every function forwards to the base at x − shift.
public struct ShiftedDistribution<Base: ContinuousDistribution>: ContinuousDistribution {
  /// The distribution of Y.
  public let base: Base
  /// The constant added to every value.
  public let shift: Double

  /// Creates X = shift + Y.
  ///
  /// - Throws: ``DistributionError/invalidParameter(name:value:requirement:)`` if `shift` is not
  ///   finite.
  public init(base: Base, shift: Double) throws(DistributionError) {
    try DistributionError.requireFinite(shift, name: "shift")
    self.base = base
    self.shift = shift
  }

  /// shift + E[Y].
  public var mean: Double { shift + base.mean }
  /// Var[Y].
  public var variance: Double { base.variance }

  /// f_Y(x − shift). - Complexity: as the base.
  public func pdf(_ x: Double) -> Double { base.pdf(x - shift) }
  /// ln f_Y(x − shift). - Complexity: as the base.
  public func logPDF(_ x: Double) -> Double { base.logPDF(x - shift) }
  /// F_Y(x − shift). - Complexity: as the base.
  public func cdf(_ x: Double) -> Double { base.cdf(x - shift) }
  /// 1 − F_Y(x − shift). - Complexity: as the base.
  public func survival(_ x: Double) -> Double { base.survival(x - shift) }
  /// shift + F_Y⁻¹(p). - Complexity: as the base.
  public func quantile(_ p: Double) -> Double { shift + base.quantile(p) }
  /// shift + a draw of Y. - Complexity: as the base.
  public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
    shift + base.sample(using: &generator)
  }
}

extension ShiftedDistribution: Equatable where Base: Equatable {}
extension ShiftedDistribution: Hashable where Base: Hashable {}

extension ShiftedDistribution: Codable where Base: Codable {
  private enum CodingKeys: String, CodingKey { case base, shift }

  /// Decodes `{"base": …, "shift": s}` and validates the shift.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    try self.init(
      base: container.decode(Base.self, forKey: .base),
      shift: container.decode(Double.self, forKey: .shift))
  }

  /// Encodes `{"base": …, "shift": s}`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(base, forKey: .base)
    try container.encode(shift, forKey: .shift)
  }
}
