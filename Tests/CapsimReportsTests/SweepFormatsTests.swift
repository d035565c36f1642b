import CapsimReports
import Foundation
import Testing

/// The sweep's HTML page and workbook carry what its table, CSV and JSON carry.
@Suite("Sweep HTML and workbook contents")
struct SweepFormatsTests {
  /// Two options over 300 trials: the first cheapest in every trial (P = 1), the second never.
  static func result() -> SweepResult {
    let option = { (name: String, share: Double) in
      SweepResult.OptionResult(
        name: name,
        totalCost: Estimate(value: 1_000, standardError: 5, lower: 990, upper: 1_010),
        probabilityCheapest: .proportion(share, trials: 300), nodes: nil, sizingMetric: nil)
    }
    return SweepResult(
      scenario: "s", trials: 300, seed: 7, horizonMonths: 12, currency: "USD",
      axes: [SweepAxis(path: "workload.jobs_per_month", values: ["70"])], overrides: [],
      points: [
        SweepResult.Point(
          settings: [
            ScenarioOverride(number: 1, path: "workload.jobs_per_month", value: "70")
          ],
          options: [option("cloud", 1), option("metal", 0)], cheapest: "cloud",
          recommendation: nil)
      ])
  }

  /// The Wilson 95% interval of 300 successes in 300 trials by hand: the centre ± half-width collapse
  /// to [n / (n + z²), 1], and of none to [0, z² / (n + z²)].
  static let z2 = 1.959963984540054 * 1.959963984540054
  static let lowerAtOne = 300 / (300 + z2)  // 0.98736
  static let upperAtZero = z2 / (300 + z2)  // 0.01264

  @Test func htmlDecisionTableGivesTheWilsonInterval() throws {
    let page = try WorkbookXML.text(SweepDocument(Self.result()), .html)
    // 98.736% rounds down to 98, 1.264% up to 1.3 (a tenth below 10%).
    #expect(page.contains("<td>100.0% [98–100]</td>"), "\(page)")
    #expect(page.contains("<td>0.0% [0.0–1.3]</td>"), "\(page)")
  }

  @Test func workbookHasTheWilsonIntervalColumns() throws {
    let book = try WorkbookXML.workbook(SweepDocument(Self.result()))
    let strings = try WorkbookXML.part(book, "xl/sharedStrings.xml")
    #expect(strings.contains("low (95% Wilson)"))
    #expect(strings.contains("high (95% Wilson)"))
    let numbers = WorkbookXML.numbers(try WorkbookXML.part(book, "xl/worksheets/sheet1.xml"))
    #expect(numbers.contains { abs($0 - Self.lowerAtOne) < 1e-12 }, "\(numbers)")
    #expect(numbers.contains { abs($0 - Self.upperAtZero) < 1e-12 }, "\(numbers)")
  }
}
