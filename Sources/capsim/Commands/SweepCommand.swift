import ArgumentParser
import CapsimCore
import CapsimReports
import CapsimScenarioLoader
import CapsimStore
import Foundation

/// `capsim sweep SCENARIO --vary PATH=FROM:TO:STEP`: a decision table over one or two inputs.
struct SweepCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sweep",
    abstract: "Simulate a scenario across one or two inputs' values: a decision table.",
    discussion: """
      Each --vary PATH=FROM:TO:STEP (or PATH=a,b,c) names a scenario key as for --set; with two, every \
      combination is simulated (the first varies slowest). Without --vary, the scenario's 'sweep:' \
      section is used. Every point runs the scenario's trials with its seed, so the points share their \
      random numbers and adjacent points compare reliably. For each point and option: the expected total \
      cost with its 95% interval, P(cheapest), the committed nodes and sizing metric of a 'nodes: auto' \
      option, the cheapest option and the verdict 'capsim recommend' would give. Sweeps are not stored.
      Example: capsim sweep scenarios/borderline-growing-team.yaml --vary workload.jobs_per_month=70:110:10
      """)

  @OptionGroup var scenario: ScenarioRunOptions

  @Option(
    name: .customLong("vary"),
    help: ArgumentHelp(
      "An input to vary: PATH=FROM:TO:STEP or PATH=a,b,c (once or twice).",
      valueName: "path=values"))
  var axes: [String] = []

  @OptionGroup var output: OutputOptions<SweepDocument>

  func run() async throws {
    try await Diagnostics.reportingInputErrors {
      let (loaded, store, resolved) = try scenario.load()
      let parsed = try SweepAxis.parsing(varyFlags: axes)
      try SweepAxis.checkDistinct(parsed, optionNames: loaded.scenario.options.map(\.name))
      let swept = parsed.isEmpty ? loaded.scenario.sweep : parsed
      let engine = try scenario.engine(
        for: loaded, resolved: resolved, fixing: swept.map(\.path))
      let result = try await Sweep(engine: engine).run(
        axes: swept, overrides: loaded.overrides, uncertainInputs: loaded.uncertainty.inputs
      ) { settings in try scenario.resolve(adding: settings, in: store) }
      try output.write(SweepDocument(result))
    }
  }
}
