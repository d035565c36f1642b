import Foundation

extension FitReport: ReportDocument {
  /// table, json, csv, xlsx.
  public static let formats: [ReportFormat] = [.table, .json, .csv, .xlsx]

  /// Renders the fit report in `format`.
  public func render(_ format: ReportFormat, settings: RenderSettings) throws -> RenderedReport {
    switch format {
    case .table: return .text(table())
    case .json: return .text(try json(capsimVersion: settings.capsimVersion))
    case .csv: return .text(csv())
    case .xlsx: return .binary(try FitWorkbook(report: self, settings: settings).data())
    case .md, .monthlyCSV, .html:
      throw UnsupportedFormatError(format: format, offered: Self.formats)
    }
  }
}
