import CXlsxWriter
import Foundation

/// The workbook of `capsim break-even --format xlsx`: the answer, and the evaluated volumes with a chart
/// of both options' expected cost against jobs a month.
struct BreakEvenWorkbook {
  var document: BreakEvenDocument
  var settings: RenderSettings

  /// The finished `.xlsx` file.
  func data() throws -> Data {
    let a = document.analysis
    let money = document.currency
    let workbook = try Workbook()
    WorkbookSheets.fields(
      workbook.addSheet("Summary"),
      title: "capsim break-even: \(a.committed) (\(a.committedNodes) nodes) against \(a.payPerUse)",
      rows: [
        ("Equal expected cost at", .number(a.breakEvenJobsPerMonth, unit: "jobs/month")),
        ("  standard error", .number(a.breakEvenStandardError, unit: "jobs/month")),
        ("Committed utilisation there", .number(a.utilisationAtBreakEven, unit: "share")),
        (
          "Committed cheaper in 90% of trials from",
          .number(a.jobsForNinetyPercent, unit: "jobs/month")
        ),
        ("The scenario's volume", .number(a.scenarioJobsPerMonth, unit: "jobs/month")),
        ("Committed nodes", .number(Double(a.committedNodes), unit: "nodes")),
        ("Simulations", .number(Double(a.evaluations), unit: "simulations")),
        ("Trials per simulation", .number(Double(document.trials), unit: "trials")),
        ("Seed", .text(String(document.seed))),
        ("capsim version", .text(settings.capsimVersion)),
      ] + a.notes.map { ("Note", .text($0)) }, currency: money)
    let sheet = workbook.addSheet("Curve")
    let points = a.curve.sorted { $0.jobsPerMonth < $1.jobsPerMonth }
    let count = WorkbookSheets.table(
      sheet,
      header: [
        "Jobs per month", "\(a.payPerUse) cost", "low", "high", "\(a.committed) cost", "low",
        "high",
        "Committed cheaper (fraction of trials)", "Committed utilisation",
      ],
      rows: points.map {
        [
          .number($0.jobsPerMonth, unit: "jobs/month"),
          .number($0.payPerUseCost.value, unit: money),
          .number($0.payPerUseCost.lower, unit: money),
          .number($0.payPerUseCost.upper, unit: money),
          .number($0.committedCost.value, unit: money),
          .number($0.committedCost.lower, unit: money),
          .number($0.committedCost.upper, unit: money),
          .number($0.committedCheaperShare, unit: "share"),
          .number($0.committedUtilisation, unit: "share"),
        ]
      }, currency: money)
    guard count > 0 else { return try workbook.data() }
    let chart = workbook.addChart(LXW_CHART_SCATTER_STRAIGHT_WITH_MARKERS)
    let volumes = Chart.Range(
      sheet: sheet.name, firstRow: 1, firstColumn: 0, lastRow: count, lastColumn: 0)
    for (index, (name, column)) in [(a.payPerUse, 1), (a.committed, 4)].enumerated() {
      chart.addSeries(
        name, categories: volumes,
        values: .init(
          sheet: sheet.name, firstRow: 1, firstColumn: column, lastRow: count, lastColumn: column),
        color: WorkbookFormats.color(index))
    }
    chart.label(
      title: "Expected total cost against volume", x: "jobs per month",
      y: "expected total cost (\(money))")
    sheet.insert(chart, row: count + 2, column: 0)
    return try workbook.data()
  }
}
