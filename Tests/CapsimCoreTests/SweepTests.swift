import CapsimCore
import Foundation
import RealModule
import Testing
import _CapsimTestSupport

@Suite("Sweep (decision table)")
struct SweepTests {
  /// BreakEvenTests' scenario: fixed 10-hour 8-GPU jobs on both options, the shared one at $3/GPU-h, the
  /// committed one 2 nodes × 8 GPUs × $2 × 730 h = $23,360 a month, no hidden costs. Closed form:
  /// J* = C_D / (p_S × GPU-hours per job) = 23,360 / 240 = 97.33 jobs a month.
  static func scenario(jobsPerMonth: Double, trials: Int = 1_000) throws -> ResolvedScenario {
    try BreakEvenTests.scenario(jobsPerMonth: jobsPerMonth, trials: trials, seed: 11)
  }

  static func run(_ values: [String], trials: Int = 1_000) async throws -> SweepResult {
    try await Sweep(engine: MonteCarloEngine(threadCount: 2)).run(
      axes: [SweepAxis(path: "workload.jobs_per_month", values: values)]
    ) { settings in
      try Self.scenario(jobsPerMonth: Double(settings[0].value)!, trials: trials)
    }
  }

  /// Far from J* one option is cheapest in every trial: P = 1 and 0 keep a Wilson interval instead of
  /// a zero standard error and no interval. 200 trials: python3 -c "from scipy.stats import binomtest;
  /// print(binomtest(200, 200).proportion_ci(method='wilson'))" → (0.9811546736227335, 1.0).
  @Test func certainCheapestKeepsAWilsonInterval() async throws {
    let result = try await Self.run(["20"], trials: 200)
    let point = try #require(result.points.first)
    let cloud = point.options[0].probabilityCheapest
    let metal = point.options[1].probabilityCheapest
    #expect(cloud.value == 1 && metal.value == 0)
    #expect(
      try #require(cloud.lower).isApproximatelyEqual(
        to: 0.9811546736227335, relativeTolerance: 1e-12))
    #expect(cloud.upper == 1)
    #expect(metal.lower == 0)
    #expect(
      try #require(metal.upper).isApproximatelyEqual(
        to: 1 - 0.9811546736227335, relativeTolerance: 1e-12))
  }

  /// Crossing J* = 97.33 changes the cheaper option there, and P(committed cheapest) at each point is
  /// the closed form: the horizon's shared cost is 240 N with N ~ Poisson(12 J), against $280,320 fixed,
  /// so P = P(N > 1,168) + ½ P(N = 1,168), within 4 binomial standard errors.
  @Test func crossingTheBreakEvenVolumeChangesTheCheaperOption() async throws {
    let volumes = [85, 90, 95, 100, 105, 110]
    let result = try await Self.run(volumes.map(String.init))
    #expect(result.points.count == volumes.count)
    for (volume, point) in zip(volumes, result.points) {
      let expected = Double(volume) < 23_360.0 / 240 ? "cloud" : "metal"
      #expect(point.cheapest == expected, "at \(volume) jobs/month")
      let poisson = try PoissonDistribution(mean: 12 * Double(volume))
      let truth = poisson.survival(1_168) + 0.5 * poisson.pmf(1_168)
      let p = try #require(point.options.last?.probabilityCheapest.value)
      let se = Swift.max((truth * (1 - truth) / 1_000).squareRoot(), 1e-3)
      #expect(abs(p - truth) < 4 * se, "at \(volume): P(metal cheapest) \(p), closed form \(truth)")
      #expect(abs((point.options[0].probabilityCheapest.value + p) - 1) < 1e-12)
      // Expected totals: the shared one is 12 J × 240 in expectation, the committed one exact.
      let cloud = point.options[0].totalCost
      #expect(abs(cloud.value - 2_880 * Double(volume)) < 4 * (cloud.standardError ?? 0))
      #expect(point.options[1].totalCost.value == 280_320)
    }
    #expect(result.points.first?.recommendation?.verdict == .stayOnShared(option: "cloud"))
    #expect(
      result.points.last?.recommendation?.verdict == .migrateToDedicated(option: "metal", nodes: 2))
  }

  /// Every point runs with the same seed, so the outcome at a point equals a plain run of the scenario
  /// at that value, byte for byte, on any thread count.
  @Test func eachPointIsThePlainRunAtThatValue() async throws {
    let result = try await Self.run(["92", "99"], trials: 300)
    for point in result.points {
      let volume = Double(point.settings[0].value)!
      for threads in [1, 3] {
        let outcome = await MonteCarloEngine(threadCount: threads).run(
          try Self.scenario(jobsPerMonth: volume, trials: 300))
        #expect(
          point.options.map(\.totalCost)
            == outcome.options.map { $0.metric("total_cost")!.estimate })
      }
    }
  }

  /// A value that fails validation stops the sweep before any point has run (it used to run the points
  /// before it first, which on a long sweep meant minutes of work thrown away).
  @Test func anInvalidPointFailsBeforeAnyPointRuns() async throws {
    struct Invalid: Error {}
    let chunks = Counter()
    var engine = MonteCarloEngine(threadCount: 2)
    engine.progress = { _ in chunks.increment() }
    await #expect(throws: Invalid.self) {
      try await Sweep(engine: engine).run(
        axes: [SweepAxis(path: "workload.jobs_per_month", values: ["50", "60", "-1"])]
      ) { settings in
        let jobs = Double(settings[0].value)!
        guard jobs > 0 else { throw Invalid() }
        return try Self.scenario(jobsPerMonth: jobs, trials: 300)
      }
    }
    #expect(chunks.value == 0)
  }

  @Test func twoAxesMakeEveryCombinationFirstSlowest() {
    let grid = Sweep.grid([
      SweepAxis(path: "a", values: ["1", "2"]), SweepAxis(path: "b", values: ["x", "y", "z"]),
    ])
    #expect(
      grid.map { $0.map(\.value) } == [
        ["1", "x"], ["1", "y"], ["1", "z"], ["2", "x"], ["2", "y"], ["2", "z"],
      ])
    #expect(grid[0].map(\.label) == ["--vary 1", "--vary 2"])
  }

  @Test func rangesAndListsParse() throws {
    #expect(
      try SweepAxis(parsing: "w.j=60:100:20", label: "--vary 1").values == ["60", "80", "100"])
    #expect(
      try SweepAxis(parsing: "x=0.1:0.3:0.1", label: "--vary 1").values == ["0.1", "0.2", "0.3"])
    #expect(try SweepAxis(parsing: "o.p=a, b,c", label: "--vary 1").values == ["a", "b", "c"])
    for bad in ["x=3:1:1", "x=1:3:0", "x=1:3:nan", "x=1:1e9:1", "x=a,,b", "novalue"] {
      #expect(throws: ScenarioError.self, "\(bad)") {
        try SweepAxis(parsing: bad, label: "--vary 1")
      }
    }
  }

  /// Grids worked by hand: FROM + k·STEP in decimal, whatever notation the bounds are written in.
  /// Before exponents were read, `1e-5` counted as "0 decimals" and every value rounded to 0.
  @Test(arguments: [
    ("1e-5:5e-5:1e-5", ["1e-5", "2e-5", "3e-5", "4e-5", "5e-5"]),
    ("0.00001:5e-5:1e-5", ["1e-5", "2e-5", "3e-5", "4e-5", "5e-5"]),
    ("1E-5:0.00003:0.00001", ["1e-5", "2e-5", "3e-5"]),
    ("2.5e-4:1e-3:2.5e-4", ["0.00025", "0.0005", "0.00075", "0.001"]),
    ("1e-300:1.3e-300:1e-301", ["1e-300", "1.1e-300", "1.2e-300", "1.3e-300"]),
    ("1e3:3e3:1e3", ["1000", "2000", "3000"]),
    ("6E1:1.2e2:2e1", ["60", "80", "100", "120"]),
    ("-1e-2:1e-2:5e-3", ["-0.01", "-0.005", "0", "0.005", "0.01"]),
    ("0.1:0.35:0.1", ["0.1", "0.2", "0.3"]),
    ("1e15:3e15:1e15", ["1e15", "2e15", "3e15"]),
  ])
  func rangesInAnyNotationGiveTheWrittenGrid(range: String, expected: [String]) throws {
    let axis = try SweepAxis(parsing: "x=\(range)", label: "--vary 1")
    #expect(axis.values == expected)
    // Each value reads back as the nearest double to the decimal intended (k · 1e-5, not 0).
    #expect(axis.values.map { Double($0) } == expected.map { Double($0) })
  }

  /// A range's bounds are numbers as a scenario value is: hexadecimal (which `Double` reads) and a bound
  /// that underflows to 0 are refused, not swept as 1…5 or reported as 0; `_` separators are read.
  @Test(arguments: [
    (
      "x=0x1:0x5:1",
      "--vary 1: error: '0x1:0x5:1' is not FROM:TO:STEP with three decimal numbers\n"
        + "help: e.g. 'workload.jobs_per_month=60:120:10' (hexadecimal, inf and nan are not numbers here)"
    ),
    (
      "x=1e-400:1:1",
      "--vary 1: error: the range 1e-400:1:1 has the bound 1e-400, too small to hold: it would be read "
        + "as 0\nhelp: write 0 for zero; a number other than zero must be at least about 5e-324 in size"
    ),
  ])
  func rangeBoundsAreDecimalNumbers(text: String, expected: String) {
    let error = #expect(throws: ScenarioError.self) {
      try SweepAxis(parsing: text, label: "--vary 1")
    }
    #expect(error?.description == expected, "\(error?.description ?? "")")
  }

  @Test func rangeBoundsMayHaveDigitSeparators() throws {
    #expect(
      try SweepAxis(parsing: "x=1_000:+2_000:500", label: "--vary 1").values == [
        "1000", "1500", "2000",
      ])
  }

  @Test func anExponentRangeCountsItsValuesExactly() {
    let error = #expect(throws: ScenarioError.self) {
      try SweepAxis(parsing: "x=1e-9:1e-5:1e-9", label: "--vary 2")
    }
    #expect(
      error?.description
        == "--vary 2: error: the range 1e-9:1e-5:1e-9 has 10000 values; at most 1000 are allowed\n"
        + "help: use a larger step")
  }

  /// The points share one seed and trial count (the report's header says so), and the name is a title:
  /// varying them is refused with the reason and what to do instead, not run with a header that lies.
  @Test(arguments: [
    ("seed=1,2", "'seed' cannot be varied", "--seed"),
    ("trials=10:30:10", "'trials' cannot be varied", "--trials"),
    (" name =a,b", "'name' cannot be varied: it is the scenario's title", "--set name="),
  ])
  func seedTrialsAndNameCannotBeVaried(text: String, message: String, help: String) {
    let error = #expect(throws: ScenarioError.self) {
      try SweepAxis(parsing: text, label: "--vary 2")
    }
    let description = error?.description ?? ""
    #expect(description.hasPrefix("--vary 2: error: \(message)"), "\(description)")
    #expect(description.contains("\nhelp: ") && description.contains(help), "\(description)")
  }

  /// Ties share the win: k options tied in a trial get 1/k each.
  @Test func cheapestSharesSplitTies() {
    let shares = Sweep.cheapestShares([[1, 2, 3, 5], [2, 2, 1, 5]])
    #expect(shares == [(1 + 0.5 + 0 + 0.5) / 4, (0 + 0.5 + 1 + 0.5) / 4])
  }
}

/// A thread-safe count of calls (the engine reports progress from its tasks).
final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0

  func increment() { lock.withLock { count += 1 } }
  var value: Int { lock.withLock { count } }
}
