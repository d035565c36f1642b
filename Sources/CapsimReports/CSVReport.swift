import Foundation

/// Results as CSV, one row per option and metric (a "long" table that pivots cleanly in a spreadsheet).
///
/// Columns (documented in `docs/report-fields.md`): `scenario, option, platform, pricing_model, metric,
/// label, unit, value, standard_error, ci_lower, ci_upper, confidence_level, trials, seed, overrides`
/// (`overrides`: the `--set PATH=VALUE` overrides joined by `; `, empty without any). Numbers are
/// written in full precision with `.` as decimal separator and no grouping; unknown values are empty.
public enum CSVReport {
  /// The header row's column names.
  public static let columns = [
    "scenario", "option", "platform", "pricing_model", "metric", "label", "unit", "value",
    "standard_error",
    "ci_lower", "ci_upper", "confidence_level", "trials", "seed", "overrides",
  ]

  /// Renders `outcome` as RFC 4180 CSV with CRLF-free `\n` line ends.
  public static func render(_ outcome: SimulationOutcome) -> String {
    var lines = [columns.joined(separator: ",")]
    for option in outcome.options {
      for metric in option.metrics {
        let fields = [
          outcome.scenario, option.name, option.platform, option.pricingModel.rawValue, metric.key,
          metric.label,
          metric.unit, NumberFormatting.exact(metric.estimate.value),
          NumberFormatting.exact(metric.estimate.standardError),
          NumberFormatting.exact(metric.estimate.lower),
          NumberFormatting.exact(metric.estimate.upper),
          NumberFormatting.exact(outcome.confidenceLevel), String(outcome.trials),
          String(outcome.seed),
          outcome.overrides.map(\.description).joined(separator: "; "),
        ]
        lines.append(fields.map(escape).joined(separator: ","))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

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
