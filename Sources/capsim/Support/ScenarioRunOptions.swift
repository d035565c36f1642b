import ArgumentParser
import CapsimCore
import CapsimScenarioLoader
import CapsimStore
import Foundation

/// The scenario file and the overrides shared by every command that simulates one (`run`, `recommend`,
/// `break-even`), and the one way they are loaded and resolved.
struct ScenarioRunOptions: ParsableArguments {
  @Argument(
    help: ArgumentHelp("Scenario YAML file (see docs/scenarios.md).", valueName: "scenario"))
  var scenarioPath: String

  @Option(help: "Override the scenario's trial count (1 to 10,000,000).")
  var trials: Int?

  @Option(help: "Override the scenario's seed.")
  var seed: UInt64?

  @Option(
    help: "Concurrent simulation tasks (default: the number of cores). Results do not depend on it."
  )
  var threads: Int?

  @Flag(
    help:
      "Run even when the estimated work (trials × jobs × options, plus sizing evaluations) exceeds the budget of 2e8 simulated jobs."
  )
  var force = false

  @OptionGroup var database: DatabaseOptions

  func validate() throws {
    if let trials, !(1...10_000_000).contains(trials) {
      throw ValidationError("--trials must be between 1 and 10,000,000 (got \(trials))")
    }
    if let threads, threads < 1 {
      throw ValidationError("--threads must be at least 1 (got \(threads))")
    }
  }

  /// The engine with the chosen concurrency.
  var engine: MonteCarloEngine {
    MonteCarloEngine(threadCount: threads ?? ProcessInfo.processInfo.activeProcessorCount)
  }

  /// Simulates `resolved` and rejects an outcome with a non-finite cost or time (naming option and metric).
  func simulate(_ resolved: ResolvedScenario, sourceMap: ScenarioSourceMap) async throws
    -> SimulationOutcome
  {
    let outcome = await engine.run(resolved)
    try outcome.checkFinite(sourceMap: sourceMap)
    return outcome
  }

  /// Loads the scenario, applies the overrides, opens the database and resolves every name.
  func load() throws -> (loaded: LoadedScenario, store: CapsimDatabase, resolved: ResolvedScenario)
  {
    var loaded = try ScenarioLoader.load(path: scenarioPath)
    if let trials { loaded.scenario.trials = trials }
    if let seed { loaded.scenario.seed = seed }
    let store = try database.open()
    let resolved = try store.resolve(loaded.scenario, sourceMap: loaded.sourceMap)
    if !force {
      try WorkEstimate(resolved).check(
        budget: WorkEstimate.defaultBudget, sourceMap: loaded.sourceMap)
    }
    return (loaded, store, resolved)
  }
}
