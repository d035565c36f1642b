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

  /// Summarises month `month` (0-based) of an option's reduced trials.
  static func summarise(_ accumulator: OptionAccumulator, month: Int) -> MonthlyCost {
    let trials = Double(Swift.max(1, accumulator.trials))
    let values = accumulator.monthly[month].quantiles([0.1, 0.5, 0.9])
    let cumulative = accumulator.cumulative[month].quantiles([0.1, 0.5, 0.9])
    return MonthlyCost(
      month: month + 1, mean: accumulator.monthlySums[month].value / trials,
      p10: values[0], p50: values[1], p90: values[2],
      cumulativeMean: accumulator.cumulativeSums[month].value / trials,
      cumulativeP10: cumulative[0], cumulativeP50: cumulative[1], cumulativeP90: cumulative[2])
  }
}

/// When a committed option's cumulative cost drops to or below a pay-per-use option's, as a distribution
/// over trials.
public struct Crossover: Sendable, Hashable, Codable {
  /// The committed option.
  public var dedicated: String
  /// The pay-per-use option it is compared with.
  public var shared: String
  /// `monthShares[m]`: share of trials whose first month with cumulative dedicated cost ≤ shared cost is
  /// month m + 1.
  public var monthShares: [Double]
  /// Share of trials where that never happens within the horizon.
  public var neverShare: Double
  /// The median crossover month over trials (1-based), `nil` if it does not happen in most trials.
  public var medianMonth: Int?

  /// The crossover of `dedicated` and `shared` from the count of trials whose first month with cumulative
  /// dedicated cost ≤ shared cost is each month (`counts[m]` for month m + 1) and of trials where that never
  /// happens.
  init(dedicated: String, shared: String, counts: [Int], never: Int) {
    let trials = counts.reduce(never, +)
    let scale = Double(Swift.max(1, trials))
    self.dedicated = dedicated
    self.shared = shared
    monthShares = counts.map { Double($0) / scale }
    neverShare = Double(never) / scale
    // The median of first months over trials ("never" sorting last): order statistic (n − 1) / 2.
    var median: Int?
    var seen = 0
    let rank = (trials - 1) / 2
    for (month, count) in counts.enumerated() {
      seen += count
      if trials > 0 && rank < seen {
        median = month + 1
        break
      }
    }
    medianMonth = median
  }
}
