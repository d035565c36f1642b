import CapsimReports
import Foundation
import Testing

@Suite("Run headline")
struct RunHeadlineTests {
  /// Three options over four trials, worked by hand:
  /// A = [1, 2, 3, 4] (mean 2.5), B = [2, 1, 3, 5] (2.75), C = [3, 3, 3, 3] (3).
  /// A is lowest in trial 1, B in trial 2, all three tie in trial 3 (⅓ each), C in trial 4:
  /// P(A cheapest) = (1 + ⅓)/4 = ⅓. Saving against the runner-up B: d = B − A = [1, −1, 0, 1],
  /// d̄ = 0.25, s_d = √(2.75/3), SE = s_d/2, 95% interval d̄ ± 1.96·SE.
  static func outcome() -> SimulationOutcome {
    let totals: [(String, [Double])] = [
      ("A", [1, 2, 3, 4]), ("B", [2, 1, 3, 5]), ("C", [3, 3, 3, 3]),
    ]
    let options = totals.map { name, values -> OptionOutcome in
      var option = OptionOutcome(
        name: name, platform: "p", platformKind: .shared, price: "q", pricingModel: .onDemand,
        pricePerGPUHour: 1, nodes: nil,
        metrics: [
          MetricEstimate(
            key: "total_cost", label: "Total cost", unit: "USD",
            estimate: Estimate(value: values.reduce(0, +) / 4))
        ], notes: [])
      option.totalCostByTrial = values
      return option
    }
    return SimulationOutcome(
      scenario: "s", trials: 4, seed: 1, horizonMonths: 12, confidenceLevel: 0.95, currency: "USD",
      options: options)
  }

  @Test func cheapestShareAndSavingMatchTheHandComputation() throws {
    let headline = try #require(RunHeadline(Self.outcome()))
    #expect(headline.cheapest == "A")
    #expect(headline.runnerUp == "B")
    #expect(Swift.abs(headline.probabilityCheapest - 1.0 / 3.0) < 1e-15)
    let comparison = try #require(headline.comparison)
    #expect(comparison.meanSaving == 0.25)
    let standardError = (2.75 / 3).squareRoot() / 2
    let interval = try #require(headline.savingInterval)
    #expect(Swift.abs(interval.lower - (0.25 - 1.96 * standardError)) < 1e-12)
    #expect(Swift.abs(interval.upper - (0.25 + 1.96 * standardError)) < 1e-12)
    #expect(headline.sentences[0].contains("cheapest in 33.3% of trials"))
  }

  /// Without per-trial totals (a stored run) the share is unknown and not printed.
  @Test func withoutPerTrialTotalsTheShareIsOmitted() throws {
    var outcome = Self.outcome()
    for index in outcome.options.indices { outcome.options[index].totalCostByTrial = [] }
    let headline = try #require(RunHeadline(outcome))
    #expect(headline.probabilityCheapest.isNaN)
    #expect(headline.comparison == nil)
    #expect(!headline.sentences[0].contains("of trials"))
  }
}
