import CapsimCore
import Testing
import _CapsimTestSupport

/// Bugs found in review, each pinned by a test that failed before its fix.
@Suite("Engine regressions")
struct EngineRegressionTests {
  /// Two committed options with different GPUs per node share a chunk's scratch space; each must queue with
  /// its own nodes per job (the second used to reuse the first's).
  @Test func committedOptionsDoNotShareNodesPerJob() async throws {
    let workload = Workload(jobsPerMonth: 40, gpusPerJob: 8, stepsPerJob: 36_000)
    let small = Fixtures.option(
      "four-gpu-nodes", seconds: [1.0, 1.1],
      price: Fixtures.price("bm4", perGPUHour: 2, model: .bareMetal, gpusPerUnit: 4), nodes: 6,
      kind: .dedicated)
    let large = Fixtures.option(
      "eight-gpu-nodes", seconds: [1.0, 1.1],
      price: Fixtures.price("bm8", perGPUHour: 2, model: .bareMetal, gpusPerUnit: 8), nodes: 3,
      kind: .dedicated)
    let together = await MonteCarloEngine(threadCount: 2).run(
      try Fixtures.resolved(trials: 200, workload: workload, options: [small, large]))
    let alone = await MonteCarloEngine(threadCount: 2).run(
      try Fixtures.resolved(trials: 200, workload: workload, options: [large]))
    #expect(together.options[1] == alone.options[0])
  }

  /// A distribution with mass below zero (a normal) is cut off at zero: no negative durations or costs.
  @Test func negativeDrawsAreCutOffAtZero() async throws {
    let workload = Workload(jobsPerMonth: 50, arrivals: .fixed, gpusPerJob: 1, stepsPerJob: 3_600)
    let normal = try ParametricDistribution(
      family: .normal, parameters: ["mean": 0, "standardDeviation": 1])
    let option = Fixtures.option(
      ScenarioOption(name: "what-if", duration: .distribution(normal), price: "od"),
      duration: .distribution(normal), metric: nil, price: Fixtures.price("od", perGPUHour: 2))
    let outcome = await MonteCarloEngine(threadCount: 1).run(
      try Fixtures.resolved(horizonMonths: 1, trials: 200, workload: workload, options: [option]))
    let result = try #require(outcome.options.first)
    // E[max(0, Z)] = 1/√(2π) = 0.398942 s per step → 0.398942 h per job.
    let mean = try #require(result.metric("job_hours_mean")?.estimate)
    #expect(abs(mean.value - 0.398_942_280_401_432_7) < 4 * (mean.standardError ?? 0), "\(mean)")
    #expect((result.metric("cost_compute_useful")?.estimate.value ?? -1) >= 0)
  }

  /// A job that exhausts its reruns did no useful work; the time breakdown still adds up to the job time.
  @Test func timeBreakdownAddsUpWithFailedJobs() async throws {
    let workload = Workload(jobsPerMonth: 100, arrivals: .fixed, gpusPerJob: 1, stepsPerJob: 36_000)
    var option = Fixtures.option(
      "flaky", seconds: [0.9, 1.1], price: Fixtures.price("od", perGPUHour: 2))
    option.option.interruptions = InterruptionSettings(
      preemptionsPerGPUHour: 0, failuresPerGPUHour: 0, checkpointInterval: .fixed(hours: .infinity),
      checkpointHours: 0, restartHours: 0, rerunProbability: 0.5, maximumReruns: 0)
    let outcome = await MonteCarloEngine(threadCount: 2).run(
      try Fixtures.resolved(horizonMonths: 1, trials: 300, workload: workload, options: [option]))
    let result = try #require(outcome.options.first)
    let parts = result.metrics.filter { $0.key.hasPrefix("time_") }.reduce(0) {
      $0 + $1.estimate.value
    }
    let total = try #require(result.metric("job_hours_mean")?.estimate.value)
    #expect(abs(parts - total) < 1e-9 * total, "parts \(parts) vs job time \(total)")
    let failed = try #require(result.metric("failed_job_rate")?.estimate)
    #expect(abs(failed.value - 0.5) < 4 * (failed.standardError ?? 0))
  }
}
