/// One month of an option's cost over the horizon, with its spread across trials.
public struct MonthlyCost: Sendable, Hashable, Codable {
  /// Month number, 1-based.
  public var month: Int
  /// Mean cost in this month over trials.
  public var mean: Double
  /// 10th, 50th and 90th percentiles over trials (type 7).
  public var p10: Double
  /// Median over trials.
  public var p50: Double
  /// 90th percentile over trials.
  public var p90: Double
  /// Mean cumulative cost up to and including this month (total cost of ownership so far).
  public var cumulativeMean: Double
  /// 10th percentile of the cumulative cost.
  public var cumulativeP10: Double
  /// Median cumulative cost.
  public var cumulativeP50: Double
  /// 90th percentile of the cumulative cost.
  public var cumulativeP90: Double

  /// Summarises month `month` (0-based index into each trial's series).
  static func summarise(_ series: [[Double]], month: Int) -> MonthlyCost {
    let values = series.map { $0[month] }.sorted()
    let cumulative = series.map { $0[0...month].reduce(0, +) }.sorted()
    return MonthlyCost(
      month: month + 1,
      mean: TrialStatistics.neumaierSum(values) / Double(Swift.max(1, values.count)),
      p10: quantile(sorted: values, 0.1), p50: quantile(sorted: values, 0.5),
      p90: quantile(sorted: values, 0.9),
      cumulativeMean: TrialStatistics.neumaierSum(cumulative)
        / Double(Swift.max(1, cumulative.count)),
      cumulativeP10: quantile(sorted: cumulative, 0.1),
      cumulativeP50: quantile(sorted: cumulative, 0.5),
      cumulativeP90: quantile(sorted: cumulative, 0.9))
  }
}

/// When a committed option's cumulative cost drops to or below a pay-per-use option's, as a distribution
/// over trials.
public struct Crossover: Sendable, Hashable, Codable {
  /// The committed option.
  public var dedicated: String
  /// The pay-per-use option it is compared with.
  public var shared: String
  /// `monthShares[m]`: share of trials in which the cumulative dedicated cost is ≤ the shared cost from
  /// month m + 1 through the end of the horizon (commitment billed after the horizon included).
  public var monthShares: [Double]
  /// Share of trials where that never happens within the horizon.
  public var neverShare: Double
  /// The median crossover month over trials (1-based), `nil` if it does not happen in most trials.
  public var medianMonth: Int?

  /// Compares two options trial by trial.
  static func between(
    dedicated: String, dedicatedSeries: [[Double]], shared: String, sharedSeries: [[Double]]
  ) -> Crossover {
    let months = dedicatedSeries.first?.count ?? 0
    var counts = [Int](repeating: 0, count: months)
    var never = 0
    var firstMonths: [Int] = []
    for (committed, payPerUse) in zip(dedicatedSeries, sharedSeries) {
      var cumulativeCommitted = 0.0
      var cumulativeShared = 0.0
      // The month from which the committed option stays cumulatively no dearer through the last month
      // (which carries any commitment billed after the horizon): a lead in the middle that the end
      // reverses is no crossover.
      var found: Int?
      for month in 0..<months {
        cumulativeCommitted += committed[month]
        cumulativeShared += payPerUse[month]
        if cumulativeCommitted <= cumulativeShared {
          if found == nil { found = month }
        } else {
          found = nil
        }
      }
      if let found {
        counts[found] += 1
        firstMonths.append(found + 1)
      } else {
        never += 1
        firstMonths.append(Int.max)
      }
    }
    let trials = Double(Swift.max(1, dedicatedSeries.count))
    firstMonths.sort()
    let median = firstMonths.isEmpty ? Int.max : firstMonths[(firstMonths.count - 1) / 2]
    return Crossover(
      dedicated: dedicated, shared: shared, monthShares: counts.map { Double($0) / trials },
      neverShare: Double(never) / trials, medianMonth: median == Int.max ? nil : median)
  }
}
