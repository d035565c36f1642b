import Testing
import _CapsimTestSupport

@testable import CapsimCore

/// The engine simulates a trial's jobs mechanism by mechanism (`OptionSimulator.simulateJobs`), with
/// fast paths for jobs that no interruption, fatal failure or contention episode touches. Every job's time
/// breakdown must equal, bit for bit, the model's pipeline written job by job (`referenceJob` below, the
/// engine's own code before the batch rework), and a job simulated alone (`simulateJob`, for a job diverted
/// to an overflow option) must get the same time as among a trial's jobs. The rates here are high so that
/// every rare path (interruptions with restarts, fatal failures and exhausted reruns, jobs starting
/// contended, several episodes) is taken by many jobs.
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
    // No checkpoints: an interruption restarts the job from the beginning (τ = ∞, one segment).
    var restarts = Fixtures.option("no-checkpoints", seconds: seconds, price: price)
    restarts.option.interruptions = InterruptionSettings(
      preemptionsPerGPUHour: 0.005, failuresPerGPUHour: 0.0005,
      checkpointInterval: .fixed(hours: .infinity), checkpointHours: 0, restartHours: 0.25,
      rerunProbability: 0.2, maximumReruns: 2)
    return [stragglersNormal, spot, distribution, quiet, restarts]
  }

  static func check(
    _ options: [ResolvedOption], workload: Workload, rarePaths: Bool,
    adjusting adjust: (inout ResolvedScenario) throws -> Void = { _ in }
  ) throws {
    var scenario = try Fixtures.resolved(trials: 10, workload: workload, options: options)
      .rebuildingMechanisms()
    try adjust(&scenario)
    let layout = RandomLayout(seed: 99)
    for option in scenario.options {
      let simulator = MonteCarloEngine.simulator(for: option, nodes: 1, in: scenario)
      for trial in 0..<5 {
        let trialKey = layout.trialKey(trial)
        let count = 400
        let keys = (0..<count).map { RandomLayout.jobKey(trialKey: trialKey, job: $0) }
        var times = [TimeBreakdown](repeating: TimeBreakdown(), count: count)
        keys.withUnsafeBufferPointer { keyBuffer in
          times.withUnsafeMutableBufferPointer { timeBuffer in
            JobScratch.withScratch(count: count) { scratch in
              simulator.withDurations { durations in
                simulator.simulateJobs(
                  keys: keyBuffer, times: timeBuffer, scratch: scratch, durations: durations)
              }
            }
          }
        }
        // The same jobs with the interruption clocks taken beforehand, as a trial takes them once for
        // every option: the same times to the bit.
        var shared = [TimeBreakdown](repeating: TimeBreakdown(), count: count)
        var clocks = [Double](repeating: 0, count: count)
        var outputs = [UInt64](repeating: 0, count: count)
        keys.withUnsafeBufferPointer { keyBuffer in
          clocks.withUnsafeMutableBufferPointer { clockBuffer in
            outputs.withUnsafeMutableBufferPointer {
              RandomLayout.standardExponentials(
                .interruptions, keys: keyBuffer, outputs: $0, into: clockBuffer)
            }
          }
          shared.withUnsafeMutableBufferPointer { timeBuffer in
            clocks.withUnsafeBufferPointer { clockBuffer in
              JobScratch.withScratch(count: count) { scratch in
                simulator.withDurations { durations in
                  simulator.simulateJobs(
                    keys: keyBuffer, times: timeBuffer, scratch: scratch, durations: durations,
                    interruptionClocks: simulator.hasInterruptions ? clockBuffer : nil)
                }
              }
            }
          }
        }
        #expect(shared == times, "option \(option.option.name), trial \(trial): shared clocks")
        var slowPaths = 0
        for job in 0..<count {
          let key = RandomLayout.jobKey(trialKey: trialKey, job: job)
          let alone = simulator.withDurations {
            simulator.referenceJob(jobKey: key, durations: $0)
          }
          #expect(times[job] == alone, "option \(option.option.name), trial \(trial), job \(job)")
          #expect(times[job].wall.bitPattern == alone.wall.bitPattern)
          let single = simulator.withDurations { simulator.simulateJob(jobKey: key, durations: $0) }
          #expect(single == alone)
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

  /// Scenarios always start contention at a stationary moment (a start uniform, then the first gap); a model
  /// built to start uncontended draws no start uniform, so its first gap is output 1 of the stream.
  @Test func uncontendedStartsToo() throws {
    let workload = Workload(
      jobsPerMonth: 30, arrivals: .poisson, gpusPerJob: 8, stepsPerJob: 36_000, deadlineHours: 24)
    try Self.check(Self.options(), workload: workload, rarePaths: true) { scenario in
      var replaced = 0
      for index in scenario.options.indices {
        guard let settings = scenario.options[index].option.contention else { continue }
        scenario.options[index].mechanisms.contention = try ContentionModel(
          episodesPerHour: settings.episodesPerHour,
          duration: .exponential(meanHours: settings.meanDurationHours),
          slowdown: settings.slowdown, initialState: .uncontended)
        #expect(scenario.options[index].mechanisms.contention?.startContendedProbability == 0)
        replaced += 1
      }
      #expect(replaced == 2)
    }
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

extension OptionSimulator {
  /// The model's per-job pipeline written job by job, as docs/model.md states it (the engine's code before
  /// it ran the steps over all of a trial's jobs): the reference the engine must equal bit for bit.
  func referenceJob(jobKey: UInt64, durations: UnsafeBufferPointer<Double>) -> TimeBreakdown {
    var time = TimeBreakdown()
    let compute: Double
    let stragglerFree: Double
    if let stragglerNormal {
      // Same draw as StragglerModel.sampleJobSeconds above its exact step limit.
      var stream = RandomLayout.stream(jobKey: jobKey, .stragglers)
      let seconds =
        stragglerNormal.mean + stragglerNormal.standardDeviation * stream.nextStandardNormal()
      compute = Swift.max(0, seconds) * hoursPerSecond
      stragglerFree = Swift.min(compute, stragglerFreeHours)
    } else if sumsStragglersExactly {
      compute = exactStragglerHours(jobKey: jobKey)
      stragglerFree = Swift.min(compute, stragglerFreeHours)
    } else {
      var stream = RandomLayout.stream(jobKey: jobKey, .duration)
      let seconds =
        durations.isEmpty
        ? duration.sample(using: &stream)
        : DurationDraws.inversion(durations, bits: stream.next())
      compute = steps * seconds * hoursPerSecond
      stragglerFree = compute
    }
    var wall = compute
    var completed = true
    if hasInterruptions {
      var clocks = RandomLayout.stream(jobKey: jobKey, .interruptions)
      var reruns = RandomLayout.stream(jobKey: jobKey, .reruns)
      let outcome = interruptions.simulate(
        solveHours: compute, interruptions: &clocks, reruns: &reruns)
      wall = outcome.wallHours
      time.checkpoint = outcome.checkpointHours
      time.lost = outcome.lostHours
      time.restart = outcome.restartHours
      time.rerun = outcome.rerunWasteHours
      time.reruns = outcome.reruns
      time.interruptions = outcome.interruptions
      completed = outcome.completed
    }
    // A job that exhausted its reruns did no useful work: all its time is in the rerun line.
    if completed {
      time.useful = stragglerFree
      time.straggler = compute - stragglerFree
    } else {
      time.failedJobs = 1
    }
    if let contention {
      var stream = RandomLayout.stream(jobKey: jobKey, .contention)
      let stretched = contention.wallHours(work: wall, using: &stream)
      wall = stretched.wall
      time.contention = stretched.slowdownHours
    } else if hasGeneralContention, let model = mechanisms.contention {
      var stream = RandomLayout.stream(jobKey: jobKey, .contention)
      let stretched = model.wallHours(work: wall, using: &stream)
      wall = stretched.wall
      time.contention = stretched.slowdownHours
    }
    time.wall = wall
    return time
  }
}
