import CapsimCore

/// The text `capsim bench` prints: the scenario timed, the two baselines, the engine on one thread and on
/// several, and whether both runs gave identical results.
///
/// Times per job divide by every simulated job (all options, all trials), so the engine's line and the
/// draw floor's are comparable; the ratio between them is what to read, since absolute times vary with the
/// machine's load. A scenario without jobs says "no jobs simulated" there instead.
public enum BenchReport {
  /// The report's lines, each ending in a newline. `uncertainInputs` is how many inputs the scenario writes
  /// as distributions: the benchmark holds them at their medians, and says so.
  public static func text(
    _ m: ThroughputBenchmark.Measurement, scenario: String, trials: Int, options: Int,
    uncertainInputs: Int = 0
  ) -> String {
    func seconds(_ value: Double) -> String { NumberFormatting.fixed(value, decimals: 2) + " s" }
    // Without jobs (a workload of zero) per-job times and rates have nothing to divide by.
    let hasJobs = m.jobs > 0
    func perJob(_ seconds: Double) -> String {
      NumberFormatting.fixed(seconds * 1e9 / m.jobs, decimals: 1) + " ns per job"
    }
    func rate(_ seconds: Double) -> String {
      NumberFormatting.readable(m.jobs / seconds / 1e6, significant: 3) + " million jobs/s"
    }
    let noJobs = "no jobs simulated"
    // Each round's figure after the median, when there are several rounds.
    func perRound(_ values: [Double], prefix: String = "") -> String {
      guard m.rounds > 1, values.count == m.rounds else { return "" }
      return " (rounds: "
        + values.map { prefix + NumberFormatting.fixed($0, decimals: 2) }.joined(separator: ", ")
        + ")"
    }
    var lines = [
      "scenario: \(scenario), \(NumberFormatting.count(trials, "trial")), \(NumberFormatting.count(options, "option")), "
        + "\(NumberFormatting.fixed(m.jobs, decimals: 0)) simulated jobs",
      "baseline: xoshiro256** next(): \(NumberFormatting.fixed(m.baselineNanosecondsPerOutput, decimals: 2)) ns "
        + "per output (checksum \(m.checksum & 0xFF))",
      "keyed draw (job key + stream + 1 output): CounterStream "
        + "\(NumberFormatting.fixed(m.keyedCounterNanoseconds, decimals: 2)) ns, xoshiro256** seeded per key "
        + "\(NumberFormatting.fixed(m.keyedXoshiroNanoseconds, decimals: 2)) ns",
      "draw floor (only the draws the model needs, 1 thread): \(seconds(m.drawFloorSeconds)), "
        + (hasJobs ? perJob(m.drawFloorSeconds) : noJobs),
      "1 thread:  \(seconds(m.singleThreadSeconds)), "
        + (hasJobs
          ? "\(rate(m.singleThreadSeconds)), \(perJob(m.singleThreadSeconds)) = "
            + "\(NumberFormatting.fixed(m.singleThreadSeconds / m.drawFloorSeconds, decimals: 2)) × draw floor"
            + perRound(m.floorRatios)
          : noJobs),
      "\(NumberFormatting.count(m.threads, "thread")): \(seconds(m.parallelSeconds)), "
        + (hasJobs ? "\(rate(m.parallelSeconds)), " : "")
        + "speed-up ×\(NumberFormatting.fixed(m.singleThreadSeconds / m.parallelSeconds, decimals: 2))"
        + perRound(m.speedUps, prefix: "×"),
      "results identical across thread counts\(m.rounds > 1 ? " and rounds" : ""): "
        + (m.identical ? "yes" : "NO"),
    ]
    if uncertainInputs > 0 {
      let held = uncertainInputs == 1 ? "held at its median" : "held at their medians"
      lines.insert(
        "uncertain inputs: \(uncertainInputs) \(held) (capsim run draws them per trial)", at: 1)
    }
    if m.rounds > 1 {
      // Before the draw floor's line: what the times below are.
      let floorLine = lines.firstIndex { $0.hasPrefix("draw floor") } ?? lines.count
      lines.insert(
        "times are medians of \(m.rounds) rounds, each timing the draw floor, 1 thread and "
          + "\(NumberFormatting.count(m.threads, "thread")) in turn",
        at: floorLine)
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
