import CXlsxWriter
import Foundation

/// The workbook of `capsim run --format xlsx`: Summary, Cost lines, Monthly, Job time, Sizing (when an
/// option was sized), Scenario and Prices sheets, with native charts. Laid out in
/// `docs/report-fields.md`.
struct RunWorkbook {
  var report: RunReport
  var settings: RenderSettings

  private var outcome: SimulationOutcome { report.outcome }

  /// The finished `.xlsx` file.
  func data() throws -> Data {
    let workbook = try Workbook()
    summary(workbook.addSheet("Summary"))
    costLines(workbook)
    monthly(workbook)
    jobTime(workbook)
    if outcome.options.contains(where: { $0.sizing?.target != nil }) { sizing(workbook) }
    scenario(workbook.addSheet("Scenario"))
    prices(workbook.addSheet("Prices"))
    return try workbook.data()
  }

  // MARK: - Summary

  /// The answer on top, then one row per metric and, per option, estimate, low and high columns.
  private func summary(_ sheet: Sheet) {
    sheet.text(0, 0, "capsim run: \(outcome.scenario)", bold: true)
    var row = 1
    for sentence in RunHeadline(outcome)?.sentences ?? [] {
      sheet.text(row, 0, sentence, bold: row == 1)
      row += 1
    }
    sheet.text(row, 0, "Trials")
    sheet.number(row, 1, Double(outcome.trials), format: "#,##0")
    sheet.text(row, 2, "Seed")
    sheet.text(row, 3, String(outcome.seed))
    row += 2
    let header = row
    sheet.text(header, 0, "Metric", bold: true)
    sheet.text(header, 1, "Key", bold: true)
    sheet.text(header, 2, "Unit", bold: true)
    for (index, option) in outcome.options.enumerated() {
      sheet.text(header, 3 + 3 * index, option.name, bold: true)
      sheet.text(header, 4 + 3 * index, "low (95% CI)", bold: true)
      sheet.text(header, 5 + 3 * index, "high (95% CI)", bold: true)
    }
    row += 1
    for key in metricKeys {
      guard let sample = outcome.options.lazy.compactMap({ $0.metric(key) }).first else { continue }
      sheet.text(row, 0, sample.label)
      sheet.text(row, 1, key)
      sheet.text(row, 2, CSVReport.unit(sample.unit))
      let format = WorkbookFormats.number(unit: sample.unit, currency: outcome.currency)
      for (index, option) in outcome.options.enumerated() {
        guard let estimate = option.metric(key)?.estimate else { continue }
        sheet.number(row, 3 + 3 * index, estimate.value, format: format)
        sheet.number(row, 4 + 3 * index, estimate.lower, format: format)
        sheet.number(row, 5 + 3 * index, estimate.upper, format: format)
      }
      row += 1
    }
    sheet.width(0, 0, 24)
    sheet.width(1, 1, 20)
    sheet.width(3, 2 + 3 * outcome.options.count, 14)
  }

  private var metricKeys: [String] {
    var keys: [String] = []
    for option in outcome.options {
      for metric in option.metrics where !keys.contains(metric.key) { keys.append(metric.key) }
    }
    return keys
  }

  // MARK: - Cost lines

  /// One row per cost line, one column per option (mean over trials), a total row whose formula
  /// carries its cached value, and a stacked column chart.
  func costLines(_ workbook: Workbook) {
    let sheet = workbook.addSheet("Cost lines")
    // The cost lines that are non-zero for some option (the others would only crowd the legend).
    let lines = metricKeys.filter { key in
      key.hasPrefix("cost_") && key != "cost_per_job"
        && outcome.options.contains { ($0.metric(key)?.estimate.value ?? 0) != 0 }
    }
    let money = WorkbookFormats.number(unit: outcome.currency, currency: outcome.currency)
    sheet.text(0, 0, "Cost line (\(outcome.currency), mean over trials)", bold: true)
    for (index, option) in outcome.options.enumerated() {
      sheet.text(0, 1 + index, option.name, bold: true)
    }
    for (row, key) in lines.enumerated() {
      let label = outcome.options.lazy.compactMap { $0.metric(key)?.label }.first ?? key
      sheet.text(1 + row, 0, label)
      for (index, option) in outcome.options.enumerated() {
        sheet.number(1 + row, 1 + index, option.metric(key)?.estimate.value ?? 0, format: money)
      }
    }
    let totalRow = 1 + lines.count
    sheet.text(totalRow, 0, "Total", bold: true)
    for (index, option) in outcome.options.enumerated() {
      let column = WorkbookFormats.column(1 + index)
      // The cached value of the formula: the sum of the cells above (a missing line is written as 0).
      let sum = lines.reduce(0.0) { total, key in
        let value = option.metric(key)?.estimate.value ?? 0
        return total + (value.isFinite ? value : 0)
      }
      if !lines.isEmpty {
        sheet.formula(
          totalRow, 1 + index, "=SUM(\(column)2:\(column)\(totalRow))", value: sum, format: money)
      }
    }
    sheet.width(0, 0, 30)
    sheet.width(1, outcome.options.count, 18)
    guard !lines.isEmpty else { return }
    let chart = workbook.addChart(LXW_CHART_COLUMN_STACKED)
    for (row, key) in lines.enumerated() {
      let label = outcome.options.lazy.compactMap { $0.metric(key)?.label }.first ?? key
      chart.addSeries(
        label,
        categories: .init(
          sheet: sheet.name, firstRow: 0, firstColumn: 1, lastRow: 0,
          lastColumn: outcome.options.count),
        values: .init(
          sheet: sheet.name, firstRow: 1 + row, firstColumn: 1, lastRow: 1 + row,
          lastColumn: outcome.options.count))
    }
    chart.label(
      title: "Cost lines per option", x: "option", y: "mean total cost (\(outcome.currency))")
    sheet.insert(chart, row: totalRow + 2, column: 0)
  }

  // MARK: - Monthly

  /// Month rows; per option the month's median, p10 and p90 and the cumulative median, p10 and p90;
  /// a line chart of cumulative cost with its band (dashed p10 and p90) and each crossover month
  /// marked by a vertical line.
  func monthly(_ workbook: Workbook) {
    let sheet = workbook.addSheet("Monthly")
    let money = WorkbookFormats.number(unit: outcome.currency, currency: outcome.currency)
    let months = outcome.options.map(\.monthly.count).max() ?? 0
    sheet.text(0, 0, "Month", bold: true)
    let columns = [
      "median", "p10", "p90", "cumulative median", "cumulative p10", "cumulative p90",
    ]
    for (index, option) in outcome.options.enumerated() {
      for (offset, name) in columns.enumerated() {
        sheet.text(0, 1 + 6 * index + offset, "\(option.name) \(name)", bold: true)
      }
      for (row, month) in option.monthly.enumerated() {
        let values = [
          month.p50, month.p10, month.p90, month.cumulativeP50, month.cumulativeP10,
          month.cumulativeP90,
        ]
        for (offset, value) in values.enumerated() {
          sheet.number(1 + row, 1 + 6 * index + offset, value, format: money)
        }
      }
    }
    for month in 0..<months { sheet.number(1 + month, 0, Double(month + 1)) }
    sheet.width(1, 6 * outcome.options.count, 22)
    guard months > 0 else { return }
    let chart = workbook.addChart(LXW_CHART_SCATTER_STRAIGHT)
    let monthRange = Chart.Range(
      sheet: sheet.name, firstRow: 1, firstColumn: 0, lastRow: months, lastColumn: 0)
    var bandSeries: [Int] = []
    for (index, option) in outcome.options.enumerated() {
      let color = WorkbookFormats.color(index)
      for (offset, suffix, dashed) in [
        (3, "cumulative median", false), (4, "p10", true), (5, "p90", true),
      ] {
        let column = 1 + 6 * index + offset
        chart.addSeries(
          "\(option.name) \(suffix)", categories: monthRange,
          values: .init(
            sheet: sheet.name, firstRow: 1, firstColumn: column, lastRow: months,
            lastColumn: column),
          color: color, dashed: dashed)
        if dashed { bandSeries.append(3 * index + (offset - 3)) }
      }
    }
    // The band's edges stay drawn but leave the legend: one entry per option and crossover.
    chart.hideFromLegend(bandSeries)
    // Each crossover month as a vertical line: two points (month, 0) and (month, the largest p90).
    var markerColumn = 1 + 6 * outcome.options.count + 1
    let top =
      outcome.options.flatMap { $0.monthly.map(\.cumulativeP90) }.filter(\.isFinite).max() ?? 0
    for crossover in outcome.crossovers {
      guard let month = crossover.medianMonth else { continue }
      sheet.text(
        0, markerColumn, "crossover \(crossover.dedicated) vs \(crossover.shared)", bold: true)
      sheet.text(0, markerColumn + 1, "cost", bold: true)
      for (row, value) in [0.0, top].enumerated() {
        sheet.number(1 + row, markerColumn, Double(month))
        sheet.number(1 + row, markerColumn + 1, value, format: money)
      }
      chart.addSeries(
        "crossover \(crossover.dedicated) vs \(crossover.shared): month \(month)",
        categories: .init(
          sheet: sheet.name, firstRow: 1, firstColumn: markerColumn, lastRow: 2,
          lastColumn: markerColumn),
        values: .init(
          sheet: sheet.name, firstRow: 1, firstColumn: markerColumn + 1, lastRow: 2,
          lastColumn: markerColumn + 1), color: 0x000000, dashed: true)
      markerColumn += 3
    }
    chart.label(
      title: "Cumulative cost: median, p10 and p90 dashed",
      x: "month", y: "cumulative cost (\(outcome.currency))")
    sheet.insert(chart, row: months + 2, column: 0)
  }

  // MARK: - Job time

  /// Per option the job-time mean and quantiles with their intervals, and a clustered column chart.
  private func jobTime(_ workbook: Workbook) {
    let sheet = workbook.addSheet("Job time")
    let keys = ["job_hours_mean", "job_hours_p50", "job_hours_p95", "job_hours_p99"]
    let names = ["mean", "p50", "p95", "p99"]
    sheet.text(0, 0, "Option", bold: true)
    for (offset, name) in names.enumerated() {
      sheet.text(0, 1 + offset, "\(name) (h)", bold: true)
      sheet.text(0, 5 + 2 * offset, "\(name) low", bold: true)
      sheet.text(0, 6 + 2 * offset, "\(name) high", bold: true)
    }
    for (row, option) in outcome.options.enumerated() {
      sheet.text(1 + row, 0, option.name)
      for (offset, key) in keys.enumerated() {
        let estimate = option.metric(key)?.estimate
        sheet.number(1 + row, 1 + offset, estimate?.value, format: "0.00")
        sheet.number(1 + row, 5 + 2 * offset, estimate?.lower, format: "0.00")
        sheet.number(1 + row, 6 + 2 * offset, estimate?.upper, format: "0.00")
      }
    }
    sheet.width(0, 0, 24)
    let chart = workbook.addChart(LXW_CHART_COLUMN)
    for (row, option) in outcome.options.enumerated() {
      chart.addSeries(
        option.name,
        categories: .init(
          sheet: sheet.name, firstRow: 0, firstColumn: 1, lastRow: 0, lastColumn: 4),
        values: .init(
          sheet: sheet.name, firstRow: 1 + row, firstColumn: 1, lastRow: 1 + row, lastColumn: 4),
        color: WorkbookFormats.color(row))
    }
    chart.label(
      title: "Job time: mean and quantiles over all simulated jobs", x: "statistic",
      y: "job time (hours)")
    sheet.insert(chart, row: outcome.options.count + 2, column: 0)
    jobTimeDistribution(sheet, workbook, firstRow: outcome.options.count + 20)
  }

  /// Below the quantile table: the distribution at every percentile (one column per option) with a
  /// chart of the cumulative distribution, and a histogram: the share of jobs in each of 20 equal bins
  /// between the smallest p1 and the largest p99, read off the percentile grid by linear interpolation.
  private func jobTimeDistribution(_ sheet: Sheet, _ workbook: Workbook, firstRow: Int) {
    let options = outcome.options.filter { !$0.jobTimeQuantiles.isEmpty }
    guard let grid = options.first?.jobTimeQuantiles.map(\.share) else { return }
    sheet.text(firstRow, 0, "Share of jobs finished", bold: true)
    for (column, option) in options.enumerated() {
      sheet.text(firstRow, 1 + column, "\(option.name) (h)", bold: true)
    }
    for (index, share) in grid.enumerated() {
      sheet.number(firstRow + 1 + index, 0, share, format: "0%")
      for (column, option) in options.enumerated() where index < option.jobTimeQuantiles.count {
        sheet.number(
          firstRow + 1 + index, 1 + column, option.jobTimeQuantiles[index].hours, format: "0.00")
      }
    }
    let cdf = workbook.addChart(LXW_CHART_SCATTER_STRAIGHT)
    for (column, option) in options.enumerated() {
      cdf.addSeries(
        option.name,
        categories: .init(
          sheet: sheet.name, firstRow: firstRow + 1, firstColumn: 1 + column,
          lastRow: firstRow + grid.count, lastColumn: 1 + column),
        values: .init(
          sheet: sheet.name, firstRow: firstRow + 1, firstColumn: 0, lastRow: firstRow + grid.count,
          lastColumn: 0),
        color: WorkbookFormats.color(column))
    }
    cdf.label(
      title: "Job time: share of jobs finished within a time", x: "job time (hours)",
      y: "share of jobs finished")
    sheet.insert(cdf, row: firstRow, column: options.count + 2)

    // Histogram from the percentile grid.
    let low = options.compactMap { $0.jobTimeQuantiles.first?.hours }.min() ?? 0
    let high = options.compactMap { $0.jobTimeQuantiles.last?.hours }.max() ?? 0
    guard high > low else { return }
    let binCount = 20
    let width = (high - low) / Double(binCount)
    let top = firstRow + grid.count + 3
    sheet.text(top, 0, "Bin (h)", bold: true)
    sheet.text(top, 1, "Bin from (h)", bold: true)
    sheet.text(top, 2, "Bin to (h)", bold: true)
    for (column, option) in options.enumerated() {
      sheet.text(top, 3 + column, "\(option.name): share of jobs", bold: true)
    }
    for bin in 0..<binCount {
      let from = low + Double(bin) * width
      let to = bin == binCount - 1 ? high : from + width
      sheet.text(
        top + 1 + bin, 0,
        "\(NumberFormatting.fixed(from, decimals: 1))–\(NumberFormatting.fixed(to, decimals: 1))")
      sheet.number(top + 1 + bin, 1, from, format: "0.00")
      sheet.number(top + 1 + bin, 2, to, format: "0.00")
      for (column, option) in options.enumerated() {
        let share =
          Self.cumulativeShare(at: to, in: option.jobTimeQuantiles)
          - Self.cumulativeShare(at: from, in: option.jobTimeQuantiles)
        sheet.number(top + 1 + bin, 3 + column, share, format: "0.0%")
      }
    }
    let histogram = workbook.addChart(LXW_CHART_COLUMN)
    for (column, option) in options.enumerated() {
      histogram.addSeries(
        option.name,
        categories: .init(
          sheet: sheet.name, firstRow: top + 1, firstColumn: 0, lastRow: top + binCount,
          lastColumn: 0),
        values: .init(
          sheet: sheet.name, firstRow: top + 1, firstColumn: 3 + column, lastRow: top + binCount,
          lastColumn: 3 + column),
        color: WorkbookFormats.color(column))
    }
    histogram.label(
      title: "Job time histogram: share of jobs per bin (p1 to p99)", x: "job time (hours)",
      y: "share of jobs")
    sheet.insert(histogram, row: top, column: options.count + 3)
  }

  /// F(hours) from a percentile grid, linear between grid points, clamped to the grid's first and last
  /// shares outside it.
  static func cumulativeShare(at hours: Double, in grid: [JobTimeQuantile]) -> Double {
    guard let first = grid.first, let last = grid.last else { return 0 }
    if hours <= first.hours { return first.share }
    if hours >= last.hours { return last.share }
    for (lower, upper) in zip(grid, grid.dropFirst()) where hours <= upper.hours {
      guard upper.hours > lower.hours else { return upper.share }
      return lower.share
        + (upper.share - lower.share) * (hours - lower.hours) / (upper.hours - lower.hours)
    }
    return last.share
  }

  // MARK: - Sizing

  /// Per sized option: node count against the target metric with its interval, and a chart of its own
  /// beside its table (options can be sized on different metrics, a cost and a share).
  private func sizing(_ workbook: Workbook) {
    let sheet = workbook.addSheet("Sizing")
    var row = 0
    for (index, option) in outcome.options.enumerated() {
      guard let sizing = option.sizing, let target = sizing.target else { continue }
      let top = row
      let axis = target.metric.label(currency: outcome.currency)
      sheet.text(
        row, 0,
        "\(option.name): \(target.metric.rawValue), limit \(NumberFormatting.readable(target.limit)); "
          + "chosen \(sizing.chosenNodes.map(String.init) ?? "none")", bold: true)
      row += 1
      for (column, name) in ["nodes", axis, "low", "high", "meets target"].enumerated() {
        sheet.text(row, column, name, bold: true)
      }
      let first = row + 1
      for point in sizing.curve {
        row += 1
        sheet.number(row, 0, Double(point.nodes))
        sheet.number(row, 1, point.estimate.value, format: "#,##0.0000")
        sheet.number(row, 2, point.estimate.lower, format: "#,##0.0000")
        sheet.number(row, 3, point.estimate.upper, format: "#,##0.0000")
        sheet.text(row, 4, point.meetsTarget ? "yes" : "no")
      }
      if row >= first {
        let chart = workbook.addChart(LXW_CHART_SCATTER_STRAIGHT_WITH_MARKERS)
        chart.addSeries(
          option.name,
          categories: .init(
            sheet: sheet.name, firstRow: first, firstColumn: 0, lastRow: row, lastColumn: 0),
          values: .init(
            sheet: sheet.name, firstRow: first, firstColumn: 1, lastRow: row, lastColumn: 1),
          color: WorkbookFormats.color(index))
        chart.label(
          title: "Sizing \(option.name): \(target.metric.rawValue) against nodes", x: "nodes",
          y: axis)
        chart.wholeNumberXAxis()
        if target.metric.isShare { chart.shareYAxis() }
        sheet.insert(chart, row: top, column: 7)
      }
      // Leave room for the chart (about 23 rows at the default scale) before the next option.
      row = Swift.max(row + 2, top + 24)
    }
  }

  // MARK: - Scenario and prices

  /// What reproduces the run: scenario, seed as text, trials, version, overrides and the scenario text.
  private func scenario(_ sheet: Sheet) {
    var rows: [(String, String)] = [
      ("Scenario", outcome.scenario), ("Seed", String(outcome.seed)),
      ("capsim version", settings.capsimVersion),
      ("Overrides", report.overrides.isEmpty ? "none" : report.overrides.joined(separator: ", ")),
      ("Currency", outcome.currency),
    ]
    // The overrides are one row above; the rest of the context follows.
    rows += WorkbookSheets.contextRows(
      overrides: [], precision: outcome.precision, trials: outcome.trials,
      uncertainInputs: outcome.uncertainInputs, correlations: outcome.inputCorrelations
    ).map { ($0.label, $0.text) }
    for (row, entry) in rows.enumerated() {
      sheet.text(row, 0, entry.0, bold: true)
      sheet.text(row, 1, entry.1)
    }
    sheet.text(rows.count, 0, "Trials", bold: true)
    sheet.number(rows.count, 1, Double(outcome.trials), format: "#,##0")
    sheet.text(rows.count + 1, 0, "Horizon (months)", bold: true)
    sheet.number(rows.count + 1, 1, Double(outcome.horizonMonths))
    sheet.text(rows.count + 2, 0, "Confidence level", bold: true)
    sheet.number(rows.count + 2, 1, outcome.confidenceLevel, format: "0%")
    sheet.text(rows.count + 4, 0, "Scenario file as run (before the overrides)", bold: true)
    let lines = report.scenarioText.split(separator: "\n", omittingEmptySubsequences: false)
    for (index, line) in lines.enumerated() { sheet.text(rows.count + 5 + index, 0, String(line)) }
    sheet.width(0, 0, 40)
    sheet.width(1, 1, 40)
  }

  /// Every price the options used, with its date and source.
  private func prices(_ sheet: Sheet) {
    let header = [
      "Price", "Provider", "GPU model", "Pricing model", "Amount", "Unit", "GPUs per unit",
      "Per GPU-hour", "Currency", "Minimum term (months)", "Setup fee", "Effective date", "Source",
      "Region",
    ]
    for (column, name) in header.enumerated() { sheet.text(0, column, name, bold: true) }
    for (index, price) in report.prices.enumerated() {
      let row = 1 + index
      sheet.text(row, 0, price.name)
      sheet.text(row, 1, price.provider)
      sheet.text(row, 2, price.gpuModel)
      sheet.text(row, 3, price.pricingModel.rawValue)
      sheet.number(row, 4, price.amount, format: "#,##0.0000")
      sheet.text(row, 5, price.unit.rawValue)
      sheet.number(row, 6, price.gpusPerUnit)
      sheet.number(row, 7, price.perGPUHour, format: "#,##0.0000")
      sheet.text(row, 8, price.currency)
      sheet.number(row, 9, Double(price.minimumTermMonths))
      sheet.number(row, 10, price.setupFee, format: "#,##0")
      sheet.text(row, 11, price.effectiveDate)
      sheet.text(row, 12, price.source)
      sheet.text(row, 13, price.region)
    }
    sheet.width(0, 3, 18)
    sheet.width(12, 12, 60)
  }
}
