import CapsimReports
import Foundation
import Testing

/// The sensitivity HTML page and workbook carry the input-importance table the terminal, Markdown, CSV
/// and JSON have, and only when some input was uncertain.
@Suite("Sensitivity importance in HTML and workbook")
struct SensitivityFormatsTests {
  /// Two uncertain inputs with rank correlations −0.9 and 0.3: shares of variance by hand
  /// 0.81 / 0.90 = 90% and 0.09 / 0.90 = 10%.
  static func result(uncertain: Bool) -> TornadoResult {
    let end = { (value: String, metric: Double) in
      TornadoResult.End(
        value: value, metric: Estimate(value: metric, standardError: 10), cheapest: "cloud")
    }
    var result = TornadoResult(
      scenario: "s", trials: 200, seed: 7, currency: "USD", metric: "saving",
      base: Estimate(value: 0),
      baseCheapest: "cloud", overrides: [],
      bars: [
        TornadoResult.Bar(
          path: "options.spot.price_per_gpu_hour", low: end("2.2", -100), high: end("3.6", 100)),
        TornadoResult.Bar(
          path: "workload.jobs_per_month", low: end("80", -10), high: end("100", 10)),
      ])
    if uncertain {
      result.importance = [
        InputImportance(
          path: "options.spot.price_per_gpu_hour", distribution: .interval90(p5: 2.2, p95: 3.6),
          rankCorrelation: -0.9, varianceShare: 0.81 / 0.9),
        InputImportance(
          path: "workload.jobs_per_month", distribution: .uniform(low: 80, high: 100),
          rankCorrelation: 0.3, varianceShare: 0.09 / 0.9),
      ]
    }
    return result
  }

  @Test func htmlHasTheImportanceTable() throws {
    let page = try WorkbookXML.text(SensitivityDocument(Self.result(uncertain: true)), .html)
    #expect(page.contains("<h2>Uncertain inputs by share of variance</h2>"))
    #expect(
      page.contains(
        "<tr><th scope=\"row\">options.spot.price_per_gpu_hour</th><td>2.2 to 3.6 (90%, "
          + "lognormal)</td><td>−0.900</td><td>90.0%</td></tr>"), "\(page)")
    #expect(
      page.contains(
        "<tr><th scope=\"row\">workload.jobs_per_month</th><td>uniform(80, 100)</td>"
          + "<td>0.300</td><td>10.0%</td></tr>"), "\(page)")
    let plain = try WorkbookXML.text(SensitivityDocument(Self.result(uncertain: false)), .html)
    #expect(!plain.contains("share of variance"))
  }

  @Test func workbookHasAnImportanceSheet() throws {
    let book = try WorkbookXML.workbook(SensitivityDocument(Self.result(uncertain: true)))
    let sheets = try WorkbookXML.part(book, "xl/workbook.xml")
    #expect(sheets.contains("<sheet name=\"Importance\" sheetId=\"2\""), "\(sheets)")
    let numbers = WorkbookXML.numbers(try WorkbookXML.part(book, "xl/worksheets/sheet2.xml"))
    #expect(numbers.count == 4)
    let expected = [-0.9, 0.9, 0.3, 0.1]
    for (number, value) in zip(numbers, expected) { #expect(abs(number - value) < 1e-12) }
    let strings = try WorkbookXML.part(book, "xl/sharedStrings.xml")
    #expect(strings.contains("<t>Share of variance</t>"))

    let plain = try WorkbookXML.workbook(SensitivityDocument(Self.result(uncertain: false)))
    #expect(!(try WorkbookXML.part(plain, "xl/workbook.xml")).contains("Importance"))
  }
}
