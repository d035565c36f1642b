import ArgumentParser

/// How `capsim run` writes its results.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  /// A side-by-side table for a terminal.
  case table
  /// A Markdown document.
  case md
  /// JSON with a schema version.
  case json
  /// CSV, one row per option and metric.
  case csv
  /// CSV of the monthly cost series, one row per option and month.
  case monthlyCSV = "monthly-csv"
}
