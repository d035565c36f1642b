/// Runs a resolved scenario's trials in parallel and summarises them.
///
/// Reproducibility: trial *t* draws its arrivals from `RandomStreams(seed).stream(trial: t, purpose: 0)`
/// and each option's durations from the stream keyed by the option's name, so every trial's numbers are
/// fixed by (seed, t) alone. Trials run in chunks of ``chunkSize`` on up to `threadCount` tasks; per-trial
/// results are stored by trial index and reduced in index order, so the outcome is byte-identical for any
/// thread count.
public struct MonteCarloEngine: Sendable {
  /// Trials per unit of parallel work.
  public static let chunkSize = 128

  /// How many trial chunks run at once (≥ 1).
  public var threadCount: Int

  /// Creates an engine that uses up to `threadCount` concurrent tasks.
  public init(threadCount: Int) {
    self.threadCount = Swift.max(1, threadCount)
  }

  /// Simulates `scenario` with its own trials and seed.
  public func run(_ scenario: ResolvedScenario) async -> SimulationOutcome {
    let workload = scenario.scenario.workload
    let horizon = scenario.scenario.horizonMonths
    let trials = scenario.scenario.trials
    let streams = RandomStreams(seed: scenario.scenario.seed)
    let simulators = scenario.options.map {
      OptionSimulator($0, workload: workload, horizonMonths: horizon)
    }
    let chunkCount = (trials + Self.chunkSize - 1) / Self.chunkSize

    let chunks = await withTaskGroup(of: (Int, TrialChunk).self) { group in
      var results = [TrialChunk?](repeating: nil, count: chunkCount)
      var next = 0
      func addChunk(_ index: Int) {
        group.addTask {
          let range = (index * Self.chunkSize)..<Swift.min(trials, (index + 1) * Self.chunkSize)
          return (
            index,
            TrialChunk.simulate(
              trials: range, horizon: horizon, workload: workload, streams: streams,
              simulators: simulators)
          )
        }
      }
      while next < Swift.min(threadCount, chunkCount) {
        addChunk(next)
        next += 1
      }
      for await (index, chunk) in group {
        results[index] = chunk
        if next < chunkCount {
          addChunk(next)
          next += 1
        }
      }
      return results.map { $0! }
    }

    let outcomes = scenario.options.enumerated().map { index, option in
      OutcomeSummariser(
        option: option, scenario: scenario.scenario, chunks: chunks, optionIndex: index
      ).outcome()
    }
    return SimulationOutcome(
      scenario: scenario.scenario.name, trials: trials, seed: scenario.scenario.seed,
      horizonMonths: horizon,
      confidenceLevel: 0.95, currency: scenario.currency, options: outcomes)
  }
}

/// The results of a contiguous range of trials.
struct TrialChunk: Sendable {
  /// `totals[option][i]` for trial `range.lowerBound + i`.
  var totals: [[TrialTotals]]
  /// Every simulated job time of each option (hours), pooled in a mergeable log-scale histogram.
  var durations: [LogHistogram]

  static func simulate(
    trials: Range<Int>, horizon: Int, workload: Workload, streams: RandomStreams,
    simulators: [OptionSimulator]
  ) -> TrialChunk {
    var chunk = TrialChunk(
      totals: Array(repeating: [], count: simulators.count),
      durations: Array(repeating: LogHistogram(), count: simulators.count))
    var monthlyJobs = [Int](repeating: 0, count: horizon)
    for trial in trials {
      var arrivals = streams.stream(trial: trial, purpose: RandomStreams.workloadPurpose)
      for month in 0..<horizon {
        switch workload.arrivals {
        case .poisson:
          monthlyJobs[month] = PoissonCount.draw(mean: workload.jobsPerMonth, using: &arrivals)
        case .fixed: monthlyJobs[month] = Int(workload.jobsPerMonth.rounded())
        }
      }
      for (index, simulator) in simulators.enumerated() {
        var generator = streams.stream(trial: trial, purpose: simulator.purpose)
        chunk.totals[index].append(
          simulator.simulate(
            jobsPerMonth: monthlyJobs, using: &generator,
            recordingDurationsInto: &chunk.durations[index]))
      }
    }
    return chunk
  }
}
