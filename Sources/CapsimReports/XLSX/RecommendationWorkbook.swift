import CXlsxWriter
import Foundation

/// The workbook of `capsim recommend --format xlsx`: the decision (verdict on top), the cost lines behind
/// the difference with a chart, the workload signals, and the run's cost lines and monthly series.
struct RecommendationWorkbook {
  var document: RecommendationDocument
  var settings: RenderSettings

  /// The finished `.xlsx` file.
  func data() throws -> Data {
    let r = document.recommendation
    let c = r.comparison
    let workbook = try Workbook()
    let money = r.currency
    WorkbookSheets.fields(
      workbook.addSheet("Summary"), title: "capsim recommend: \(r.scenario)",
      lead: [
        RecommendationReport.verdictSentence(r), RecommendationReport.confidenceLine(r),
        RecommendationReport.savingsLine(r), RecommendationReport.predictabilityLine(r),
      ],
      rows: [
        ("Verdict", .text(RecommendationReport.verdictKey(r.verdict))),
        ("Confidence", .text(r.confidence.rawValue)),
        ("Recommended (leading) option", .text(r.leading.name)),
        ("Alternative", .text(r.alternative.name)),
        ("P(leading cheaper)", .number(c.probabilityCheaper, unit: "share")),
        ("P(leading cheaper), 95% low", .number(c.probabilityLower, unit: "share")),
        ("P(leading cheaper), 95% high", .number(c.probabilityUpper, unit: "share")),
        ("Mean saving", .number(c.meanSaving, unit: money)),
        ("Mean saving, standard error", .number(c.meanSavingStandardError, unit: money)),
        ("Saving, 5th percentile", .number(c.savingP05, unit: money)),
        ("Saving, 95th percentile", .number(c.savingP95, unit: money)),
        ("Saving, relative", .number(c.relativeSaving, unit: "share")),
        ("Leading mean total cost", .number(r.leading.meanTotalCost, unit: money)),
        ("Alternative mean total cost", .number(r.alternative.meanTotalCost, unit: money)),
        (
          "Crossover month (median)",
          .number(r.crossoverMedianMonth.map(Double.init), unit: "month")
        ),
        ("Trials", .number(Double(r.trials), unit: "trials")),
        ("Seed", .text(String(r.seed))),
        ("Horizon (months)", .number(Double(r.horizonMonths), unit: "month")),
        ("capsim version", .text(settings.capsimVersion)),
      ]
        + WorkbookSheets.contextRows(
          overrides: r.overrides, precision: r.precision, trials: r.trials,
          uncertainInputs: r.uncertainInputs, correlations: r.inputCorrelations
        ).map { ($0.label, .text($0.text)) },
      currency: money)
    reasons(workbook, r)
    let signals = workbook.addSheet("Signals")
    WorkbookSheets.table(
      signals, header: ["Signal", "Present", "Evidence", "Unit", "Rule"],
      rows: r.signals.map {
        [
          .text($0.label), .text($0.present ? "yes" : "no"),
          .number($0.evidence, unit: $0.unit), .text(CSVReport.unit($0.unit)), .text($0.rule),
        ]
      }, currency: money)
    let run = RunWorkbook(report: RunReport(outcome: document.outcome), settings: settings)
    run.costLines(workbook)
    run.monthly(workbook)
    return try workbook.data()
  }

  /// The cost lines by their part in the difference, with a bar chart of the differences.
  private func reasons(_ workbook: Workbook, _ r: Recommendation) {
    let sheet = workbook.addSheet("Why")
    let gross = r.reasons.reduce(0) { $0 + Swift.abs($1.difference) }
    let count = WorkbookSheets.table(
      sheet,
      header: [
        "Cost line", r.leading.name, r.alternative.name, "Difference (alternative − leading)",
        "Fraction of gross difference",
      ],
      rows: r.reasons.map {
        [
          .text($0.label), .number($0.leadingMean, unit: r.currency),
          .number($0.alternativeMean, unit: r.currency), .number($0.difference, unit: r.currency),
          .number(gross == 0 ? nil : $0.difference / gross, unit: "ratio"),
        ]
      }, currency: r.currency)
    guard count > 0 else { return }
    let chart = workbook.addChart(LXW_CHART_BAR)
    chart.addSeries(
      "difference",
      categories: .init(
        sheet: sheet.name, firstRow: 1, firstColumn: 0, lastRow: count, lastColumn: 0),
      values: .init(sheet: sheet.name, firstRow: 1, firstColumn: 3, lastRow: count, lastColumn: 3),
      color: WorkbookFormats.color(0))
    chart.label(
      title: "Cost lines behind the difference", x: "difference (\(r.currency))", y: "cost line")
    chart.categoryLabelsLow()
    sheet.insert(chart, row: count + 2, column: 0)
  }
}
