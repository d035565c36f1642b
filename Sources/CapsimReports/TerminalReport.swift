/// A side-by-side comparison for a terminal, at most `width` columns wide, that leads with the answer
/// (``RunHeadline``): the cheapest option, how often it is cheapest, and its saving against the runner-up.
///
/// With ``ReportDetail/summary`` the table holds only the metrics that decide (``summaryMetricKeys``)
/// and the whole report fits 40 rows of 100 columns for up to four options; ``ReportDetail/full`` shows
/// every metric, the straggler and sizing tables. Options are laid out as columns; when they do not fit in `width`, the table is split into blocks of as
/// many options as fit, each block repeating the row labels.
public struct TerminalReport: Sendable {
  /// Maximum line width in columns (default 100).
  public var width: Int
  /// How much to show.
  public var detail: ReportDetail

  /// The metrics of the summary table, in this order, when an option has them.
  public static let summaryMetricKeys = [
    "total_cost", "monthly_cost", "cost_per_job", "total_cost_cvar95", "job_hours_p50",
    "job_hours_p95", "deadline_hit_rate", "failed_job_rate", "wait_hours_p95", "overflow_rate",
    "utilisation", "idle_capacity_cost",
  ]

  /// Creates a report renderer.
  public init(width: Int = 100, detail: ReportDetail = .full) {
    self.width = Swift.max(60, width)
    self.detail = detail
  }

  /// Renders `outcome` as plain text (no colour codes).
  public func render(_ outcome: SimulationOutcome) -> String {
    var lines: [String] = []
    lines.append(
      "Scenario \(outcome.scenario): \(NumberFormatting.count(outcome.horizonMonths, "month")), \(NumberFormatting.count(outcome.trials, "trial")), seed \(outcome.seed)"
    )
    if !outcome.overrides.isEmpty {
      lines.append(
        contentsOf: wrap(
          "Overrides: " + outcome.overrides.map(\.description).joined(separator: ", "),
          indent: "  "))
    }
    if let precision = outcome.precision {
      lines.append(
        contentsOf: wrap(precision.line(trials: outcome.trials), indent: "  "))
    }
    if let line = UncertaintyText.inputsLine(outcome.uncertainInputs) {
      lines.append(contentsOf: wrap(line, indent: "  "))
    }
    if let line = UncertaintyText.correlationsLine(outcome.inputCorrelations) {
      lines.append(contentsOf: wrap(line, indent: "  "))
    }
    if let headline = RunHeadline(outcome) {
      for sentence in headline.sentences { lines.append(contentsOf: wrap(sentence, indent: "  ")) }
    }
    lines.append("")
    lines.append(
      contentsOf: wrap(
        "Cells: mean over trials ± 95% CI half-width; job-time quantiles over all simulated jobs "
          + "with their 95% CI in brackets."
          + (UncertaintyText.pricingNote(outcome.options, inputs: outcome.uncertainInputs)
            .map { " " + $0 } ?? ""),
        indent: ""))
    let labelWidth = 26
    let columnWidth = MetricFormatting.cellLength + 1
    let perBlock = Swift.max(1, (width - labelWidth) / columnWidth)
    var start = 0
    while start < outcome.options.count {
      let block = Array(outcome.options[start..<Swift.min(outcome.options.count, start + perBlock)])
      lines.append("")
      lines.append(
        contentsOf: renderBlock(
          block, inputs: outcome.uncertainInputs, labelWidth: labelWidth, columnWidth: columnWidth))
      start += perBlock
    }
    var extra: [String] = []
    if detail == .full {
      extra += ExtraSections.stragglerGrowth(outcome, width: width)
      extra += ExtraSections.sizingCurves(outcome, width: width)
    }
    extra += ExtraSections.costOverTime(outcome, width: width)
    // The tables already fit the width; the sentences between them are wrapped to it.
    for line in extra {
      lines.append(contentsOf: line.count > width ? wrap(line, indent: "  ") : [line])
    }
    let notes = outcome.options.flatMap { option in option.notes.map { "\(option.name): \($0)" } }
    if !notes.isEmpty {
      lines.append("")
      lines.append("Notes:")
      for note in notes { lines.append(contentsOf: wrap("- " + note, indent: "  ")) }
    }
    if detail == .summary {
      lines.append("")
      lines.append(
        contentsOf: wrap(
          "Every metric, straggler and sizing table: --detail full. Charts: --format html or xlsx.",
          indent: ""))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private func renderBlock(
    _ options: [OptionOutcome], inputs: [UncertainInput], labelWidth: Int, columnWidth: Int
  ) -> [String] {
    var rows: [(String, [String])] = []
    rows.append(("", options.map(\.name)))
    rows.append(("Platform", options.map { "\($0.platform)" }))
    rows.append(
      (
        "Kind",
        options.map { option in
          option.nodes.map { "\(option.platformKind.rawValue), \($0) node\($0 == 1 ? "" : "s")" }
            ?? option.platformKind.rawValue
        }
      ))
    rows.append(
      (
        "Pricing",
        options.map {
          UncertaintyText.pricingCell(
            $0, inputs: inputs, maximumLength: MetricFormatting.cellLength)
        }
      ))
    var keys: [String] = []
    for option in options {
      for metric in option.metrics where !keys.contains(metric.key) { keys.append(metric.key) }
    }
    if detail == .summary { keys = Self.summaryMetricKeys.filter(keys.contains) }
    for key in keys {
      let sample = options.lazy.compactMap { $0.metric(key) }.first
      guard let sample else { continue }
      rows.append(
        (
          MetricFormatting.label(sample),
          options.map { option in
            option.metric(key).map { MetricFormatting.cell($0, maximumLength: columnWidth - 1) }
              ?? "–"
          }
        ))
    }
    return rows.enumerated().flatMap { index, row -> [String] in
      var line = pad(fit(row.0, labelWidth - 1), labelWidth)
      for cell in row.1 { line += pad(fit(cell, columnWidth - 1), columnWidth) }
      var result = [trimTrailing(line)]
      if index == 0 {
        result.append(
          String(
            repeating: "─", count: Swift.min(width, labelWidth + columnWidth * row.1.count - 1)))
      }
      return result
    }
  }

  private func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }

  private func fit(_ text: String, _ width: Int) -> String {
    text.count <= width ? text : String(text.prefix(width - 1)) + "…"
  }

  private func trimTrailing(_ text: String) -> String {
    var text = text
    while text.last == " " { text.removeLast() }
    return text
  }

  /// `text` wrapped to the report's width, continuation lines indented (the recommendation's wrapping,
  /// which also breaks a word longer than a line).
  private func wrap(_ text: String, indent: String) -> [String] {
    RecommendationReport.wrap(text, width: width, indent: indent)
  }

}
