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
      the model needs), and checks that every run gives identical results. The floor and the two runs are \
      timed in turn in each of --rounds rounds and the medians reported, with each round's ratios, since a \
      shared machine's speed drifts. Inputs written as distributions are held at their medians. \
      Benchmarks/numpy_vs_capsim.py times \
      a vectorised numpy implementation of the same model beside it. \
      Build with -c release for meaningful numbers: swift run -c release capsim bench.
      """)

  @Argument(help: "Scenario to time instead of the built-in reference (see --print-scenario).")
  var scenario: String?
  // Numeric options parse their value unconditionally, so that `--trials -5` reaches the range check
  // below instead of being read as an unknown option "-5".
  @Option(parsing: .unconditional, help: "Override the trial count (1 to 10,000,000).")
  var trials: Int?
  @Option(
    parsing: .unconditional,
    help: "Concurrent tasks for the parallel run (default: the cores this process may use).")
  var threads: Int?
  @Option(
    parsing: .unconditional,
    help:
      "Rounds of timing (the draw floor, 1 thread, --threads, in turn; 1 to 100); medians are reported."
  )
  var rounds = 3
  @Flag(help: "Print the reference scenario and exit.") var printScenario = false
  @OptionGroup var database: DatabaseOptions

  func validate() throws {
    if let trials, !(1...10_000_000).contains(trials) {
      throw ValidationError("--trials must be between 1 and 10,000,000 (got \(trials))")
    }
    if let threads, threads < 1 {
      throw ValidationError("--threads must be at least 1 (got \(threads))")
    }
    guard (1...100).contains(rounds) else {
      throw ValidationError("--rounds must be between 1 and 100 (got \(rounds))")
    }
  }

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
      let m = await ThroughputBenchmark.measure(resolved, threads: parallelism, rounds: rounds)
      try OutputWriter.write(
        BenchReport.text(
          m, scenario: loaded.scenario.name, trials: loaded.scenario.trials,
          options: resolved.options.count, uncertainInputs: loaded.uncertainty.inputs.count),
        to: nil)
      if !m.identical { throw ExitCode.failure }
    }
  }
}
