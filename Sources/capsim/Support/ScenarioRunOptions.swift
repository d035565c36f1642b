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

  @Option(
    name: .customLong("set"),
    help: ArgumentHelp(
      "Override a scenario key, validated like the file's value (repeatable): e.g. --set workload.jobs_per_month=120, --set options.bare-metal.nodes=6, --set costs.engineer_hourly_rate=150.",
      valueName: "path=value"))
  var overrides: [String] = []

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

  /// The engine with the scenario's uncertain inputs drawn per trial (none: the plain ``engine``);
  /// inputs whose path is in `fixing` (a sweep's axes) stay at the values the points give them.
  func engine(for loaded: LoadedScenario, resolved: ResolvedScenario, fixing: [String] = [])
    throws -> MonteCarloEngine
  {
    var engine = self.engine
    engine.variation = try UncertainVariation(
      loaded.uncertainty, fixing: fixing, scenario: resolved)
    return engine
  }

  /// The `--set` overrides, numbered from 1 in the order given.
  func parsedOverrides() throws(ScenarioError) -> [ScenarioOverride] {
    var result: [ScenarioOverride] = []
    for (index, text) in overrides.enumerated() {
      result.append(try ScenarioOverride(parsing: text, number: index + 1))
    }
    return result
  }

  /// Loads the scenario, applies the overrides, opens the database and resolves every name.
  func load() throws -> (loaded: LoadedScenario, store: CapsimDatabase, resolved: ResolvedScenario)
  {
    var loaded = try ScenarioLoader.load(path: scenarioPath, overrides: parsedOverrides())
    if let trials { loaded.scenario.trials = trials }
    if let seed { loaded.scenario.seed = seed }
    let store = try database.open()
    let resolved = try store.resolve(loaded.scenario, sourceMap: loaded.sourceMap)
    return (loaded, store, resolved)
  }

  /// The scenario file with the `--set` overrides and then `settings` applied (and --trials/--seed),
  /// resolved against `store`: one point of a sweep or tornado.
  func resolve(adding settings: [ScenarioOverride], in store: CapsimDatabase) throws
    -> ResolvedScenario
  {
    var loaded = try ScenarioLoader.load(
      path: scenarioPath, overrides: parsedOverrides() + settings)
    if let trials { loaded.scenario.trials = trials }
    if let seed { loaded.scenario.seed = seed }
    return try store.resolve(loaded.scenario, sourceMap: loaded.sourceMap)
  }

  /// Loads and resolves the scenario and simulates it; the outcome carries the overrides.
  func simulate() async throws -> (
    loaded: LoadedScenario, store: CapsimDatabase, resolved: ResolvedScenario,
    outcome: SimulationOutcome
  ) {
    let (loaded, store, resolved) = try load()
    var outcome = try await engine(for: loaded, resolved: resolved).run(resolved)
    outcome.overrides = loaded.overrides
    outcome.uncertainInputs = loaded.uncertainty.inputs
    return (loaded, store, resolved, outcome)
  }

  /// Stores a simulated run (scenario text, overrides, seed, trials, metrics and `resultJSON`) made by
  /// `command`, and says so on standard error.
  func save(
    _ outcome: SimulationOutcome, loaded: LoadedScenario, in store: CapsimDatabase,
    resultJSON: String, command: String
  ) throws {
    let id = try store.saveRun(
      scenarioName: outcome.scenario, scenarioText: loaded.text, seed: outcome.seed,
      trials: outcome.trials, capsimVersion: CapsimVersion.current, resultJSON: resultJSON,
      options: outcome.options.map { (option: $0.name, metrics: $0.metrics) },
      overrides: loaded.overrides, command: command)
    Diagnostics.note("stored as run \(id) in \(store.path)")
  }
}
