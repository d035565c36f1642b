import Foundation

/// A tornado (``TornadoResult``) as a terminal chart and table, Markdown, CSV (one row per input) or JSON.
public enum SensitivityReport {
  static func heading(_ result: TornadoResult) -> String {
    "Sensitivity of \(result.scenario): \(result.metric), each input moved to its low and high value "
      + "with the others at base; \(NumberFormatting.count(result.trials, "trial")), "
      + "seed \(result.seed) in every run (common random numbers); costs in \(result.currency)."
  }

  static func amount(_ value: Double) -> String { NumberFormatting.readable(value, significant: 4) }

  /// A Monte Carlo estimate as every report shows one: mean ± 95% half-width (1.96·SE), "224,875 ± 2,500";
  /// the bare value without a standard error.
  static func estimate(_ estimate: Estimate) -> String {
    guard let standardError = estimate.standardError, standardError > 0 else {
      return amount(estimate.value)
    }
    let half = 1.96 * standardError
    return MetricFormatting.cell(
      MetricEstimate(
        key: "metric", label: "", unit: "",
        estimate: Estimate(
          value: estimate.value, standardError: standardError, lower: estimate.value - half,
          upper: estimate.value + half)))
  }

  static let cellsNote =
    "Metric cells: mean ± 95% CI half-width (1.96·SE); the swing is the difference of the two ends."

  // MARK: - Terminal

  /// The inputs sorted by swing, each with a bar of its range around the base value (`|`).
  public static func table(_ result: TornadoResult, width: Int = 100) -> String {
    var lines = RecommendationReport.wrap(heading(result), width: width, indent: "")
    if !result.overrides.isEmpty {
      lines += RecommendationReport.wrap(
        "Overrides in every run: " + result.overrides.map(\.description).joined(separator: ", "),
        width: width, indent: "  ")
    }
    lines += RecommendationReport.wrap(
      "Base: \(estimate(result.base)); cheapest option at base: \(result.baseCheapest).",
      width: width, indent: "  ")
    lines += RecommendationReport.wrap(cellsNote, width: width, indent: "")
    lines.append("")
    var table = TextTable(
      header: ["input", "low", "metric", "high", "metric", "swing", "cheapest changes"],
      rightAligned: [false, true, true, true, true, true, false], rows: [])
    for bar in result.bars {
      table.rows.append([
        bar.path, NumberFormatting.grouped(bar.low.value), estimate(bar.low.metric),
        NumberFormatting.grouped(bar.high.value),
        estimate(bar.high.metric), amount(bar.swing), changes(bar, base: result.baseCheapest),
      ])
    }
    lines += table.render(width: width)
    lines.append("")
    lines += chart(result, width: Swift.min(width, 100))
    if !result.importance.isEmpty {
      lines.append("")
      lines += RecommendationReport.wrap(
        "Uncertain inputs, by share of the metric's variance. " + UncertaintyText.importanceMethod,
        width: width, indent: "")
      let table = TextTable(
        header: ["input", "rank correlation", "share of variance"],
        rightAligned: [false, true, true], rows: UncertaintyText.importanceRows(result.importance))
      lines += table.render(width: width)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Where the cheapest option differs from the base's: `low: x`, `high: y`, both, or empty.
  static func changes(_ bar: TornadoResult.Bar, base: String) -> String {
    let (low, high) = (bar.low.cheapest != base, bar.high.cheapest != base)
    if low && high && bar.low.cheapest == bar.high.cheapest { return "both: \(bar.low.cheapest)" }
    return [("low", bar.low.cheapest, low), ("high", bar.high.cheapest, high)].filter(\.2)
      .map { "\($0.0): \($0.1)" }.joined(separator: ", ")
  }

  /// Text bars: each input's span from its low-end to its high-end metric on a common axis; `|` is the
  /// base, `<` marks the low end and `>` the high end.
  static func chart(_ result: TornadoResult, width: Int) -> [String] {
    let values =
      result.bars.flatMap { [$0.low.metric.value, $0.high.metric.value] } + [
        result.base.value
      ]
    guard let lowest = values.min(), let highest = values.max(), highest > lowest,
      values.allSatisfy(\.isFinite)
    else { return [] }
    let labelWidth = Swift.min(34, result.bars.map(\.path.count).max() ?? 0)
    let span = Swift.max(20, width - labelWidth - 2)
    func column(_ value: Double) -> Int {
      Int(((value - lowest) / (highest - lowest) * Double(span - 1)).rounded())
    }
    var lines = [
      "Tornado (< low end, > high end, | base; from \(amount(lowest)) to \(amount(highest))):"
    ]
    for bar in result.bars {
      var cells = [Character](repeating: " ", count: span)
      let (a, b) = (column(bar.low.metric.value), column(bar.high.metric.value))
      for index in Swift.min(a, b)...Swift.max(a, b) { cells[index] = "=" }
      cells[column(result.base.value)] = "|"
      cells[a] = "<"
      cells[b] = ">"
      let label = bar.path.count > labelWidth ? "…" + bar.path.suffix(labelWidth - 1) : bar.path
      let line =
        label.padding(toLength: labelWidth, withPad: " ", startingAt: 0) + "  " + String(cells)
      lines.append(String(line.reversed().drop { $0 == " " }.reversed()))
    }
    return lines
  }

  // MARK: - Markdown

  /// A Markdown document with the table of inputs by swing.
  public static func markdown(_ result: TornadoResult) -> String {
    var lines = ["# capsim sensitivity: \(result.scenario)", "", heading(result), ""]
    if !result.overrides.isEmpty {
      lines += [
        "Overrides in every run: "
          + result.overrides.map { "`\($0.description)`" }.joined(separator: ", ") + ".", "",
      ]
    }
    lines += [
      "Base value: \(estimate(result.base)); cheapest option at base: \(result.baseCheapest). "
        + cellsNote,
      "",
      "| input | low | metric at low | high | metric at high | swing | cheapest (low / high) |",
      "|---|---:|---:|---:|---:|---:|---|",
    ]
    for bar in result.bars {
      lines.append(
        "| `\(bar.path)` | \(NumberFormatting.grouped(bar.low.value)) | \(estimate(bar.low.metric)) | "
          + "\(NumberFormatting.grouped(bar.high.value)) | "
          + "\(estimate(bar.high.metric)) | \(amount(bar.swing)) | "
          + "\(bar.low.cheapest) / \(bar.high.cheapest) |")
    }
    if !result.importance.isEmpty {
      lines += [
        "", "## Uncertain inputs", "", UncertaintyText.importanceMethod, "",
        "| input | rank correlation | share of variance |", "|---|---:|---:|",
      ]
      for row in UncertaintyText.importanceRows(result.importance) {
        lines.append("| `\(row[0])` | \(row[1]) | \(row[2]) |")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: - CSV

  /// One row per input, largest swing first.
  public static func csv(_ result: TornadoResult) -> String {
    var rows = [
      [
        "input", "low", "metric_low", "metric_low_se", "cheapest_low", "high", "metric_high",
        "metric_high_se", "cheapest_high", "swing", "base", "metric", "trials", "seed",
        "rank_correlation", "variance_share",
      ]
    ]
    let exact = NumberFormatting.exact
    for bar in result.bars {
      let importance = result.importance.first { $0.path == bar.path }
      rows.append([
        bar.path, bar.low.value, exact(bar.low.metric.value), exact(bar.low.metric.standardError),
        bar.low.cheapest, bar.high.value, exact(bar.high.metric.value),
        exact(bar.high.metric.standardError), bar.high.cheapest, exact(bar.swing),
        exact(result.base.value), result.metric, String(result.trials), String(result.seed),
        (importance?.rankCorrelation).map(exact) ?? "",
        (importance?.varianceShare).map(exact) ?? "",
      ])
    }
    return rows.map { $0.map(CSVReport.escape).joined(separator: ",") }.joined(separator: "\n")
      + "\n"
  }

  // MARK: - JSON

  /// JSON through ``ReportJSONEncoder`` (sorted snake_case keys, explicit nulls, `schema_version`);
  /// each bar carries its `swing`.
  public static func json(_ result: TornadoResult, capsimVersion: String) throws -> String {
    struct Bar: Encodable {
      var path: String
      var low: TornadoResult.End
      var high: TornadoResult.End
      var swing: Double
    }
    struct Document: Encodable {
      var scenario: String
      var trials: Int
      var seed: UInt64
      var currency: String
      var metric: String
      var base: Estimate
      var baseCheapest: String
      var overrides: [JSONReport.OverrideEntry]
      var bars: [Bar]
      var importance: [InputImportance]
    }
    let document = Document(
      scenario: result.scenario, trials: result.trials, seed: result.seed,
      currency: result.currency, metric: result.metric, base: result.base,
      baseCheapest: result.baseCheapest,
      overrides: result.overrides.map(JSONReport.OverrideEntry.init),
      bars: result.bars.map { Bar(path: $0.path, low: $0.low, high: $0.high, swing: $0.swing) },
      importance: result.importance)
    return try ReportJSONEncoder.render(document, capsimVersion: capsimVersion)
  }
}
