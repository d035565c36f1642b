/// A duration source ready to draw from (values in seconds).
public enum ResolvedDuration: Sendable {
  /// Plain bootstrap from measured values: each draw is a uniformly chosen value.
  case empirical([Double])
  /// Draws from a distribution (smoothed bootstrap, a fit, or a distribution given in the scenario).
  case distribution(any ContinuousDistribution)

  /// One draw, in seconds, never negative (a distribution with mass below 0 is cut off at 0).
  @inlinable
  public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
    switch self {
    case .empirical(let values): return values[generator.nextIndex(below: values.count)]
    case .distribution(let distribution):
      return Swift.max(0, distribution.sample(using: &generator))
    }
  }

  /// The mean of a draw, in seconds: of the draws as they are made, so of max(0, X) for a distribution.
  public var mean: Double {
    switch self {
    case .empirical(let values): return TrialStatistics.neumaierSum(values) / Double(values.count)
    case .distribution(let distribution): return Self.meanCutAtZero(distribution)
    }
  }

  /// E[max(0, X)]: the distribution's mean when it has no mass below 0; otherwise E[X] − E[min(X, 0)], with
  /// E[min(X, 0)] = ∫₀^{F(0)} Q(p) dp by tanh–sinh quadrature (``MaximumMoments``), since a draw below 0 is
  /// cut off at 0. (A normal of mean 1 s and standard deviation 10⁸ s has a mean of 1 s but draws averaging
  /// 4·10⁷ s: the checks of job times must see the latter.)
  static func meanCutAtZero(_ distribution: any ContinuousDistribution) -> Double {
    let below = distribution.cdf(0)
    guard below > 0, below <= 1 else { return distribution.mean }
    if let kernel = distribution as? EmpiricalDistribution, kernel.bandwidth > 0 {
      // A smoothed bootstrap (not reflected, or it would have no mass below 0) is a mixture of N(xᵢ, h²):
      // E[max(0, X)] = (1/n) Σ xᵢΦ(xᵢ/h) + hφ(xᵢ/h), in one pass (its quantiles each take a pass).
      let h = kernel.bandwidth
      var sum = 0.0
      for value in kernel.sortedValues {
        let z = value / h
        sum +=
          value * SpecialFunctions.standardNormalCDF(z) + h * SpecialFunctions.standardNormalPDF(z)
      }
      return sum / Double(kernel.sortedValues.count)
    }
    let negative = MaximumMoments.integrate(
      quantile: { distribution.quantile(below * $0) }, gpus: 1, shift: 0
    ).mean
    return distribution.mean - below * negative
  }
}

/// A borrowed view of a ``ResolvedDuration`` for hot loops: an unsafe buffer for bootstrap draws, so that
/// drawing does not retain the value array.
struct DrawSource {
  let values: UnsafeBufferPointer<Double>
  let distribution: (any ContinuousDistribution)?

  /// One draw, never negative (a distribution with mass below 0, such as a normal, is cut off at 0).
  @inline(__always)
  func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
    if let distribution { return Swift.max(0, distribution.sample(using: &generator)) }
    return values[generator.nextIndex(below: values.count)]
  }
}

extension ResolvedDuration {
  /// Calls `body` with a draw source valid for the duration of the call.
  func withDrawSource<R>(_ body: (DrawSource) throws -> R) rethrows -> R {
    switch self {
    case .empirical(let values):
      return try values.withUnsafeBufferPointer {
        try body(DrawSource(values: $0, distribution: nil))
      }
    case .distribution(let distribution):
      return try body(
        DrawSource(values: UnsafeBufferPointer(start: nil, count: 0), distribution: distribution))
    }
  }
}

/// The per-job mechanisms of an option, built and validated from its scenario sections.
public struct OptionMechanisms: Sendable {
  /// Slowest-of-G steps, if `stragglers` is on.
  public var stragglers: StragglerModel?
  /// Contention episodes, if configured.
  public var contention: ContentionModel?
  /// Interruptions with checkpoint/restart, if configured.
  public var interruptions: InterruptionModel?

  /// No mechanism switched on.
  public static let none = OptionMechanisms(stragglers: nil, contention: nil, interruptions: nil)

  /// Creates the mechanisms.
  public init(
    stragglers: StragglerModel?, contention: ContentionModel?, interruptions: InterruptionModel?
  ) {
    self.stragglers = stragglers
    self.contention = contention
    self.interruptions = interruptions
  }
}
