/// A sample quantile with its distribution-free 95% confidence interval.
///
/// `lower` and `upper` are order statistics chosen by ``QuantileConfidenceRanks``; either is `nil`
/// when the sample is too small to bound the quantile on that side at 95% (for example the p99 of
/// fewer than 368 values has no upper bound, since 0.99³⁶⁷ > 0.025).
public struct QuantileEstimate: Sendable, Hashable, Codable {
  /// The probability p in [0, 1].
  public var probability: Double
  /// The point estimate (Hyndman–Fan type 7 for a sample; see the producer for histograms).
  public var value: Double
  /// Lower end of the 95% confidence interval, if the sample is large enough.
  public var lower: Double?
  /// Upper end of the 95% confidence interval, if the sample is large enough.
  public var upper: Double?

  /// Creates an estimate.
  public init(probability: Double, value: Double, lower: Double?, upper: Double?) {
    self.probability = probability
    self.value = value
    self.lower = lower
    self.upper = upper
  }

  /// The type-7 quantile of an ascending sorted, non-empty sample with its order-statistic interval.
  ///
  /// Returns `value` NaN and no interval when `sorted` is empty or p is outside [0, 1].
  /// - Complexity: O(n) for n ≤ 100 000 (exact binomial ranks), O(1) above.
  public init(sorted: [Double], probability: Double) {
    let ranks = QuantileConfidenceRanks(sampleSize: sorted.count, probability: probability)
    self.init(
      probability: probability,
      value: quantile(sorted: sorted, probability),
      lower: ranks.lower.map { sorted[$0 - 1] },
      upper: ranks.upper.map { sorted[$0 - 1] })
  }
}
