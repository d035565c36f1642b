import CapsimCore
import Testing

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
}
