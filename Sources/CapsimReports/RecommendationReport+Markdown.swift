import Foundation

// MARK: - Markdown decision memo

extension RecommendationReport {
  /// A decision memo in GitHub-flavoured Markdown, with the headings Recommendation, Why, Risks and
  /// confidence, Signals and Method, to paste into a document.
  public static func markdown(_ r: Recommendation) -> String {
    var lines: [String] = []
    lines.append("# Infrastructure decision: \(escape(r.scenario))")
    lines.append("")
    lines.append("## Recommendation")
    lines.append("")
    lines.append("**\(escape(verdictSentence(r)))**")
    lines.append("")
    lines.append("- Confidence: \(escape(confidenceLine(r)))")
    lines.append("- Expected saving: \(escape(savingsLine(r))); \(escape(savingsIntervalLine(r)))")
    lines.append("- Predictability: \(escape(predictabilityLine(r)))")
    lines.append("")
    lines.append("## Why")
    lines.append("")
    lines.append(
      "Mean cost over the horizon by cost line, and each line's part in the difference "
        + "(\(escape(r.alternative.name)) − \(escape(r.leading.name))), largest first:")
    lines.append("")
    lines.append(
      "| Cost line | \(escape(r.leading.name)) | \(escape(r.alternative.name)) | Difference | Share |"
    )
    lines.append("|---|---:|---:|---:|---:|")
    let total = r.comparison.meanSaving
    for driver in r.reasons {
      lines.append(
        "| \(escape(driver.label)) | \(money(driver.leadingMean)) | \(money(driver.alternativeMean)) | "
          + "\(money(driver.difference)) | \(total == 0 ? "n/a" : percent(driver.difference / total)) |"
      )
    }
    lines.append(
      "| **Total** | \(money(r.leading.meanTotalCost)) | \(money(r.alternative.meanTotalCost)) | "
        + "\(money(total)) | 100.0% |")
    lines.append("")
    lines.append("## Risks and confidence")
    lines.append("")
    let c = r.comparison
    lines.append(
      "- \(escape(r.leading.name)) is cheaper than \(escape(r.alternative.name)) in "
        + "\(percent(c.probabilityCheaper)) of simulated horizons (95% interval "
        + "\(percent(c.probabilityLower))–\(percent(c.probabilityUpper))); confidence is **\(r.confidence.rawValue)** "
        + "(low below \(percent(r.policy.lowConfidenceBelow)) or when the saving is under "
        + "\(percent(r.policy.materialSaving)) of the alternative's cost; high from "
        + "\(percent(r.policy.highConfidenceAtLeast))).")
    lines.append(
      "- In one horizon out of twenty the saving is below \(money(c.savingP05)) \(r.currency), and in one out "
        + "of twenty above \(money(c.savingP95)) \(r.currency); the median is \(money(c.savingP50)) \(r.currency)."
    )
    if let month = r.crossoverMedianMonth {
      let committed = r.leading.category != .payPerUse ? r.leading.name : r.alternative.name
      lines.append(
        "- \(escape(committed)) becomes cumulatively cheaper than \(escape(r.before.name)) in month \(month) "
          + "of \(r.horizonMonths) (median over trials).")
    }
    if !r.reevaluationReasons.isEmpty {
      lines.append(
        "- Re-evaluation because of: "
          + r.reevaluationReasons.map(reasonText).joined(separator: "; ") + ".")
    }
    lines.append("")
    lines.append("## Signals")
    lines.append("")
    lines.append("Signs that the workload has moved from experimentation to production:")
    lines.append("")
    lines.append("| Signal | Present | Evidence | Rule |")
    lines.append("|---|---|---:|---|")
    for signal in r.signals {
      lines.append(
        "| \(signal.label) | \(signal.present ? "yes" : "no") | \(escape(evidence(signal))) | \(escape(signal.rule)) |"
      )
    }
    lines.append("")
    lines.append("## Method")
    lines.append("")
    lines.append(
      "All numbers are Monte Carlo estimates from \(NumberFormatting.fixed(Double(r.trials), decimals: 0)) "
        + "simulated \(r.horizonMonths)-month horizons (seed \(r.seed)); every option saw the same jobs in each "
        + "trial, and the options were compared trial by trial. The simulation model is described in "
        + "docs/model.md and the recommendation rules in docs/recommend.md. Rerun with the same seed to "
        + "reproduce these numbers, or with another seed to see their Monte Carlo spread.")
    if !r.overrides.isEmpty {
      lines.append("")
      lines.append(
        "The scenario file was run with these overrides (--set): "
          + r.overrides.map { "`\($0.description)`" }.joined(separator: ", ") + ".")
    }
    if let precision = r.precision {
      lines += ["", precision.line(trials: r.trials) + "."]
    }
    if let line = UncertaintyText.inputsLine(r.uncertainInputs, code: true) {
      lines += ["", "## Uncertain inputs", "", line + "."]
    }
    if let line = UncertaintyText.correlationsLine(r.inputCorrelations, code: true) {
      lines += ["", line + "."]
    }
    if let sensitivity = r.verdictSensitivity {
      lines.append("")
      lines.append(UncertaintyText.verdictSentences(sensitivity, code: true).joined(separator: " "))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func reasonText(_ reason: Recommendation.ReevaluationReason) -> String {
    switch reason {
    case .lowConfidence: return "the leading option is cheaper in too few simulated horizons"
    case .smallMargin:
      return "the expected saving is under the material share of the alternative's cost"
    case .lateCrossover: return "the committed option pays off only late in the horizon"
    case .insufficientCapacity:
      return "the committed option cannot keep up with the work offered to it"
    }
  }

  static func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "|", with: "\\|")
  }
}
