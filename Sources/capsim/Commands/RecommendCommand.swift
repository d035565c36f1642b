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
      Runs the scenario like 'capsim run' (and stores the run the same way, unless --no-save), then compares the cheapest option \
      with the cheapest option of the other billing category trial by trial: the verdict, P(cheaper), \
      the saving with its 90% interval, predictability, the cost lines behind the difference, and the \
      signals of production use. --format md writes a decision memo.
      """)

  @OptionGroup var scenario: ScenarioRunOptions

  @OptionGroup var precision: PrecisionOptions

  @OptionGroup var output: OutputOptions<RecommendationDocument>

  @Flag(help: "Do not store the run in the database.")
  var noSave = false

  func run() async throws {
    try await Diagnostics.reportingInputErrors {
      let (loaded, store, resolved, outcome) = try await scenario.simulate(precision: precision)
      var recommendation: Recommendation
      do {
        recommendation = try Recommendation(outcome: outcome, workload: resolved.scenario.workload)
      } catch RecommendationError.needsBothCategories(_, let payPerUse, let committed) {
        throw RecommendationError.needsBothCategories(
          scenario: scenario.scenarioPath, payPerUse: payPerUse, committed: committed)
      }
      if !loaded.uncertainty.isEmpty {
        recommendation.verdictSensitivity = try await Tornado(engine: scenario.engine)
          .verdictSensitivity(loaded.uncertainty, overrides: loaded.overrides) { settings in
            try scenario.resolve(adding: settings, in: store)
          }
      }
      // The run is stored only once its report is written; a failed save keeps the written report.
      try output.write(RecommendationDocument(recommendation: recommendation, outcome: outcome))
      guard !noSave else { return }
      try scenario.save(
        outcome, loaded: loaded, in: store,
        resultJSON: try RecommendationReport.json(
          recommendation, capsimVersion: CapsimVersion.current),
        command: "recommend")
    }
  }
}
