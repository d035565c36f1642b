import ArgumentParser
import CapsimCore
import CapsimReports
import CapsimScenarioLoader
import CapsimStore
import Foundation

/// `capsim bench`: measures simulated jobs per second on the reference scenario.
struct BenchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Measure simulation throughput (jobs per second) on the reference scenario.",
    discussion: """
      Times the reference scenario (or SCENARIO) on one thread and on --threads, beside two baselines measured \
      in the same process (raw xoshiro256** outputs, and the draw floor: a loop making only the random draws \
      the model needs), and checks that both runs give identical results. Benchmarks/numpy_vs_capsim.py times \
      a vectorised numpy implementation of the same model beside it. \
      Build with -c release for meaningful numbers: swift run -c release capsim bench.
      """)

  @Argument(help: "Scenario to time instead of the built-in reference (see --print-scenario).")
  var scenario: String?
  @Option(help: "Override the trial count.") var trials: Int?
  @Option(help: "Concurrent tasks for the parallel run (default: the cores this process may use).")
  var threads: Int?
  @Flag(help: "Print the reference scenario and exit.") var printScenario = false
  @OptionGroup var database: DatabaseOptions

  func run() async throws {
    if printScenario {
      try OutputWriter.write(ReferenceBenchmark.scenario + "\n", to: nil)
      return
    }
    try await Diagnostics.reportingInputErrors {
      var loaded =
        try scenario.map { try ScenarioLoader.load(path: $0) }
        ?? ScenarioLoader.parse(yaml: ReferenceBenchmark.scenario, file: "<reference benchmark>")
      if let trials { loaded.scenario.trials = trials }
      let resolved = try database.open().resolve(loaded.scenario, sourceMap: loaded.sourceMap)
      let parallelism = threads ?? AvailableCores.count
      let m = await ThroughputBenchmark.measure(resolved, threads: parallelism)
      try OutputWriter.write(
        BenchReport.text(
          m, scenario: loaded.scenario.name, trials: loaded.scenario.trials,
          options: resolved.options.count),
        to: nil)
      if !m.identical { throw ExitCode.failure }
    }
  }
}
