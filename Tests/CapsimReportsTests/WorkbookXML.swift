import CapsimReports
import Foundation
import Testing
import _CapsimTestSupport

/// The XML parts of a rendered workbook, read with `unzip` (a test needs no spreadsheet program to see
/// what the file says).
enum WorkbookXML {
  /// The text of every part of `data` whose path matches `pattern` (an `unzip` wildcard), concatenated.
  static func part(_ data: Data, _ pattern: String) throws -> String {
    let directory = try Fixtures.temporaryDirectory()
    let file = directory.appendingPathComponent("book.xlsx")
    try data.write(to: file)
    let unzip = try #require(ExternalTools.find("unzip"), "unzip is not installed")
    let result = try ExternalTools.run(unzip, ["-p", file.path, pattern])
    #expect(result.status == 0, "\(result.error)")
    return result.output
  }

  /// The numbers of a sheet's number cells (`<c …><v>…</v>`, not the shared-string indices of text
  /// cells, `t="s"`), in document order.
  static func numbers(_ sheetXML: String) -> [Double] {
    sheetXML.components(separatedBy: "<c ").dropFirst().compactMap { cell in
      let attributes = cell.prefix { $0 != ">" }
      guard !attributes.contains("t=\"s\""),
        let value = cell.components(separatedBy: "<v>").dropFirst().first
      else { return nil }
      return value.components(separatedBy: "</v>").first.flatMap(Double.init)
    }
  }

  /// The text `document` renders in `format` (HTML, JSON, CSV, …).
  static func text(_ document: some ReportDocument, _ format: ReportFormat) throws -> String {
    guard
      case .text(let text) = try document.render(
        format, settings: RenderSettings(capsimVersion: "test"))
    else {
      Issue.record("expected text")
      return ""
    }
    return text
  }

  /// The workbook `document` renders.
  static func workbook(_ document: some ReportDocument) throws -> Data {
    guard
      case .binary(let data) = try document.render(
        .xlsx, settings: RenderSettings(capsimVersion: "test"))
    else {
      Issue.record("expected a workbook")
      return Data()
    }
    return data
  }
}
