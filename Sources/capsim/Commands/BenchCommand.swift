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
      Times the reference scenario (or SCENARIO) on one thread and on --threads, beside a baseline measured \
      in the same process (raw xoshiro256** outputs per second), and checks that both runs give identical \
      results. Build with -c release for meaningful numbers: swift run -c release capsim bench.
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
      let clock = ContinuousClock()

      let baselineDraws = 200_000_000
      var generator = Xoshiro256StarStar(seed: 1)
      var sink: UInt64 = 0
      let baseline = clock.measure {
        for _ in 0..<baselineDraws { sink ^= generator.next() }
      }
      var single: SimulationOutcome?
      let singleTime = await clock.measure {
        single = await MonteCarloEngine(threadCount: 1).run(resolved)
      }
      var parallel: SimulationOutcome?
      let parallelTime = await clock.measure {
        parallel = await MonteCarloEngine(threadCount: parallelism).run(resolved)
      }

      let jobs = (single?.options ?? []).reduce(0.0) { total, option in
        total + (option.metric("jobs")?.estimate.value ?? 0) * Double(loaded.scenario.trials)
      }
      let ns = { (duration: Duration) in
        Double(duration.components.seconds) * 1e9 + Double(duration.components.attoseconds) / 1e9
      }
      let baselineNs = ns(baseline) / Double(baselineDraws)
      let singleNsPerJob = ns(singleTime) / jobs
      let parallelNsPerJob = ns(parallelTime) / jobs
      let lines = [
        "scenario: \(loaded.scenario.name), \(loaded.scenario.trials) trials, \(resolved.options.count) options, "
          + "\(NumberFormatting.fixed(jobs, decimals: 0)) simulated jobs",
        "baseline: xoshiro256** next(): \(NumberFormatting.fixed(baselineNs, decimals: 2)) ns per output"
          + " (checksum \(sink & 0xFF))",
        "1 thread:  \(NumberFormatting.fixed(ns(singleTime) / 1e9, decimals: 2)) s, "
          + "\(NumberFormatting.readable(1e3 / singleNsPerJob, significant: 3)) million jobs/s, "
          + "\(NumberFormatting.fixed(singleNsPerJob, decimals: 1)) ns per job = "
          + "\(NumberFormatting.fixed(singleNsPerJob / baselineNs, decimals: 0)) × baseline",
        "\(parallelism) threads: \(NumberFormatting.fixed(ns(parallelTime) / 1e9, decimals: 2)) s, "
          + "\(NumberFormatting.readable(1e3 / parallelNsPerJob, significant: 3)) million jobs/s, "
          + "speed-up ×\(NumberFormatting.fixed(ns(singleTime) / ns(parallelTime), decimals: 2))",
        "results identical across thread counts: \(single == parallel ? "yes" : "NO")",
      ]
      try OutputWriter.write(lines.joined(separator: "\n") + "\n", to: nil)
      if single != parallel { throw ExitCode.failure }
    }
  }
}
