import CXlsxWriter
import Foundation

/// The workbook of `capsim sweep --format xlsx`: a Sweep sheet with the decision table (numbers as
/// numbers) and a native line chart of each option's expected total cost against the first varied
/// input (one chart per value of a second input), and a Scenario sheet with what reproduces the sweep.
struct SweepWorkbook {
  var document: SweepDocument
  var settings: RenderSettings

  /// The Sweep sheet's columns per option: total cost and its interval, P(cheapest) and its Wilson
  /// interval, nodes.
  static let columnsPerOption = 7

  /// The finished `.xlsx` file.
  func data() throws -> Data {
    let result = document.result
    let money = result.currency
    let workbook = try Workbook()
    let sheet = workbook.addSheet("Sweep")
    let names = result.optionNames
    var header = result.axes.map(\.path)
    for name in names {
      header += [
        "\(name) total cost", "low (95% CI)", "high (95% CI)", "P(cheapest) \(name)",
        "low (95% Wilson)", "high (95% Wilson)", "\(name) nodes",
      ]
    }
    header += ["Cheapest", "Verdict"]
    let rows: [[WorkbookSheets.Value]] = result.points.map { point in
      var row: [WorkbookSheets.Value] = point.settings.map { setting in
        Double(setting.value).map { .number($0, unit: "general") } ?? .text(setting.value)
      }
      for option in point.options {
        row += [
          .number(option.totalCost.value, unit: money),
          .number(option.totalCost.lower, unit: money),
          .number(option.totalCost.upper, unit: money),
          .number(option.probabilityCheapest.value, unit: "share"),
          .number(option.probabilityCheapest.lower, unit: "share"),
          .number(option.probabilityCheapest.upper, unit: "share"),
          option.nodes.map { .number(Double($0), unit: "nodes") } ?? .text(""),
        ]
      }
      row += [
        .text(point.cheapest),
        .text(point.recommendation.map(RecommendationReport.verdictSentence) ?? ""),
      ]
      return row
    }
    let count = WorkbookSheets.table(sheet, header: header, rows: rows, currency: money)
    sheet.width(header.count - 1, header.count - 1, 60)
    let axes = result.axes.count
    if count > 0, result.axes.first != nil {
      let groups = SweepPage.groups(result)
      let stride = groups.count
      for (groupIndex, group) in groups.enumerated() {
        // The rows of this group: every `stride`-th point from `groupIndex`, contiguous only with one
        // input; a second input's groups are charted from their own block below the table.
        let firstRow: Int
        let lastRow: Int
        if stride == 1 {
          (firstRow, lastRow) = (1, count)
        } else {
          let block = count + 3 + groupIndex * (group.points.count + 2)
          sheet.text(block, 0, group.label ?? "", bold: true)
          for option in names.indices { sheet.text(block, 1 + option, names[option], bold: true) }
          for (index, point) in group.points.enumerated() {
            let value = point.settings[0].value
            if let number = Double(value) {
              sheet.number(block + 1 + index, 0, number)
            } else {
              sheet.text(block + 1 + index, 0, value)
            }
            for option in names.indices {
              sheet.number(
                block + 1 + index, 1 + option, point.options[option].totalCost.value,
                format: WorkbookFormats.number(unit: money, currency: money))
            }
          }
          (firstRow, lastRow) = (block + 1, block + group.points.count)
        }
        let chart = workbook.addChart(LXW_CHART_LINE)
        let categories = Chart.Range(
          sheet: sheet.name, firstRow: firstRow, firstColumn: 0, lastRow: lastRow, lastColumn: 0)
        for option in names.indices {
          let column = stride == 1 ? axes + Self.columnsPerOption * option : 1 + option
          chart.addSeries(
            names[option], categories: categories,
            values: .init(
              sheet: sheet.name, firstRow: firstRow, firstColumn: column, lastRow: lastRow,
              lastColumn: column),
            color: WorkbookFormats.color(option))
        }
        chart.label(
          title: "Expected total cost" + (group.label.map { " (\($0))" } ?? ""),
          x: result.axes[0].path, y: "expected total cost (\(money))")
        sheet.insert(chart, row: count + 3 + groupIndex * 25, column: stride == 1 ? 0 : 4)
      }
    }
    WorkbookSheets.fields(
      workbook.addSheet("Scenario"), title: "capsim sweep: \(result.scenario)",
      lead: [SweepReport.heading(result)],
      rows: [
        ("Scenario", .text(result.scenario)), ("Seed", .text(String(result.seed))),
        ("Trials per point", .number(Double(result.trials), unit: "trials")),
        ("Horizon", .number(Double(result.horizonMonths), unit: "month")),
        ("Currency", .text(result.currency)), ("capsim version", .text(settings.capsimVersion)),
      ]
        + result.axes.map { ("Varied: \($0.path)", .text($0.values.joined(separator: ", "))) }
        + WorkbookSheets.contextRows(
          overrides: result.overrides, precision: nil, trials: result.trials,
          uncertainInputs: result.uncertainInputs, correlations: result.inputCorrelations
        ).map { ($0.label, .text($0.text)) },
      currency: money)
    return try workbook.data()
  }
}

/// The workbook of `capsim sensitivity --format xlsx`: a Tornado sheet with one row per input (largest
/// swing first) and a native bar chart of the metric at each input's low and high end, with uncertain
/// inputs an Importance sheet (each one's rank correlation with the metric and share of its variance),
/// and a Scenario sheet with what reproduces the analysis.
struct SensitivityWorkbook {
  var document: SensitivityDocument
  var settings: RenderSettings

  /// The finished `.xlsx` file.
  func data() throws -> Data {
    let result = document.result
    let money = result.currency
    let unit = SensitivityPage.unit(result) ?? ""
    let workbook = try Workbook()
    let sheet = workbook.addSheet("Tornado")
    let count = WorkbookSheets.table(
      sheet,
      header: [
        "Input", "Low", "Metric at low", "SE at low", "Cheapest at low", "High", "Metric at high",
        "SE at high", "Cheapest at high", "Swing", "Base",
      ],
      rows: result.bars.map { bar in
        let value = { (text: String) -> WorkbookSheets.Value in
          Double(text).map { .number($0, unit: "general") } ?? .text(text)
        }
        return [
          .text(bar.path), value(bar.low.value), .number(bar.low.metric.value, unit: unit),
          .number(bar.low.metric.standardError, unit: unit), .text(bar.low.cheapest),
          value(bar.high.value), .number(bar.high.metric.value, unit: unit),
          .number(bar.high.metric.standardError, unit: unit), .text(bar.high.cheapest),
          .number(bar.swing, unit: unit), .number(result.base.value, unit: unit),
        ]
      }, currency: money)
    sheet.width(0, 0, 44)
    // The change from base at each end, as formulas with their cached values: the bars of the chart.
    sheet.text(0, 11, "Low − base", bold: true)
    sheet.text(0, 12, "High − base", bold: true)
    let format = WorkbookFormats.number(unit: unit, currency: money)
    for (index, bar) in result.bars.enumerated() {
      let row = index + 1
      sheet.formula(
        row, 11, "=C\(row + 1)-K\(row + 1)", value: bar.low.metric.value - result.base.value,
        format: format)
      sheet.formula(
        row, 12, "=G\(row + 1)-K\(row + 1)", value: bar.high.metric.value - result.base.value,
        format: format)
    }
    if count > 0 {
      let chart = workbook.addChart(LXW_CHART_BAR)
      let inputs = Chart.Range(
        sheet: sheet.name, firstRow: 1, firstColumn: 0, lastRow: count, lastColumn: 0)
      for (index, (name, column)) in [
        ("input at its low value", 11), ("input at its high value", 12),
      ]
      .enumerated() {
        let series = chart.addSeries(
          name, categories: inputs,
          values: .init(
            sheet: sheet.name, firstRow: 1, firstColumn: column, lastRow: count,
            lastColumn: column))
        var fill = lxw_chart_fill()
        fill.color = WorkbookFormats.color(index)
        if let series { chart_series_set_fill(series, &fill) }
      }
      chart_set_series_overlap(chart.handle, 100)
      // Largest swing on top: a bar chart draws its first category at the bottom. In libxlsxwriter's
      // bar chart the y axis is the vertical (category) one.
      chart_axis_set_reverse(chart.handle.pointee.y_axis)
      chart.categoryLabelsLow()
      chart.label(
        title: "Tornado: \(result.metric)",
        x: "change from base \(SensitivityReport.amount(result.base.value))"
          + (unit.isEmpty ? "" : " (\(unit))"), y: "input")
      sheet.insert(
        chart, row: count + 2, column: 0, xScale: 2.4, yScale: 1.2 + 0.15 * Double(count))
    }
    if !result.importance.isEmpty {
      let importance = workbook.addSheet("Importance")
      _ = WorkbookSheets.table(
        importance, header: ["Input", "Distribution", "Rank correlation", "Share of variance"],
        rows: result.importance.map {
          [
            .text($0.path), .text($0.distribution.summary),
            .number($0.rankCorrelation, unit: "ratio"), .number($0.varianceShare, unit: "share"),
          ]
        }, currency: money)
      importance.width(0, 0, 44)
      importance.text(
        result.importance.count + 2, 0,
        "Uncertain inputs, by share of the metric's variance. " + UncertaintyText.importanceMethod)
    }
    WorkbookSheets.fields(
      workbook.addSheet("Scenario"), title: "capsim sensitivity: \(result.scenario)",
      lead: [SensitivityReport.heading(result)],
      rows: [
        ("Scenario", .text(result.scenario)), ("Seed", .text(String(result.seed))),
        ("Trials per run", .number(Double(result.trials), unit: "trials")),
        ("Metric", .text(result.metric)),
        ("Base", .number(result.base.value, unit: unit)),
        ("  standard error", .number(result.base.standardError, unit: unit)),
        ("Cheapest at base", .text(result.baseCheapest)),
        ("Currency", .text(result.currency)), ("capsim version", .text(settings.capsimVersion)),
      ] + result.overrides.map { ("Override: \($0.path)", .text($0.value)) }, currency: money)
    return try workbook.data()
  }
}
