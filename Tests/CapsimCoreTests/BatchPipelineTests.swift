import Testing
import _CapsimTestSupport

@testable import CapsimCore

/// The engine simulates a trial's jobs mechanism by mechanism (`OptionSimulator.simulateJobs`), with
/// fast paths for jobs that no interruption, fatal failure or contention episode touches; a job diverted
/// to another option is simulated alone (`simulateJob`). Both must give every job the same time breakdown,
/// bit for bit, or a diverted job would not be "the same job" on its overflow option. The rates here are
/// high so that every rare path (interruptions with restarts, fatal failures and exhausted reruns,
/// jobs starting contended, several episodes) is taken by many jobs.
@Suite("Batch pipeline equals the per-job pipeline")
struct BatchPipelineTests {
  static let seconds = (0..<80).map { 0.5 + 0.02 * Double($0) }

  static func interruptions(preemptions: Double, rerun: Double) -> InterruptionSettings {
    InterruptionSettings(
      preemptionsPerGPUHour: preemptions, failuresPerGPUHour: 0.0005, checkpointInterval: .daly,
      checkpointHours: 0.1, restartHours: 0.25, rerunProbability: rerun, maximumReruns: 2)
  }

  /// Options covering each duration source and mechanism combination.
  static func options() throws -> [ResolvedOption] {
    let price = Fixtures.price("od", perGPUHour: 3)
    var stragglersNormal = Fixtures.option("stragglers-normal", seconds: seconds, price: price)
    stragglersNormal.option.stragglers = true
    stragglersNormal.option.contention = ContentionSettings(
      episodesPerHour: 0.4, meanDurationHours: 2, slowdown: .uniform(low: 1.1, high: 1.5))
    stragglersNormal.option.interruptions = interruptions(preemptions: 0.01, rerun: 0.2)
    var spot = Fixtures.option("spot", seconds: seconds, price: price)
    spot.option.interruptions = interruptions(preemptions: 0.05, rerun: 0.4)
    spot.option.contention = ContentionSettings(
      episodesPerHour: 0.2, meanDurationHours: 1, slowdown: .fixed(1.3))
    var distribution = Fixtures.option(
      ScenarioOption(name: "distribution", samples: "unused", price: price.name),
      duration: .distribution(try LogNormalDistribution(mu: 0, sigma: 0.5)), price: price)
    distribution.option.interruptions = interruptions(preemptions: 0.05, rerun: 0.4)
    var quiet = Fixtures.option("quiet", seconds: seconds, price: price)
    quiet.option.interruptions = interruptions(preemptions: 0, rerun: 0)
    return [stragglersNormal, spot, distribution, quiet]
  }

  static func check(_ options: [ResolvedOption], workload: Workload, rarePaths: Bool) throws {
    let scenario = try Fixtures.resolved(trials: 10, workload: workload, options: options)
      .rebuildingMechanisms()
    let layout = RandomLayout(seed: 99)
    for option in scenario.options {
      let simulator = MonteCarloEngine.simulator(for: option, nodes: 1, in: scenario)
      for trial in 0..<5 {
        let trialKey = layout.trialKey(trial)
        let count = 400
        let keys = (0..<count).map { RandomLayout.jobKey(trialKey: trialKey, job: $0) }
        var times = [TimeBreakdown](repeating: TimeBreakdown(), count: count)
        var free = [Double](repeating: 0, count: count)
        var compute = [Double](repeating: 0, count: count)
        var pending = [Int](repeating: 0, count: count)
        keys.withUnsafeBufferPointer { keyBuffer in
          times.withUnsafeMutableBufferPointer { timeBuffer in
            free.withUnsafeMutableBufferPointer { freeBuffer in
              compute.withUnsafeMutableBufferPointer { computeBuffer in
                pending.withUnsafeMutableBufferPointer { pendingBuffer in
                  simulator.withDurations { durations in
                    simulator.simulateJobs(
                      keys: keyBuffer, times: timeBuffer,
                      stragglerFree: freeBuffer, computeHours: computeBuffer,
                      pending: pendingBuffer, durations: durations)
                  }
                }
              }
            }
          }
        }
        var slowPaths = 0
        for job in 0..<count {
          let alone = simulator.withDurations {
            simulator.simulateJob(
              jobKey: RandomLayout.jobKey(trialKey: trialKey, job: job), durations: $0)
          }
          #expect(times[job] == alone, "option \(option.option.name), trial \(trial), job \(job)")
          #expect(times[job].wall.bitPattern == alone.wall.bitPattern)
          if alone.interruptions > 0 || alone.reruns > 0 || alone.contention > 0 { slowPaths += 1 }
        }
        if rarePaths && option.option.name != "quiet" {
          #expect(slowPaths > 20, "option \(option.option.name) took too few rare paths")
        }
      }
    }
  }

  @Test func everyJobEqualsItsPerJobPipeline() throws {
    let workload = Workload(
      jobsPerMonth: 30, arrivals: .poisson, gpusPerJob: 8, stepsPerJob: 36_000, deadlineHours: 24)
    try Self.check(Self.options(), workload: workload, rarePaths: true)
  }

  @Test func exactStragglerSumsToo() throws {
    // Few steps: stragglers are summed step by step rather than by the normal approximation.
    let workload = Workload(
      jobsPerMonth: 30, arrivals: .poisson, gpusPerJob: 8, stepsPerJob: 40, deadlineHours: 24)
    var option = Fixtures.option(
      "exact", seconds: Self.seconds, price: Fixtures.price("od", perGPUHour: 3))
    option.option.stragglers = true
    option.option.durationScale = 2_000  // jobs of about a day, so that interruptions strike
    option.option.interruptions = Self.interruptions(preemptions: 0.05, rerun: 0.3)
    try Self.check([option], workload: workload, rarePaths: true)
  }
}
