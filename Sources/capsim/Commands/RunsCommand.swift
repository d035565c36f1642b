import ArgumentParser
import CapsimReports
import CapsimStore
import Foundation

/// `capsim runs`: the stored history of simulation runs.
struct RunsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "runs", abstract: "List stored runs, or print one run's stored results.",
    subcommands: [RunsListCommand.self, RunsShowCommand.self],
    defaultSubcommand: RunsListCommand.self)
}

/// `capsim runs list`.
struct RunsListCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List stored runs, newest first.")
  @OptionGroup var output: OutputOptions<RunHistoryReport>
  @OptionGroup var database: DatabaseOptions

  func run() async throws {
    try await Diagnostics.reportingInputErrors {
      let runs = try database.open().runs().map {
        RunHistoryReport.Entry(
          id: $0.id, createdAt: $0.createdAt, scenario: $0.scenarioName, trials: $0.trials,
          seed: $0.seed, capsimVersion: $0.capsimVersion)
      }
      try output.write(RunHistoryReport(runs: runs))
    }
  }
}

/// `capsim runs show ID`.
struct RunsShowCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Print a stored run's results as JSON (or its scenario with --scenario).")
  @Argument(help: "Run id from 'capsim runs list'.") var id: Int64
  @Flag(help: "Print the scenario text the run used instead of its results.") var scenario = false
  @OptionGroup var database: DatabaseOptions

  func run() async throws {
    try await Diagnostics.reportingInputErrors {
      let run = try database.open().run(id: id)
      try OutputWriter.write(scenario ? run.scenarioText : run.resultJSON, to: nil)
    }
  }
}
