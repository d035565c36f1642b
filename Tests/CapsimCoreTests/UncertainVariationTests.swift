import CapsimCore
import Foundation
import Testing
import _CapsimTestSupport

@Suite("Uncertain inputs drawn per trial")
struct UncertainVariationTests {
  /// TornadoTests' linear scenario: fixed 10-hour 8-GPU jobs, exactly 80 a month, so over 12 months
  /// cloud costs 2,880 × 80 = 230,400 and metal 140,160 × 2 nodes + migration, where migration =
  /// engineer_weeks × 40 h × $100 + other_costs. Both migration inputs are uncertain and nothing else
  /// depends on them, so metal's mean total cost is linear in their means:
  /// 280,320 + 4,000 · E[weeks] + E[other].
  static func scenario(trials: Int = 2_000) throws -> ResolvedScenario {
    let workload = Workload(jobsPerMonth: 80, arrivals: .fixed, gpusPerJob: 8, stepsPerJob: 36_000)
    let shared = Fixtures.option(
      "cloud", seconds: [1.0], price: Fixtures.price("od", perGPUHour: 3))
    var dedicated = Fixtures.option(
      "metal", seconds: [1.0], price: Fixtures.price("bm", perGPUHour: 2, model: .bareMetal),
      nodes: 2, kind: .dedicated)
    dedicated.option.migration = MigrationSettings(engineerWeeks: 3, otherCosts: 20_000)
    return try Fixtures.resolved(
      horizonMonths: 12, trials: trials, seed: 3, workload: workload, options: [shared, dedicated])
  }

  static let settings = UncertaintySettings(
    inputs: [
      UncertainInput(
        path: "options.metal.migration.engineer_weeks",
        distribution: .pert(low: 1, mode: 2, high: 9)),
      UncertainInput(
        path: "options.metal.migration.other_costs",
        distribution: .triangular(low: 0, mode: 10_000, high: 50_000)),
    ], correlations: [], sampling: .monteCarlo)

  @Test func meanCostEqualsTheClosedFormAtTheInputsMeans() async throws {
    let base = try Self.scenario()
    var engine = MonteCarloEngine(threadCount: 2)
    engine.variation = try UncertainVariation(settings: Self.settings, scenario: base)
    let outcome = await engine.run(base)
    let metal = try #require(outcome.options.first { $0.name == "metal" })
    let costs = metal.totalCostByTrial
    let n = Double(costs.count)
    let mean = costs.reduce(0, +) / n
    let sd = (costs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot()
    // E[PERT(1, 2, 9)] = (1 + 4·2 + 9)/6 = 3; E[triangular(0, 10k, 50k)] = 20,000.
    let closedForm = 280_320 + 4_000 * 3.0 + 20_000
    #expect(
      abs(mean - closedForm) < 4 * sd / n.squareRoot(), "mean \(mean), closed form \(closedForm)")
    #expect(sd > 1_000, "the inputs must actually vary: sd \(sd)")
    // The cloud option does not depend on the inputs.
    let cloud = try #require(outcome.options.first { $0.name == "cloud" })
    #expect(Set(cloud.totalCostByTrial) == [230_400])
    // Each trial's cost is exactly the closed form at that trial's draws.
    let plan = try #require(engine.variation as? UncertainVariation).plan
    for trial in [0, 17, 1_999] {
      let expected =
        280_320 + 4_000 * plan.value(trial: trial, input: 0) + plan.value(trial: trial, input: 1)
      #expect(abs(costs[trial] - expected) < 1e-6 * expected)
    }
  }

  @Test func identicalOnAnyThreadCount() async throws {
    let base = try Self.scenario(trials: 700)
    var settings = Self.settings
    settings.sampling = .latinHypercube
    settings.correlations = [
      InputCorrelation(
        between: "options.metal.migration.engineer_weeks", "options.metal.migration.other_costs",
        rank: 0.5)
    ]
    var results: [[Double]] = []
    for threads in [1, 3] {
      var engine = MonteCarloEngine(threadCount: threads)
      engine.variation = try UncertainVariation(settings: settings, scenario: base)
      let outcome = await engine.run(base)
      results.append(outcome.options.flatMap(\.totalCostByTrial))
    }
    #expect(results[0] == results[1])
  }

  /// A draw beyond the volume limit (the loader allows a distribution whose 99.9th percentile is within it,
  /// so the tail can pass it) is capped so that no month's mean exceeds 10⁶ jobs: with compound growth of
  /// 100% a month over 12 months the peak is month 12's J·2¹¹, so J is capped at 10⁶/2,048 = 488.28125.
  @Test func aDrawBeyondTheVolumeLimitIsCapped() throws {
    var base = try Self.scenario(trials: 4)
    base.scenario.workload.growth = .compound(ratePerMonth: 1)
    let settings = UncertaintySettings(
      inputs: [
        UncertainInput(
          path: "workload.jobs_per_month", distribution: .uniform(low: 400, high: 2_000_000))
      ], correlations: [], sampling: .monteCarlo)
    let variation = try UncertainVariation(settings: settings, scenario: base)
    for trial in 0..<4 {
      let drawn = variation.plan.value(trial: trial, input: 0)
      let workload = variation.scenario(forTrial: trial, base: base).scenario.workload
      #expect(workload.jobsPerMonth == Swift.min(drawn, 1_000_000.0 / 2_048))
      #expect((0..<12).map(workload.meanJobs(inMonth:)).max() ?? 0 <= 1_000_000)
    }
    var listed = Workload(jobsPerMonth: 10, gpusPerJob: 8, stepsPerJob: 1)
    listed.growth = .explicit([5e5, 4e6, 2e6])
    let explicit = listed.limitingPeak(to: 1_000_000, months: 3)
    #expect(explicit.growth == .explicit([125_000, 1_000_000, 500_000]))
    #expect(explicit.jobsPerMonth == 2.5)
  }

  /// Under a precision target the run may make more trials than the scenario's own count (up to the
  /// maximum): the plan covers the maximum, and every trial's cost is still the closed form at that
  /// trial's draws. (A plan of the scenario's trials alone ran out of rows: an index out of range.) The
  /// plan draws one block per batch as the run reaches it, so its cost does not grow with the maximum: a
  /// maximum of 10⁷ builds 1,024 rows before the run (it built 10⁷, about 10 s and 160 MB per input).
  @Test func aPrecisionRunDrawsInputsForEveryTrialItMakes() async throws {
    var base = try Self.scenario(trials: 100)
    // A target this tight is never met: the run stops at the maximum, two batches of 1,024.
    base.scenario.precision = PrecisionTarget(relativeHalfWidth: 1e-12, maximumTrials: 2_048)
    var engine = MonteCarloEngine(threadCount: 2)
    let variation = try UncertainVariation(settings: Self.settings, scenario: base)
    #expect(variation.plan.trials == 2_048)
    // One block per batch, built as the run reaches it.
    #expect(variation.plan.blockTrials == PrecisionTarget.batchTrials)
    #expect(variation.plan.builtTrials == PrecisionTarget.batchTrials)
    engine.variation = variation
    let outcome = await engine.run(base)
    #expect(outcome.trials == 2_048)
    // The blocks are built between batches: the same outcome on one thread as on two.
    var single = MonteCarloEngine(threadCount: 1)
    single.variation = variation
    #expect(await single.run(base) == outcome)
    let metal = try #require(outcome.options.first { $0.name == "metal" })
    for trial in [0, 99, 100, 1_500, 2_047] {
      let expected =
        280_320 + 4_000 * variation.plan.value(trial: trial, input: 0)
        + variation.plan.value(trial: trial, input: 1)
      #expect(abs(metal.totalCostByTrial[trial] - expected) < 1e-6 * expected)
    }
    var huge = base
    huge.scenario.precision?.maximumTrials = 10_000_000
    let lazy = try UncertainVariation(settings: Self.settings, scenario: huge)
    #expect(lazy.plan.trials == 10_000_000)
    #expect(lazy.plan.builtTrials == PrecisionTarget.batchTrials)
    // Importance and achieved correlations are taken over the trials run.
    let ranked = try await Tornado(engine: MonteCarloEngine(threadCount: 2)).importance(
      of: variation, scenario: base)
    #expect(ranked.count == 2)
  }

  /// A spot option whose 8-GPU jobs take T_s = 36,000 × 2 s = 20 h, with interruptions checkpointed every
  /// τ = 1 h (δ = 0.1 h to write, R = 0.25 h to restart), 10 jobs in one month; under a precision target
  /// (`maximum`) its trial count is the target's business.
  static func interruptedSpot(failures: Double, trials: Int, seed: UInt64, maximum: Int?) throws
    -> ResolvedScenario
  {
    let workload = Workload(jobsPerMonth: 10, arrivals: .fixed, gpusPerJob: 8, stepsPerJob: 36_000)
    var spot = Fixtures.option("spot", seconds: [2.0], price: Fixtures.price("spot", perGPUHour: 2))
    spot.option.interruptions = InterruptionSettings(
      preemptionsPerGPUHour: 0.001, failuresPerGPUHour: failures,
      checkpointInterval: .fixed(hours: 1),
      checkpointHours: 0.1, restartHours: 0.25, rerunProbability: 0, maximumReruns: 0)
    var base = try Fixtures.resolved(
      horizonMonths: 1, trials: trials, seed: seed, workload: workload, options: [spot])
    base.scenario.precision = maximum.map {
      PrecisionTarget(relativeHalfWidth: 0.01, maximumTrials: $0)
    }
    return base
  }

  /// Daly's expected wall time over T_s for ``interruptedSpot(failures:trials:seed:maximum:)`` at `rate`
  /// interruptions per GPU-hour: M·e^{R/M}·(e^{(τ+δ)/M} − 1)/τ with M = 1/(8·rate).
  static func dalyFactor(_ rate: Double) -> Double {
    let m = 1 / (8 * rate)
    return m * Foundation.exp(0.25 / m) * (Foundation.exp(1.1 / m) - 1)
  }

  /// Under a precision target the rates are first checked at their largest values together, a bound on
  /// every trial; when that bound fails but no trial does, the run goes ahead. Preemption and failure
  /// rates, each uniform(0, 0.36) per GPU-hour and rank-correlated at −0.99, sum to about 0.36 in every
  /// trial, while their largest values sum to about 0.72. Daly's expected wall time (Daly 2006, eq. 20, as
  /// in the next test) at these settings passes 100 × T_s at 0.567 per GPU-hour (bisection of the closed
  /// form; factor 371 at 0.709, 28 at 0.425).
  @Test func aFailingBoundWithNoImpossibleTrialLetsAPrecisionRunGoAhead() throws {
    let base = try Self.interruptedSpot(failures: 0.001, trials: 10, seed: 5, maximum: 5_000)
    let dalyFactor = Self.dalyFactor
    let paths = [
      "options.spot.interruptions.preemptions_per_gpu_hour",
      "options.spot.interruptions.failures_per_gpu_hour",
    ]
    let settings = UncertaintySettings(
      inputs: paths.map { UncertainInput(path: $0, distribution: .uniform(low: 0, high: 0.36)) },
      correlations: [InputCorrelation(between: paths[0], paths[1], rank: -0.99)],
      sampling: .latinHypercube)
    let plan = try UncertainInputPlan(
      settings: settings, trials: 5_000, seed: 5, blockTrials: 1_024)
    let columns = [plan.column(0), plan.column(1)]
    let bound = plan.largestValue(of: 0) + plan.largestValue(of: 1)
    let highest = zip(columns[0], columns[1]).map { $0 + $1 }.max() ?? .infinity
    #expect(dalyFactor(bound) > 100, "the bound \(bound) must fail")
    #expect(dalyFactor(highest) < 100, "the highest trial \(highest) must pass")
    let variation = try UncertainVariation(settings: settings, scenario: base)
    #expect(variation.plan.builtTrials == 1_024)
  }

  /// A rate drawn far in its tail can give a job that never finishes, although the distribution's 99.9th
  /// percentile passed the loader: the trial with the highest rate is checked before anything runs.
  /// Reference: Daly's expected wall time (Daly 2006, eq. 20, with τ the optimum for M),
  /// T_w = M·e^{R/M}·(e^{(τ+δ)/M} − 1)·T_s/τ, worked here for the highest draw: beyond 100 × T_s it is
  /// rejected; a distribution whose highest draw stays well below that is accepted.
  ///
  /// The plan is drawn in blocks as the run reaches them (5,000 trials, or a precision target's maximum of
  /// 5,000); every block's rates are checked all the same, before the run, and the first block with an
  /// impossible trial names it.
  @Test(arguments: [false, true])
  func aTrialWhoseDrawnRateCannotFinishIsRejectedBeforeTheRun(underPrecision: Bool) throws {
    let base = try Self.interruptedSpot(
      failures: 0, trials: underPrecision ? 10 : 5_000, seed: 11,
      maximum: underPrecision ? 5_000 : nil)
    func settings(_ distribution: InputDistribution) -> UncertaintySettings {
      UncertaintySettings(
        inputs: [
          UncertainInput(
            path: "options.spot.interruptions.preemptions_per_gpu_hour", distribution: distribution)
        ], correlations: [], sampling: .monteCarlo)
    }
    let dalyFactor = Self.dalyFactor
    // Uniform(0, 2): the highest of 5,000 draws is near 2, where M = 0.0625 h and the factor is ~10⁸.
    let wide = settings(.uniform(low: 0, high: 2))
    #expect(throws: UncertainVariationError.self) {
      try UncertainVariation(settings: wide, scenario: base)
    }
    do {
      _ = try UncertainVariation(settings: wide, scenario: base)
    } catch let error as UncertainVariationError {
      guard case .impossibleTrial(let trial, let trials, let drawn, _, _) = error else {
        Issue.record("expected an impossible trial, got \(error)")
        return
      }
      #expect(trials == 5_000)
      // Every run draws its plan in blocks of 1,024 trials (a run of a fixed number of trials as well as
      // one under a precision target), built as the run reaches them.
      let plan = try UncertainInputPlan(
        settings: wide, trials: 5_000, seed: 11, blockTrials: PrecisionTarget.batchTrials)
      #expect(plan.builtTrials == 1_024)
      // The search stops at the first block with an impossible trial: here the first block, whose
      // highest draw (near 2) is already far beyond the limit.
      let searched = plan.column(0, trials: 1_024)
      #expect(drawn.first?.value == searched.max())
      #expect(plan.value(trial: trial, input: 0) == searched.max())
      #expect(dalyFactor(drawn[0].value) > 100)
      #expect(error.description.contains("trial \(trial + 1) of 5000"))
    }
    // Uniform(0, 0.05): at most M = 2.5 h, factor ≈ 1.4: every trial can run.
    #expect(dalyFactor(0.05) < 2)
    _ = try UncertainVariation(settings: settings(.uniform(low: 0, high: 0.05)), scenario: base)
  }

  /// A run of up to 2,047 trials is one block, held from the start: its rate check takes the trial with the
  /// highest drawn rate directly (no bound first) and names it, the highest of all 2,000 draws.
  @Test func aOneBlockRunNamesItsHighestTrial() throws {
    let base = try Self.interruptedSpot(failures: 0, trials: 2_000, seed: 13, maximum: nil)
    let settings = UncertaintySettings(
      inputs: [
        UncertainInput(
          path: "options.spot.interruptions.preemptions_per_gpu_hour",
          distribution: .uniform(low: 0, high: 2))
      ], correlations: [], sampling: .monteCarlo)
    let plan = try UncertainInputPlan(
      settings: settings, trials: 2_000, seed: 13, blockTrials: PrecisionTarget.batchTrials)
    #expect(plan.blockCount == 1 && plan.builtTrials == 2_000)
    let column = plan.column(0)
    let highest = try #require(column.indices.max { column[$0] < column[$1] })
    #expect(Self.dalyFactor(column[highest]) > 100)
    do {
      _ = try UncertainVariation(settings: settings, scenario: base)
      Issue.record("a trial whose rate cannot finish was accepted")
    } catch let error as UncertainVariationError {
      guard case .impossibleTrial(let trial, let trials, let drawn, _, _) = error else {
        Issue.record("expected an impossible trial, got \(error)")
        return
      }
      #expect(trial == highest && trials == 2_000)
      #expect(drawn.first?.value == column[highest])
    }
  }

  @Test func importanceRanksTheInputThatMovesTheSavingMost() async throws {
    let base = try Self.scenario(trials: 1_000)
    let variation = try UncertainVariation(settings: Self.settings, scenario: base)
    let ranked = try await Tornado(engine: MonteCarloEngine(threadCount: 2)).importance(
      of: variation, scenario: base)
    // Saving = metal − cloud = 61,920 + 4,000·weeks + other: sd of 4,000·PERT(1, 2, 9) ≈ 5,860
    // (PERT variance (μ−a)(b−μ)/7 = 2.86) against sd(triangular(0, 10k, 50k)) ≈ 10,800, so other_costs
    // explains more; both correlate positively and the shares sum to 1.
    #expect(ranked.map(\.path).first == "options.metal.migration.other_costs")
    #expect(ranked.allSatisfy { $0.rankCorrelation > 0 })
    #expect(abs(ranked.reduce(0) { $0 + $1.varianceShare } - 1) < 1e-12)
  }
}

@Suite("Verdict sensitivity of recommend")
struct VerdictSensitivityTests {
  /// TornadoTests' linear scenario with one metal node: cloud costs 2,880 × 80 = 230,400 and metal
  /// 140,160 + M (M = migration other_costs), so the cheaper option changes at M = 90,240 exactly.
  static func scenario(otherCosts: Double) throws -> ResolvedScenario {
    let workload = Workload(jobsPerMonth: 80, arrivals: .fixed, gpusPerJob: 8, stepsPerJob: 36_000)
    let shared = Fixtures.option(
      "cloud", seconds: [1.0], price: Fixtures.price("od", perGPUHour: 3))
    var dedicated = Fixtures.option(
      "metal", seconds: [1.0], price: Fixtures.price("bm", perGPUHour: 2, model: .bareMetal),
      nodes: 1, kind: .dedicated)
    dedicated.option.migration = MigrationSettings(engineerWeeks: 0, otherCosts: otherCosts)
    return try Fixtures.resolved(
      horizonMonths: 12, trials: 20, seed: 3, workload: workload, options: [shared, dedicated])
  }

  @Test func flipValueMatchesTheClosedFormBreakEven() async throws {
    let uncertainty = UncertaintySettings(inputs: [
      UncertainInput(
        path: "options.metal.migration.other_costs",
        distribution: .uniform(low: 0, high: 200_000))
    ])
    let result = try await Tornado(engine: MonteCarloEngine(threadCount: 2)).verdictSensitivity(
      uncertainty, overrides: []
    ) { settings in
      var value = 100_000.0
      for setting in settings {
        #expect(setting.path == "options.metal.migration.other_costs")
        value = Double(setting.value)!
      }
      return try Self.scenario(otherCosts: value)
    }
    let sensitivity = try #require(result)
    // At the median (100,000) metal costs 240,160 > 230,400: cloud leads.
    #expect(sensitivity.leading == "cloud")
    #expect(sensitivity.topInputs.map(\.path) == ["options.metal.migration.other_costs"])
    // Ends: p5 = 10,000, p95 = 190,000; 10 halvings of 180,000 leave ±88.
    let flip = try #require(sensitivity.flipValue)
    #expect(abs(flip - 90_240) < 180_000 / 2048, "flip \(flip)")
  }
}
