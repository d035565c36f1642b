/// One point of an option's job-time distribution: the share of simulated jobs that completed (queue wait
/// plus wall time) within `hours`.
public struct JobTimeQuantile: Sendable, Hashable, Codable {
  /// The probability p, in (0, 1).
  public var share: Double
  /// The type-7 p-quantile of job time over all simulated jobs, hours (from the pooled histogram, within
  /// 0.05% of the exact sample quantile).
  public var hours: Double

  /// Creates a point.
  public init(share: Double, hours: Double) {
    self.share = share
    self.hours = hours
  }

  /// The probabilities reports draw the distribution at: every percentile from 1% to 99%.
  public static let shares: [Double] = (1...99).map { Double($0) / 100 }
}
