import ArgumentParser
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
    help: ArgumentHelp(
      "Run trials in batches of 1,024 until every total cost and the leading paired difference are known "
        + "to this relative 95% half-width (e.g. 1% or 0.01); --trials is then ignored.",
      valueName: "share"))
  var precision: PrecisionArgument?

  @Option(help: "With a precision target: the most trials to run (default 1,000,000).")
  var maxTrials: Int?

  @Flag(help: "Do not show progress on standard error.")
  var quiet = false

  @OptionGroup var database: DatabaseOptions

  func validate() throws {
    if let trials, !(1...10_000_000).contains(trials) {
      throw ValidationError("--trials must be between 1 and 10,000,000 (got \(trials))")
    }
    if let maxTrials, !(1...10_000_000).contains(maxTrials) {
      throw ValidationError("--max-trials must be between 1 and 10,000,000 (got \(maxTrials))")
    }
    if let threads, threads < 1 {
      throw ValidationError("--threads must be at least 1 (got \(threads))")
    }
  }

  /// The engine with the chosen concurrency.
  var engine: MonteCarloEngine {
    MonteCarloEngine(threadCount: threads ?? ProcessInfo.processInfo.activeProcessorCount)
  }

  /// Loads the scenario, applies the overrides, opens the database and resolves every name.
  func load() throws -> (loaded: LoadedScenario, store: CapsimDatabase, resolved: ResolvedScenario)
  {
    var loaded = try ScenarioLoader.load(path: scenarioPath)
    if let trials { loaded.scenario.trials = trials }
    if let seed { loaded.scenario.seed = seed }
    if let precision {
      loaded.scenario.precision = PrecisionTarget(relativeHalfWidth: precision.value)
    }
    if let maxTrials { loaded.scenario.precision?.maximumTrials = maxTrials }
    let store = try database.open()
    let resolved = try store.resolve(loaded.scenario, sourceMap: loaded.sourceMap)
    return (loaded, store, resolved)
  }

  /// Simulates `resolved` with progress on standard error and Ctrl-C handling: an interrupted run stops
  /// between chunks, stores nothing, and exits with status 130.
  func simulate(_ resolved: ResolvedScenario) async throws -> SimulationOutcome {
    var engine = self.engine
    let reporter = ProgressReporter(quiet: quiet)
    engine.progress = reporter.callback
    let task = Task { [engine] in try await engine.runCancellable(resolved) }
    signal(SIGINT, SIG_IGN)
    let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
    interrupt.setEventHandler { task.cancel() }
    interrupt.resume()
    defer {
      interrupt.cancel()
      signal(SIGINT, SIG_DFL)
    }
    do {
      let outcome = try await task.value
      reporter.finish()
      return outcome
    } catch is CancellationError {
      reporter.finish()
      Diagnostics.note("interrupted: nothing was stored")
      throw ExitCode(130)
    }
  }
}

/// A relative precision written as a percentage (`1%`) or a share (`0.01`), in (0, 1).
struct PrecisionArgument: ExpressibleByArgument {
  let value: Double

  init?(argument: String) {
    let text = argument.trimmingCharacters(in: .whitespaces)
    let number = text.hasSuffix("%") ? Double(text.dropLast()).map { $0 / 100 } : Double(text)
    guard let number, number > 0, number < 1 else { return nil }
    value = number
  }
}
