import CapsimCore
import Testing
import _CapsimTestSupport

@Suite("Monte Carlo engine")
struct MonteCarloEngineTests {
  /// Fixed durations and fixed arrivals leave nothing random: every number has a closed form.
  @Test func deterministicInputsGiveClosedFormCosts() async throws {
    // 1 s/step × 36,000 steps = 10 h per job; 8 GPUs; 20 jobs a month; 12 months.
    let workload = Workload(
      jobsPerMonth: 20, arrivals: .fixed, gpusPerJob: 8, stepsPerJob: 36_000, deadlineHours: 12)
    let shared = Fixtures.option(
      "cloud", seconds: [1.0], price: Fixtures.price("od", perGPUHour: 3))
    let dedicated = Fixtures.option(
      "metal", seconds: [1.0],
      price: Fixtures.price("bm", perGPUHour: 2, model: .bareMetal, setupFee: 500), nodes: 1,
      kind: .dedicated)
    let scenario = try Fixtures.resolved(
      trials: 50, workload: workload, options: [shared, dedicated])
    let outcome = await MonteCarloEngine(threadCount: 2).run(scenario)

    let cloud = try #require(outcome.options.first)
    // 20 jobs × 10 h × 8 GPUs × $3 × 12 months = $57,600
    #expect(cloud.metric("total_cost")?.estimate.value == 57_600)
    #expect(cloud.metric("total_cost")?.estimate.standardError == 0)
    #expect(cloud.metric("cost_per_job")?.estimate.value == 240)
    #expect(cloud.metric("job_hours_p95")?.estimate.value == 10)
    #expect(cloud.metric("deadline_hit_rate")?.estimate.value == 1)

    let metal = try #require(outcome.options.last)
    // 1 node × 8 GPUs × $2 × 730 h × 12 months + $500 set-up = $140,660
    #expect(metal.metric("total_cost")?.estimate.value == 140_660)
    // Busy 240 jobs × 10 h = 2,400 node-hours of 8,760 in the horizon, less the part of the last jobs that
    // runs past its end (arrivals are spread over each month, so at most a few jobs' worth).
    let utilisation = try #require(metal.metric("utilisation")?.estimate.value)
    #expect(utilisation <= 2_400.0 / 8_760.0)
    #expect(utilisation > 2_350.0 / 8_760.0)
  }

  /// Poisson arrivals and a two-point duration distribution: means within 4 standard errors of the truth.
  @Test(arguments: [1, 2, 3] as [UInt64])
  func randomInputsMatchExpectations(seed: UInt64) async throws {
    // Durations 1 s or 3 s per step with equal probability; 3,600 steps → 1 h or 3 h; E = 2 h, Var = 1 h².
    let workload = Workload(
      jobsPerMonth: 30, arrivals: .poisson, gpusPerJob: 1, stepsPerJob: 3_600, deadlineHours: 2)
    let option = Fixtures.option(
      "cloud", seconds: [1, 3], price: Fixtures.price("od", perGPUHour: 2))
    let scenario = try Fixtures.resolved(
      horizonMonths: 6, trials: 4_000, seed: seed, workload: workload, options: [option])
    let outcome = await MonteCarloEngine(threadCount: 2).run(scenario)
    let result = try #require(outcome.options.first)

    func expectNear(
      _ key: String, _ expected: Double, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
      let estimate = try #require(result.metric(key)?.estimate)
      let se = try #require(estimate.standardError)
      #expect(
        abs(estimate.value - expected) < 4 * se,
        "seed \(seed): \(key) = \(estimate.value) ± \(se), expected \(expected)",
        sourceLocation: sourceLocation)
    }
    // Jobs per horizon: Poisson(30 × 6); cost = Σ hours × $2, E = 180 × 2 h × $2 = $720.
    try expectNear("jobs", 180)
    try expectNear("total_cost", 720)
    try expectNear("cost_per_job", 4)
    try expectNear("job_hours_mean", 2)
    try expectNear("deadline_hit_rate", 0.5)  // P(duration ≤ 2 h) = P(1 h) = 1/2
    try expectNear("job_hours_cov", 0.5)  // σ/μ = 1/2
  }

  @Test func resultsDoNotDependOnThreadCount() async throws {
    let workload = Workload(jobsPerMonth: 50, gpusPerJob: 8, stepsPerJob: 10_000, deadlineHours: 3)
    let shared = Fixtures.option(
      "cloud", seconds: [0.9, 1.0, 1.1, 1.6], price: Fixtures.price("od", perGPUHour: 3))
    let dedicated = Fixtures.option(
      "metal", seconds: [1.0, 1.01], price: Fixtures.price("bm", perGPUHour: 2, model: .bareMetal),
      nodes: 2,
      kind: .dedicated)
    let scenario = try Fixtures.resolved(
      trials: 700, workload: workload, options: [shared, dedicated])
    let one = await MonteCarloEngine(threadCount: 1).run(scenario)
    let four = await MonteCarloEngine(threadCount: 4).run(scenario)
    let again = await MonteCarloEngine(threadCount: 3).run(scenario)
    #expect(one == four)
    #expect(one == again)
  }

  @Test func addingAnOptionLeavesTheOthersUnchanged() async throws {
    let workload = Workload(jobsPerMonth: 10, gpusPerJob: 1, stepsPerJob: 100)
    let a = Fixtures.option("a", seconds: [1, 2, 3], price: Fixtures.price("od", perGPUHour: 3))
    let b = Fixtures.option("b", seconds: [4, 5], price: Fixtures.price("od2", perGPUHour: 1))
    let alone = await MonteCarloEngine(threadCount: 2).run(
      try Fixtures.resolved(trials: 300, workload: workload, options: [a]))
    let both = await MonteCarloEngine(threadCount: 2).run(
      try Fixtures.resolved(trials: 300, workload: workload, options: [b, a]))
    #expect(alone.options[0] == both.options[1])
  }

  @Test func commitmentsBillTheMinimumTermAndWarn() async throws {
    let workload = Workload(jobsPerMonth: 1, arrivals: .fixed, gpusPerJob: 8, stepsPerJob: 3_600)
    let metal = Fixtures.option(
      "metal", seconds: [1],
      price: Fixtures.price("bm", perGPUHour: 2, model: .bareMetal, minimumTermMonths: 12),
      nodes: 1, kind: .dedicated)
    let outcome = await MonteCarloEngine(threadCount: 1).run(
      try Fixtures.resolved(horizonMonths: 6, trials: 10, workload: workload, options: [metal]))
    // 12 months billed although the horizon is 6: 8 × $2 × 730 × 12 = $140,160
    #expect(outcome.options[0].metric("total_cost")?.estimate.value == 140_160)
    #expect(outcome.options[0].notes.contains { $0.contains("minimum term is 12 months") })
  }
}
