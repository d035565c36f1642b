import CapsimReports
import Foundation
import Testing

/// Golden snapshots of the sweep, sensitivity and run-diff reports in every format, from hand-built
/// results (re-record with CAPSIM_RECORD_SNAPSHOTS=1).
@Suite("What-if report snapshots")
struct WhatIfReportSnapshotTests {
  static func option(
    _ name: String, cost: Double, p: Double, nodes: Int? = nil, sizing: Double? = nil
  ) -> SweepResult.OptionResult {
    SweepResult.OptionResult(
      name: name,
      totalCost: Estimate(
        value: cost, standardError: cost / 400, lower: cost * 0.995, upper: cost * 1.005),
      probabilityCheapest: Estimate(value: p, standardError: (p * (1 - p) / 200).squareRoot()),
      nodes: nodes,
      sizingMetric: sizing.map {
        MetricEstimate(
          key: "deadline_hit_rate", label: "deadline_hit_rate", unit: "",
          estimate: Estimate(value: $0))
      })
  }

  static func sweep() throws -> SweepResult {
    let recommendation = try RecommendationReportTests.recommendation()
    let settings = { (jobs: String, nodes: String) in
      [
        ScenarioOverride(number: 1, path: "workload.jobs_per_month", value: jobs, origin: "--vary"),
        ScenarioOverride(number: 2, path: "options.metal.nodes", value: nodes, origin: "--vary"),
      ]
    }
    return SweepResult(
      scenario: "snapshot", trials: 200, seed: 3, horizonMonths: 12, currency: "USD",
      axes: [
        SweepAxis(path: "workload.jobs_per_month", values: ["80", "100"]),
        SweepAxis(path: "options.metal.nodes", values: ["4"]),
      ],
      overrides: [ScenarioOverride(number: 1, path: "costs.engineer_hourly_rate", value: "150")],
      points: [
        SweepResult.Point(
          settings: settings("80", "4"),
          options: [
            option("cloud", cost: 495_123.4, p: 0.9),
            option("metal", cost: 571_000, p: 0.1, nodes: 4, sizing: 0.999),
          ], cheapest: "cloud", recommendation: nil),
        SweepResult.Point(
          settings: settings("100", "4"),
          options: [
            option("cloud", cost: 619_876.5, p: 0.25),
            option("metal", cost: 571_000, p: 0.75, nodes: 4, sizing: 0.989),
          ], cheapest: "metal", recommendation: recommendation),
      ])
  }

  static func tornado() -> TornadoResult {
    func end(_ value: String, _ metric: Double, _ cheapest: String) -> TornadoResult.End {
      TornadoResult.End(
        value: value, metric: Estimate(value: metric, standardError: 700), cheapest: cheapest)
    }
    return TornadoResult(
      scenario: "snapshot", trials: 200, seed: 3, currency: "USD",
      metric: "saving of cloud over metal (mean total cost difference)",
      base: Estimate(value: 12_858, standardError: 772.5), baseCheapest: "cloud", overrides: [],
      bars: [
        TornadoResult.Bar(
          path: "workload.jobs_per_month", low: end("80", 74_850, "cloud"),
          high: end("100", -49_107, "metal")),
        TornadoResult.Bar(
          path: "options.metal.migration.engineer_weeks", low: end("0", 12_858, "cloud"),
          high: end("8", 44_858, "cloud")),
      ])
  }

  static func diff() -> RunDiffReport {
    let metric = { (key: String, value: Double, se: Double?) in
      MetricEstimate(
        key: key, label: key, unit: "USD", estimate: Estimate(value: value, standardError: se))
    }
    let diff = RunDiff(
      keysA: [("workload.jobs_per_month", "90"), ("seed", "7")],
      keysB: [
        ("workload.jobs_per_month", "100"), ("seed", "7"), ("costs.engineer_hourly_rate", "150"),
      ],
      metricsA: [
        ("cloud", [metric("total_cost", 557_873, 1_800), metric("monthly_cost", 46_489, nil)])
      ],
      metricsB: [
        ("cloud", [metric("total_cost", 619_833, 1_800), metric("monthly_cost", 46_489, nil)])
      ])
    return RunDiffReport(
      diff, before: "run 1 (run): snapshot", after: "run 2 (recommend): snapshot")
  }

  @Test func sweepInEveryFormat() throws {
    let result = try Self.sweep()
    let table = SweepReport.table(result)
    try expectSnapshot(table, named: "sweep.txt")
    for line in table.split(separator: "\n") { #expect(line.count <= 100, "\(line)") }
    try expectSnapshot(SweepReport.markdown(result), named: "sweep.md")
    try expectSnapshot(SweepReport.csv(result), named: "sweep.csv")
    try expectSnapshot(try SweepReport.json(result, capsimVersion: "test"), named: "sweep.json")
    try expectSnapshot(
      try Self.text(SweepDocument(result).render(.html, settings: Self.settings)),
      named: "sweep.html")
  }

  /// A sweep over the horizon: the heading does not give the base scenario's horizon as every point's.
  @Test func aSweepOverTheHorizonDoesNotStateOneHorizon() throws {
    var result = try Self.sweep()
    #expect(
      SweepReport.markdown(result).contains("(common random numbers), 12 months, costs in USD."))
    result.axes[0] = SweepAxis(path: "horizon_months", values: ["6", "24"])
    let markdown = SweepReport.markdown(result)
    #expect(markdown.contains("(common random numbers), costs in USD."), "\(markdown)")
    #expect(!markdown.contains("12 months"))
  }

  static let settings = RenderSettings(capsimVersion: "test")

  static func text(_ rendered: RenderedReport) throws -> String {
    guard case .text(let text) = rendered else {
      Issue.record("expected text")
      return ""
    }
    return text
  }

  @Test func sensitivityInEveryFormat() throws {
    let result = Self.tornado()
    let table = SensitivityReport.table(result)
    try expectSnapshot(table, named: "sensitivity.txt")
    for line in table.split(separator: "\n") { #expect(line.count <= 100, "\(line)") }
    try expectSnapshot(SensitivityReport.markdown(result), named: "sensitivity.md")
    try expectSnapshot(SensitivityReport.csv(result), named: "sensitivity.csv")
    try expectSnapshot(
      try SensitivityReport.json(result, capsimVersion: "test"), named: "sensitivity.json")
    try expectSnapshot(
      try Self.text(SensitivityDocument(result).render(.html, settings: Self.settings)),
      named: "sensitivity.html")
  }

  @Test func runDiffInEveryFormat() throws {
    let report = Self.diff()
    try expectSnapshot(report.table(all: true), named: "runs-diff.txt")
    try expectSnapshot(report.markdown(), named: "runs-diff.md")
    try expectSnapshot(report.csv(), named: "runs-diff.csv")
    try expectSnapshot(try report.json(capsimVersion: "test"), named: "runs-diff.json")
  }
}
