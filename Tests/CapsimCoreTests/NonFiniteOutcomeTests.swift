import CapsimCore
import Testing

/// A simulated cost or time that is NaN or ±∞ stops the run with the option and the metric named.
@Suite("Non-finite outcomes")
struct NonFiniteOutcomeTests {
  static func outcome(totalCost: Double, costPerJob: Double, jobs: Double) -> SimulationOutcome {
    let option = OptionOutcome(
      name: "cloud", platform: "p", platformKind: .shared, price: "q", pricingModel: .onDemand,
      pricePerGPUHour: 1, nodes: nil,
      metrics: [
        MetricEstimate(
          key: "total_cost", label: "Total cost", unit: "USD", estimate: Estimate(value: totalCost)),
        MetricEstimate(key: "jobs", label: "Jobs", unit: "jobs", estimate: Estimate(value: jobs)),
        MetricEstimate(
          key: "cost_per_job", label: "Cost per job", unit: "USD",
          estimate: Estimate(value: costPerJob)),
        MetricEstimate(
          key: "deadline_hit_rate", label: "Deadlines met", unit: "share",
          estimate: Estimate(value: .nan)),
      ], notes: [])
    return SimulationOutcome(
      scenario: "s", trials: 1, seed: 1, horizonMonths: 12, confidenceLevel: 0.95, currency: "USD",
      options: [option])
  }

  static var sourceMap: ScenarioSourceMap {
    var map = ScenarioSourceMap(file: "s.yaml")
    map.record("options[0]", line: 9, column: 5)
    return map
  }

  @Test(arguments: [
    (Double.nan, 1.0, 3.0, "the simulated total cost ('total_cost') is not a number"),
    (Double.infinity, 1.0, 3.0, "the simulated total cost ('total_cost') is infinite"),
    (10.0, Double.nan, 3.0, "the simulated cost per job ('cost_per_job') is not a number"),
  ])
  func nonFiniteCostIsAnErrorNamingOptionAndMetric(
    total: Double, perJob: Double, jobs: Double, expected: String
  ) {
    let error = #expect(throws: ScenarioError.self) {
      try Self.outcome(totalCost: total, costPerJob: perJob, jobs: jobs).checkFinite(
        sourceMap: Self.sourceMap)
    }
    #expect(
      error?.description == """
        s.yaml:9:5: error: field 'options[0]': option 'cloud': \(expected)
        help: a duration or price is too large for finite arithmetic: check the option's distribution parameters, steps_per_job and duration_scale
        """)
  }

  @Test func perJobMetricsOfAnOptionWithoutJobsAndSharesMayBeMissing() throws {
    // No job ran, so a cost per job is undefined; a share (deadlines met) is not a cost or a time.
    try Self.outcome(totalCost: 0, costPerJob: .nan, jobs: 0).checkFinite(sourceMap: Self.sourceMap)
  }
}
