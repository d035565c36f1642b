import CXlsxWriter
import Foundation
import Testing

@testable import CapsimReports

/// Chart text from user data (an option named `=shared`) stays text: libxlsxwriter reads a series name,
/// title or axis name starting with `=` as a formula, so the workbook takes such text from a cell.
@Suite("Chart text starting with =")
struct ChartTextTests {
  /// The `<c:f>` references of every chart in `book`.
  static func references(_ book: Data) throws -> [String] {
    try WorkbookXML.part(book, "xl/charts/chart*.xml").components(separatedBy: "<c:f>").dropFirst()
      .compactMap { $0.components(separatedBy: "</c:f>").first }
  }

  @Test func seriesTitleAndAxisNamesStartingWithEqualsAreText() throws {
    let workbook = try Workbook()
    let sheet = workbook.addSheet("Data")
    for row in 0..<3 {
      sheet.number(row, 0, Double(row))
      sheet.number(row, 1, Double(row * row))
    }
    let chart = workbook.addChart(LXW_CHART_LINE)
    chart.addSeries(
      "=shared p10",
      categories: .init(sheet: "Data", firstRow: 0, firstColumn: 0, lastRow: 2, lastColumn: 0),
      values: .init(sheet: "Data", firstRow: 0, firstColumn: 1, lastRow: 2, lastColumn: 1))
    chart.addSeries(
      "plain",
      categories: .init(sheet: "Data", firstRow: 0, firstColumn: 0, lastRow: 2, lastColumn: 0),
      values: .init(sheet: "Data", firstRow: 0, firstColumn: 1, lastRow: 2, lastColumn: 1))
    chart.label(title: "=cmd|' /C calc'!A0", x: "=x axis", y: "=y axis")
    sheet.insert(chart, row: 4, column: 0)
    let book = try workbook.data()

    let references = try Self.references(book)
    // Every reference is to a cell range of a sheet; none is the text itself.
    for reference in references {
      #expect(reference.contains("!$"), "\(reference)")
      #expect(!reference.contains("shared") && !reference.contains("cmd"), "\(reference)")
    }
    // The text is a string cell of the hidden sheet, and the chart's cached name.
    let strings = try WorkbookXML.part(book, "xl/sharedStrings.xml")
    for text in ["=shared p10", "=cmd|' /C calc'!A0", "=x axis", "=y axis"] {
      let escaped = text.replacingOccurrences(of: "'", with: "&apos;")
      #expect(strings.contains(">\(text)<") || strings.contains(">\(escaped)<"), "\(text)")
    }
    let charts = try WorkbookXML.part(book, "xl/charts/chart*.xml")
    #expect(charts.contains("<c:v>=shared p10</c:v>"))
    #expect(charts.contains("<c:v>plain</c:v>"))
    let sheets = try WorkbookXML.part(book, "xl/workbook.xml")
    #expect(sheets.contains("name=\"ChartText\" sheetId=\"2\" state=\"hidden\""))
  }

  @Test func plainTextNeedsNoExtraSheet() throws {
    let workbook = try Workbook()
    let sheet = workbook.addSheet("Data")
    sheet.number(0, 0, 1)
    let chart = workbook.addChart(LXW_CHART_LINE)
    chart.addSeries(
      "cloud", categories: nil,
      values: .init(sheet: "Data", firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 0))
    chart.label(title: "Cost", x: "month", y: "USD")
    sheet.insert(chart, row: 2, column: 0)
    let book = try workbook.data()
    let references = try Self.references(book)
    #expect(references.count == 1 && references[0].hasPrefix("Data!$A$1"), "\(references)")
    #expect(!(try WorkbookXML.part(book, "xl/workbook.xml").contains("ChartText")))
  }
}
