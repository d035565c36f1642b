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
  @Option(help: "Concurrent tasks for the parallel run (default: the number of cores).")
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
      let parallelism = threads ?? ProcessInfo.processInfo.activeProcessorCount
      let m = await ThroughputBenchmark.measure(resolved, threads: parallelism)
      let perJob = { (seconds: Double) in seconds * 1e9 / m.jobs }
      let lines = [
        "scenario: \(loaded.scenario.name), \(loaded.scenario.trials) trials, \(resolved.options.count) options, "
          + "\(NumberFormatting.fixed(m.jobs, decimals: 0)) simulated jobs",
        "baseline: xoshiro256** next(): \(NumberFormatting.fixed(m.baselineNanosecondsPerOutput, decimals: 2)) ns "
          + "per output (checksum \(m.checksum & 0xFF))",
        "keyed draw (job key + stream + 1 output): CounterStream \(NumberFormatting.fixed(m.keyedCounterNanoseconds, decimals: 2)) ns, "
          + "xoshiro256** seeded per key \(NumberFormatting.fixed(m.keyedXoshiroNanoseconds, decimals: 2)) ns",
        "draw floor (only the draws the model needs, 1 thread): \(NumberFormatting.fixed(m.drawFloorSeconds, decimals: 2)) s, "
          + "\(NumberFormatting.fixed(perJob(m.drawFloorSeconds), decimals: 1)) ns per job",
        "1 thread:  \(NumberFormatting.fixed(m.singleThreadSeconds, decimals: 2)) s, "
          + "\(NumberFormatting.readable(m.jobs / m.singleThreadSeconds / 1e6, significant: 3)) million jobs/s, "
          + "\(NumberFormatting.fixed(perJob(m.singleThreadSeconds), decimals: 1)) ns per job = "
          + "\(NumberFormatting.fixed(m.singleThreadSeconds / m.drawFloorSeconds, decimals: 2)) × draw floor",
        "\(m.threads) threads: \(NumberFormatting.fixed(m.parallelSeconds, decimals: 2)) s, "
          + "\(NumberFormatting.readable(m.jobs / m.parallelSeconds / 1e6, significant: 3)) million jobs/s, "
          + "speed-up ×\(NumberFormatting.fixed(m.singleThreadSeconds / m.parallelSeconds, decimals: 2))",
        "results identical across thread counts: \(m.identical ? "yes" : "NO")",
      ]
      try OutputWriter.write(lines.joined(separator: "\n") + "\n", to: nil)
      if !m.identical { throw ExitCode.failure }
    }
  }
}
