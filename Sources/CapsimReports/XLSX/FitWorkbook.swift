import CXlsxWriter
import Foundation

/// The workbook of `capsim fit --format xlsx`: the ranked fits, the histogram against the best fit with a
/// chart, and the data's quantiles against the fit's.
struct FitWorkbook {
  var report: FitReport
  var settings: RenderSettings

  /// The finished `.xlsx` file.
  func data() throws -> Data {
    let workbook = try Workbook()
    let s = report.summary
    WorkbookSheets.fields(
      workbook.addSheet("Summary"), title: "capsim fit: \(report.sampleSetName)",
      lead: [
        report.best.map { "Best fit by AIC: \($0.family.rawValue)" } ?? "No family could be fitted"
      ],
      rows: [
        ("Values", .number(Double(s.count), unit: "values")),
        ("Mean", .number(s.mean, unit: "s")),
        ("Standard deviation", .number(s.standardDeviation, unit: "s")),
        ("Minimum", .number(s.minimum, unit: "s")), ("Median", .number(s.median.value, unit: "s")),
        ("p95", .number(s.p95.value, unit: "s")), ("p99", .number(s.p99.value, unit: "s")),
        ("Maximum", .number(s.maximum, unit: "s")),
        ("capsim version", .text(settings.capsimVersion)),
      ], currency: "")
    WorkbookSheets.table(
      workbook.addSheet("Fits"),
      header: [
        "Rank", "Family", "Parameters", "Log-likelihood", "AIC", "ΔAIC", "BIC", "KS D",
        "KS p-value",
        "AD A²",
      ],
      rows: report.ranking.results.enumerated().map { index, fit in
        [
          .number(Double(index + 1), unit: "rank"), .text(fit.family.rawValue),
          .text(FitReport.parameterText(fit.distribution)),
          .number(fit.logLikelihood, unit: "ratio"),
          .number(fit.aic, unit: "ratio"), .number(report.deltaAIC(fit), unit: "ratio"),
          .number(fit.bic, unit: "ratio"), .number(fit.kolmogorovSmirnovStatistic, unit: "ratio"),
          .number(fit.kolmogorovSmirnovPValue, unit: "ratio"),
          .number(fit.andersonDarlingStatistic, unit: "ratio"),
        ]
      }, currency: "")
    histogram(workbook)
    WorkbookSheets.table(
      workbook.addSheet("Quantiles"), header: ["p", "Data (s)", "Best fit (s)", "Data / fit"],
      rows: report.quantileComparison.map {
        [
          .number($0.probability, unit: "share"), .number($0.data, unit: "ratio"),
          .number($0.fitted, unit: "ratio"), .number($0.ratio, unit: "ratio"),
        ]
      }, currency: "")
    return try workbook.data()
  }

  /// Bin edges, observed and expected counts, and a column chart of both.
  private func histogram(_ workbook: Workbook) {
    let sheet = workbook.addSheet("Histogram")
    let histogram = report.histogram
    let count = WorkbookSheets.table(
      sheet, header: ["Bin", "Lower (s)", "Upper (s)", "Count", "Expected (best fit)"],
      rows: histogram.bins.map {
        [
          .text("\(NumberFormatting.readable($0.lower))–\(NumberFormatting.readable($0.upper))"),
          .number($0.lower, unit: "ratio"), .number($0.upper, unit: "ratio"),
          .number(Double($0.count), unit: "values"), .number($0.expected, unit: "ratio"),
        ]
      }, currency: "")
    guard count > 0 else { return }
    let chart = workbook.addChart(LXW_CHART_COLUMN)
    let bins = Chart.Range(
      sheet: sheet.name, firstRow: 1, firstColumn: 0, lastRow: count, lastColumn: 0)
    for (index, (name, column)) in [("count", 3), ("expected (best fit)", 4)].enumerated() {
      chart.addSeries(
        name, categories: bins,
        values: .init(
          sheet: sheet.name, firstRow: 1, firstColumn: column, lastRow: count, lastColumn: column),
        color: WorkbookFormats.color(index))
    }
    chart.label(
      title:
        "\(report.sampleSetName): values against the best fit (\(histogram.scale.rawValue) bins)",
      x: "value (seconds)", y: "values per bin")
    sheet.insert(chart, row: count + 2, column: 0)
  }
}
