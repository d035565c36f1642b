import ArgumentParser
import CapsimCore
import CapsimReports
import CapsimScenarioLoader
import CapsimStore
import Foundation

/// `capsim runs`: the stored history of simulation runs.
struct RunsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "runs", abstract: "List stored runs, print one, or compare two.",
    subcommands: [RunsListCommand.self, RunsShowCommand.self, RunsDiffCommand.self],
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
          id: $0.id, createdAt: $0.createdAt, command: $0.command, scenario: $0.scenarioName,
          trials: $0.trials, seed: $0.seed, capsimVersion: $0.capsimVersion)
      }
      try output.write(RunHistoryReport(runs: runs))
    }
  }
}

/// `capsim runs show ID`.
struct RunsShowCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract:
      "Print a stored run's results as JSON (or its scenario with --scenario, its --set overrides as comments after it)."
  )
  @Argument(help: "Run id from 'capsim runs list'.") var id: Int64
  @Flag(help: "Print the scenario text the run used instead of its results.") var scenario = false
  @OptionGroup var database: DatabaseOptions

  func run() async throws {
    try await Diagnostics.reportingInputErrors {
      let run = try database.open().run(id: id)
      // The overrides follow the file as YAML comments, so the text still loads and says how it was run.
      let overrides = run.overrides.map { "# --set \($0.description)\n" }.joined()
      let text =
        run.scenarioText
        + (overrides.isEmpty || run.scenarioText.hasSuffix("\n") ? "" : "\n") + overrides
      try OutputWriter.write(scenario ? text : run.resultJSON, to: nil)
    }
  }
}

/// `capsim runs diff A B`.
struct RunsDiffCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Compare two stored runs: scenario keys (overrides included) and every metric.",
    discussion: """
      Lists the scenario keys whose values differ between run A and run B (after each run's --set \
      overrides; an option sized with nodes: auto adds options.NAME.nodes (simulated) when the runs chose \
      different counts), then each option's metrics side by side with B − A and whether the change exceeds the \
      combined 95% interval 1.96·√(SE_A² + SE_B²). The terminal table shows only the changed metrics \
      unless --all. Example: capsim runs diff 3 4
      """)
  @Argument(help: "Run A's id (from 'capsim runs list').") var first: Int64
  @Argument(help: "Run B's id.") var second: Int64
  @Flag(help: "Show every metric in the terminal table, not only the changed ones.") var all = false
  @OptionGroup var output: OutputOptions<RunDiffReport>
  @OptionGroup var database: DatabaseOptions

  func run() async throws {
    try await Diagnostics.reportingInputErrors {
      let store = try database.open()
      let (a, b) = (try store.run(id: first), try store.run(id: second))
      let diff = RunDiff(
        keysA: try ScenarioLoader.keyValues(
          yaml: a.scenarioText, file: "run \(first)", overrides: a.overrides),
        keysB: try ScenarioLoader.keyValues(
          yaml: b.scenarioText, file: "run \(second)", overrides: b.overrides),
        metricsA: a.options.map { ($0.option, $0.metrics) },
        metricsB: b.options.map { ($0.option, $0.metrics) },
        nodesA: a.simulatedNodes, nodesB: b.simulatedNodes)
      try output.write(
        RunDiffReport(diff, before: Self.describe(a), after: Self.describe(b), all: all))
    }
  }

  static func describe(_ run: SimulationRun) -> String {
    let s = run.summary
    return "run \(s.id) (\(s.command)): \(s.scenarioName), \(s.trials) trials, seed \(s.seed), "
      + "capsim \(s.capsimVersion), \(s.createdAt)"
  }
}
