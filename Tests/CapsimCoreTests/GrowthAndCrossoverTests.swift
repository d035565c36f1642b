import CapsimCore
import Testing
import _CapsimTestSupport

@Suite("Growth, monthly series and crossover")
struct GrowthAndCrossoverTests {
  @Test func growthModelsGiveTheirMonthlyMeans() {
    var workload = Workload(jobsPerMonth: 100, gpusPerJob: 1, stepsPerJob: 1)
    workload.growth = .linear(ratePerMonth: 0.1)
    #expect(workload.meanJobs(inMonth: 0) == 100)
    #expect(abs(workload.meanJobs(inMonth: 5) - 150) < 1e-12)  // 100 × (1 + 0.1 × 5)
    workload.growth = .compound(ratePerMonth: 0.1)
    #expect(abs(workload.meanJobs(inMonth: 2) - 121) < 1e-9)  // 100 × 1.1²
    workload.growth = .explicit([10, 20, 30])
    #expect(workload.meanJobs(inMonth: 1) == 20)
    #expect(workload.meanJobs(inMonth: 7) == 30)  // the last value repeats
  }

  /// Fixed jobs of 10 h on 8 GPUs at $3/GPU-h: 60 jobs cost $14,400 a month on the shared option; one
  /// committed node costs 8 × $2 × 730 = $11,680 a month plus a $10,000 set-up fee. Cumulative costs
  /// cross at the first m with 10,000 + 11,680·m ≤ 14,400·m, i.e. m = ⌈10,000 / 2,720⌉ = 4.
  @Test func crossoverMonthMatchesTheClosedForm() async throws {
    let workload = Workload(jobsPerMonth: 60, arrivals: .fixed, gpusPerJob: 8, stepsPerJob: 36_000)
    let shared = Fixtures.option(
      "cloud", seconds: [1.0], price: Fixtures.price("od", perGPUHour: 3))
    let metal = Fixtures.option(
      "metal", seconds: [1.0],
      price: Fixtures.price("bm", perGPUHour: 2, model: .bareMetal, setupFee: 10_000), nodes: 1,
      kind: .dedicated)
    let outcome = await MonteCarloEngine(threadCount: 2).run(
      try Fixtures.resolved(
        horizonMonths: 12, trials: 50, workload: workload, options: [shared, metal]))
    let crossover = try #require(outcome.crossovers.first)
    #expect(crossover.dedicated == "metal" && crossover.shared == "cloud")
    #expect(crossover.medianMonth == 4)
    #expect(crossover.monthShares[3] == 1)
    #expect(crossover.neverShare == 0)
    // The monthly series is exact here: $14,400 every month on the shared option; month 1 of the
    // committed option carries the set-up fee.
    #expect(
      outcome.options[0].monthly.allSatisfy { abs($0.p50 - 14_400) < 1e-9 && $0.p10 == $0.p90 })
    #expect(abs(outcome.options[1].monthly[0].mean - 21_680) < 1e-9)
    #expect(abs(outcome.options[1].monthly[11].cumulativeMean - (10_000 + 12 * 11_680)) < 1e-6)
  }

  /// With linear growth and fixed arrivals the jobs of month m are round(λ(1 + r·m)); the shared option's
  /// monthly cost follows them exactly, and the months add up to the total.
  @Test func monthlySeriesFollowsGrowthAndSumsToTheTotal() async throws {
    var workload = Workload(jobsPerMonth: 10, arrivals: .fixed, gpusPerJob: 1, stepsPerJob: 3_600)
    workload.growth = .linear(ratePerMonth: 0.5)
    let shared = Fixtures.option(
      "cloud", seconds: [1.0], price: Fixtures.price("od", perGPUHour: 2))
    let outcome = await MonteCarloEngine(threadCount: 1).run(
      try Fixtures.resolved(horizonMonths: 4, trials: 10, workload: workload, options: [shared]))
    let option = try #require(outcome.options.first)
    // Jobs: 10, 15, 20, 25, each 1 h on 1 GPU at $2.
    #expect(option.monthly.map(\.mean) == [20, 30, 40, 50])
    #expect(option.metric("total_cost")?.estimate.value == 140)
    #expect(option.monthly.last?.cumulativeMean == 140)
  }
}
