import Foundation
import Testing

@testable import CapsimCore
@testable import CapsimReports

/// Every terminal report keeps every line within `--width`: tables too wide for it wrap their headers
/// and text, or split into blocks of columns that repeat the row labels.
@Suite("Table width")
struct TableWidthTests {
  static let widths = [80, 100]

  static func overlong(_ text: String, _ width: Int) -> [String] {
    text.split(separator: "\n").map(String.init).filter { $0.count > width }
  }

  static let longName = "neocloud-on-demand-reserved"

  /// Two axes with long key paths and three options with long names (the QA sweep had 111-column lines).
  @Test(arguments: widths) func sweepWithTwoAxes(width: Int) throws {
    let template = try WhatIfReportSnapshotTests.sweep()
    let point = { (jobs: String, price: String) in
      SweepResult.Point(
        settings: [
          ScenarioOverride(number: 1, path: "workload.jobs_per_month", value: jobs),
          ScenarioOverride(
            number: 2, path: "options.bare-metal.price_per_gpu_hour", value: price),
        ],
        options: [
          WhatIfReportSnapshotTests.option(Self.longName, cost: 493_123, p: 0),
          WhatIfReportSnapshotTests.option("bare-metal-cluster", cost: 1_130_000, p: 1, nodes: 4),
          WhatIfReportSnapshotTests.option("spot-cluster-long-name", cost: 851_000, p: 0),
        ], cheapest: "bare-metal-cluster", recommendation: template.points[1].recommendation)
    }
    var result = template
    result.axes = [
      SweepAxis(path: "workload.jobs_per_month", values: ["70", "90"]),
      SweepAxis(path: "options.bare-metal.price_per_gpu_hour", values: ["1", "2"]),
    ]
    result.points = [point("70", "1"), point("70", "2"), point("90", "1"), point("90", "2")]
    let table = SweepReport.table(result, width: width)
    #expect(Self.overlong(table, width) == [])
    #expect(table.contains("Verdict at each point"))
    // Every option's cost is still there.
    for cost in ["493k", "1.13M", "851k"] { #expect(table.contains(cost)) }
  }

  /// The cumulative-cost table of a run with eight options splits into blocks that repeat the month.
  @Test(arguments: widths) func cumulativeCostWithManyOptions(width: Int) {
    let options = (0..<8).map { index -> OptionOutcome in
      var option = OptionOutcome(
        name: "\(Self.longName)-\(index)", platform: "p", platformKind: .shared, price: "q",
        pricingModel: .onDemand, pricePerGPUHour: 1, nodes: nil,
        metrics: [
          MetricEstimate(
            key: "total_cost", label: "Total cost", unit: "USD",
            estimate: Estimate(value: 1_000, standardError: 10, lower: 980, upper: 1_020))
        ], notes: [])
      option.monthly = (0..<12).map { month in
        let total = Double(month + 1) * 100_000 + Double(index)
        return MonthlyCost(
          month: month + 1, mean: 100_000, p10: 90_000, p50: 100_000, p90: 110_000,
          cumulativeMean: total, cumulativeP10: total * 0.9, cumulativeP50: total,
          cumulativeP90: total * 1.1)
      }
      return option
    }
    let outcome = SimulationOutcome(
      scenario: "many", trials: 100, seed: 1, horizonMonths: 12, confidenceLevel: 0.95,
      currency: "USD", options: options)
    let text = TerminalReport(width: width, detail: .full).render(outcome)
    #expect(Self.overlong(text, width) == [])
    // Month 12 of each option: 1.20M [1.08M–1.32M], once per option.
    let cells = text.components(separatedBy: "1.20M [1.08M–1.32M]").count - 1
    #expect(cells == 8)
  }

  /// Runs of two scenarios: long descriptions, long key paths and long option names.
  @Test(arguments: widths) func runDiffBetweenScenarios(width: Int) {
    let description =
      "Regular, growing but not continuous 8-GPU training, costs close to break-even."
    let metric = { (key: String, value: Double) in
      MetricEstimate(
        key: key, label: key, unit: "USD", estimate: Estimate(value: value, standardError: 1))
    }
    let diff = RunDiff(
      keysA: [
        ("description", description), ("options.bare-metal.sizing.metric", "deadline_hit_rate"),
      ],
      keysB: [
        ("description", "Borderline 8-GPU training with uncertain volume, migration effort."),
        (
          "uncertainty.correlations[0].between[0]",
          "options.bare-metal.migration.engineer_weeks"
        ),
      ],
      metricsA: [(Self.longName, [metric("total_cost_cvar95", 603_474.25)])],
      metricsB: [(Self.longName, [metric("total_cost_cvar95", 923_823.5)])])
    let report = RunDiffReport(
      diff,
      before:
        "run 1 (run): borderline-growing-team, 200 trials, seed 7, capsim 0.1.0, 2026-12-07T12:00:08Z",
      after: "run 2 (run): uncertain-volume, 200 trials, seed 7, capsim 0.1.0, 2026-12-07T12:00:08Z"
    )
    let text = report.table(width: width)
    #expect(Self.overlong(text, width) == [])
    #expect(text.contains("923,824"))
  }

  /// A tornado with long input paths and six-digit metrics (103 columns at the default width before).
  @Test(arguments: widths) func sensitivity(width: Int) {
    var result = WhatIfReportSnapshotTests.tornado()
    let end = { (value: String, metric: Double, cheapest: String) in
      TornadoResult.End(
        value: value, metric: Estimate(value: metric, standardError: 1_275), cheapest: cheapest)
    }
    result.bars = [
      TornadoResult.Bar(
        path: "options.bare-metal.migration.engineer_weeks", low: end("2.59", 40_459, "cloud"),
        high: end("8.213", 73_516, "cloud")),
      TornadoResult.Bar(
        path: "workload.jobs_per_month", low: end("62.31", 224_875, "cloud"),
        high: end("130", -194_450, "bare-metal-cluster")),
    ]
    let text = SensitivityReport.table(result, width: width)
    #expect(Self.overlong(text, width) == [])
  }

  /// Break-even notes and the evaluated points at the width asked for.
  @Test(arguments: widths) func breakEvenNotes(width: Int) {
    let point = BreakEvenPoint(
      jobsPerMonth: 6_916.9,
      payPerUseCost: Estimate(value: 86_596, standardError: 2, lower: 86_592, upper: 86_600),
      committedCost: .exact(86_596), committedCheaperShare: 0.467, committedUtilisation: 0.892,
      committedUtilisationStandardError: 0.0002, trials: 300)
    let analysis = BreakEvenAnalysis(
      payPerUse: "shared-a100-on-demand", committed: "bare-metal-a100-reserved", committedNodes: 1,
      scenarioJobsPerMonth: 120, breakEvenJobsPerMonth: 6_916.9, breakEvenStandardError: 0.16,
      utilisationAtBreakEven: 0.892, jobsForNinetyPercent: 6_949.3, curve: [point],
      evaluations: 1, relativeTolerance: 1e-4,
      notes: [
        "bare-metal-a100-reserved: at the break-even volume the committed option runs at 89% of its "
          + "capacity, where queueing delays grow quickly; the search kept its node count fixed.",
        "The scenario's volume is far below the break-even volume: paying per use is cheaper there.",
      ])
    let text = BreakEvenReport.table(
      analysis, currency: "USD", trials: 300, seed: 11, width: width)
    #expect(Self.overlong(text, width) == [])
    let unwrapped = text.replacingOccurrences(of: "\n  ", with: " ")
    #expect(
      unwrapped.contains("- The scenario's volume is far below the break-even volume: paying"))
  }

  /// A cell wider than its column is broken at a space or after `.`, `_`, `-`, never lost.
  @Test func wrapBreaksAtSpacesThenPunctuation() {
    #expect(
      TextTable.wrap("options.bare-metal.price_per_gpu_hour", width: 12) == [
        "options.", "bare-metal.", "price_per_", "gpu_hour",
      ])
    #expect(TextTable.wrap("stay neocloud", width: 8) == ["stay", "neocloud"])
    #expect(TextTable.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
  }

  /// The recommendation's Why and signals tables, with option names longer than a column.
  @Test(arguments: widths) func recommendation(width: Int) throws {
    let text = RecommendationReport.table(
      try RecommendationReportTests.recommendation(longNames: true), width: width)
    #expect(Self.overlong(text, width) == [])
  }
}
