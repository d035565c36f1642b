import Foundation

// MARK: - CSV

extension RecommendationReport {
  /// The CSV header: one row per field, `key,value,text,unit`.
  public static let csvColumns = ["key", "value", "text", "unit"]

  /// Key/value CSV (RFC 4180, `\n` line ends) carrying the same numbers as the JSON: dotted keys such as
  /// `confidence.probability`, `savings.p05`, `reasons.cost_commitment.difference`,
  /// `signals.long_runs.present`. Numbers (full precision) are in `value` and only numbers; words are in
  /// `text`, so a spreadsheet column holds one kind. Shares are fractions (unit `fraction`); unknown
  /// values are empty. The seed is in `text` behind an apostrophe (``CSVReport/seedText(_:)``). With a
  /// precision target, `precision.*` gives the target, the half-width reached, whether it was met and the
  /// trial limit. With uncertain inputs, `uncertain_inputs.PATH.*` gives each one's distribution and 5th,
  /// 50th and 95th percentiles, `input_correlations.N.*` each requested rank correlation with the achieved one, and
  /// `verdict_sensitivity.*` the top tornado inputs (the saving at each end) and the flip value, as the
  /// JSON's `uncertain_inputs`, `input_correlations` and `verdict_sensitivity` do.
  public static func csv(_ r: Recommendation) -> String {
    var rows: [[String]] = [csvColumns]
    func add(_ key: String, _ text: String, _ unit: String = "") {
      rows.append([key, "", text, unit])
    }
    func add(_ key: String, _ value: Double?, _ unit: String = "") {
      rows.append([key, NumberFormatting.exact(value), "", CSVReport.unit(unit)])
    }
    let c = r.comparison
    add("scenario", r.scenario)
    add("trials", Double(r.trials), "trials")
    add("seed", CSVReport.seedText(r.seed))
    add("horizon_months", Double(r.horizonMonths), "months")
    for override in r.overrides { add("overrides.\(override.path)", override.value) }
    if let precision = r.precision {
      add("precision.target", precision.target, "share")
      add("precision.reached", precision.reached, "share")
      add("precision.met", precision.met ? "true" : "false")
      add("precision.maximum_trials", Double(precision.maximumTrials), "trials")
    }
    add("verdict.kind", verdictKey(r.verdict))
    switch r.verdict {
    case .stayOnShared(let option): add("verdict.option", option)
    case .migrateToDedicated(let option, let nodes), .goHybrid(let option, let nodes):
      add("verdict.option", option)
      add("verdict.nodes", Double(nodes), "nodes")
    case .reevaluate(let month): add("verdict.at_month", Double(month), "month")
    }
    add("verdict.reasons", r.reevaluationReasons.map(\.rawValue).joined(separator: ";"))
    add("verdict.sentence", verdictSentence(r))
    add("confidence.level", r.confidence.rawValue)
    add("confidence.probability", c.probabilityCheaper, "share")
    add("confidence.standard_error", c.probabilityStandardError, "share")
    add("confidence.ci_lower", c.probabilityLower, "share")
    add("confidence.ci_upper", c.probabilityUpper, "share")
    add("savings.mean", c.meanSaving, r.currency)
    add("savings.standard_error", c.meanSavingStandardError, r.currency)
    add("savings.p05", c.savingP05, r.currency)
    add("savings.p50", c.savingP50, r.currency)
    add("savings.p95", c.savingP95, r.currency)
    add("savings.relative", c.relativeSaving, "ratio")
    add("predictability.comparison", predictabilityComparison(r))
    add("predictability.before_option", r.before.name)
    add("predictability.before_p95_over_p50", r.before.tailRatio, "ratio")
    add("predictability.after_option", r.leading.name)
    add("predictability.after_p95_over_p50", r.leading.tailRatio, "ratio")
    add("predictability.alternative_option", r.alternative.name)
    add("predictability.alternative_p95_over_p50", r.alternative.tailRatio, "ratio")
    add("crossover_median_month", r.crossoverMedianMonth.map(Double.init), "month")
    for (role, option) in [("leading", r.leading), ("alternative", r.alternative)] {
      add("\(role).name", option.name)
      add("\(role).category", option.category.rawValue)
      add("\(role).nodes", option.nodes.map(Double.init), "nodes")
      add("\(role).mean_total_cost", option.meanTotalCost, r.currency)
      add("\(role).total_cost_standard_error", option.totalCostStandardError, r.currency)
      add("\(role).job_hours_p50", option.jobHoursP50, "h")
      add("\(role).job_hours_p95", option.jobHoursP95, "h")
    }
    for (rank, driver) in r.reasons.enumerated() {
      add("reasons.\(driver.key).rank", Double(rank + 1))
      add("reasons.\(driver.key).leading_mean", driver.leadingMean, r.currency)
      add("reasons.\(driver.key).alternative_mean", driver.alternativeMean, r.currency)
      add("reasons.\(driver.key).difference", driver.difference, r.currency)
      add(
        "reasons.\(driver.key).share", c.meanSaving == 0 ? nil : driver.difference / c.meanSaving,
        "share")
    }
    for signal in r.signals {
      add("signals.\(signal.kind.rawValue).present", signal.present ? "true" : "false")
      add("signals.\(signal.kind.rawValue).evidence", signal.evidence, signal.unit)
    }
    for input in r.uncertainInputs {
      let key = "uncertain_inputs.\(input.path)"
      add("\(key).distribution", input.distribution.summary)
      add("\(key).p05", input.distribution.low)
      add("\(key).p50", input.distribution.median)
      add("\(key).p95", input.distribution.high)
    }
    for (index, pair) in r.inputCorrelations.enumerated() {
      let key = "input_correlations.\(index + 1)"
      add("\(key).between", pair.between.joined(separator: ";"))
      add("\(key).requested", pair.requested)
      add("\(key).achieved", pair.achieved)
    }
    if let sensitivity = r.verdictSensitivity {
      add("verdict_sensitivity.leading", sensitivity.leading)
      add("verdict_sensitivity.alternative", sensitivity.alternative)
      for (rank, bar) in sensitivity.topInputs.enumerated() {
        let key = "verdict_sensitivity.top_inputs.\(bar.path)"
        add("\(key).rank", Double(rank + 1))
        for (end, point) in [("low", bar.low), ("high", bar.high)] {
          add("\(key).\(end)", Double(point.value))
          add("\(key).saving_at_\(end)", point.metric.value, r.currency)
          add("\(key).saving_at_\(end)_standard_error", point.metric.standardError, r.currency)
        }
        add("\(key).swing", bar.swing, r.currency)
      }
      add("verdict_sensitivity.flip_path", sensitivity.flipPath ?? "")
      add("verdict_sensitivity.flip_value", sensitivity.flipValue)
    }
    return rows.map { $0.map(CSVReport.escape).joined(separator: ",") }.joined(separator: "\n")
      + "\n"
  }
}
