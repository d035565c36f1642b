import ArgumentParser
import CapsimCore
import CapsimReports
import CapsimScenarioLoader
import CapsimStore
import Foundation

/// `capsim break-even SCENARIO`: the volume at which a dedicated option costs the same as a shared one.
struct BreakEvenCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "break-even",
    abstract:
      "Find the jobs per month (and utilisation) at which a committed option costs the same as a shared one.",
    discussion: """
      Re-runs the scenario for the two options at different monthly volumes (same trials and seed) and finds \
      the volume of equal expected cost, the committed option's utilisation there, and the volume above which \
      it is cheaper in 90% of trials. A committed option with 'nodes: auto' is sized once at the scenario's \
      volume and kept at that size. Inputs written as distributions are not drawn per trial: each is run at its \
      median, and the report names them. Method: docs/recommend.md.
      """)

  @OptionGroup var scenario: ScenarioRunOptions
  @Option(help: "Pay-per-use option (default: the scenario's first pay-per-use option).")
  var shared: String?
  @Option(help: "Committed option (default: the scenario's first committed option).")
  var dedicated: String?
  @OptionGroup var output: OutputOptions<BreakEvenDocument>

  func run() async throws {
    try await Diagnostics.reportingInputErrors {
      let (loaded, _, resolved) = try scenario.load()
      let engine = scenario.engine
      let pair = try OptionPair(
        payPerUse: shared, committed: dedicated, in: resolved, analysis: "break-even",
        location: loaded.sourceMap.location(of: "options"))
      let budget = scenario.force ? nil : WorkEstimate.defaultBudget
      var analysis = try await BreakEven(engine: engine, workBudget: budget).analyse(
        resolved, payPerUse: pair.payPerUse, committed: pair.committed)
      let age = try scenario.priceAgeCheck(resolved)
      PriceAgeCheck.annotate(
        &analysis, options: resolved.options, uncertain: loaded.uncertainty.inputs,
        on: age.runDate, maximumAgeDays: age.maximumAgeDays)
      try output.write(
        BreakEvenDocument(
          analysis: analysis, currency: resolved.currency, trials: resolved.scenario.trials,
          seed: resolved.scenario.seed, inputsAtMedian: loaded.uncertainty.inputs))
    }
  }
}
