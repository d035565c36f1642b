import ArgumentParser
import CapsimReports
import CapsimScenarioLoader
import CapsimStore
import Foundation

/// `capsim recommend SCENARIO`: simulate a scenario and turn the comparison into a decision.
struct RecommendCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "recommend",
    abstract:
      "Simulate a scenario and recommend shared, dedicated, or waiting (docs/recommend.md).",
    discussion: """
      Runs the scenario like 'capsim run' (the run is not stored), then compares the cheapest option \
      with the cheapest option of the other billing category trial by trial: the verdict, P(cheaper), \
      the saving with its 90% interval, predictability, the cost lines behind the difference, and the \
      signals of production use. --format md writes a decision memo.
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

  @Option(help: "Terminal width in columns.")
  var width: Int = 100

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
      let recommendation: Recommendation
      do {
        recommendation = try Recommendation(outcome: outcome, workload: resolved.scenario.workload)
      } catch RecommendationError.needsBothCategories(_, let payPerUse, let committed) {
        throw RecommendationError.needsBothCategories(
          scenario: scenarioPath, payPerUse: payPerUse, committed: committed)
      }
      let report: String
      switch format {
      case .table: report = RecommendationReport.table(recommendation, width: width)
      case .md: report = RecommendationReport.markdown(recommendation)
      case .json:
        report = try RecommendationReport.json(recommendation, capsimVersion: CapsimVersion.current)
      case .csv: report = RecommendationReport.csv(recommendation)
      case .monthlyCSV: report = MonthlyCSVReport.render(outcome)
      }
      try OutputWriter.write(report, to: output)
    }
  }
}
