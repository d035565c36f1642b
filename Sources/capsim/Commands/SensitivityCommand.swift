import ArgumentParser
import CapsimCore
import CapsimReports
import CapsimScenarioLoader
import CapsimStore
import Foundation

/// `capsim sensitivity SCENARIO --vary PATH=LOW,HIGH …`: a tornado of the decision metric.
struct SensitivityCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sensitivity",
    abstract:
      "Move each input to a low and a high value and rank the inputs by their effect (tornado).",
    discussion: """
      Each --vary PATH=LOW,HIGH names a scenario key (as for --set) and its two ends. The scenario is run \
      at its base, then with each input at its low and at its high value while the others stay at base, \
      all with the same trials and seed. The inputs are ranked by the swing of the decision metric: by \
      default the saving of the recommended option over the runner-up (their mean total-cost difference, \
      the pair fixed at the base), or --metric KEY of --option NAME (default: the cheapest option at base). \
      Example: capsim sensitivity scenarios/borderline-growing-team.yaml \
      --vary workload.jobs_per_month=80,100 --vary workload.deadline_hours=36,60. \
      Without --vary, a scenario with uncertain inputs (distributions, docs/scenarios.md) uses each one's \
      5th and 95th percentiles, and the report adds each uncertain input's rank correlation with the \
      per-trial metric and its share of variance, from one run drawing every input per trial.
      """)

  @OptionGroup var scenario: ScenarioRunOptions

  @Option(
    name: .customLong("vary"),
    help: ArgumentHelp(
      "An input and its two ends: PATH=LOW,HIGH (repeatable).", valueName: "path=low,high"))
  var inputs: [String] = []

  @Option(
    help: ArgumentHelp(
      "Decision metric: 'saving' (default) or a metric key of the report, e.g. total_cost, deadline_hit_rate.",
      valueName: "key"))
  var metric: String = "saving"

  @Option(
    help:
      "The option whose --metric is measured (default: the cheapest at base); not with the default 'saving', which compares two options."
  )
  var option: String?

  @OptionGroup var output: OutputOptions<SensitivityDocument>

  func run() async throws {
    try await Diagnostics.reportingInputErrors {
      let (loaded, store, resolved) = try scenario.load()
      var axes = try SweepAxis.parsing(varyFlags: inputs)
      if axes.isEmpty { axes = loaded.uncertainty.tornadoAxes }
      let decision = try DecisionMetric(
        metric: metric, option: option, optionNames: loaded.scenario.options.map(\.name))
      let tornado = Tornado(engine: scenario.engine)
      var result = try await tornado.run(
        inputs: axes, metric: decision, overrides: loaded.overrides
      ) { settings in try scenario.resolve(adding: settings, in: store) }
      if let variation = try UncertainVariation(loaded.uncertainty, scenario: resolved) {
        result.importance = try await tornado.importance(
          of: variation, scenario: resolved, metric: decision)
      }
      try output.write(SensitivityDocument(result))
    }
  }
}
