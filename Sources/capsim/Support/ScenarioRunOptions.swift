import ArgumentParser
import CapsimCore
import CapsimReports
import CapsimScenarioLoader
import CapsimStore
import Foundation

/// The scenario file and the overrides shared by every command that simulates one (`run`, `recommend`,
/// `break-even`, `sweep`, `sensitivity`), and the one way they are loaded and resolved.
struct ScenarioRunOptions: ParsableArguments {
  @Argument(
    help: ArgumentHelp("Scenario YAML file (see docs/scenarios.md).", valueName: "scenario"))
  var scenarioPath: String

  // Numeric options parse their value unconditionally, so that `--trials -5` reaches the range check
  // below (a clear message) instead of being read as an unknown option "-5".
  @Option(parsing: .unconditional, help: "Override the scenario's trial count (1 to 10,000,000).")
  var trials: Int?

  @Option(parsing: .unconditional, help: "Override the scenario's seed.")
  var seed: UInt64?

  @Option(
    parsing: .unconditional,
    help:
      "Concurrent simulation tasks (default: the cores this process may use). Results do not depend on it."
  )
  var threads: Int?

  @Flag(
    help:
      "Run even when the estimated work (trials × jobs × options, plus sizing evaluations; for break-even, each volume its search evaluates) exceeds the budget of 2e8 simulated jobs."
  )
  var force = false

  @Option(
    parsing: .unconditional,
    help:
      "Note every used price older than this many days on the run date (default: the scenario's max_price_age_days, else 90)."
  )
  var maxPriceAge: Int?

  @Option(
    name: .customLong("set"),
    help: ArgumentHelp(
      "Override a scenario key, validated like the file's value (repeatable): e.g. --set workload.jobs_per_month=120, --set options.bare-metal.nodes=6, --set costs.engineer_hourly_rate=150.",
      valueName: "path=value"))
  var overrides: [String] = []

  @Flag(
    help: ArgumentHelp(
      "Do not show progress on standard error.",
      discussion:
        "Progress (trials done, trials a second, time left; under --precision the precision reached "
        + "and the time left estimated from it) is shown only when standard error is a terminal, the run "
        + "has lasted a second, and neither NO_COLOR nor TERM=dumb is set."))
  var quiet = false

  @OptionGroup var database: DatabaseOptions

  func validate() throws {
    if let trials, !(1...10_000_000).contains(trials) {
      throw ValidationError("--trials must be between 1 and 10,000,000 (got \(trials))")
    }
    if let maxPriceAge, maxPriceAge < 0 {
      throw ValidationError("--max-price-age must be at least 0 days (got \(maxPriceAge))")
    }
    if let threads, threads < 1 {
      throw ValidationError("--threads must be at least 1 (got \(threads))")
    }
  }

  /// The engine with the chosen concurrency.
  var engine: MonteCarloEngine {
    MonteCarloEngine(threadCount: threads ?? AvailableCores.count)
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
  ///
  /// `precision` is the command's precision options (`run`, `recommend`); a command that compares many
  /// evaluations under common random numbers (`sweep`, `sensitivity`, `break-even`) passes nil, and a
  /// precision target in the file is then dropped with a note: every evaluation runs the same trials.
  func load(precision: PrecisionOptions? = nil) throws -> (
    loaded: LoadedScenario, store: CapsimDatabase, resolved: ResolvedScenario
  ) {
    var loaded = try ScenarioLoader.load(path: scenarioPath, overrides: parsedOverrides())
    if let trials { loaded.scenario.trials = trials }
    if let seed { loaded.scenario.seed = seed }
    if let precision {
      try precision.apply(to: &loaded.scenario)
    } else if let target = loaded.scenario.precision {
      loaded.scenario.precision = nil
      Diagnostics.note(
        "the scenario's precision target (\(PrecisionOptions.percent(target.relativeHalfWidth))) is "
          + "not used here: every evaluation runs the scenario's "
          + "\(loaded.scenario.trials) trials, so that they share random numbers (precision targets "
          + "apply to run and recommend)")
    }
    let store = try database.open()
    var resolved = try store.resolve(loaded.scenario, sourceMap: loaded.sourceMap)
    var work =
      try UncertainVariation(loaded.uncertainty, scenario: resolved).map {
        WorkEstimate(resolved, variation: $0)
      } ?? WorkEstimate(resolved)
    if !force, let target = loaded.scenario.precision {
      // A precision target runs batches up to its maximum: at most the trials the budget allows (the
      // target may be met sooner), and at least one must fit.
      if let capped = work.capped(target, budget: WorkEstimate.defaultBudget) {
        work.trials = 1
        try work.check(budget: WorkEstimate.defaultBudget, sourceMap: loaded.sourceMap)
        Diagnostics.note(
          "the precision target may use at most "
            + "\(NumberFormatting.count(capped.maximumTrials, "trial")) here, not "
            + "\(NumberFormatting.count(target.maximumTrials, "trial")): more would exceed the work "
            + "budget of 2e8 simulated jobs (--force lifts it)")
        loaded.scenario.precision = capped
        resolved.scenario.precision = capped
      }
    } else if !force {
      try work.check(budget: WorkEstimate.defaultBudget, sourceMap: loaded.sourceMap)
    }
    try work.checkMemory(
      available: AvailableMemory.bytes, threads: engine.threadCount,
      sourceMap: loaded.sourceMap)
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
    // Points and ends compare under common random numbers: each runs the same trials.
    loaded.scenario.precision = nil
    return try store.resolve(loaded.scenario, sourceMap: loaded.sourceMap)
  }

  /// Loads and resolves the scenario and simulates it; the outcome carries the overrides, the uncertain
  /// inputs and their achieved rank correlations. An outcome with a non-finite cost or time is rejected
  /// (naming option and metric), an option whose scenario replaces its price's amount
  /// (`price_per_gpu_hour`) gets a note saying so, and each other option billed with a price older than
  /// the threshold (`--max-price-age`, else the scenario's `max_price_age_days`, else 90 days) on
  /// today's date in UTC, or on `CAPSIM_RUN_DATE` (YYYY-MM-DD) when set, gets a note.
  func simulate(precision: PrecisionOptions) async throws -> (
    loaded: LoadedScenario, store: CapsimDatabase, resolved: ResolvedScenario,
    outcome: SimulationOutcome
  ) {
    let (loaded, store, resolved) = try load(precision: precision)
    let engine = try engine(for: loaded, resolved: resolved)
    var outcome = try await runInterruptibly(resolved, engine: engine)
    try outcome.checkFinite(sourceMap: loaded.sourceMap)
    let age = try priceAgeCheck(resolved)
    PriceAgeCheck.annotate(
      &outcome, options: resolved.options, uncertain: loaded.uncertainty.inputs,
      on: age.runDate, maximumAgeDays: age.maximumAgeDays)
    outcome.overrides = loaded.overrides
    outcome.uncertainInputs = loaded.uncertainty.inputs
    outcome.inputCorrelations =
      (engine.variation as? UncertainVariation)?.plan.achievedCorrelations(trials: outcome.trials)
      ?? []
    return (loaded, store, resolved, outcome)
  }

  /// What ``PriceAgeCheck`` needs for `resolved`: the run date (today in UTC, or
  /// `CAPSIM_RUN_DATE`) and the threshold (`--max-price-age`, else the scenario's
  /// `max_price_age_days`, else 90 days). `run`, `recommend` and `break-even` all take it from here.
  func priceAgeCheck(_ resolved: ResolvedScenario) throws -> (
    runDate: CalendarDay, maximumAgeDays: Int
  ) {
    (
      try Self.runDate(),
      maxPriceAge ?? resolved.scenario.maxPriceAgeDays ?? PriceAgeCheck.defaultMaximumAgeDays
    )
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
      options: outcome.storableMetrics, overrides: loaded.overrides, command: command)
    Diagnostics.note("stored as run \(id) in \(store.path)")
  }

  /// Today in UTC, or `CAPSIM_RUN_DATE`.
  static func runDate() throws -> CalendarDay {
    if let text = ProcessInfo.processInfo.environment["CAPSIM_RUN_DATE"] {
      guard let day = CalendarDay(text) else {
        throw ValidationError("CAPSIM_RUN_DATE must be a date written YYYY-MM-DD (got '\(text)')")
      }
      return day
    }
    let seconds = Date().timeIntervalSince1970
    return CalendarDay(daysSinceEpoch: Int((seconds / 86_400).rounded(.down)))
  }

  /// Simulates `resolved` with progress on standard error and Ctrl-C handling: an interrupted run stops
  /// between chunks, stores nothing, and exits with status 130.
  func runInterruptibly(_ resolved: ResolvedScenario, engine: MonteCarloEngine) async throws
    -> SimulationOutcome
  {
    var engine = engine
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

/// A relative precision written as a percentage (`1%`) or a share (`0.01`), as the scenario key `precision`
/// takes it; any finite decimal number parses (``DecimalText``: not hexadecimal), and
/// ``PrecisionOptions/validate()`` checks that it lies in (0, 0.5], so that an out-of-range value gets a message
/// with the range.
struct PrecisionArgument: ExpressibleByArgument {
  let value: Double
  /// The value as written.
  let text: String

  init?(argument: String) {
    let text = argument.trimmingCharacters(in: .whitespaces)
    let digits = text.hasSuffix("%") ? String(text.dropLast()) : text
    guard DecimalText.isDecimal(digits), let written = Double(digits) else { return nil }
    let number = text.hasSuffix("%") ? written / 100 : written
    guard number.isFinite else { return nil }
    value = number
    self.text = text
  }
}
