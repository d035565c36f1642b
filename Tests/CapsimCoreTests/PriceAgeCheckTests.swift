import CapsimCore
import Testing
import _CapsimTestSupport

/// Price ages against calendar arithmetic done independently (Python `datetime.date` differences).
@Suite struct PriceAgeCheckTests {
  func price(dated date: String) -> PriceQuote {
    PriceQuote(
      name: "p", provider: "x", gpuModel: "H100", pricingModel: .onDemand, amount: 2,
      unit: .gpuHour,
      gpusPerUnit: 1, effectiveDate: date, source: "a quote")
  }

  @Test func agesInDays() throws {
    let run = try #require(CalendarDay("2026-12-06"))
    // Python: (date(2026,12,6) - date(2025,6,1)).days == 553; across 2024-02-29:
    // (date(2024,3,1) - date(2024,2,28)).days == 2.
    #expect(PriceAgeCheck.ageInDays(of: price(dated: "2025-06-01"), on: run) == 553)
    #expect(
      PriceAgeCheck.ageInDays(
        of: price(dated: "2024-02-28"), on: try #require(CalendarDay("2024-03-01")))
        == 2)
    #expect(PriceAgeCheck.ageInDays(of: price(dated: "2027-01-01"), on: run) == -26)
    #expect(CalendarDay("2026-02-29") == nil && CalendarDay("2026-1-01") == nil)
    #expect(CalendarDay(daysSinceEpoch: 20_793).description == "2026-12-06")
  }

  @Test func thresholdIsExclusive() throws {
    let run = try #require(CalendarDay("2026-12-06"))
    // (date(2026,12,6) - date(2026,9,7)).days == 90: not older than 90 days.
    #expect(
      PriceAgeCheck.staleNote(for: price(dated: "2026-09-07"), on: run, maximumAgeDays: 90) == nil)
    let note = PriceAgeCheck.staleNote(for: price(dated: "2026-09-06"), on: run, maximumAgeDays: 90)
    #expect(
      note
        == "price 'p' is dated 2026-09-06, 91 days before the run (2026-12-06), older than 90 days; source: a quote. Check it is still current (capsim import prices …)."
    )
  }

  @Test func breakEvenNotesNameEachStaleOptionOnce() throws {
    let run = try #require(CalendarDay("2026-12-06"))
    var analysis = BreakEvenAnalysis(
      payPerUse: "cloud", committed: "metal", committedNodes: 1, scenarioJobsPerMonth: 10,
      breakEvenJobsPerMonth: nil, breakEvenStandardError: nil, utilisationAtBreakEven: nil,
      jobsForNinetyPercent: nil, curve: [], evaluations: 0, relativeTolerance: 0.01)
    // Python: (date(2026,12,6) - date(2026,1,1)).days == 339 (stale); 2026-11-30 is 6 days old.
    var old = price(dated: "2026-01-01")
    old.name = "metal-quote"
    let options = [
      Fixtures.option("cloud", seconds: [1], price: price(dated: "2026-11-30")),
      Fixtures.option("metal", seconds: [1], price: old),
      Fixtures.option("unused", seconds: [1], price: price(dated: "2020-01-01")),
    ]
    PriceAgeCheck.annotate(
      &analysis, options: options, uncertain: [], on: run, maximumAgeDays: 90)
    #expect(
      analysis.notes == [
        "metal: price 'metal-quote' is dated 2026-01-01, 339 days before the run (2026-12-06), older than 90 days; source: a quote. Check it is still current (capsim import prices …)."
      ])
  }

  /// Each of 12,000 options gets its note (each finds its price by name once; a search per option was
  /// quadratic).
  @Test func manyOptionsAreEachAnnotated() throws {
    let run = try #require(CalendarDay("2026-12-06"))
    let stale = price(dated: "2026-01-01")
    let options = (0..<12_000).map { Fixtures.option("o\($0)", seconds: [1], price: stale) }
    var outcome = SimulationOutcome(
      scenario: "s", trials: 1, seed: 1, horizonMonths: 12, confidenceLevel: 0.95, currency: "USD",
      options: options.map {
        OptionOutcome(
          name: $0.option.name, platform: "p", platformKind: .shared, price: "p",
          pricingModel: .onDemand, pricePerGPUHour: 2, nodes: nil, metrics: [], notes: [])
      })
    PriceAgeCheck.annotate(&outcome, options: options, uncertain: [], on: run, maximumAgeDays: 90)
    #expect(outcome.options.allSatisfy { $0.notes.count == 1 })
  }
}
