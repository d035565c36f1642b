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

/// The evaluated points show their uncertainty, and one node is "1 node".
@Suite("Break-even report uncertainty")
struct BreakEvenReportUncertaintyTests {
  @Test func evaluatedPointsCarryTheirIntervals() {
    // 38% of 50 trials: python3 -c "from scipy.stats import binomtest;
    //   print(binomtest(19, 50).proportion_ci(method='wilson'))" → (0.2581…, 0.5184…): 26%–52%
    let point = BreakEvenPoint(
      jobsPerMonth: 80,
      payPerUseCost: Estimate(
        value: 563_478, standardError: 240, lower: 563_008,
        upper: 563_948), committedCost: .exact(570_640), committedCheaperShare: 0.38,
      committedUtilisation: 0.6291, committedUtilisationStandardError: 0.00275, trials: 50)
    let analysis = BreakEvenAnalysis(
      payPerUse: "cloud", committed: "metal", committedNodes: 1, scenarioJobsPerMonth: 80,
      breakEvenJobsPerMonth: nil, breakEvenStandardError: nil, utilisationAtBreakEven: nil,
      jobsForNinetyPercent: nil, curve: [point], evaluations: 1, relativeTolerance: 1e-4,
      notes: [])
    let table = BreakEvenReport.table(analysis, currency: "USD", trials: 50, seed: 7)
    #expect(table.hasPrefix("Break-even of metal (1 node) against cloud\n"))
    #expect(table.contains("563,478 ± 470"))
    #expect(table.contains("38% [26%–52%]"))
    #expect(table.contains("62.91% ± 0.54%"))
    let csv = BreakEvenReport.csv(analysis, currency: "USD", trials: 50, seed: 7)
    #expect(csv.contains(",563478,563008,563948,570640,570640,570640,0.38,0.258"))
  }
}

/// A volume at which the committed option is never (or always) cheaper shows the Wilson interval as a
/// bracket like every other row.
@Suite("Break-even report, shares at 0% and 100%")
struct BreakEvenReportEdgeShareTests {
  @Test func sharesAtZeroAndOneShowTheirWilsonBracket() {
    let point = { (jobs: Double, share: Double) in
      BreakEvenPoint(
        jobsPerMonth: jobs, payPerUseCost: .exact(1_000), committedCost: .exact(2_000),
        committedCheaperShare: share, committedUtilisation: 0.5, trials: 300)
    }
    let analysis = BreakEvenAnalysis(
      payPerUse: "cloud", committed: "metal", committedNodes: 1, scenarioJobsPerMonth: 80,
      breakEvenJobsPerMonth: nil, breakEvenStandardError: nil, utilisationAtBreakEven: nil,
      jobsForNinetyPercent: nil, curve: [point(100, 0), point(200, 1)], evaluations: 2,
      relativeTolerance: 1e-4, notes: [])
    let table = BreakEvenReport.table(analysis, currency: "USD", trials: 300, seed: 7)
    // Upper end at p̂ = 0: z²/(n + z²) = 3.8415/303.8415 = 1.264%; lower at p̂ = 1: 300/303.8415 = 98.74%.
    #expect(table.contains("0.0% [0.0%–1.3%]"))
    #expect(table.contains("100.0% [98.7%–100.0%]"))
    #expect(!table.contains("±  1.26%") && !table.contains("± 1.26%"))
  }
}
