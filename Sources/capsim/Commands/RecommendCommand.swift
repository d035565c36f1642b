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

  @OptionGroup var scenario: ScenarioRunOptions

  @Option(help: "Output format.")
  var format: OutputFormat = .table

  @Option(
    name: .shortAndLong,
    help: ArgumentHelp(
      "Write the report to this file instead of standard output.", valueName: "file"))
  var output: String?

  @Option(help: "Terminal width in columns.")
  var width: Int = 100

  func run() async throws {
    try await Diagnostics.reportingInputErrors {
      let (_, _, resolved) = try scenario.load()
      let outcome = try await scenario.simulate(resolved)
      let recommendation: Recommendation
      do {
        recommendation = try Recommendation(outcome: outcome, workload: resolved.scenario.workload)
      } catch RecommendationError.needsBothCategories(_, let payPerUse, let committed) {
        throw RecommendationError.needsBothCategories(
          scenario: scenario.scenarioPath, payPerUse: payPerUse, committed: committed)
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
