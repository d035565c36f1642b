import CapsimCore
import CapsimReports
import Testing

@Suite("Break-even report")
struct BreakEvenReportTests {
  /// A search that found neither volume: the report says "not found", not "not found jobs a month", and
  /// the HTML page says no volume was found and that the lines do not cross.
  @Test func volumesNotFoundAreSaidPlainly() throws {
    let analysis = BreakEvenAnalysis(
      payPerUse: "cloud", committed: "metal", committedNodes: 2, scenarioJobsPerMonth: 20,
      breakEvenJobsPerMonth: nil, breakEvenStandardError: nil, utilisationAtBreakEven: nil,
      jobsForNinetyPercent: nil, curve: [], evaluations: 3, relativeTolerance: 1e-4,
      notes: ["metal: the search stopped"])
    let table = BreakEvenReport.table(analysis, currency: "USD", trials: 2, seed: 7)
    #expect(table.contains("Equal expected cost at   not found\n"))
    #expect(table.contains("Cheaper in 90% of trials from not found\n"))
    #expect(table.contains("The scenario's volume    20.000 jobs a month\n"))
    let page = try BreakEvenDocument(analysis: analysis, currency: "USD", trials: 2, seed: 7)
      .render(.html, settings: RenderSettings(capsimVersion: "test"))
    guard case .text(let html) = page else {
      Issue.record("HTML is text")
      return
    }
    #expect(html.contains("No volume of equal expected cost was found."))
    #expect(html.contains("No volume was found at which metal is cheaper in 90% of trials"))
    #expect(html.contains("they do not cross within the volumes evaluated."))
    #expect(!html.contains("not found jobs"))
  }
}
