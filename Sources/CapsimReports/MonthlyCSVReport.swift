/// The monthly cost series as CSV, one row per option and month, for charts in a spreadsheet.
///
/// Columns: `scenario, option, month, mean, p10, p50, p90, cumulative_mean, cumulative_p10,
/// cumulative_p50, cumulative_p90, currency, trials, seed, seed_text` (`seed_text`: see
/// ``CSVReport/seedText(_:)``).
public enum MonthlyCSVReport {
  /// The header row's column names.
  public static let columns = [
    "scenario", "option", "month", "mean", "p10", "p50", "p90", "cumulative_mean", "cumulative_p10",
    "cumulative_p50", "cumulative_p90", "currency", "trials", "seed", "seed_text",
  ]

  /// Renders the monthly series of every option.
  public static func render(_ outcome: SimulationOutcome) -> String {
    var lines = [columns.joined(separator: ",")]
    for option in outcome.options {
      for month in option.monthly {
        let numbers = [
          month.mean, month.p10, month.p50, month.p90, month.cumulativeMean, month.cumulativeP10,
          month.cumulativeP50, month.cumulativeP90,
        ].map { NumberFormatting.exact($0) }
        let fields =
          [outcome.scenario, option.name, String(month.month)] + numbers
          + [
            outcome.currency, String(outcome.trials), String(outcome.seed),
            CSVReport.seedText(outcome.seed),
          ]
        lines.append(fields.map(CSVReport.escape).joined(separator: ","))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
