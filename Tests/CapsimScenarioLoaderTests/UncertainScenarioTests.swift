import CapsimCore
import CapsimScenarioLoader
import Testing

@Suite("Uncertain inputs in scenario files")
struct UncertainScenarioTests {
  static let base = """
    version: 1
    name: unsure
    horizon_months: 12
    trials: 500
    seed: 42
    workload:
      jobs_per_month: {lognormal: {median: 100, p95: 180}}
      gpus_per_job: 8
      steps_per_job: 20_000
      growth: {model: compound, rate_per_month: "0.01 to 0.05"}
    options:
      - name: cloud
        samples: shared-steps
        price: od
        interruptions:
          preemptions_per_gpu_hour: {p5: 0.0005, p95: 0.002}
          failures_per_gpu_hour: {pert: [0.0001, 0.0002, 0.0006]}
      - name: metal
        samples: metal-steps
        price: bm
        nodes: 2
        migration: {engineer_weeks: {triangular: [2, 4, 10]}, other_costs: {uniform: [1000, 5000]}}
        provisioning: {lead_time_months: {normal: {mean: 3, sd: 0.5}}, interim: cloud}
    costs:
      engineer_hourly_rate: 120 to 180
    uncertainty:
      sampling: latin_hypercube
      correlations:
        - between: [workload.jobs_per_month, workload.growth.rate_per_month]
          rank: 0.6
    """

  @Test func readsEveryFormAndKeepsTheMedianInTheField() throws {
    let loaded = try ScenarioLoader.parse(yaml: Self.base, file: "u.yaml")
    let inputs = loaded.uncertainty.inputs
    #expect(
      inputs.map(\.path) == [
        "workload.jobs_per_month", "workload.growth.rate_per_month",
        "options.cloud.interruptions.preemptions_per_gpu_hour",
        "options.cloud.interruptions.failures_per_gpu_hour",
        "options.metal.migration.engineer_weeks", "options.metal.migration.other_costs",
        "options.metal.provisioning.lead_time_months", "costs.engineer_hourly_rate",
      ])
    #expect(inputs[0].distribution == .lognormal(median: 100, p95: 180))
    #expect(inputs[1].distribution == .interval90(p5: 0.01, p95: 0.05))
    #expect(inputs[3].distribution == .pert(low: 0.0001, mode: 0.0002, high: 0.0006))
    #expect(inputs[7].distribution == .interval90(p5: 120, p95: 180))
    #expect(inputs[0].location?.line == 7)
    #expect(loaded.uncertainty.sampling == .latinHypercube)
    #expect(loaded.uncertainty.correlations.map(\.rank) == [0.6])
    let scenario = loaded.scenario
    #expect(scenario.workload.jobsPerMonth == 100)
    // The medians: √(0.01 × 0.05) for a positive 90% interval, √(120 × 180) for the engineer rate.
    #expect(abs(scenario.costs.engineerHourlyRate - (120.0 * 180).squareRoot()) < 1e-9)
    #expect(scenario.options[1].migration?.otherCosts == 3000)
    #expect(scenario.options[1].provisioning?.leadTimeMonths == 3)
  }

  @Test func anOverrideWithANumberReplacesTheDistribution() throws {
    let loaded = try ScenarioLoader.parse(
      yaml: Self.base, file: "u.yaml",
      overrides: [ScenarioOverride(number: 1, path: "costs.engineer_hourly_rate", value: "150")])
    #expect(loaded.scenario.costs.engineerHourlyRate == 150)
    #expect(!loaded.uncertainty.inputs.map(\.path).contains("costs.engineer_hourly_rate"))
  }

  struct BadCase: CustomTestStringConvertible, Sendable {
    let name: String
    let replace: String
    let with: String
    let message: String
    let line: Int?
    var testDescription: String { name }
  }

  static let badCases: [BadCase] = [
    BadCase(
      name: "p95 below p5", replace: "{p5: 0.0005, p95: 0.002}", with: "{p5: 0.002, p95: 0.0005}",
      message: "p95 (0.0005) must be above p5 (0.002)", line: 16),
    BadCase(
      name: "a negative rate", replace: "{p5: 0.0005, p95: 0.002}",
      with: "{p5: -0.001, p95: 0.002}",
      message: "'preemptions_per_gpu_hour' must be ≥ 0", line: 16),
    BadCase(
      name: "a volume beyond the limit", replace: "{lognormal: {median: 100, p95: 180}}",
      with: "{lognormal: {median: 20, p95: 1e300}}",
      message: "'jobs_per_month' must be ≤ 1000000, but lognormal", line: 7),
    BadCase(
      name: "a rate whose tail passes the limit", replace: "{p5: 0.0005, p95: 0.002}",
      with: "{p5: 0.0005, p95: 5}", message: "'preemptions_per_gpu_hour' must be ≤ 10", line: 16),
    BadCase(
      name: "low above high", replace: "{uniform: [1000, 5000]}", with: "{uniform: [5000, 1000]}",
      message: "low (5000.0) must be below its high (1000.0)", line: 22),
    BadCase(
      name: "an unknown path in correlations", replace: "workload.growth.rate_per_month]",
      with: "workload.growth.rate]", message: "'workload.growth.rate' is not an uncertain input",
      line: 29),
    BadCase(
      name: "a key that cannot take a distribution", replace: "gpus_per_job: 8",
      with: "gpus_per_job: 4 to 8", message: "'workload.gpus_per_job' cannot take a distribution",
      line: 8),
    BadCase(
      name: "a malformed distribution", replace: "{triangular: [2, 4, 10]}",
      with: "{triangular: [2, 4]}", message: "is not a valid distribution", line: 22),
    // An input named in a correlation whose distribution cannot be read: one error, not a second one
    // saying the correlation names no uncertain input.
    BadCase(
      name: "a malformed distribution named in a correlation",
      replace: "{lognormal: {median: 100, p95: 180}}", with: "{lognormal: {median: 100}}",
      message: "is not a valid distribution", line: 7),
    BadCase(
      name: "an interval with an end that is not a number", replace: "\"0.01 to 0.05\"",
      with: "\".nan to 0.05\"", message: "is not a valid distribution", line: 10),
    BadCase(
      name: "an unknown sampling method", replace: "sampling: latin_hypercube",
      with: "sampling: latin", message: "'sampling' is 'latin'", line: 27),
  ]

  @Test(arguments: badCases)
  func badInputGetsOneLocatedDiagnosticWithHelp(_ bad: BadCase) throws {
    let text = Self.base.replacingOccurrences(of: bad.replace, with: bad.with)
    #expect(text != Self.base)
    let error = #expect(throws: ScenarioError.self) {
      try ScenarioLoader.parse(yaml: text, file: "u.yaml")
    }
    let problems = error?.problems ?? []
    #expect(problems.count == 1, "\(problems)")
    let diagnostic = try #require(problems.first).diagnostic
    #expect(diagnostic.message.contains(bad.message), "\(diagnostic)")
    #expect(diagnostic.help != nil)
    #expect(diagnostic.location?.line == bad.line, "\(diagnostic)")
  }

  @Test func inconsistentCorrelationsAreOneError() throws {
    let text = Self.base.replacingOccurrences(
      of: "      rank: 0.6",
      with: """
              rank: 0.9
            - between: [workload.growth.rate_per_month, costs.engineer_hourly_rate]
              rank: 0.9
            - between: [workload.jobs_per_month, costs.engineer_hourly_rate]
              rank: -0.9
        """)
    let error = #expect(throws: ScenarioError.self) {
      try ScenarioLoader.parse(yaml: text, file: "u.yaml")
    }
    #expect(error?.problems.count == 1)
    #expect(
      error?.description.contains("not positive definite") == true, "\(String(describing: error))")
  }
}
