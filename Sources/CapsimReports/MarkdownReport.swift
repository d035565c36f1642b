import Foundation

/// Results as a Markdown document: a heading, how the numbers were obtained, a comparison table and notes.
public enum MarkdownReport {
  /// Renders `outcome` as GitHub-flavoured Markdown.
  public static func render(_ outcome: SimulationOutcome) -> String {
    var lines: [String] = []
    lines.append("# capsim: \(outcome.scenario)")
    lines.append("")
    if let headline = RunHeadline(outcome) {
      lines.append(
        "**" + headline.sentences[0] + "** " + headline.sentences.dropFirst().joined(separator: " ")
      )
      lines.append("")
    }
    lines.append(
      "\(NumberFormatting.count(outcome.horizonMonths, "month")), \(NumberFormatting.count(outcome.trials, "Monte Carlo trial")), seed \(outcome.seed). "
        + "Each cell is the mean over trials ± the half-width of its 95% confidence interval; "
        + "job-time quantiles are pooled over all simulated jobs, with their 95% interval in brackets."
    )
    if !outcome.overrides.isEmpty {
      lines.append("")
      lines.append(
        "Overrides (--set): "
          + outcome.overrides.map { "`\($0.description)`" }.joined(separator: ", ")
          + ".")
    }
    if let precision = outcome.precision {
      lines.append("")
      lines.append(precision.line(trials: outcome.trials) + ".")
    }
    if let line = UncertaintyText.inputsLine(outcome.uncertainInputs, code: true) {
      lines.append("")
      lines.append(line + ".")
    }
    if let line = UncertaintyText.correlationsLine(outcome.inputCorrelations, code: true) {
      lines.append("")
      lines.append(line + ".")
    }
    lines.append("")
    lines.append("| | " + outcome.options.map { escape($0.name) }.joined(separator: " | ") + " |")
    lines.append("|---|" + String(repeating: "---:|", count: outcome.options.count))
    lines.append(
      "| Platform | " + outcome.options.map { escape($0.platform) }.joined(separator: " | ") + " |")
    lines.append(
      "| Pricing | "
        + outcome.options.map {
          UncertaintyText.pricingCell($0, inputs: outcome.uncertainInputs, separator: ", ")
            + ($0.nodes.map { ", " + NumberFormatting.count($0, "node") } ?? "")
        }.joined(separator: " | ") + " |")
    var keys: [String] = []
    for option in outcome.options {
      for metric in option.metrics where !keys.contains(metric.key) { keys.append(metric.key) }
    }
    for key in keys {
      guard let sample = outcome.options.lazy.compactMap({ $0.metric(key) }).first else { continue }
      let cells = outcome.options.map { $0.metric(key).map { MetricFormatting.cell($0) } ?? "–" }
      lines.append("| \(MetricFormatting.label(sample)) | " + cells.joined(separator: " | ") + " |")
    }
    if let note = UncertaintyText.pricingNote(outcome.options, inputs: outcome.uncertainInputs) {
      lines.append("")
      lines.append(note)
    }
    let extra =
      ExtraSections.stragglerGrowth(outcome) + ExtraSections.sizingCurves(outcome)
      + ExtraSections.costOverTime(outcome)
    if !extra.isEmpty {
      lines.append("")
      lines.append("```")
      lines.append(contentsOf: extra.drop { $0.isEmpty })
      lines.append("```")
    }
    let notes = outcome.options.flatMap { option in
      option.notes.map { "**\(escape(option.name))**: \($0)" }
    }
    if !notes.isEmpty {
      lines.append("")
      lines.append("## Notes")
      lines.append("")
      lines.append(contentsOf: notes.map { "- " + $0 })
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "|", with: "\\|")
  }
}
