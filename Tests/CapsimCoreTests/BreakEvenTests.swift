import Foundation
import Testing
import _CapsimTestSupport

@testable import CapsimCore

@Suite("Break-even analysis")
struct BreakEvenTests {
  // 1 s/step × 36,000 steps = 10 h per job on 8 GPUs = 80 GPU-hours per job, on both options.
  static func scenario(
    sharedSeconds: [Double] = [1.0], dedicatedSeconds: [Double] = [1.0], jobsPerMonth: Double = 80,
    trials: Int,
    seed: UInt64 = 3
  ) throws -> ResolvedScenario {
    let workload = Workload(
      jobsPerMonth: jobsPerMonth, arrivals: .poisson, gpusPerJob: 8, stepsPerJob: 36_000)
    let shared = Fixtures.option(
      "cloud", seconds: sharedSeconds, price: Fixtures.price("od", perGPUHour: 3))
    let dedicated = Fixtures.option(
      "metal", seconds: dedicatedSeconds,
      price: Fixtures.price("bm", perGPUHour: 2, model: .bareMetal, setupFee: 0),
      nodes: 2, kind: .dedicated)
    return try Fixtures.resolved(
      horizonMonths: 12, trials: trials, seed: seed, workload: workload,
      options: [shared, dedicated])
  }

  /// Fixed durations, no hidden costs, no mechanisms, no minimum term: J* = C_D / (p_S × GPU-hours per job).
  @Test func fixedDurationsGiveTheClosedForm() async throws {
    let trials = 400
    let analysis = try await BreakEven(engine: MonteCarloEngine(threadCount: 2))
      .analyse(try Self.scenario(trials: trials), payPerUse: "cloud", committed: "metal")
    // C_D = 2 nodes × 8 GPUs × $2 × 730 h = $23,360 a month; p_S × GPU-hours per job = $3 × 80 = $240.
    let exact = 23_360.0 / 240.0  // 97.333… jobs a month
    let found = try #require(analysis.breakEvenJobsPerMonth)
    #expect(abs(found / exact - 1) < 1e-4, "J* = \(found), closed form \(exact)")
    // u* = C_D / (p_S × capacity GPU-hours a month) = 23,360 / (3 × 16 × 730) = p_D / p_S = 2/3.
    let uExact = 23_360.0 / (3 * 16 * 730)
    #expect(abs(uExact - 2.0 / 3.0) < 1e-12)
    // The measured utilisation is busy node-hours / (2 × 8,760): N × 10 / 17,520 per trial, N ~ Poisson(12 J*);
    // its standard error over trials is √(12 J* / n) × 10 / 17,520. Jobs still running at the horizon's end
    // lose at most 10 h per node: 10 / 8,760.
    let utilisation = try #require(analysis.utilisationAtBreakEven)
    let se = (12 * exact / Double(trials)).squareRoot() * 10 / 17_520
    #expect(
      abs(utilisation - uExact) < 4 * se + 10.0 / 8_760,
      "u* = \(utilisation), closed form \(uExact)")
    #expect(analysis.committedNodes == 2)
    #expect(analysis.curve.count == analysis.evaluations)
    #expect(
      zip(analysis.curve, analysis.curve.dropFirst()).allSatisfy {
        $0.jobsPerMonth < $1.jobsPerMonth
      })
    // J90: D is cheaper when the horizon's N > 1,168 jobs (ties count half), N ~ Poisson(12 J).
    // python3 -c "from scipy.stats import poisson; from scipy.optimize import brentq;
    //   print(brentq(lambda J: poisson.sf(1168,12*J)+0.5*poisson.pmf(1168,12*J)-0.9, 90, 120))"  → 101.04341248133744
    let j90 = try #require(analysis.jobsForNinetyPercent)
    let poisson = try PoissonDistribution(mean: 12 * j90)
    let truth = poisson.survival(1_168) + 0.5 * poisson.pmf(1_168)
    #expect(
      abs(truth - 0.9) < 4 * (0.09 / Double(trials)).squareRoot(),
      "J90 = \(j90) (scipy 101.0434): P = \(truth)")
  }

  /// Random durations: at J*, an independent run (another seed) finds the two mean costs equal within
  /// 4 standard errors of their paired difference, and clearly ordered 10% either side.
  @Test(arguments: [1, 2, 3] as [UInt64])
  func meanCostsCrossAtTheBreakEven(seed: UInt64) async throws {
    let scenario = try Self.scenario(
      sharedSeconds: [0.9, 1.0, 1.05, 1.3], dedicatedSeconds: [0.95, 1.0, 1.02], trials: 300,
      seed: seed)
    let engine = MonteCarloEngine(threadCount: 2)
    let analysis = try await BreakEven(engine: engine).analyse(
      scenario, payPerUse: "cloud", committed: "metal")
    let found = try #require(analysis.breakEvenJobsPerMonth, "seed \(seed)")
    for (factor, expected) in [(1.0, 0), (0.9, -1), (1.1, 1)] {
      var check = scenario
      check.scenario.seed = seed + 1_000
      check.scenario.trials = 400
      check.scenario.workload.jobsPerMonth = found * factor
      let outcome = await engine.run(check)
      let difference = PairedComparison(
        option: outcome.options[1].totalCostByTrial,
        alternative: outcome.options[0].totalCostByTrial)
      let se = try #require(difference.meanSavingStandardError)
      let z = difference.meanSaving / se  // (S − D) / SE: positive where D is cheaper
      switch expected {
      case 0: #expect(abs(z) < 4, "seed \(seed): at J* = \(found) the costs differ by \(z) SE")
      case -1: #expect(z < -4, "seed \(seed): at 0.9 J* pay-per-use should be cheaper (z = \(z))")
      default: #expect(z > 4, "seed \(seed): at 1.1 J* committed should be cheaper (z = \(z))")
      }
    }
    let se = try #require(analysis.breakEvenStandardError)
    #expect(se > 0 && se < 0.02 * found, "seed \(seed): SE(J*) = \(se)")
  }

  /// A committed option that never breaks even (the pay-per-use price is 0): the search doubles the volume
  /// from 80 (168, 336, 672, then 1,344) and must stop at the volume limit instead of going on to 2²⁰ × 80
  /// jobs a month, saying where and why.
  @Test func searchStopsAtTheVolumeLimit() async throws {
    let analysis = try await BreakEven(
      engine: MonteCarloEngine(threadCount: 1), maximumJobsPerMonth: 1_000
    ).analyse(try Self.freeSharedScenario(trials: 5), payPerUse: "cloud", committed: "metal")
    #expect(analysis.breakEvenJobsPerMonth == nil && analysis.jobsForNinetyPercent == nil)
    #expect(analysis.curve.allSatisfy { $0.jobsPerMonth <= 1_000 })
    #expect(analysis.curve.map(\.jobsPerMonth).max() == 840)  // J90's last step: 672 × 1.25
    #expect(analysis.notes.count == 1)
    #expect(analysis.notes.first?.hasPrefix("metal: no volume above 1000 jobs a month") == true)
  }

  /// The same search under a work budget: an evaluation at J simulates 5 trials × 12 months × J jobs on two
  /// options (no interruptions), 120·J jobs, so a budget of 36,000 admits J ≤ 300 and refuses 336.
  @Test func searchStopsAtTheWorkBudget() async throws {
    let analysis = try await BreakEven(
      engine: MonteCarloEngine(threadCount: 1), workBudget: 36_000
    ).analyse(try Self.freeSharedScenario(trials: 5), payPerUse: "cloud", committed: "metal")
    #expect(analysis.breakEvenJobsPerMonth == nil)
    #expect(analysis.curve.map(\.jobsPerMonth).max() ?? 0 <= 300)
    let note = try #require(analysis.notes.first)
    #expect(note.hasPrefix("metal: the search stopped before 336 jobs a month"))
    #expect(note.contains("about 40320 jobs, above the budget of 36000"))
  }

  static func freeSharedScenario(trials: Int) throws -> ResolvedScenario {
    let workload = Workload(
      jobsPerMonth: 80, arrivals: .poisson, gpusPerJob: 8, stepsPerJob: 36_000)
    let shared = Fixtures.option(
      "cloud", seconds: [1.0], price: Fixtures.price("free", perGPUHour: 0))
    let dedicated = Fixtures.option(
      "metal", seconds: [1.0],
      price: Fixtures.price("bm", perGPUHour: 2, model: .bareMetal, setupFee: 0),
      nodes: 2, kind: .dedicated)
    return try Fixtures.resolved(
      horizonMonths: 12, trials: trials, seed: 3, workload: workload, options: [shared, dedicated])
  }

  @Test func rejectsUnknownAndMiscategorisedOptions() async throws {
    let scenario = try Self.scenario(trials: 10)
    let breakEven = BreakEven(engine: MonteCarloEngine(threadCount: 1))
    await #expect(throws: BreakEvenError.unknownOption("clod", known: ["cloud", "metal"])) {
      try await breakEven.analyse(scenario, payPerUse: "clod", committed: "metal")
    }
    await #expect(throws: BreakEvenError.wrongCategory(option: "metal", expectedCommitted: false)) {
      try await breakEven.analyse(scenario, payPerUse: "metal", committed: "cloud")
    }
  }
}

@Suite("Break-even with a hybrid option")
struct BreakEvenHybridTests {
  /// A hybrid committed option whose overflow runs on a third option (neither the pay-per-use option compared
  /// nor the committed one) keeps that overflow in every evaluation: its cost at the scenario's volume is
  /// exactly the full scenario's (the evaluator used to drop the third option, and the hybrid's overflow
  /// with it).
  @Test func overflowToAThirdOptionIsKept() async throws {
    let workload = Workload(
      jobsPerMonth: 60, arrivals: .poisson, gpusPerJob: 8, stepsPerJob: 36_000)
    let cloud = Fixtures.option("cloud", seconds: [1.0], price: Fixtures.price("od", perGPUHour: 3))
    let burst = Fixtures.option(
      "burst", seconds: [1.1], price: Fixtures.price("burst", perGPUHour: 4))
    var metal = Fixtures.option(
      "metal", seconds: [1.0],
      price: Fixtures.price("bm", perGPUHour: 2, model: .bareMetal), nodes: 1, kind: .dedicated)
    metal.option.overflow = OverflowSettings(option: "burst", maximumWaitHours: 2)
    let scenario = try Fixtures.resolved(
      trials: 200, workload: workload, options: [cloud, metal, burst])
    let engine = MonteCarloEngine(threadCount: 2)
    let full = await engine.run(scenario)
    let overflow = try #require(full.options[1].metric("overflow_rate")?.estimate.value)
    #expect(overflow > 0.1, "the hybrid option must overflow for this test to mean anything")
    let analysis = try await BreakEven(engine: engine, maximumEvaluations: 3)
      .analyse(scenario, payPerUse: "cloud", committed: "metal")
    let point = try #require(analysis.curve.first { $0.jobsPerMonth == 60 })
    let expected = try #require(full.options[1].metric("total_cost")?.estimate.value)
    #expect(point.committedCost.value == expected)
  }
}

/// The pay-per-use cost of a break-even point carries its interval, not just its standard error.
@Suite("Break-even pay-per-use cost")
struct BreakEvenPayPerUseCostTests {
  /// Cost per job 10 ± 2 (SE 1; a t interval 8–12), 100 jobs a trial, migration 50, E[N] = 40:
  /// value 50 + (10 − 50/100)·40 = 430, SE 1·40 = 40, interval 430 ∓ 2·40 = [350, 510].
  @Test func intervalIsTheCostPerJobIntervalScaled() {
    let metric = { (key: String, estimate: Estimate) in
      MetricEstimate(key: key, label: key, unit: "USD", estimate: estimate)
    }
    let option = OptionOutcome(
      name: "cloud", platform: "p", platformKind: .shared, price: "q", pricingModel: .onDemand,
      pricePerGPUHour: 1, nodes: nil,
      metrics: [
        metric("cost_per_job", Estimate(value: 10, standardError: 1, lower: 8, upper: 12)),
        metric("jobs", .exact(100)), metric("cost_migration", .exact(50)),
      ], notes: [])
    let cost = BreakEven.Evaluator.payPerUseCost(option, expectedJobs: 40)
    #expect(cost.value == 430)
    #expect(cost.standardError == 40)
    #expect(cost.lower == 350)
    #expect(cost.upper == 510)
  }
}
