import Testing

@testable import CapsimCore
@testable import CapsimReports

/// `capsim data show PRICE` of a price an older capsim stored without checking it: the description
/// names each field outside `PriceLimits` and how to repair it, as a scenario naming the price would.
@Suite("Price description")
struct PriceDescriptionTests {
  static func price(amount: Double, gpusPerUnit: Double = 8) -> PriceQuote {
    PriceQuote(
      name: "p", provider: "x", gpuModel: "H100", pricingModel: .onDemand, amount: amount,
      unit: .instanceHour, gpusPerUnit: gpusPerUnit, effectiveDate: "2025-01-15", source: "s")
  }

  @Test func aPriceOutsideItsLimitsSaysSoAndHowToRepairIt() {
    let text = DataCatalog.describe(Self.price(amount: 8e300))
    #expect(
      text.contains(
        "  problem         amount 8e+300: that is 1e+300 per GPU-hour, which must be between 0 and 1000000"
      ), "\(text)")
    #expect(text.contains("re-import it with 'capsim import prices FILE --replace'"))
    let twoFields = DataCatalog.describe(Self.price(amount: 16, gpusPerUnit: 1e-300))
    #expect(
      twoFields.contains("problem         gpus_per_unit 1e-300: it must be between 0.01 and 100000")
    )
  }

  @Test func aPriceWithinItsLimitsHasNoProblemLine() {
    let text = DataCatalog.describe(Self.price(amount: 24))
    #expect(!text.contains("problem"))
    #expect(text.contains("per GPU-hour    3.0000"))
  }
}
