import ArgumentParser
import CapsimReports
import CapsimScenarioLoader
import CapsimStore
import Foundation

/// `capsim run SCENARIO`: simulate a scenario, print the comparison and store the run.
struct RunCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Simulate a scenario file and report the comparison.",
    discussion: """
      The run (scenario text, seed, trials, version and results) is stored in the database unless \
      --no-save is given. The same scenario and seed give byte-identical output for any --threads.
      """)

  @Argument(
    help: ArgumentHelp("Scenario YAML file (see docs/scenarios.md).", valueName: "scenario"))
  var scenarioPath: String

  @Option(help: "Override the scenario's trial count.")
  var trials: Int?

  @Option(help: "Override the scenario's seed.")
  var seed: UInt64?

  @Option(help: "Output format.")
  var format: OutputFormat = .table

  @Option(
    name: .shortAndLong,
    help: ArgumentHelp(
      "Write the report to this file instead of standard output.", valueName: "file"))
  var output: String?

  @Option(
    help: "Concurrent simulation tasks (default: the number of cores). Results do not depend on it."
  )
  var threads: Int?

  @Option(help: "Terminal table width in columns.")
  var width: Int = 100

  @Flag(help: "Do not store the run in the database.")
  var noSave = false

  @OptionGroup var database: DatabaseOptions

  func validate() throws {
    if let trials, !(1...10_000_000).contains(trials) {
      throw ValidationError("--trials must be between 1 and 10,000,000 (got \(trials))")
    }
    if let threads, threads < 1 {
      throw ValidationError("--threads must be at least 1 (got \(threads))")
    }
  }

  func run() async throws {
    try await Diagnostics.reportingInputErrors {
      var loaded = try ScenarioLoader.load(path: scenarioPath)
      if let trials { loaded.scenario.trials = trials }
      if let seed { loaded.scenario.seed = seed }
      let store = try database.open()
      let resolved = try store.resolve(loaded.scenario, sourceMap: loaded.sourceMap)
      let engine = MonteCarloEngine(
        threadCount: threads ?? ProcessInfo.processInfo.activeProcessorCount)
      let outcome = await engine.run(resolved)
      let json = try JSONReport.render(outcome, capsimVersion: CapsimVersion.current)
      let report: String
      switch format {
      case .table: report = TerminalReport(width: width).render(outcome)
      case .md: report = MarkdownReport.render(outcome)
      case .json: report = json
      case .csv: report = CSVReport.render(outcome)
      case .monthlyCSV: report = MonthlyCSVReport.render(outcome)
      }
      if !noSave {
        let id = try store.saveRun(
          scenarioName: outcome.scenario, scenarioText: loaded.text, seed: outcome.seed,
          trials: outcome.trials,
          capsimVersion: CapsimVersion.current, resultJSON: json,
          options: outcome.options.map { (option: $0.name, metrics: $0.metrics) })
        Diagnostics.note("stored as run \(id) in \(store.path)")
      }
      try OutputWriter.write(report, to: output)
    }
  }
}
