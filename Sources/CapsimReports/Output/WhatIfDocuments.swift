import Foundation

/// The report of `capsim sweep`: the decision table over one or two inputs.
public struct SweepDocument: ReportDocument {
  /// The sweep.
  public var result: SweepResult

  /// Creates a report of `result`.
  public init(_ result: SweepResult) {
    self.result = result
  }

  /// table, md, json, csv, xlsx, html.
  public static let formats: [ReportFormat] = [.table, .md, .json, .csv, .xlsx, .html]

  /// Renders the sweep in `format`.
  public func render(_ format: ReportFormat, settings: RenderSettings) throws -> RenderedReport {
    switch format {
    case .table: return .text(SweepReport.table(result, width: settings.width))
    case .md: return .text(SweepReport.markdown(result))
    case .json: return .text(try SweepReport.json(result, capsimVersion: settings.capsimVersion))
    case .csv: return .text(SweepReport.csv(result))
    case .html: return .text(SweepPage(document: self, settings: settings).render())
    case .xlsx: return .binary(try SweepWorkbook(document: self, settings: settings).data())
    case .monthlyCSV:
      throw UnsupportedFormatError(format: format, offered: Self.formats)
    }
  }
}

/// The report of `capsim sensitivity`: the tornado of the decision metric.
public struct SensitivityDocument: ReportDocument {
  /// The tornado.
  public var result: TornadoResult

  /// Creates a report of `result`.
  public init(_ result: TornadoResult) {
    self.result = result
  }

  /// table, md, json, csv, xlsx, html.
  public static let formats: [ReportFormat] = [.table, .md, .json, .csv, .xlsx, .html]

  /// Renders the tornado in `format`.
  public func render(_ format: ReportFormat, settings: RenderSettings) throws -> RenderedReport {
    switch format {
    case .table: return .text(SensitivityReport.table(result, width: settings.width))
    case .md: return .text(SensitivityReport.markdown(result))
    case .json:
      return .text(try SensitivityReport.json(result, capsimVersion: settings.capsimVersion))
    case .csv: return .text(SensitivityReport.csv(result))
    case .html: return .text(SensitivityPage(document: self, settings: settings).render())
    case .xlsx: return .binary(try SensitivityWorkbook(document: self, settings: settings).data())
    case .monthlyCSV:
      throw UnsupportedFormatError(format: format, offered: Self.formats)
    }
  }
}

extension RunDiffReport: ReportDocument {
  /// table, md, json, csv.
  public static let formats: [ReportFormat] = [.table, .md, .json, .csv]

  /// Renders the comparison in `format`; the table shows every metric when ``all`` is set.
  public func render(_ format: ReportFormat, settings: RenderSettings) throws -> RenderedReport {
    switch format {
    case .table: return .text(table(all: all, width: settings.width))
    case .md: return .text(markdown())
    case .json: return .text(try json(capsimVersion: settings.capsimVersion))
    case .csv: return .text(csv())
    case .monthlyCSV, .xlsx, .html:
      throw UnsupportedFormatError(format: format, offered: Self.formats)
    }
  }
}
