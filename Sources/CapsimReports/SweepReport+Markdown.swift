import Foundation

extension SweepReport {
  /// GitHub-flavoured Markdown: a heading, how the numbers were obtained, and the decision table.
  public static func markdown(_ result: SweepResult) -> String {
    var lines = ["# capsim sweep: \(result.scenario)", "", heading(result)]
    if let overrides = overridesLine(result) { lines += ["", overrides + "."] }
    if let inputs = UncertaintyText.inputsLine(result.uncertainInputs, code: true) {
      lines += ["", inputs + "."]
    }
    if let pairs = UncertaintyText.correlationsLine(result.inputCorrelations, code: true) {
      lines += ["", pairs + "."]
    }
    lines += [
      "",
      "Each cost is the mean total over the horizon ± the half-width of its 95% confidence interval; "
        + "P(cheapest) is the share of trials in which the option costs least, with its Wilson score "
        + "95% interval in percent in brackets. The verdict is what "
        + "`capsim recommend` says at that point (docs/recommend.md).",
      "",
    ]
    let names = result.optionNames
    var header = result.axes.map { "`\($0.path)`" }
    for name in names { header += ["\(escape(name)) cost", "P(\(escape(name)) cheapest)"] }
    for index in names.indices
    where result.points.contains(where: { $0.options[index].sizingMetric != nil }) {
      header.append("\(escape(names[index])) sizing")
    }
    header += ["cheapest", "verdict"]
    lines.append("| " + header.joined(separator: " | ") + " |")
    lines.append(
      "|" + String(repeating: "---:|", count: header.count - 2) + "---|---|")
    for point in result.points {
      var row = point.settings.map(\.value)
      for option in point.options {
        row += [
          costCell(option.totalCost), probabilityCell(option.probabilityCheapest),
        ]
      }
      for (index, option) in point.options.enumerated()
      where result.points.contains(where: { $0.options[index].sizingMetric != nil }) {
        row.append(
          (option.nodes.map { NumberFormatting.count($0, "node") } ?? "– nodes") + ", "
            + (sizingCell(option) ?? "–"))
      }
      row += [escape(point.cheapest), escape(shortVerdict(point))]
      lines.append("| " + row.joined(separator: " | ") + " |")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "|", with: "\\|")
  }
}
