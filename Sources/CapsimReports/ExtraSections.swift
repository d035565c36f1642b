/// Report sections that only some outcomes have: straggler growth tables and capacity-sizing curves.
/// Shared by the terminal and Markdown reports (plain lines; Markdown wraps them in code blocks).
enum ExtraSections {
  /// For each option with stragglers on: mean step amplification and step CoV against GPUs per job.
  static func stragglerGrowth(_ outcome: SimulationOutcome, width: Int = 100) -> [String] {
    var lines: [String] = []
    for option in outcome.options where !option.stragglerGrowth.isEmpty {
      lines.append("")
      lines.append(
        "Stragglers on \(option.name): a synchronous step waits for the slowest of G GPUs")
      lines.append(
        contentsOf: TextTable(
          header: ["GPUs", "mean step (s)", "vs 1 GPU", "step std dev (s)", "step CoV"],
          rightAligned: [true, true, true, true, true],
          rows: option.stragglerGrowth.map { row in
            [
              String(row.gpus), NumberFormatting.readable(row.mean, significant: 4),
              "×" + NumberFormatting.fixed(row.meanAmplification, decimals: 3),
              NumberFormatting.readable(row.standardDeviation, significant: 3),
              NumberFormatting.percent(row.coefficientOfVariation),
            ]
          }
        ).render(width: width))
    }
    return lines
  }

  /// For each option sized with `nodes: auto`: the target metric against the node count.
  static func sizingCurves(_ outcome: SimulationOutcome, width: Int = 100) -> [String] {
    var lines: [String] = []
    for option in outcome.options {
      guard let sizing = option.sizing, let target = sizing.target else { continue }
      let relation = target.metric == .deadlineHitRate ? "≥" : "≤"
      let isShare = target.metric == .deadlineHitRate
      let chosen =
        sizing.chosenNodes.map { NumberFormatting.count($0, "node") }
        ?? "no node count up to \(target.maximumNodes)"
      lines.append("")
      if target.metric.isObjective {
        lines.append(
          "Sizing \(option.name): node count minimising \(target.metric.rawValue) → \(chosen)")
      } else {
        lines.append(
          "Sizing \(option.name): smallest node count with \(target.metric.rawValue) \(relation) "
            + "\(isShare ? NumberFormatting.percent(target.limit) : NumberFormatting.readable(target.limit)) → \(chosen)"
        )
      }
      lines.append(
        contentsOf: TextTable(
          header: [
            "nodes", target.metric.rawValue, "95% CI",
            target.metric.isObjective ? "chosen" : "meets target",
          ],
          rightAligned: [true, true, false, false],
          rows: sizing.curve.map { point in
            let format = { (x: Double) in
              isShare ? NumberFormatting.percent(x) : NumberFormatting.readable(x, significant: 4)
            }
            let interval =
              point.estimate.lower.flatMap { lower in
                point.estimate.upper.map { "[\(format(lower))–\(format($0))]" }
              }
              ?? ""
            return [
              String(point.nodes), format(point.estimate.value), interval,
              point.meetsTarget ? "yes" : "no",
            ]
          }
        ).render(width: width))
    }
    return lines
  }

  /// Cumulative cost of ownership at a few months (p50 with the p10–p90 band), and crossover months.
  /// The table keeps within `width`, split into blocks of options that each repeat the month column.
  static func costOverTime(_ outcome: SimulationOutcome, width: Int = 100) -> [String] {
    let horizon = outcome.horizonMonths
    guard horizon > 1, !outcome.options.isEmpty else { return [] }
    var months = Set([1, horizon])
    for fraction in [0.25, 0.5, 0.75] {
      months.insert(Swift.max(1, Int((Double(horizon) * fraction).rounded())))
    }
    var lines = ["", "Cumulative cost (\(outcome.currency)): median over trials [p10–p90]"]
    let table = TextTable(
      header: ["month"] + outcome.options.map(\.name),
      rightAligned: [true] + outcome.options.map { _ in true },
      rows: months.sorted().map { month in
        [String(month)]
          + outcome.options.map { option in
            guard month <= option.monthly.count else { return "–" }
            let entry = option.monthly[month - 1]
            return "\(NumberFormatting.compact(entry.cumulativeP50)) "
              + "[\(NumberFormatting.compact(entry.cumulativeP10))–"
              + "\(NumberFormatting.compact(entry.cumulativeP90))]"
          }
      })
    lines.append(contentsOf: table.render(width: width))
    // Pairs with a crossover get a line each; the pairs without one fold into a single line.
    var never: [String] = []
    for crossover in outcome.crossovers {
      let stays =
        "never cheaper by the end in \(NumberFormatting.percent(crossover.neverShare)) of trials"
      guard let median = crossover.medianMonth else {
        never.append(
          "\(crossover.dedicated) vs \(crossover.shared) ("
            + "\(NumberFormatting.percent(crossover.neverShare)))")
        continue
      }
      lines.append(
        "Crossover \(crossover.dedicated) vs \(crossover.shared): median crossover month \(median); "
          + stays)
    }
    if !never.isEmpty {
      lines.append(
        "No crossover within \(NumberFormatting.count(horizon, "month")) in most trials: "
          + never.joined(separator: ", ")
          + " (share of trials in which the committed option is never cheaper by the end).")
    }
    return lines
  }
}
