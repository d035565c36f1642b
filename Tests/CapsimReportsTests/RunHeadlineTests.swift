import Foundation
import RealModule
import Testing

@testable import CapsimReports

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
    #expect(Swift.abs(headline.probabilityCheapest.value - 1.0 / 3.0) < 1e-15)
    // Wilson 95% interval of a share ⅓ (4/3 wins, a tie split) in 4 trials, Wilson's formula in scipy:
    // python3 -c "from scipy.stats import norm; import math; p,n=1/3,4; z=norm.ppf(0.975)
    //   c=(p+z*z/(2*n))/(1+z*z/n); h=z*math.sqrt(p*(1-p)/n+z*z/(4*n*n))/(1+z*z/n); print(c-h, c+h)"
    //   → 0.07508313967000396 0.7548804724815283
    #expect(
      try #require(headline.probabilityCheapest.lower).isApproximatelyEqual(
        to: 0.07508313967000396, relativeTolerance: 1e-12))
    #expect(
      try #require(headline.probabilityCheapest.upper).isApproximatelyEqual(
        to: 0.7548804724815283, relativeTolerance: 1e-12))
    let third: Double = 1.0 / 3
    let shares = headline.optionProbabilities.map(\.value)
    #expect(shares == [third, third, third])
    let comparison = try #require(headline.comparison)
    #expect(comparison.meanSaving == 0.25)
    let standardError = (2.75 / 3).squareRoot() / 2
    let interval = try #require(headline.savingInterval)
    #expect(Swift.abs(interval.lower - (0.25 - 1.96 * standardError)) < 1e-12)
    #expect(Swift.abs(interval.upper - (0.25 + 1.96 * standardError)) < 1e-12)
    #expect(headline.sentences[0].contains("cheapest in 33.3% [95% CI 7.5%–75.5%] of trials"))
  }

  /// Without per-trial totals (a stored run) the share is unknown and not printed.
  @Test func withoutPerTrialTotalsTheShareIsOmitted() throws {
    var outcome = Self.outcome()
    for index in outcome.options.indices { outcome.options[index].totalCostByTrial = [] }
    let headline = try #require(RunHeadline(outcome))
    #expect(headline.probabilityCheapest.value.isNaN)
    #expect(headline.comparison == nil)
    #expect(!headline.sentences[0].contains("of trials"))
  }

  /// JSON carries the headline the text reports open with, and each option's P(cheapest).
  @Test func jsonCarriesTheHeadline() throws {
    let text = try JSONReport.render(Self.outcome(), capsimVersion: "test")
    let root = try #require(
      JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let headline = try #require(root["headline"] as? [String: Any])
    #expect(headline["cheapest"] as? String == "A")
    #expect(headline["runner_up"] as? String == "B")
    #expect(headline["trials"] as? Int == 4)
    let probability = try #require(headline["probability_cheapest"] as? [String: Any])
    #expect(
      try #require(probability["ci_lower"] as? Double).isApproximatelyEqual(
        to: 0.07508313967000396, relativeTolerance: 1e-12))
    let saving = try #require(headline["saving"] as? [String: Any])
    #expect(saving["value"] as? Double == 0.25)
    let standardError = (2.75 / 3).squareRoot() / 2
    #expect(
      try #require(saving["ci_upper"] as? Double).isApproximatelyEqual(
        to: 0.25 + 1.96 * standardError, relativeTolerance: 1e-12))
    let options = try #require(root["options"] as? [[String: Any]])
    #expect(options.allSatisfy { ($0["probability_cheapest"] as? [String: Any])?["value"] != nil })
  }

  /// Long CSV: a `probability_cheapest` row per option and a `saving_vs_runner_up` row for the
  /// cheapest; wide CSV: the same numbers as columns.
  @Test func csvCarriesTheHeadline() throws {
    let rows = CSVReport.render(Self.outcome()).split(separator: "\n").map(String.init)
    #expect(rows.filter { $0.contains(",probability_cheapest,") }.count == 3)
    let saving = try #require(rows.first { $0.contains(",saving_vs_runner_up,") })
    #expect(saving.hasPrefix("s,A,"))
    #expect(saving.contains("Saving vs runner-up B,USD,0.25,"))
    let wide = CSVReport.renderWide(Self.outcome()).split(separator: "\n").map(String.init)
    let header = wide[0].split(separator: ",").map(String.init)
    let first = wide[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    let column = try #require(header.firstIndex(of: "saving_vs_runner_up"))
    #expect(first[column] == "0.25")
    #expect(first[try #require(header.firstIndex(of: "runner_up"))] == "B")
    #expect(header.contains("probability_cheapest_low"))
    let second = wide[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    #expect(second[column] == "")
  }
}

/// The sweep's P(min) cell: the Wilson interval rounded outward, so it always contains the computed one.
@Suite("Sweep P(cheapest) cell")
struct SweepProbabilityCellTests {
  @Test func intervalIsPrintedAndRoundedOutward() {
    // 496 of 500: binomtest(496, 500).proportion_ci(method='wilson') → (0.97961…, 0.99688…)
    #expect(SweepReport.probabilityCell(.proportion(0.992, trials: 500)) == "99.2% [97–100]")
    // 0 of 40: → (0, 0.08762…)
    #expect(SweepReport.probabilityCell(.proportion(0, trials: 40)) == "0.0% [0.0–8.8]")
    #expect(SweepReport.probabilityCell(Estimate(value: 0.5)) == "50.0%")
  }
}
