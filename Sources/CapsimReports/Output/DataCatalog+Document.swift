import Foundation

extension DataCatalog: ReportDocument {
  /// table, csv.
  public static let formats: [ReportFormat] = [.table, .csv]

  /// Renders the catalog in `format`.
  public func render(_ format: ReportFormat, settings: RenderSettings) throws -> RenderedReport {
    switch format {
    case .table: return .text(table())
    case .csv: return .text(csv())
    case .md, .json, .monthlyCSV, .xlsx, .html:
      throw UnsupportedFormatError(format: format, offered: Self.formats)
    }
  }
}
