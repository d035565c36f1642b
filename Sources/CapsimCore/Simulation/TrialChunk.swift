/// What every trial of a run simulates: the options' simulators and the workload — or, with a
/// ``TrialScenarioVariation``, those of each trial's own scenario.
struct TrialPlan: Sendable {
  let layout: RandomLayout
  let horizon: Int
  let workload: Workload
  let simulators: [OptionSimulator]
  /// (committed, pay-per-use) option index pairs whose crossover month is counted.
  let crossoverPairs: [(committed: Int, payPerUse: Int)]
  /// Per-trial scenarios, with the base scenario and the node count of each option.
  var variation: (any TrialScenarioVariation)?
  let base: ResolvedScenario
  let nodes: [Int]

  /// The simulators and workload of `trial`.
  func trialModels(_ trial: Int) -> (simulators: [OptionSimulator], workload: Workload) {
    guard let variation else { return (simulators, workload) }
    let scenario = variation.scenario(forTrial: trial, base: base).rebuildingMechanisms()
    let simulators = scenario.options.indices.map {
      MonteCarloEngine.simulator(
        for: scenario.options[$0], nodes: nodes[$0], in: scenario, reusing: self.simulators[$0])
    }
    return (simulators, scenario.scenario.workload)
  }
}

/// Simulates a contiguous range of trials and reduces them as they finish.
enum TrialChunk {
  /// Simulates `trials` for every option of `plan`. Month counts come first from the trial's arrival
  /// stream, then (only if some option queues on committed nodes) the arrival times, so adding a committed
  /// option never changes the job counts the other options see.
  static func simulate(trials: Range<Int>, plan: TrialPlan) -> ChunkAccumulator {
    let horizon = plan.horizon
    var chunk = ChunkAccumulator(
      options: Array(repeating: OptionAccumulator(months: horizon), count: plan.simulators.count),
      crossovers: plan.crossoverPairs.map {
        CrossoverAccumulator(committed: $0.committed, payPerUse: $0.payPerUse, months: horizon)
      })
    var completions = Array(repeating: LogHistogram(), count: plan.simulators.count)
    var waits = Array(repeating: LogHistogram(), count: plan.simulators.count)
    var monthlyJobs = [Int](repeating: 0, count: horizon)
    var arrivalHours: [Double] = []
    var scratch = TrialScratch()
    var series = [[Double]](repeating: [], count: plan.simulators.count)
    // Each month mean's Poisson table, built once per chunk (a trial-varying mean is drawn directly
    // once the chunk has seen more distinct means than a constant or growing workload has months).
    var poissonTables = PoissonCount.TableCache(limit: horizon)
    for trial in trials {
      let (simulators, workload) = plan.trialModels(trial)
      let trialKey = plan.layout.trialKey(trial)
      var arrivals = RandomLayout.stream(
        jobKey: RandomLayout.jobKey(trialKey: trialKey, job: -1), .arrivals)
      for month in 0..<horizon {
        switch workload.arrivals {
        case .poisson:
          monthlyJobs[month] = poissonTables.draw(
            mean: workload.meanJobs(inMonth: month), using: &arrivals)
        case .fixed: monthlyJobs[month] = Self.fixedCount(workload.meanJobs(inMonth: month))
        }
      }
      arrivalHours.removeAll(keepingCapacity: true)
      if simulators.contains(where: \.isCommitted) {
        for month in 0..<horizon {
          let start = Double(month) * PriceQuote.hoursPerMonth
          do {
            try PoissonArrivals.append(
              count: monthlyJobs[month], start: start, length: PriceQuote.hoursPerMonth,
              to: &arrivalHours, using: &arrivals)
          } catch {
            preconditionFailure(
              "arrivals of month \(month): count \(monthlyJobs[month]), start \(start): \(error)")
          }
        }
      }
      // Every option's job j draws from the streams of the same key (common random numbers).
      let jobCount = monthlyJobs.reduce(0, +)
      scratch.jobKeys.resize(to: jobCount, filling: 0)
      scratch.jobKeys.withUnsafeMutableBufferPointer {
        RandomLayout.jobKeys(trialKey: trialKey, into: $0)
      }
      for (index, simulator) in simulators.enumerated() {
        let totals = simulator.simulate(
          trialKey: trialKey, jobsPerMonth: monthlyJobs, arrivalHours: arrivalHours,
          scratch: &scratch, completions: &completions[index], waits: &waits[index])
        series[index] = totals.monthlyCost
        chunk.options[index].add(totals)
      }
      for index in chunk.crossovers.indices {
        let pair = chunk.crossovers[index]
        chunk.crossovers[index].add(
          committedSeries: series[pair.committed], payPerUseSeries: series[pair.payPerUse])
      }
    }
    for index in chunk.options.indices {
      chunk.options[index].completions = completions[index]
      chunk.options[index].waits = waits[index]
    }
    return chunk
  }

  /// A fixed month's job count: its mean rounded, within the scenario loader's bounds.
  static func fixedCount(_ mean: Double) -> Int {
    let rounded = mean.rounded()
    precondition(
      rounded >= 0 && rounded < 0x1p40, "a month's mean job count is \(mean), outside 0…2⁴⁰")
    return Int(rounded)
  }
}
