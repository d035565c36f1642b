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

  @OptionGroup var scenario: ScenarioRunOptions

  @Option(help: "Output format.")
  var format: OutputFormat = .table

  @Option(
    name: .shortAndLong,
    help: ArgumentHelp(
      "Write the report to this file instead of standard output.", valueName: "file"))
  var output: String?

  @Option(help: "Terminal table width in columns.")
  var width: Int = 100

  @Flag(help: "Do not store the run in the database.")
  var noSave = false

  func run() async throws {
    try await Diagnostics.reportingInputErrors {
      let (loaded, store, resolved) = try scenario.load()
      let outcome = try await scenario.simulate(resolved)
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
