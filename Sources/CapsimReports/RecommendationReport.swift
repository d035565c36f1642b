import Foundation

/// Renders a ``Recommendation`` as a terminal summary, a Markdown decision memo, JSON or CSV.
///
/// Every format carries the same numbers: the verdict, its confidence (P(cheaper) with its Wilson 95%
/// interval), the expected saving with its standard error and 90% interval, predictability (p95/p50 of job
/// time before and after), the cost lines behind the difference, the workload signals, and the trials and
/// seed. The method is documented in `docs/recommend.md`.
public enum RecommendationReport {
  // MARK: - Sentences shared by every format

  /// The verdict in one sentence.
  public static func verdictSentence(_ r: Recommendation) -> String {
    switch r.verdict {
    case .stayOnShared(let option):
      return "Stay on shared capacity: keep paying per use on \(option); it is cheaper than "
        + "\(r.alternative.name) in \(percent(r.comparison.probabilityCheaper)) of simulated horizons."
    case .migrateToDedicated(let option, let nodes):
      return
        "Migrate to dedicated capacity: commit to \(nodes) node\(nodes == 1 ? "" : "s") of \(option); "
        + "it is cheaper than \(r.alternative.name) in \(percent(r.comparison.probabilityCheaper)) of "
        + "simulated horizons."
    case .goHybrid(let option, let nodes):
      return
        "Go hybrid: commit to \(nodes) node\(nodes == 1 ? "" : "s") of \(option) and pay per use for "
        + "the rest."
    case .reevaluate(let month):
      var why: [String] = []
      // A small margin and a low confidence are one clause about the same option, not two.
      let often = "only in \(percent(r.comparison.probabilityCheaper)) of simulated horizons"
      let margin =
        "by only \(percent(r.comparison.relativeSaving)) (\(money(r.comparison.meanSaving)) "
        + "\(r.currency)), within the uncertainty of the inputs"
      switch (
        r.reevaluationReasons.contains(.smallMargin), r.reevaluationReasons.contains(.lowConfidence)
      ) {
      case (true, true):
        why.append("\(r.leading.name) is cheaper by expectation \(margin), and \(often)")
      case (true, false): why.append("\(r.leading.name) is cheaper by expectation \(margin)")
      case (false, true): why.append("\(r.leading.name) is cheaper by expectation but \(often)")
      case (false, false): break
      }
      if r.reevaluationReasons.contains(.insufficientCapacity) {
        let load =
          r.leadingOfferedLoad.map { NumberFormatting.readable($0, significant: 3) } ?? "over 1"
        why.append(
          "\(r.leading.name) cannot keep up: the work offered is \(load) × its capacity, so its queue "
            + "grows without bound and the work running past the horizon, unbilled, makes it look cheap "
            + "(add nodes, or size it with 'nodes: auto')")
      }
      if r.reevaluationReasons.contains(.lateCrossover) {
        why.append(
          r.crossoverMedianMonth.map {
            "\(r.leading.name) overtakes \(r.before.name) only in month \($0) of \(r.horizonMonths)"
          }
            ?? "\(r.leading.name) does not overtake \(r.before.name) within the horizon in most trials"
        )
      }
      return "Do not change yet; re-evaluate at month \(month): " + why.joined(separator: ", and ")
        + "."
    }
  }

  /// Verdict kind as a stable key: `stay_on_shared`, `migrate_to_dedicated`, `go_hybrid`, `reevaluate`.
  public static func verdictKey(_ verdict: Recommendation.Verdict) -> String {
    switch verdict {
    case .stayOnShared: return "stay_on_shared"
    case .migrateToDedicated: return "migrate_to_dedicated"
    case .goHybrid: return "go_hybrid"
    case .reevaluate: return "reevaluate"
    }
  }

  /// "low: P(A cheaper than B) = 76.2% [74.3%–78.0%]".
  static func confidenceLine(_ r: Recommendation) -> String {
    let c = r.comparison
    return "\(r.confidence.rawValue): P(\(r.leading.name) cheaper than \(r.alternative.name)) = "
      + "\(percent(c.probabilityCheaper)) [\(percent(c.probabilityLower))–\(percent(c.probabilityUpper))]"
      + (r.policy.isMaterial(c)
        ? "" : "; saving under \(percent(r.policy.materialSaving)) of the alternative's cost")
  }

  /// "12,500 USD over 12 months (2.2% of bare-metal) ± 390 (SE)".
  static func savingsLine(_ r: Recommendation) -> String {
    let c = r.comparison
    let se = c.meanSavingStandardError.map { " ± \(money($0)) (SE)" } ?? ""
    return
      "\(money(c.meanSaving)) \(r.currency) over \(NumberFormatting.count(r.horizonMonths, "month")) "
      + "(\(percent(c.relativeSaving)) of \(r.alternative.name))\(se)"
  }

  /// "90% interval −16,000 to 41,000 USD".
  static func savingsIntervalLine(_ r: Recommendation) -> String {
    "90% interval \(money(r.comparison.savingP05)) to \(money(r.comparison.savingP95)) \(r.currency) "
      + "(5th–95th percentile over trials)"
  }

  /// "p95/p50 of job time 1.371 on X (before) → 1.218 on Y (after)"; when the recommended option is
  /// the one in use, it is compared with the alternative instead of with itself.
  static func predictabilityLine(_ r: Recommendation) -> String {
    guard r.before.name != r.leading.name else {
      return
        "p95/p50 of job time \(ratio(r.leading.tailRatio)) on \(r.leading.name) (recommended) vs "
        + "\(ratio(r.alternative.tailRatio)) on \(r.alternative.name) (alternative)"
    }
    return "p95/p50 of job time \(ratio(r.before.tailRatio)) on \(r.before.name) (before) → "
      + "\(ratio(r.leading.tailRatio)) on \(r.leading.name) (after)"
  }

  /// "Trials and seed" line.
  static func methodLine(_ r: Recommendation) -> String {
    "Monte Carlo estimates over \(NumberFormatting.count(r.trials, "trial")), seed \(r.seed), "
      + "\(r.horizonMonths)-month horizon; options compared trial by trial on the same jobs."
  }

  /// A signal's evidence in words.
  static func evidence(_ signal: WorkloadSignal) -> String {
    guard signal.evidence.isFinite else { return signal.kind == .deadlines ? "none" : "n/a" }
    switch signal.unit {
    case "share": return percent(signal.evidence)
    case "ratio": return "×" + ratio(signal.evidence)
    case "GPUs": return "\(Int(signal.evidence)) GPU\(signal.evidence == 1 ? "" : "s")"
    default: return NumberFormatting.readable(signal.evidence) + " " + signal.unit
    }
  }

  // MARK: - Number formats

  static func money(_ value: Double) -> String { NumberFormatting.readable(value, significant: 4) }
  static func percent(_ value: Double) -> String {
    NumberFormatting.percent(value).replacingOccurrences(of: "-", with: "−")
  }
  static func ratio(_ value: Double) -> String { NumberFormatting.fixed(value, decimals: 3) }

  /// Wraps `text` at word boundaries to lines of at most `width` columns (a single longer word stays
  /// whole): the first line starts with `prefix`, the others with `indent`.
  static func wrap(_ text: String, width: Int, prefix: String = "", indent: String) -> [String] {
    var lines: [String] = []
    var current = prefix
    var empty = true
    // A word longer than a line (a very long option name) is broken after a '-', '.', '_' or '/'.
    let room = Swift.max(8, width - Swift.max(prefix.count, indent.count))
    let words = text.split(separator: " ").flatMap { word -> [String] in
      word.count > room ? TextTable.wrap(String(word), width: room) : [String(word)]
    }
    for word in words {
      if !empty && current.count + 1 + word.count > width {
        lines.append(current)
        current = indent + word
      } else {
        current += (empty ? "" : " ") + word
      }
      empty = false
    }
    lines.append(current)
    return lines
  }
}
