import Foundation

extension FitReport: ReportDocument {
  /// table, json, csv.
  public static let formats: [ReportFormat] = [.table, .json, .csv]

  /// Renders the fit report in `format`.
  public func render(_ format: ReportFormat, settings: RenderSettings) throws -> RenderedReport {
    switch format {
    case .table: return .text(table())
    case .json: return .text(try json(capsimVersion: settings.capsimVersion))
    case .csv: return .text(csv())
    case .md, .monthlyCSV, .xlsx, .html:
      throw UnsupportedFormatError(format: format, offered: Self.formats)
    }
  }
}
