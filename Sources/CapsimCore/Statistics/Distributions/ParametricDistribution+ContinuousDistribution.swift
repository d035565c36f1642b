extension ParametricDistribution {
  /// shift + E[Y].
  public var mean: Double { shift + baseDistribution.mean }
  /// Var[Y].
  public var variance: Double { baseDistribution.variance }
  /// f_Y(x − shift). - Complexity: as the family.
  public func pdf(_ x: Double) -> Double { baseDistribution.pdf(x - shift) }
  /// ln f_Y(x − shift). - Complexity: as the family.
  public func logPDF(_ x: Double) -> Double { baseDistribution.logPDF(x - shift) }
  /// F_Y(x − shift). - Complexity: as the family.
  public func cdf(_ x: Double) -> Double { baseDistribution.cdf(x - shift) }
  /// 1 − F_Y(x − shift). - Complexity: as the family.
  public func survival(_ x: Double) -> Double { baseDistribution.survival(x - shift) }
  /// shift + F_Y⁻¹(p). - Complexity: as the family.
  public func quantile(_ p: Double) -> Double { shift + baseDistribution.quantile(p) }

  /// shift + a draw of Y; dispatches statically on the family. - Complexity: as the family.
  public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
    switch base {
    case .normal(let d): shift + d.sample(using: &generator)
    case .lognormal(let d): shift + d.sample(using: &generator)
    case .gamma(let d): shift + d.sample(using: &generator)
    case .weibull(let d): shift + d.sample(using: &generator)
    case .exponential(let d): shift + d.sample(using: &generator)
    }
  }
}
