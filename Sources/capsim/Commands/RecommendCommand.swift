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

  @OptionGroup var output: OutputOptions<RecommendationDocument>

  func run() async throws {
    try await Diagnostics.reportingInputErrors {
      let (_, _, resolved) = try scenario.load()
      let outcome = await scenario.engine.run(resolved)
      let recommendation: Recommendation
      do {
        recommendation = try Recommendation(outcome: outcome, workload: resolved.scenario.workload)
      } catch RecommendationError.needsBothCategories(_, let payPerUse, let committed) {
        throw RecommendationError.needsBothCategories(
          scenario: scenario.scenarioPath, payPerUse: payPerUse, committed: committed)
      }
      try output.write(RecommendationDocument(recommendation: recommendation, outcome: outcome))
    }
  }
}
