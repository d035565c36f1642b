import CapsimCore
import CapsimScenarioLoader
import CapsimStore
import Foundation
import Testing

/// Mutations of the example scenarios, through the loader, name resolution, the work estimate and (when
/// small enough) the simulation itself. A crash ends the test process, leaving the input in
/// `$TMPDIR/capsim-fuzz-current-scenario`; an input that takes longer than ``slowSeconds`` is recorded as
/// an issue. Every crash found becomes a row of `BadInputTests` or `FuzzRegressionTests`.
@Suite("Fuzz: scenario loader and engine", .serialized)
struct ScenarioFuzzTests {
  /// Any single input slower than this is a hang.
  static let slowSeconds = 10.0
  /// Inputs are simulated only below this many simulated jobs (after capping trials at 20).
  static let simulationBudget = 2e5

  @Test func mutatedScenariosNeverCrashOrHang() async throws {
    let seeds =
      FuzzSettings.seeds(in: "scenarios", suffix: ".yaml", maximumLines: 400)
      + FuzzSettings.seeds(in: "scenarios/validation", suffix: ".yaml", maximumLines: 400)
    try #require(!seeds.isEmpty)
    let database = try CapsimDatabase.inMemory()
    try database.importDefaultData()
    var mutator = Mutator(seed: FuzzSettings.seed)
    let clock = ContinuousClock()
    let deadline = clock.now + .seconds(FuzzSettings.seconds)
    var tried = 0
    var loaded = 0
    var simulated = 0
    while clock.now < deadline {
      let bytes = mutator.mutate(seeds[mutator.below(seeds.count)], others: seeds)
      FuzzSettings.recordCurrent(bytes, target: "scenario")
      let start = clock.now
      let text = String(decoding: bytes, as: UTF8.self)
      tried += 1
      if let outcome = await Self.exercise(text, database: database) {
        loaded += 1
        if outcome { simulated += 1 }
      }
      let elapsed = clock.now - start
      if elapsed > .seconds(Self.slowSeconds) {
        FuzzSettings.reportSlow(
          "input \(tried) (seed \(FuzzSettings.seed)) took \(elapsed):\n\(text)")
      }
    }
    print("scenario fuzz: \(tried) inputs, \(loaded) resolved, \(simulated) simulated")
    #expect(tried > 0)
  }

  /// Loads, resolves and (if small) simulates `text`; nil when it is rejected, else whether it ran.
  static func exercise(_ text: String, database: CapsimDatabase) async -> Bool? {
    guard let loaded = try? ScenarioLoader.parse(yaml: text, file: "fuzz.yaml"),
      var resolved = try? database.resolve(loaded.scenario, sourceMap: loaded.sourceMap)
    else { return nil }
    resolved.scenario.trials = Swift.min(resolved.scenario.trials, 20)
    guard WorkEstimate(resolved).simulatedJobs <= simulationBudget else { return false }
    let outcome = await MonteCarloEngine(threadCount: 1).run(resolved)
    _ = try? outcome.checkFinite(sourceMap: loaded.sourceMap)
    return true
  }
}
