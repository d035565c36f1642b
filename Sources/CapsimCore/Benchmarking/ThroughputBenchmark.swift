/// Times the engine on a scenario beside two baselines run in the same process: raw xoshiro256** outputs,
/// and the *draw floor* — a loop over the same trials and jobs that makes only the random draws the model
/// needs (arrivals, and per job one key and each mechanism's first draws) and nothing else.
///
/// `capsim bench` wires this to the terminal; ratios from one run are what to compare, since absolute
/// times vary with the machine's load.
public enum ThroughputBenchmark {
  /// What one benchmark run measured.
  public struct Measurement: Sendable {
    /// Jobs simulated per run (all options, all trials).
    public var jobs: Double
    /// Nanoseconds per raw xoshiro256** output.
    public var baselineNanosecondsPerOutput: Double
    /// Seconds of the draw floor on one thread (the median over the rounds).
    public var drawFloorSeconds: Double
    /// Seconds of the simulation on one thread (the median over the rounds).
    public var singleThreadSeconds: Double
    /// Seconds of the simulation on `threads` threads (the median over the rounds).
    public var parallelSeconds: Double
    /// Rounds measured, each timing the draw floor, one thread and `threads` threads in turn.
    public var rounds = 1
    /// Each round's ratio of the one-thread time to the draw floor's, in round order.
    public var floorRatios: [Double] = []
    /// Each round's speed-up (one-thread time over the parallel time), in round order.
    public var speedUps: [Double] = []
    /// Threads of the parallel run.
    public var threads: Int
    /// Whether every run, on one thread and on `threads` in every round, gave the same outcome bit for bit
    /// (``BitwiseFingerprint``: a NaN equals the same NaN).
    public var identical: Bool
    /// Nanoseconds per keyed draw: a job key, a ``CounterStream`` for one mechanism, one output.
    public var keyedCounterNanoseconds: Double
    /// Nanoseconds per keyed draw with xoshiro256** seeded from the same key instead (4 SplitMix64 outputs).
    public var keyedXoshiroNanoseconds: Double
    /// Checksum of the baselines' outputs (printed so they cannot be optimised away).
    public var checksum: UInt64

    /// A measurement with the given figures.
    public init(
      jobs: Double, baselineNanosecondsPerOutput: Double, drawFloorSeconds: Double,
      singleThreadSeconds: Double, parallelSeconds: Double, threads: Int, identical: Bool,
      keyedCounterNanoseconds: Double, keyedXoshiroNanoseconds: Double, checksum: UInt64
    ) {
      self.jobs = jobs
      self.baselineNanosecondsPerOutput = baselineNanosecondsPerOutput
      self.drawFloorSeconds = drawFloorSeconds
      self.singleThreadSeconds = singleThreadSeconds
      self.parallelSeconds = parallelSeconds
      self.threads = threads
      self.identical = identical
      self.keyedCounterNanoseconds = keyedCounterNanoseconds
      self.keyedXoshiroNanoseconds = keyedXoshiroNanoseconds
      self.checksum = checksum
    }
  }

  /// Runs the benchmark on `scenario` with `threads` threads for the parallel run, in `rounds` rounds.
  ///
  /// Each round times the draw floor, the engine on one thread and on `threads` threads, one after the
  /// other, and the figures are the medians over the rounds: on a shared machine whose speed drifts, the
  /// three timings of a round are taken close together, and one slow round does not decide the result.
  public static func measure(_ scenario: ResolvedScenario, threads: Int, rounds: Int = 3) async
    -> Measurement
  {
    let clock = ContinuousClock()
    let baselineDraws = 100_000_000
    var generator = Xoshiro256StarStar(seed: 1)
    var sink: UInt64 = 0
    let baseline = clock.measure {
      for _ in 0..<baselineDraws { sink ^= generator.next() }
    }
    let keyedDraws = 50_000_000
    let trialKey = RandomLayout(seed: 1).trialKey(0)
    let keyedCounter = clock.measure {
      for job in 0..<keyedDraws {
        var stream = RandomLayout.stream(
          jobKey: RandomLayout.jobKey(trialKey: trialKey, job: job), .interruptions)
        sink ^= stream.next()
      }
    }
    let keyedXoshiro = clock.measure {
      for job in 0..<keyedDraws {
        var stream = Xoshiro256StarStar(seed: RandomLayout.jobKey(trialKey: trialKey, job: job))
        sink ^= stream.next()
      }
    }
    var floorSink = 0.0
    var floors: [Double] = []
    var singles: [Double] = []
    var parallels: [Double] = []
    var first: SimulationOutcome?
    var identical = true
    for _ in 0..<Swift.max(1, rounds) {
      floors.append(seconds(clock.measure { floorSink = drawFloor(scenario) }))
      var single: SimulationOutcome?
      singles.append(
        seconds(
          await clock.measure {
            single = await MonteCarloEngine(threadCount: 1).run(scenario)
          }))
      var parallel: SimulationOutcome?
      parallels.append(
        seconds(
          await clock.measure {
            parallel = await MonteCarloEngine(threadCount: threads).run(scenario)
          }))
      if first == nil { first = single }
      identical =
        identical && BitwiseFingerprint.same(first, single)
        && BitwiseFingerprint.same(first, parallel)
    }
    let jobs = (first?.options ?? []).reduce(0.0) { total, option in
      total + (option.metric("jobs")?.estimate.value ?? 0) * Double(first?.trials ?? 0)
    }
    var measurement = Measurement(
      jobs: jobs, baselineNanosecondsPerOutput: seconds(baseline) * 1e9 / Double(baselineDraws),
      drawFloorSeconds: median(floors), singleThreadSeconds: median(singles),
      parallelSeconds: median(parallels), threads: threads, identical: identical,
      keyedCounterNanoseconds: seconds(keyedCounter) * 1e9 / Double(keyedDraws),
      keyedXoshiroNanoseconds: seconds(keyedXoshiro) * 1e9 / Double(keyedDraws),
      checksum: sink ^ floorSink.bitPattern)
    measurement.rounds = floors.count
    measurement.floorRatios = zip(singles, floors).map { $0 / $1 }
    measurement.speedUps = zip(singles, parallels).map { $0 / $1 }
    return measurement
  }

  /// The median of `values` (the mean of the middle two for an even count; 0 for none).
  static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }

  static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
  }

  /// The draws the model needs and nothing else, over the same trials, jobs and keys as the engine: per
  /// trial the monthly counts (from each mean's Poisson table, as the engine draws them) and, when an option
  /// is committed, the arrival times' N + 1 exponential spacings per month, and every job's key; per job
  /// of each option one uniform or normal for compute time, one exponential (and a uniform with reruns) for
  /// interruptions, a uniform and an exponential for contention, and a uniform for a drawn queue wait.
  /// The keys and each mechanism's first outputs are taken for all the trial's jobs in vectorised loops
  /// (``RandomLayout/outputs(_:draw:keys:into:)``), as the engine takes them. Returns a checksum of the
  /// draws.
  static func drawFloor(_ resolved: ResolvedScenario) -> Double {
    let scenario = resolved.rebuildingMechanisms()
    let layout = RandomLayout(seed: scenario.scenario.seed)
    let workload = scenario.scenario.workload
    let horizon = scenario.scenario.horizonMonths
    let committed = scenario.options.contains(where: \.isCommitted)
    var sum = 0.0
    var keys: [UInt64] = []
    var first: [UInt64] = []
    var second: [UInt64] = []
    var poissonTables = PoissonCount.TableCache(limit: horizon)
    for trial in 0..<scenario.scenario.trials {
      let trialKey = layout.trialKey(trial)
      var arrivals = RandomLayout.stream(
        jobKey: RandomLayout.jobKey(trialKey: trialKey, job: -1), .arrivals)
      var jobs = 0
      for month in 0..<horizon {
        let count = poissonTables.draw(mean: workload.meanJobs(inMonth: month), using: &arrivals)
        jobs += count
        if committed && count > 0 {
          for _ in 0...count { sum += arrivals.nextStandardExponential() }
        }
      }
      // Job keys once per trial, as the engine derives them for every option, and each mechanism's first
      // outputs in one vectorised loop per mechanism, as the engine takes them.
      keys.resize(to: jobs, filling: 0)
      first.resize(to: jobs, filling: 0)
      second.resize(to: jobs, filling: 0)
      keys.withUnsafeMutableBufferPointer { RandomLayout.jobKeys(trialKey: trialKey, into: $0) }
      for option in scenario.options {
        let mechanisms = option.mechanisms
        let reruns = (mechanisms.interruptions?.fatalFailureProbability ?? 0) > 0
        keys.withUnsafeBufferPointer { keys in
          first.withUnsafeMutableBufferPointer { first in
            second.withUnsafeMutableBufferPointer { second in
              func outputs(_ mechanism: RandomLayout.Mechanism, draw: UInt64 = 1) {
                RandomLayout.outputs(mechanism, draw: draw, keys: keys, into: first)
              }
              if mechanisms.stragglers != nil {
                outputs(.stragglers)
                for job in keys.indices {
                  var stream = RandomLayout.stream(jobKey: keys[job], .stragglers, after: 1)
                  sum += stream.nextStandardNormal(first: first[job])
                }
              } else {
                outputs(.duration)
                for job in keys.indices { sum += unitDouble(first[job]) }
              }
              if mechanisms.interruptions != nil {
                outputs(.interruptions)
                for job in keys.indices {
                  var stream = RandomLayout.stream(jobKey: keys[job], .interruptions, after: 1)
                  sum += stream.nextStandardExponential(first: first[job])
                }
              }
              if reruns {
                outputs(.reruns)
                for job in keys.indices { sum += unitDouble(first[job]) }
              }
              if mechanisms.contention != nil {
                outputs(.contention)
                RandomLayout.outputs(.contention, draw: 2, keys: keys, into: second)
                for job in keys.indices {
                  var stream = RandomLayout.stream(jobKey: keys[job], .contention, after: 2)
                  sum += unitDouble(first[job]) + stream.nextStandardExponential(first: second[job])
                }
              }
              if option.queueWait != nil {
                outputs(.queueWait)
                for job in keys.indices { sum += unitDouble(first[job]) }
              }
            }
          }
        }
      }
    }
    return sum
  }
}
