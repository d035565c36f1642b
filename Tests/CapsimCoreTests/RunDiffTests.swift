import CapsimCore
import Testing

@Suite("Run diff")
struct RunDiffTests {
  static func metric(_ key: String, _ value: Double, se: Double? = nil, ci: (Double, Double)? = nil)
    -> MetricEstimate
  {
    MetricEstimate(
      key: key, label: key, unit: "USD",
      estimate: Estimate(value: value, standardError: se, lower: ci?.0, upper: ci?.1))
  }

  @Test func keysAndMetricsAreComparedWithTheCombinedInterval() {
    let diff = RunDiff(
      keysA: [("workload.jobs_per_month", "90"), ("seed", "7"), ("options.metal.nodes", "4")],
      keysB: [
        ("workload.jobs_per_month", "100"), ("seed", "7"), ("costs.engineer_hourly_rate", "150"),
      ],
      metricsA: [
        ("cloud", [Self.metric("total_cost", 1_000, se: 30), Self.metric("p95", 10, ci: (9, 11))])
      ],
      metricsB: [
        (
          "cloud", [Self.metric("total_cost", 1_100, se: 40), Self.metric("p95", 12, ci: (11, 13))]
        ),
        ("metal", [Self.metric("total_cost", 5)]),
      ])
    #expect(
      diff.keyChanges.map { [$0.path, $0.before ?? "-", $0.after ?? "-"] } == [
        ["costs.engineer_hourly_rate", "-", "150"], ["options.metal.nodes", "4", "-"],
        ["workload.jobs_per_month", "90", "100"],
      ])
    // total_cost: 100 against 1.959964 × √(30² + 40²) = 1.959964 × 50 = 97.998: a change.
    let total = diff.metrics[0]
    #expect(total.difference == 100)
    #expect(abs(total.combinedHalfWidth! - 97.998_199_227) < 1e-6)
    #expect(total.exceedsUncertainty == true)
    // p95: 2 against √(1² + 1²) = 1.414 from the intervals' half-widths: a change.
    #expect(abs(diff.metrics[1].combinedHalfWidth! - 2.0.squareRoot()) < 1e-12)
    #expect(diff.metrics[1].exceedsUncertainty == true)
    // Present in one run only: undecided.
    #expect(diff.metrics[2].option == "metal" && diff.metrics[2].exceedsUncertainty == nil)
  }

  /// Exact values (SE 0) that differ only by rounding (0.09999999999999608 against 0.09999999999999677, a
  /// sum over other jobs in another order) are not a change; ones that differ by more are.
  @Test func roundingIsNoChangeEvenBetweenExactValues() {
    let diff = RunDiff(
      keysA: [], keysB: [],
      metricsA: [
        (
          "x",
          [
            Self.metric("checkpoint", 0.099_999_999_999_996_08, se: 0),
            Self.metric("nodes", 8, se: 0),
          ]
        )
      ],
      metricsB: [
        (
          "x",
          [
            Self.metric("checkpoint", 0.099_999_999_999_996_77, se: 0),
            Self.metric("nodes", 9, se: 0),
          ]
        )
      ])
    #expect(diff.metrics[0].exceedsUncertainty == false)
    #expect(diff.metrics[1].exceedsUncertainty == true)
  }

  /// A sized option's node count is not in its scenario keys (`nodes: auto` in both runs): the simulated
  /// counts are listed when they differ; a count the keys already show changing is not listed twice, and an
  /// option with a count in one run only (a recommendation stores its two compared options alone) is not
  /// listed as a change.
  @Test func simulatedNodeCountsThatTheKeysDoNotShowAreListed() {
    let diff = RunDiff(
      keysA: [("options.sized.nodes", "auto"), ("options.fixed.nodes", "4")],
      keysB: [("options.sized.nodes", "auto"), ("options.fixed.nodes", "6")],
      metricsA: [], metricsB: [],
      nodesA: [("sized", 7), ("fixed", 4), ("same", 3), ("only-in-a", 2)],
      nodesB: [("sized", 9), ("fixed", 6), ("same", 3), ("only-in-b", 5)])
    #expect(
      diff.keyChanges.map { [$0.label, $0.before ?? "-", $0.after ?? "-"] } == [
        ["options.fixed.nodes", "4", "6"], ["options.sized.nodes (simulated)", "7", "9"],
      ])
    // The key path stays the scenario's (for a spreadsheet's filter); the flag says it was simulated.
    #expect(diff.keyChanges.map(\.path) == ["options.fixed.nodes", "options.sized.nodes"])
    #expect(diff.keyChanges.map(\.simulated) == [false, true])
  }

  /// A sized option whose scenario key changed too (`nodes: 4` in A, `nodes: auto` in B): both rows, the
  /// scenario's first.
  @Test func aSimulatedCountFollowsTheScenarioChangeOfItsKey() {
    let diff = RunDiff(
      keysA: [("options.sized.nodes", "4")], keysB: [("options.sized.nodes", "auto")],
      metricsA: [], metricsB: [], nodesA: [("sized", 4)], nodesB: [("sized", 6)])
    #expect(
      diff.keyChanges.map { [$0.label, $0.before ?? "-", $0.after ?? "-"] } == [
        ["options.sized.nodes", "4", "auto"], ["options.sized.nodes (simulated)", "4", "6"],
      ])
  }

  @Test func aChangeInsideTheIntervalIsNotFlagged() {
    let diff = RunDiff(
      keysA: [], keysB: [], metricsA: [("x", [Self.metric("total_cost", 1_000, se: 30)])],
      metricsB: [("x", [Self.metric("total_cost", 1_050, se: 40)])])
    #expect(diff.metrics[0].exceedsUncertainty == false)
    #expect(diff.keyChanges.isEmpty)
  }
}
