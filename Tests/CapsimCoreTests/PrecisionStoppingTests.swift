import CapsimCore
import Testing
import _CapsimTestSupport

@Suite("Precision stopping")
struct PrecisionStoppingTests {
  static func scenario(target: Double, maximum: Int = 100_000) throws -> ResolvedScenario {
    let workload = Workload(jobsPerMonth: 20, arrivals: .poisson, gpusPerJob: 8, stepsPerJob: 3_600)
    var scenario = try Fixtures.resolved(
      horizonMonths: 3, trials: 10, workload: workload,
      options: [
        Fixtures.option(
          "cloud", seconds: [0.8, 1.0, 1.3], price: Fixtures.price("od", perGPUHour: 3)),
        Fixtures.option("other", seconds: [1.2, 1.5], price: Fixtures.price("od2", perGPUHour: 2)),
      ])
    scenario.scenario.precision = PrecisionTarget(relativeHalfWidth: target, maximumTrials: maximum)
    return scenario
  }

  /// The run stops at the first batch boundary where every checked half-width is within the target, whatever
  /// the thread count; the reported precision is recomputed from the outcome's own intervals.
  @Test func stopsAtTheFirstBatchMeetingTheTargetOnAnyThreadCount() async throws {
    let one = await MonteCarloEngine(threadCount: 1).run(try Self.scenario(target: 0.002))
    let three = await MonteCarloEngine(threadCount: 3).run(try Self.scenario(target: 0.002))
    #expect(one == three)
    let precision = try #require(one.precision)
    #expect(precision.met)
    #expect(one.trials % PrecisionTarget.batchTrials == 0)
    #expect(one.trials > PrecisionTarget.batchTrials, "the target needs more than one batch")
    for option in one.options {
      let cost = try #require(option.metric("total_cost")?.estimate)
      let half = (try #require(cost.upper) - (try #require(cost.lower))) / 2
      #expect(half / cost.value <= 0.002, "\(option.name): \(half / cost.value)")
    }
    // One batch fewer would not have met it: the same seed's first trials, run as a fixed count.
    var fewer = try Self.scenario(target: 0.002)
    fewer.scenario.precision = nil
    fewer.scenario.trials = one.trials - PrecisionTarget.batchTrials
    let earlier = await MonteCarloEngine(threadCount: 2).run(fewer)
    let halfWidths = earlier.options.map { option -> Double in
      let cost = option.metric("total_cost")!.estimate
      return (cost.upper! - cost.lower!) / 2 / cost.value
    }
    let paired = PairedComparison(
      option: earlier.options[1].totalCostByTrial, alternative: earlier.options[0].totalCostByTrial)
    let pairedHalf =
      TrialStatisticsReference.t975(earlier.trials - 1) * (paired.meanSavingStandardError ?? 0)
      / abs(paired.meanSaving)
    #expect((halfWidths + [pairedHalf]).max()! > 0.002)
  }

  /// Without reaching the target the run stops at the limit and says so.
  @Test func stopsAtTheLimit() async throws {
    let outcome = await MonteCarloEngine(threadCount: 2).run(
      try Self.scenario(target: 0.000_01, maximum: 1_500))
    #expect(outcome.trials == 1_500)
    #expect(outcome.precision?.met == false)
  }
}

/// Student-t 0.975 quantile for the reference check (large df: the normal quantile is within 0.2% above 1,000).
enum TrialStatisticsReference {
  static func t975(_ degreesOfFreedom: Int) -> Double {
    // scipy.stats.t.ppf(0.975, df) ≈ 1.959964 + 2.372/df for df ≥ 1,000 (within 1e-5).
    1.959_963_984_540_054 + 2.372 / Double(degreesOfFreedom)
  }
}
