import CapsimCore
import Testing

@testable import CapsimReports

/// The sizing section below the run table.
@Suite("Sizing section")
struct SizingSectionTests {
  static func outcome(chosen: Int) -> SimulationOutcome {
    var option = OptionOutcome(
      name: "metal", platform: "p", platformKind: .dedicated, price: "q",
      pricingModel: .bareMetal, pricePerGPUHour: 2, nodes: chosen, metrics: [], notes: [])
    option.sizing = SizingOutcome(
      target: SizingTarget(metric: .expectedCost, limit: 0, maximumNodes: 4),
      result: CapacitySizingResult(
        nodeCount: chosen,
        curve: [
          CapacityPoint(
            nodes: 1,
            estimate: Estimate(
              value: 656_015, standardError: 1_085, lower: 653_889, upper: 658_142),
            meetsTarget: true)
        ], evaluationCount: 1))
    return SimulationOutcome(
      scenario: "s", trials: 10, seed: 1, horizonMonths: 12, confidenceLevel: 0.95, currency: "USD",
      options: [option])
  }

  /// "[653,889, 658,142]" read as four numbers: the interval is written "[653,889–658,142]" like every
  /// other.
  @Test func theIntervalIsABracketWithADash() {
    let text = ExtraSections.sizingCurves(Self.outcome(chosen: 1)).joined(separator: "\n")
    #expect(text.contains("[653,889–658,142]"))
    #expect(!text.contains(", 658"))
  }
}
