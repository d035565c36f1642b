import CapsimCore
import Testing

@testable import CapsimReports

/// Plurals, signs and grouping in the text reports.
@Suite("Text cosmetics")
struct CosmeticsTests {
  static func outcome() -> SimulationOutcome {
    let option = OptionOutcome(
      name: "cloud", platform: "p", platformKind: .shared, price: "q", pricingModel: .onDemand,
      pricePerGPUHour: 1, nodes: nil,
      metrics: [
        MetricEstimate(
          key: "total_cost", label: "Total cost", unit: "USD", estimate: Estimate(value: 10))
      ], notes: [])
    return SimulationOutcome(
      scenario: "s", trials: 1, seed: 1, horizonMonths: 1, confidenceLevel: 0.95, currency: "USD",
      options: [option])
  }

  /// One month, one trial, one node: singular nouns ("1 months", "1 trials", "→ 1 nodes" before).
  @Test func oneIsSingular() {
    let table = TerminalReport().render(Self.outcome())
    #expect(table.hasPrefix("Scenario s: 1 month, 1 trial, seed 1"))
    #expect(table.contains("Monte Carlo over 1 trial;"))
    let markdown = MarkdownReport.render(Self.outcome())
    #expect(markdown.contains("1 month, 1 Monte Carlo trial, seed 1."))
    let sizing = ExtraSections.sizingCurves(SizingSectionTests.outcome(chosen: 1))
    #expect(sizing.contains { $0.hasSuffix("→ 1 node") })
  }

  /// The "Why" table's signed fractions never read "−0.00".
  @Test func noNegativeZero() {
    #expect(RecommendationReport.signedFraction(-0.001) == "0.00")
    #expect(RecommendationReport.signedFraction(0.004) == "0.00")
    #expect(RecommendationReport.signedFraction(-0.07) == "−0.07")
    #expect(RecommendationReport.signedFraction(0.42) == "+0.42")
  }

  /// From 10¹⁵ on a number is written with an exponent, not as hundreds of grouped digits (`data show`
  /// of a 1e300 price an older capsim stored printed 300 digits and widened `data list` past any terminal).
  @Test func hugeNumbersHaveAnExponent() {
    #expect(NumberFormatting.readable(1e300) == "1e+300")
    #expect(NumberFormatting.readable(1.25e299, significant: 6) == "1.25e+299")
    #expect(NumberFormatting.fixed(-2e20, decimals: 0) == "−2e+20")
    #expect(NumberFormatting.fixed(123_456_789_012_345.6, decimals: 1) == "123,456,789,012,345.6")
    #expect(NumberFormatting.readable(999_999_999_999_999) == "999,999,999,999,999")
    #expect(NumberFormatting.fixed(1e15, decimals: 2) == "1e+15")
  }

  /// Input values in sentences and sensitivity tables are grouped like every other number.
  @Test func inputValuesAreGrouped() {
    #expect(NumberFormatting.grouped("5750") == "5,750")
    #expect(NumberFormatting.grouped("19250.5") == "19,250.5")
    #expect(NumberFormatting.grouped("0.01") == "0.01")
    #expect(NumberFormatting.grouped("-1200") == "−1,200")
    #expect(NumberFormatting.grouped("auto") == "auto")
    #expect(NumberFormatting.grouped("1e5") == "1e5")
  }

  /// Bisection steps that agree to five significant digits get the digits that tell them apart; the
  /// other volumes keep five.
  @Test func breakEvenVolumesAreDistinct() {
    #expect(
      BreakEvenReport.volumeLabels([120, 6_916.898_5, 6_916.898_8, 6_916.92, 6_938.53]) == [
        "120.00", "6,916.8985", "6,916.8988", "6,916.92", "6,938.5",
      ])
  }
}
