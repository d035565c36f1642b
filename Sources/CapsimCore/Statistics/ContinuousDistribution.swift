import RealModule

/// A probability distribution on the real line that capsim can evaluate and sample.
///
/// Conforming types are small value types (parameters only). Sampling takes the random stream
/// `inout`, so callers control reproducibility; nothing here uses a global generator.
public protocol ContinuousDistribution: Sendable {
  /// Probability density at `x` (0 outside the support; may be +∞ at a boundary).
  func pdf(_ x: Double) -> Double
  /// Natural log of the density at `x` (−∞ outside the support).
  func logPDF(_ x: Double) -> Double
  /// P(X ≤ x).
  func cdf(_ x: Double) -> Double
  /// P(X > x) = 1 − cdf(x), computed without cancellation where the family allows (upper tails).
  func survival(_ x: Double) -> Double
  /// The inverse cdf: the smallest x with cdf(x) ≥ p, for p in [0, 1]; NaN outside [0, 1].
  func quantile(_ p: Double) -> Double
  /// E[X] (may be +∞ or NaN where it does not exist).
  var mean: Double { get }
  /// Var[X] (may be +∞ or NaN where it does not exist).
  var variance: Double { get }
  /// One independent draw.
  func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double
}

extension ContinuousDistribution {
  /// Standard deviation, √variance.
  public var standardDeviation: Double { variance.squareRoot() }

  /// Default `survival`: `1 − cdf(x)`. Families override it where the upper tail has a direct form.
  public func survival(_ x: Double) -> Double {
    1 - cdf(x)
  }

  /// Default `logPDF`: `log(pdf(x))`. Families override it where a direct formula is more accurate.
  public func logPDF(_ x: Double) -> Double {
    let density = pdf(x)
    return density > 0 ? Double.log(density) : -.infinity
  }
}
