import CapsimCore
import Testing
import _CapsimTestSupport

@Suite("Tornado sensitivity")
struct TornadoTests {
  /// A scenario whose costs are linear in each input: fixed 10-hour 8-GPU jobs (1 s × 36,000 steps),
  /// exactly J jobs a month, no hidden costs. Over 12 months:
  /// shared cost = 12 × J × 80 GPU-h × $3 = 2,880 · J;
  /// committed cost = N nodes × 8 GPUs × $2 × 730 h × 12 + M = 140,160 · N + M.
  static func scenario(jobs: Double = 80, nodes: Int = 2, migration: Double = 0) throws
    -> ResolvedScenario
  {
    let workload = Workload(
      jobsPerMonth: jobs, arrivals: .fixed, gpusPerJob: 8, stepsPerJob: 36_000)
    let shared = Fixtures.option(
      "cloud", seconds: [1.0], price: Fixtures.price("od", perGPUHour: 3))
    var dedicated = Fixtures.option(
      "metal", seconds: [1.0], price: Fixtures.price("bm", perGPUHour: 2, model: .bareMetal),
      nodes: nodes, kind: .dedicated)
    dedicated.option.migration = MigrationSettings(engineerWeeks: 0, otherCosts: migration)
    return try Fixtures.resolved(
      horizonMonths: 12, trials: 50, seed: 3, workload: workload, options: [shared, dedicated])
  }

  static func build(_ settings: [ScenarioOverride]) throws -> ResolvedScenario {
    var (jobs, nodes, migration) = (80.0, 2, 0.0)
    for setting in settings {
      switch setting.path {
      case "workload.jobs_per_month": jobs = Double(setting.value)!
      case "options.metal.nodes": nodes = Int(setting.value)!
      case "options.metal.migration.other_costs": migration = Double(setting.value)!
      default: Issue.record("unexpected \(setting.path)")
      }
    }
    return try scenario(jobs: jobs, nodes: nodes, migration: migration)
  }

  /// Base: shared 230,400 < committed 280,320, so the recommended option is cloud and the saving
  /// (metal − cloud) is 280,320 − 2,880 J s. Partial effects, by hand:
  /// - J from 70 to 90: −2,880 × 20 = −57,600;
  /// - N from 2 to 3: +140,160;
  /// - the committed option's one-time migration costs M from 0 to 50,000: +50,000.
  /// (The shared option's duration_scale is not used: per-second billing rounds a scaled job up to the
  /// next second, a real but tiny non-linearity.)
  @Test func swingsEqualTheAnalyticPartialEffectsAndRankThem() async throws {
    let result = try await Tornado(engine: MonteCarloEngine(threadCount: 2)).run(
      inputs: [
        SweepAxis(path: "workload.jobs_per_month", values: ["70", "90"]),
        SweepAxis(path: "options.metal.migration.other_costs", values: ["0", "50000"]),
        SweepAxis(path: "options.metal.nodes", values: ["2", "3"]),
      ], scenario: Self.build)
    #expect(abs(result.base.value - 49_920) < 1e-6)
    #expect(result.baseCheapest == "cloud")
    #expect(
      result.bars.map(\.path) == [
        "options.metal.nodes", "workload.jobs_per_month", "options.metal.migration.other_costs",
      ])
    let expected: [(low: Double, high: Double)] = [
      (49_920, 49_920 + 140_160), (280_320 - 2_880 * 70, 280_320 - 2_880 * 90),
      (49_920, 49_920 + 50_000),
    ]
    for (bar, truth) in zip(result.bars, expected) {
      #expect(abs(bar.low.metric.value - truth.low) < 1e-6 * abs(truth.low), "\(bar.path) low")
      #expect(abs(bar.high.metric.value - truth.high) < 1e-6 * abs(truth.high), "\(bar.path) high")
    }
    #expect(abs(result.bars[0].swing - 140_160) < 1e-6)
    #expect(abs(result.bars[1].swing - 57_600) < 1e-6)
    #expect(abs(result.bars[2].swing - 50_000) < 1e-6)
  }

  /// An end that fails validation stops the tornado before anything has run, the base included.
  @Test func anInvalidEndFailsBeforeAnythingRuns() async throws {
    struct Invalid: Error {}
    let chunks = Counter()
    var engine = MonteCarloEngine(threadCount: 2)
    engine.progress = { _ in chunks.increment() }
    await #expect(throws: Invalid.self) {
      try await Tornado(engine: engine).run(
        inputs: [
          SweepAxis(path: "workload.jobs_per_month", values: ["70", "90"]),
          SweepAxis(path: "options.metal.nodes", values: ["2", "0"]),
        ]
      ) { settings in
        if settings.contains(where: { $0.value == "0" }) { throw Invalid() }
        return try Self.build(settings)
      }
    }
    #expect(chunks.value == 0)
  }

  @Test func aMetricOfOneOptionAndBadRequests() async throws {
    let tornado = Tornado(engine: MonteCarloEngine(threadCount: 1))
    let result = try await tornado.run(
      inputs: [SweepAxis(path: "workload.jobs_per_month", values: ["70", "90"])],
      metric: .metric(key: "total_cost", option: "cloud"), scenario: Self.build)
    // The shared total is 2,880 J: 201,600 at 70 and 259,200 at 90.
    #expect(abs(result.bars[0].low.metric.value - 201_600) < 1e-6)
    #expect(abs(result.bars[0].high.metric.value - 259_200) < 1e-6)
    await #expect(throws: TornadoError.self) {
      _ = try await tornado.run(
        inputs: [SweepAxis(path: "workload.jobs_per_month", values: ["70", "80", "90"])],
        scenario: Self.build)
    }
    await #expect(throws: TornadoError.self) {
      _ = try await tornado.run(
        inputs: [SweepAxis(path: "workload.jobs_per_month", values: ["70", "90"])],
        metric: .metric(key: "total_cots", option: nil), scenario: Self.build)
    }
  }
}
