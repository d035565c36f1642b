import Foundation

/// A file format a report can be written in.
public enum ReportFormat: String, Sendable, CaseIterable, Hashable {
  /// Plain text for a terminal.
  case table
  /// A Markdown document.
  case md
  /// JSON through ``ReportJSONEncoder`` (snake_case keys, explicit nulls, `schema_version`).
  case json
  /// CSV for spreadsheets (long or wide, see ``CSVLayout``).
  case csv
  /// The monthly cost series as CSV.
  case monthlyCSV = "monthly-csv"
  /// An Excel workbook with native charts.
  case xlsx
  /// One self-contained HTML page with SVG charts.
  case html

  /// Whether the format is bytes rather than text (and so is never printed to a terminal as is).
  public var isBinary: Bool { self == .xlsx }
}

/// The layout of a CSV report.
public enum CSVLayout: String, Sendable, CaseIterable {
  /// One row per option and metric: pivots cleanly, filters by metric.
  case long
  /// One row per option, one column per metric with `_low` and `_high` columns: charts directly.
  case wide
}

/// How much a terminal report shows.
public enum ReportDetail: String, Sendable, CaseIterable {
  /// The answer and the metrics that matter, within 40 rows of 100 columns.
  case summary
  /// Every metric, table and note.
  case full
}

/// The settings every rendering takes.
public struct RenderSettings: Sendable {
  /// Terminal width in columns.
  public var width: Int
  /// CSV layout.
  public var layout: CSVLayout
  /// Terminal detail.
  public var detail: ReportDetail
  /// The capsim version written into JSON, workbooks and pages.
  public var capsimVersion: String

  /// Creates settings.
  public init(
    width: Int = 100, layout: CSVLayout = .long, detail: ReportDetail = .summary,
    capsimVersion: String
  ) {
    self.width = width
    self.layout = layout
    self.detail = detail
    self.capsimVersion = capsimVersion
  }
}

/// A rendered report: text, or bytes for binary formats.
public enum RenderedReport: Sendable, Equatable {
  /// UTF-8 text.
  case text(String)
  /// A binary file (a workbook).
  case binary(Data)
}

/// A report that can be written in several formats. Each command builds one document and the output
/// layer renders it; a new report type plugs in by conforming and listing its formats.
public protocol ReportDocument: Sendable {
  /// The formats this report offers, the default first.
  static var formats: [ReportFormat] { get }
  /// Renders the report; only formats in ``formats`` are asked for.
  func render(_ format: ReportFormat, settings: RenderSettings) throws -> RenderedReport
}

/// A format a report does not offer was asked for.
public struct UnsupportedFormatError: Error, Equatable, CustomStringConvertible {
  /// The format asked for.
  public var format: ReportFormat
  /// The formats the report offers.
  public var offered: [ReportFormat]

  /// Creates the error.
  public init(format: ReportFormat, offered: [ReportFormat]) {
    self.format = format
    self.offered = offered
  }

  /// "format 'xlsx' is not offered here; use one of table, json".
  public var description: String {
    "format '\(format.rawValue)' is not offered here; use one of "
      + offered.map(\.rawValue).joined(separator: ", ")
  }
}
