import ArgumentParser
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
  @OptionGroup var database: DatabaseOptions

  func run() async throws {
    try await Diagnostics.reportingInputErrors {
      let runs = try database.open().runs()
      var lines = [
        "id  created               command    scenario                         trials     seed  version"
      ]
      for run in runs {
        lines.append(
          "\(pad(String(run.id), 3)) \(pad(run.createdAt, 21)) \(pad(run.command, 10)) \(pad(run.scenarioName, 32)) "
            + "\(pad(String(run.trials), 7, right: true)) \(pad(String(run.seed), 8, right: true))  \(run.capsimVersion)"
        )
      }
      if runs.isEmpty { lines = ["no runs stored yet; 'capsim run SCENARIO' stores one"] }
      try OutputWriter.write(lines.joined(separator: "\n") + "\n", to: nil)
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

func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
  guard text.count < width else { return text }
  let fill = String(repeating: " ", count: width - text.count)
  return right ? fill + text : text + fill
}
