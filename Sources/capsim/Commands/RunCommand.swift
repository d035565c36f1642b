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
      --no-save is given, and only after the report was written. The same scenario and seed give byte-identical output for any --threads.
      """)

  @OptionGroup var scenario: ScenarioRunOptions

  @OptionGroup var precision: PrecisionOptions

  @OptionGroup var output: OutputOptions<RunReport>

  @Option(
    help: "Table detail: summary (the answer and the metrics that decide) or full (everything).")
  var detail: ReportDetail = .summary

  @Flag(help: "Do not store the run in the database.")
  var noSave = false

  func run() async throws {
    try await Diagnostics.reportingInputErrors {
      let (loaded, store, resolved, outcome) = try await scenario.simulate(precision: precision)
      let report = RunReport(
        outcome: outcome, scenarioText: loaded.text,
        overrides: outcome.overrides.map(\.description)
          + [scenario.trials.map { "trials=\($0)" }, scenario.seed.map { "seed=\($0)" }]
          .compactMap { $0 },
        prices: resolved.options.map(\.price))
      // The run is stored only once its report is written; a failed save keeps the written report.
      try output.write(report, detail: detail)
      guard !noSave else { return }
      try scenario.save(
        outcome, loaded: loaded, in: store,
        resultJSON: try JSONReport.render(outcome, capsimVersion: CapsimVersion.current),
        command: "run")
    }
  }
}
