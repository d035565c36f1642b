import Foundation

extension SweepReport {
  /// A plain-text decision table: one row per point; per option its cost (mean ± 95% half-width, compact
  /// amounts) and P(cheapest), then the cheapest option and the verdict; sized options' node counts and
  /// sizing metric follow in a second table.
  public static func table(_ result: SweepResult, width: Int = 100) -> String {
    var lines = RecommendationReport.wrap(heading(result), width: width, indent: "")
    if let overrides = overridesLine(result) {
      lines += RecommendationReport.wrap(overrides, width: width, indent: "  ")
    }
    if let inputs = UncertaintyText.inputsLine(result.uncertainInputs) {
      lines += RecommendationReport.wrap(inputs, width: width, indent: "  ")
    }
    if let pairs = UncertaintyText.correlationsLine(result.inputCorrelations) {
      lines += RecommendationReport.wrap(pairs, width: width, indent: "  ")
    }
    lines += RecommendationReport.wrap(
      "Cells: mean total cost ± 95% CI half-width; P(min): share of trials in which the option is "
        + "cheapest (ties shared) [Wilson 95% CI, %, rounded outward]; verdict: what 'capsim recommend' says there.",
      width: width,
      indent: "")
    lines.append("")
    let names = result.optionNames
    // The decision table, with the verdict as its last column; when that is wider than `width` (long option
    // names, several axes), the verdicts follow in a table of their own instead, and the options are split
    // into blocks that each repeat the axes.
    let axes = result.axes.count
    func decisionTable(withVerdict: Bool) -> TextTable {
      var header = result.axes.map { shortPath($0.path) }
      for name in names { header += [name, "P(min)"] }
      if withVerdict { header += ["verdict"] }
      var table = TextTable(
        header: header,
        rightAligned: result.axes.map { _ in true } + names.flatMap { _ in [true, true] }
          + (withVerdict ? [false] : []),
        rows: [])
      for point in result.points {
        var row = point.settings.map(\.value)
        for option in point.options {
          row += [costCell(option.totalCost), probabilityCell(option.probabilityCheapest)]
        }
        if withVerdict { row += [shortVerdict(point)] }
        table.rows.append(row)
      }
      return table
    }
    let combined = decisionTable(withVerdict: true).render().split(separator: "\n").map(String.init)
    if combined.allSatisfy({ $0.count <= width }) {
      lines += combined
    } else {
      let pairs = names.indices.map { (axes + 2 * $0)..<(axes + 2 * $0 + 2) }
      lines += decisionTable(withVerdict: false).render(
        width: width, keyColumns: axes, units: pairs)
      lines.append("")
      lines.append("Verdict at each point (what 'capsim recommend' says there).")
      var verdicts = TextTable(
        header: result.axes.map { shortPath($0.path) } + ["verdict"],
        rightAligned: result.axes.map { _ in true } + [false], rows: [])
      for point in result.points {
        verdicts.rows.append(point.settings.map(\.value) + [shortVerdict(point)])
      }
      lines += verdicts.render(width: width, keyColumns: axes)
    }
    let sized = names.indices.filter { index in
      result.points.contains { $0.options[index].sizingMetric != nil }
    }
    if !sized.isEmpty {
      lines.append("")
      lines.append("Sizing (nodes: auto) at each point: chosen nodes and the target metric there.")
      var sizing = TextTable(
        header: result.axes.map { shortPath($0.path) } + sized.map { names[$0] },
        rightAligned: Array(repeating: true, count: result.axes.count + sized.count), rows: [])
      for point in result.points {
        sizing.rows.append(
          point.settings.map(\.value)
            + sized.map { index in
              let option = point.options[index]
              return (option.nodes.map { NumberFormatting.count($0, "node") } ?? "– nodes") + ", "
                + (sizingCell(option) ?? "–")
            })
      }
      lines += sizing.render(width: width, keyColumns: axes)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The last segment of a key path, with the option for option keys (`options.bare-metal.nodes` →
  /// `bare-metal.nodes`, `workload.jobs_per_month` → `jobs_per_month`).
  static func shortPath(_ path: String) -> String {
    let parts = path.split(separator: ".")
    return (parts.first == "options" ? parts.dropFirst().suffix(2) : parts.suffix(1))
      .joined(separator: ".")
  }

  /// `stay neocloud`, `migrate bare-metal ×4`, `hybrid x ×2`, `re-evaluate @3`, or `–`.
  static func shortVerdict(_ point: SweepResult.Point) -> String {
    guard let r = point.recommendation else { return "–" }
    switch r.verdict {
    case .stayOnShared(let option): return "stay \(option)"
    case .migrateToDedicated(let option, let nodes): return "migrate \(option) ×\(nodes)"
    case .goHybrid(let option, let nodes): return "hybrid \(option) ×\(nodes)"
    case .reevaluate(let month): return "re-evaluate @\(month)"
    }
  }
}
