import RealModule

/// Straggler amplification observed in per-worker step logs, beside what independent workers would
/// give.
///
/// A synchronous training step ends when its slowest worker does, so its time is the maximum of the
/// workers' times. From per-worker durations grouped by step (G workers per step):
///
/// - **observed**: the mean and p95 of the per-step maxima M_s = max_w x_{s,w};
/// - **independent-workers prediction**: if the G workers drew independently from the pooled
///   per-worker distribution F (the empirical CDF of every x_{s,w}), the maximum would have CDF F^G.
///   Its mean is E[M] = Σᵢ x₍ᵢ₎ · ((i/n)^G − ((i−1)/n)^G) over the n pooled values sorted ascending,
///   and its p95 the smallest x₍ᵢ₎ with (i/n)^G ≥ 0.95, i.e. i = ⌈n · 0.95^{1/G}⌉.
///
/// Both are divided by the pooled per-worker median to give amplification factors. An observed
/// amplification well above the prediction means the workers are not independent draws from one
/// distribution (a persistently slow worker or node, correlated pauses); below it, that the
/// slowdowns are shared across workers. p95 values here are inverse empirical CDFs (Hyndman–Fan
/// type 1) on both sides, so the two are computed the same way; the median is type 7.
///
/// - Reference: H. A. David, H. N. Nagaraja, *Order Statistics*, 3rd ed., Wiley 2003,
///   doi:10.1002/0471722162, §2.1 (the CDF of the maximum of G independent draws is F^G).
/// - Complexity: O(n log n) for n pooled values.
public struct ObservedStragglers: Sendable, Hashable {
  /// Workers per step G: the most common group size (ties go to the larger).
  public let workersPerStep: Int
  /// Steps with exactly G workers, the ones the observed figures use.
  public let stepCount: Int
  /// Steps left out because their worker count differs from G.
  public let stepsWithOtherSizes: Int
  /// The median of every per-worker duration (the steps with G workers), in seconds.
  public let workerMedian: Double
  /// Mean of the per-step maxima.
  public let observedMean: Double
  /// p95 of the per-step maxima (inverse empirical CDF).
  public let observedP95: Double
  /// E[max of G independent draws from the pooled per-worker distribution].
  public let predictedMean: Double
  /// p95 of that maximum: the pooled quantile at 0.95^{1/G} (inverse empirical CDF).
  public let predictedP95: Double

  /// Analyses `steps`, each the per-worker durations of one step.
  ///
  /// - Returns: `nil` unless at least two steps have the same number (≥ 2) of workers and every
  ///   value is finite.
  public init?(steps: [[Double]]) {
    var sizeCounts: [Int: Int] = [:]
    for step in steps where step.count >= 2 { sizeCounts[step.count, default: 0] += 1 }
    guard
      let size = sizeCounts.max(by: { ($0.value, $0.key) < ($1.value, $1.key) })?.key,
      let count = sizeCounts[size], count >= 2
    else { return nil }
    let used = steps.filter { $0.count == size }
    let pooled = used.flatMap { $0 }.sorted()
    guard pooled.allSatisfy(\.isFinite) else { return nil }
    let maxima = used.map { $0.max() ?? .nan }.sorted()
    workersPerStep = size
    stepCount = used.count
    stepsWithOtherSizes = steps.count - used.count
    workerMedian = quantile(sorted: pooled, 0.5)
    observedMean = maxima.reduce(0, +) / Double(maxima.count)
    observedP95 = Self.inverseECDF(sorted: maxima, 0.95)
    predictedMean = Self.expectedMaximum(sorted: pooled, of: size)
    predictedP95 = Self.inverseECDF(sorted: pooled, Double.exp(Double.log(0.95) / Double(size)))
  }

  /// Observed mean amplification: mean per-step maximum over the per-worker median.
  public var observedMeanAmplification: Double { observedMean / workerMedian }
  /// Observed p95 amplification.
  public var observedP95Amplification: Double { observedP95 / workerMedian }
  /// Independent-workers mean amplification.
  public var predictedMeanAmplification: Double { predictedMean / workerMedian }
  /// Independent-workers p95 amplification.
  public var predictedP95Amplification: Double { predictedP95 / workerMedian }

  /// E[max of `groupSize` independent draws] from the empirical distribution of `sorted`:
  /// Σᵢ x₍ᵢ₎ ((i/n)^G − ((i−1)/n)^G).
  public static func expectedMaximum(sorted: [Double], of groupSize: Int) -> Double {
    let n = Double(sorted.count)
    let power = Double(groupSize)
    var total = 0.0
    var previous = 0.0
    for (offset, value) in sorted.enumerated() {
      let current = Double.pow(Double(offset + 1) / n, power)
      total += value * (current - previous)
      previous = current
    }
    return total
  }

  /// The smallest x₍ᵢ₎ with i/n ≥ p (Hyndman–Fan type 1); NaN for an empty sample.
  public static func inverseECDF(sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return .nan }
    let rank = Int((Double(sorted.count) * p).rounded(.up))
    return sorted[min(max(rank, 1), sorted.count) - 1]
  }
}
