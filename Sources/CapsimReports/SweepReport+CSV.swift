import Foundation

extension SweepReport {
  /// The wide CSV's columns: the axes' key paths, then for each option `OPTION.total_cost`,
  /// `OPTION.total_cost_se`, `OPTION.total_cost_ci_lower`, `OPTION.total_cost_ci_upper`,
  /// `OPTION.p_cheapest`, `OPTION.p_cheapest_se`, `OPTION.p_cheapest_ci_lower`,
  /// `OPTION.p_cheapest_ci_upper` (the Wilson score 95% interval), `OPTION.nodes`, `OPTION.sizing_metric`,
  /// `OPTION.sizing_value`; then `cheapest`, `verdict`, `verdict_option`, `verdict_nodes`,
  /// `p_leading_cheaper`, `trials`, `seed`, `overrides`, `uncertain_inputs` (the inputs drawn per trial
  /// as `PATH ~ DISTRIBUTION` joined by `; `, empty without any).
  public static func csvColumns(_ result: SweepResult) -> [String] {
    var columns = result.axes.map(\.path)
    for name in result.optionNames {
      columns += [
        "total_cost", "total_cost_se", "total_cost_ci_lower", "total_cost_ci_upper", "p_cheapest",
        "p_cheapest_se", "p_cheapest_ci_lower", "p_cheapest_ci_upper", "nodes", "sizing_metric",
        "sizing_value",
      ].map { "\(name).\($0)" }
    }
    return columns + [
      "cheapest", "verdict", "verdict_option", "verdict_nodes", "p_leading_cheaper", "trials",
      "seed", "overrides", "uncertain_inputs",
    ]
  }

  /// Wide CSV: one row per point (RFC 4180, `\n` line ends, full-precision numbers, empty when unknown).
  public static func csv(_ result: SweepResult) -> String {
    var rows = [csvColumns(result)]
    let exact = NumberFormatting.exact
    for point in result.points {
      var row = point.settings.map(\.value)
      for option in point.options {
        let cost = option.totalCost
        row += [
          exact(cost.value), exact(cost.standardError), exact(cost.lower), exact(cost.upper),
          exact(option.probabilityCheapest.value), exact(option.probabilityCheapest.standardError),
          exact(option.probabilityCheapest.lower), exact(option.probabilityCheapest.upper),
          option.nodes.map(String.init) ?? "", option.sizingMetric?.key ?? "",
          exact(option.sizingMetric?.estimate.value),
        ]
      }
      let r = point.recommendation
      var verdictOption = ""
      var verdictNodes = ""
      switch r?.verdict {
      case .stayOnShared(let option)?: verdictOption = option
      case .migrateToDedicated(let option, let nodes)?, .goHybrid(let option, let nodes)?:
        verdictOption = option
        verdictNodes = String(nodes)
      default: break
      }
      row += [
        point.cheapest, r.map { RecommendationReport.verdictKey($0.verdict) } ?? "", verdictOption,
        verdictNodes, exact(r?.comparison.probabilityCheaper), String(result.trials),
        String(result.seed), result.overrides.map(\.description).joined(separator: "; "),
        CSVReport.uncertainInputs(result.uncertainInputs),
      ]
      rows.append(row)
    }
    return rows.map { $0.map(CSVReport.escape).joined(separator: ",") }.joined(separator: "\n")
      + "\n"
  }
}
