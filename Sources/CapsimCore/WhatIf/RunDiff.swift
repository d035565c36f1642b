/// What changed between two stored runs: the scenario key by key (overrides applied), and every metric
/// side by side with whether the change is larger than the two runs' Monte Carlo uncertainty.
///
/// A metric's change d = b − a is called significant when |d| > z₀.₉₇₅ · √(SE_a² + SE_b²), the 95%
/// interval of a difference of two independent estimates. For an estimate stored with an interval but no
/// standard error (a pooled quantile), its interval's half-width (upper − lower)/2 stands for z·SE. Runs with the same seed share their random
/// numbers, which makes their estimates positively correlated; the independent-runs interval is then
/// wider than the true one, so the test is conservative (it flags fewer changes, never spurious ones
/// more often than 5%). Without standard errors a nonzero change is left undecided (`nil`); exact values
/// (standard error 0) differ significantly whenever they differ by more than rounding (a relative 10⁻⁹).
public struct RunDiff: Sendable, Hashable, Codable {
  /// One scenario key whose value differs (absent on one side: `nil`).
  public struct KeyChange: Sendable, Hashable, Codable {
    /// The key path, options by name (`options.bare-metal.nodes`).
    public var path: String
    /// The value in run A.
    public var before: String?
    /// The value in run B.
    public var after: String?
    /// Whether the values are what each run simulated rather than what its scenario says: the node
    /// counts of an option sized with `nodes: auto` (`path` is then `options.NAME.nodes`, and the
    /// scenario key says `auto` in both runs).
    public var simulated = false

    /// The path as a reader sees it: `options.NAME.nodes (simulated)` for simulated values.
    public var label: String { simulated ? path + " (simulated)" : path }
  }

  /// One metric of one option in both runs.
  public struct MetricChange: Sendable, Hashable, Codable {
    /// Option name.
    public var option: String
    /// Metric key.
    public var key: String
    /// Label.
    public var label: String
    /// Unit.
    public var unit: String
    /// The estimate in run A, if the option and metric exist there.
    public var before: Estimate?
    /// The estimate in run B.
    public var after: Estimate?
    /// b − a, when both exist.
    public var difference: Double?
    /// Half-width of the 95% interval of the difference, z·√(SE_a² + SE_b²), when both have an SE.
    public var combinedHalfWidth: Double?
    /// Whether |b − a| exceeds ``combinedHalfWidth``; `nil` when undecided.
    public var exceedsUncertainty: Bool?
  }

  /// Changed scenario keys, sorted by path.
  public var keyChanges: [KeyChange]
  /// Every metric present in either run, in run A's order, then B's new ones.
  public var metrics: [MetricChange]

  /// Compares scenario keys `keysA` with `keysB` and each option's metrics.
  ///
  /// `nodesA` and `nodesB` are the committed nodes each option was simulated with. When an option has a
  /// count in both, the counts differ and its scenario key does not already say so (a sized option,
  /// `nodes: auto`, is sized anew by each run), the change is listed under the key `options.NAME.nodes`
  /// marked ``KeyChange/simulated``, after the scenario's own change of that key if there is one.
  /// - Complexity: O(k log k + m) for k keys and m metrics.
  public init(
    keysA: [(path: String, value: String)], keysB: [(path: String, value: String)],
    metricsA: [(option: String, metrics: [MetricEstimate])],
    metricsB: [(option: String, metrics: [MetricEstimate])],
    nodesA: [(option: String, nodes: Int)] = [], nodesB: [(option: String, nodes: Int)] = []
  ) {
    let a = Dictionary(keysA.map { ($0.path, $0.value) }) { _, last in last }
    let b = Dictionary(keysB.map { ($0.path, $0.value) }) { _, last in last }
    var simulated: [KeyChange] = []
    let simulatedA = Dictionary(nodesA.map { ($0.option, $0.nodes) }) { first, _ in first }
    let simulatedB = Dictionary(nodesB.map { ($0.option, $0.nodes) }) { first, _ in first }
    // Only options with a count in both runs: a recommendation stores its two compared options alone,
    // and a result stored without counts says nothing about them.
    for option in Set(simulatedA.keys).intersection(simulatedB.keys) {
      guard let before = simulatedA[option].map(String.init),
        let after = simulatedB[option].map(String.init)
      else { continue }
      let written = "options.\(option).nodes"
      guard before != after, a[written] != before || b[written] != after else { continue }
      simulated.append(KeyChange(path: written, before: before, after: after, simulated: true))
    }
    let changed = Set(a.keys).union(b.keys).compactMap { path in
      a[path] == b[path] ? nil : KeyChange(path: path, before: a[path], after: b[path])
    }
    // By path; a simulated count after the scenario's own change of the same key.
    keyChanges = (changed + simulated).sorted {
      ($0.path, $0.simulated ? 1 : 0) < ($1.path, $1.simulated ? 1 : 0)
    }
    var order: [(option: String, key: String, sample: MetricEstimate)] = []
    var seen: Set<String> = []
    for (option, list) in metricsA + metricsB {
      for metric in list where seen.insert("\(option)\u{0}\(metric.key)").inserted {
        order.append((option, metric.key, metric))
      }
    }
    func find(
      _ runs: [(option: String, metrics: [MetricEstimate])], _ option: String, _ key: String
    )
      -> Estimate?
    {
      runs.first { $0.option == option }?.metrics.first { $0.key == key }?.estimate
    }
    metrics = order.map { entry in
      let before = find(metricsA, entry.option, entry.key)
      let after = find(metricsB, entry.option, entry.key)
      var change = MetricChange(
        option: entry.option, key: entry.key, label: entry.sample.label, unit: entry.sample.unit,
        before: before, after: after)
      if let before, let after, before.value.isFinite, after.value.isFinite {
        let difference = after.value - before.value
        change.difference = difference
        // A difference within rounding of the values (a sum taken over other jobs, in another order) is
        // no change, even between exact values.
        if Swift.abs(difference)
          <= Self.roundingTolerance * Swift.max(Swift.abs(before.value), Swift.abs(after.value))
        {
          change.exceedsUncertainty = false
          return change
        }
        if let halfA = Self.halfWidth(before), let halfB = Self.halfWidth(after) {
          let half = (halfA * halfA + halfB * halfB).squareRoot()
          change.combinedHalfWidth = half
          change.exceedsUncertainty = Swift.abs(difference) > half
        }
      }
      return change
    }
  }

  /// Relative difference below which two values are the same up to floating-point rounding.
  static let roundingTolerance = 1e-9

  /// z₀.₉₇₅ · SE, or the interval's half-width when there is no standard error; `nil` without either.
  static func halfWidth(_ estimate: Estimate) -> Double? {
    if let se = estimate.standardError { return TrialStatistics.z95 * se }
    if let lower = estimate.lower, let upper = estimate.upper { return (upper - lower) / 2 }
    return nil
  }
}
