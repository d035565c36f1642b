import Testing

@testable import CapsimCore
@testable import CapsimReports

/// The Pricing row of the run report: a fixed price shows its amount per GPU-hour; a price that is an
/// uncertain input shows its 90% range instead of the median the base scenario holds. For a 90% interval
/// the 5th and 95th percentiles are its two ends by definition, which is the reference here.
@Suite("Pricing cell of an uncertain price")
struct PricingCellTests {
  static func option(_ name: String, _ model: PricingModel, _ price: Double) -> OptionOutcome {
    OptionOutcome(
      name: name, platform: "p", platformKind: model == .bareMetal ? .dedicated : .shared,
      price: "q", pricingModel: model, pricePerGPUHour: price, nodes: nil,
      metrics: [
        MetricEstimate(
          key: "total_cost", label: "Total cost", unit: "USD",
          estimate: Estimate(value: 1_000, standardError: 10, lower: 980, upper: 1_020))
      ], notes: [])
  }

  static let spot = option("spot", .spot, 2.814)
  static let onDemand = option("neocloud", .onDemand, 2.958)
  static let bareMetal = option("bare-metal", .bareMetal, 2)
  static let inputs = [
    UncertainInput(
      path: "options.spot.price_per_gpu_hour", distribution: .interval90(p5: 2.2, p95: 3.6)),
    UncertainInput(
      path: "options.neocloud.price_per_gpu_hour", distribution: .interval90(p5: 2.5, p95: 3.5)),
    UncertainInput(path: "workload.jobs_per_month", distribution: .uniform(low: 80, high: 120)),
  ]

  @Test func anUncertainPriceShowsItsNinetyPercentRange() {
    #expect(UncertaintyText.pricingCell(Self.spot, inputs: Self.inputs) == "spot 2.20–3.60/GPU-h")
    #expect(
      UncertaintyText.pricingCell(Self.onDemand, inputs: Self.inputs, separator: ", ")
        == "on_demand, 2.50–3.50/GPU-h")
    // Too long for a terminal cell with the unit: the unit goes, the range stays.
    #expect(
      UncertaintyText.pricingCell(Self.onDemand, inputs: Self.inputs, maximumLength: 23)
        == "on_demand 2.50–3.50")
  }

  @Test func aFixedPriceShowsItsAmount() {
    #expect(
      UncertaintyText.pricingCell(Self.bareMetal, inputs: Self.inputs) == "bare_metal 2.000/GPU-h")
    #expect(UncertaintyText.pricingCell(Self.spot, inputs: []) == "spot 2.814/GPU-h")
    #expect(UncertaintyText.pricingNote([Self.bareMetal], inputs: Self.inputs) == nil)
  }

  @Test func theTerminalReportShowsTheRangeAndSaysWhatItIs() {
    var outcome = SimulationOutcome(
      scenario: "s", trials: 100, seed: 1, horizonMonths: 12, confidenceLevel: 0.95,
      currency: "USD", options: [Self.onDemand, Self.bareMetal])
    outcome.uncertainInputs = Self.inputs
    let text = TerminalReport(width: 100).render(outcome)
    let pricing = text.split(separator: "\n").first { $0.hasPrefix("Pricing") }
    #expect(pricing?.contains("on_demand 2.50–3.50 ") == true)
    #expect(pricing?.contains("bare_metal 2.000/GPU-h") == true)
    #expect(text.contains("shows its 90% range (5th–95th percentiles)"))
    #expect(TableWidthTests.overlong(text, 100) == [])
    let markdown = MarkdownReport.render(outcome)
    #expect(markdown.contains("| Pricing | on_demand, 2.50–3.50/GPU-h | bare_metal, 2.000/GPU-h |"))
  }
}
