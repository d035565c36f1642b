import Foundation

/// Results as CSV, one row per option and metric (a "long" table that pivots cleanly in a spreadsheet).
///
/// Columns (documented in `docs/report-fields.md`): `scenario, option, platform, pricing_model, metric,
/// label, unit, value, standard_error, ci_lower, ci_upper, confidence_level, trials, seed, seed_text,
/// overrides`. Numbers are written in full precision with `.` as decimal separator and no grouping;
/// unknown values are empty. Shares are fractions (0.95, unit `fraction`). `seed` is the integer for
/// programs; `seed_text` is the same digits behind an apostrophe, which a spreadsheet keeps as text (a
/// seed above 2^53 read as a number loses its last digits, and the run could no longer be reproduced).
/// `overrides` holds the `--set PATH=VALUE` overrides joined by `; `, empty without any, and
/// `uncertain_inputs` the inputs drawn per trial as `PATH ~ DISTRIBUTION` joined by `; ` (empty without any).
///
/// The answer of the text reports (``RunHeadline``) is in the same rows: every option has a row with
/// the metric `probability_cheapest` (the share of trials it is cheapest, its binomial standard error
/// and Wilson 95% interval), and the cheapest option a row `saving_vs_runner_up` (the paired mean
/// saving against the runner-up, its standard error and 95% interval).
public enum CSVReport {
  /// The header row's column names.
  public static let columns = [
    "scenario", "option", "platform", "pricing_model", "metric", "label", "unit", "value",
    "standard_error",
    "ci_lower", "ci_upper", "confidence_level", "trials", "seed", "seed_text", "overrides",
    "uncertain_inputs",
  ]

  /// Renders `outcome` as RFC 4180 CSV with CRLF-free `\n` line ends.
  public static func render(_ outcome: SimulationOutcome) -> String {
    var lines = [columns.joined(separator: ",")]
    let headline = RunHeadline(outcome)
    for (index, option) in outcome.options.enumerated() {
      for metric in option.metrics + headlineMetrics(headline, option: index, outcome: outcome) {
        let fields = [
          outcome.scenario, option.name, option.platform, option.pricingModel.rawValue, metric.key,
          metric.label,
          unit(metric.unit), NumberFormatting.exact(metric.estimate.value),
          NumberFormatting.exact(metric.estimate.standardError),
          NumberFormatting.exact(metric.estimate.lower),
          NumberFormatting.exact(metric.estimate.upper),
          NumberFormatting.exact(outcome.confidenceLevel), String(outcome.trials),
          String(outcome.seed), seedText(outcome.seed),
          outcome.overrides.map(\.description).joined(separator: "; "),
          uncertainInputs(outcome.uncertainInputs),
        ]
        lines.append(fields.map(escape).joined(separator: ","))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `PATH ~ DISTRIBUTION` for each of `inputs`, joined by `; ` (empty without any): the
  /// `uncertain_inputs` column of the run's and the sweep's CSV.
  static func uncertainInputs(_ inputs: [UncertainInput]) -> String {
    UncertaintyText.entries(inputs).joined(separator: "; ")
  }

  /// The headline's rows for option `index`: `probability_cheapest`, and for the cheapest option
  /// `saving_vs_runner_up`.
  static func headlineMetrics(
    _ headline: RunHeadline?, option index: Int, outcome: SimulationOutcome
  )
    -> [MetricEstimate]
  {
    guard let headline else { return [] }
    var metrics = [
      MetricEstimate(
        key: "probability_cheapest", label: "P(cheapest)", unit: "share",
        estimate: headline.optionProbabilities[index])
    ]
    if outcome.options[index].name == headline.cheapest, let runnerUp = headline.runnerUp,
      let comparison = headline.comparison
    {
      let interval = headline.savingInterval
      metrics.append(
        MetricEstimate(
          key: "saving_vs_runner_up", label: "Saving vs runner-up \(runnerUp)",
          unit: outcome.currency,
          estimate: Estimate(
            value: comparison.meanSaving, standardError: comparison.meanSavingStandardError,
            lower: interval?.lower, upper: interval?.upper)))
    }
    return metrics
  }

  /// Results as a wide CSV: one row per option; for each metric (in report order) a column with its
  /// key holding the estimate and `KEY_low`, `KEY_high` holding its confidence interval; then
  /// `probability_cheapest` with `_low` and `_high`, `saving_vs_runner_up` with `_low` and `_high`
  /// and `runner_up` (filled on the cheapest option's row only), then
  /// `confidence_level, trials, seed, seed_text, overrides, uncertain_inputs`. Units are those of the long layout (shares as
  /// fractions). A chart of one metric across options needs no pivot table.
  public static func renderWide(_ outcome: SimulationOutcome) -> String {
    var keys: [String] = []
    for option in outcome.options {
      for metric in option.metrics where !keys.contains(metric.key) { keys.append(metric.key) }
    }
    let header =
      ["scenario", "option", "platform", "pricing_model", "nodes"]
      + (keys + headlineKeys).flatMap { [$0, $0 + "_low", $0 + "_high"] } + ["runner_up"]
      + ["confidence_level", "trials", "seed", "seed_text", "overrides", "uncertain_inputs"]
    var lines = [header.joined(separator: ",")]
    let headline = RunHeadline(outcome)
    for (index, option) in outcome.options.enumerated() {
      let extra = headlineMetrics(headline, option: index, outcome: outcome)
      var fields = [
        outcome.scenario, option.name, option.platform, option.pricingModel.rawValue,
        option.nodes.map(String.init) ?? "",
      ]
      for key in keys {
        let estimate = option.metric(key)?.estimate
        fields += [
          NumberFormatting.exact(estimate?.value), NumberFormatting.exact(estimate?.lower),
          NumberFormatting.exact(estimate?.upper),
        ]
      }
      for key in headlineKeys {
        let estimate = extra.first { $0.key == key }?.estimate
        fields += [
          NumberFormatting.exact(estimate?.value), NumberFormatting.exact(estimate?.lower),
          NumberFormatting.exact(estimate?.upper),
        ]
      }
      fields.append(extra.count > 1 ? headline?.runnerUp ?? "" : "")
      fields += [
        NumberFormatting.exact(outcome.confidenceLevel), String(outcome.trials),
        String(outcome.seed), seedText(outcome.seed),
        outcome.overrides.map(\.description).joined(separator: "; "),
        uncertainInputs(outcome.uncertainInputs),
      ]
      lines.append(fields.map(escape).joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The wide layout's headline columns, each with `_low` and `_high`.
  static let headlineKeys = ["probability_cheapest", "saving_vs_runner_up"]

  /// A metric unit as the reports write it: `share` is written `fraction` (a value in [0, 1]).
  public static func unit(_ unit: String) -> String { unit == "share" ? "fraction" : unit }

  /// The seed as text a spreadsheet keeps whole: an apostrophe, then the decimal digits.
  public static func seedText(_ seed: UInt64) -> String { "'\(seed)" }

  /// Quotes a field when it holds a comma, quote or line break, doubling inner quotes; also guards
  /// against spreadsheet formula injection by quoting fields that start with =, +, - or @ and are not numbers.
  static func escape(_ field: String) -> String {
    var field = field
    if let first = field.first, "=+-@".contains(first), Double(field) == nil {
      field = "'" + field
    }
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return field
    }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
