import Foundation

// MARK: - Terminal

extension RecommendationReport {
  /// Plain text for a terminal, at most `width` columns (minimum 60): sentences wrap (a name longer than
  /// a line is broken after a `-`), and the Why and signals tables wrap their cells or split into blocks.
  public static func table(_ r: Recommendation, width: Int = 100) -> String {
    let width = Swift.max(60, width)
    let labelWidth = 16
    let indent = String(repeating: " ", count: labelWidth)
    var lines: [String] = []
    lines += wrap(
      "Recommendation for \(r.scenario): \(NumberFormatting.count(r.horizonMonths, "month")), "
        + "\(NumberFormatting.count(r.trials, "trial")), seed \(r.seed)", width: width, indent: "  "
    )
    if !r.overrides.isEmpty {
      lines.append(
        contentsOf: wrap(
          "Overrides: " + r.overrides.map(\.description).joined(separator: ", "), width: width,
          indent: "  "))
    }
    if let precision = r.precision {
      lines.append(
        contentsOf: wrap(
          precision.line(trials: r.trials), width: width, indent: "  "))
    }
    if let line = UncertaintyText.inputsLine(r.uncertainInputs) {
      lines.append(contentsOf: wrap(line, width: width, indent: "  "))
    }
    if let line = UncertaintyText.correlationsLine(r.inputCorrelations) {
      lines.append(contentsOf: wrap(line, width: width, indent: "  "))
    }
    if let sensitivity = r.verdictSensitivity {
      for sentence in UncertaintyText.verdictSentences(sensitivity) {
        lines.append(contentsOf: wrap(sentence, width: width, indent: "  "))
      }
    }
    lines.append("")
    func field(_ label: String, _ text: String) {
      let padded = label.padding(toLength: labelWidth, withPad: " ", startingAt: 0)
      lines.append(contentsOf: wrap(text, width: width, prefix: padded, indent: indent))
    }
    field("Verdict", verdictSentence(r))
    field("Confidence", confidenceLine(r))
    field("Savings", savingsLine(r))
    field("", savingsIntervalLine(r))
    field("Predictability", predictabilityLine(r))
    if let month = r.crossoverMedianMonth {
      let committed = r.leading.category != .payPerUse ? r.leading.name : r.alternative.name
      field(
        "Crossover",
        "\(committed) is cumulatively cheaper than \(r.before.name) from month \(month) (median)")
    }
    lines.append("")
    lines.append(
      contentsOf: wrap(
        "Why: cost lines by their part in the difference (\(r.alternative.name) − \(r.leading.name)); "
          + "'of gross' is each line's signed fraction of the sum of all lines' absolute differences",
        width: width, indent: "  "))
    lines.append(contentsOf: reasonsTable(r, width: width))
    lines.append("")
    lines.append("Signals of production use")
    var signals = TextTable(
      header: ["", "signal", "evidence", "rule"], rightAligned: [false, false, true, false],
      rows: [])
    for signal in r.signals {
      signals.rows.append([
        signal.present ? "[x]" : "[ ]", signal.label, evidence(signal), signal.rule,
      ])
    }
    lines.append(contentsOf: signals.render(width: width - 2, keyColumns: 2).map { "  " + $0 })
    lines.append("")
    lines.append(contentsOf: wrap(methodLine(r), width: width, indent: ""))
    return lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
      + "\n"
  }

  /// The reasons as an indented table of at most `width` columns (labels cut to fit).
  static func reasonsTable(_ r: Recommendation, width: Int) -> [String] {
    guard !r.reasons.isEmpty else { return ["  (no cost line differs)"] }
    let total = r.comparison.meanSaving
    // Each line's part of the gross difference Σ|dᵢ|: a signed fraction in [−1, 1], readable even when
    // lines offset each other and the net difference is small.
    let gross = r.reasons.reduce(0) { $0 + Swift.abs($1.difference) }
    var table = TextTable(
      header: [
        "line", shorten(r.leading.name, 16), shorten(r.alternative.name, 16), "difference",
        "of gross",
      ],
      rightAligned: [false, true, true, true, true], rows: [])
    for driver in r.reasons {
      table.rows.append([
        shorten(driver.label, 22), money(driver.leadingMean), money(driver.alternativeMean),
        money(driver.difference),
        gross == 0 ? "n/a" : signedFraction(driver.difference / gross),
      ])
    }
    table.rows.append([
      "total", money(r.leading.meanTotalCost), money(r.alternative.meanTotalCost), money(total), "",
    ])
    return table.render(width: width - 2).map { "  " + $0 }
  }

  /// "+0.42", "−0.07"; "0.00" for anything that rounds to 0.
  static func signedFraction(_ value: Double) -> String {
    let magnitude = NumberFormatting.fixed(Swift.abs(value), decimals: 2)
    // A fraction that rounds to 0 has no sign: never "−0.00".
    guard magnitude != "0.00" else { return magnitude }
    return (value < 0 ? "−" : "+") + magnitude
  }

  static func shorten(_ text: String, _ limit: Int) -> String {
    text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
  }
}
