/// The results of a contiguous range of trials, for every option.
struct TrialChunk: Sendable {
  /// `totals[option][i]` for trial `range.lowerBound + i`.
  var totals: [[TrialTotals]]
  /// Every simulated job's completion time (queue wait + wall time, hours), per option.
  var completions: [LogHistogram]
  /// Every simulated job's wait for capacity (hours), per option.
  var waits: [LogHistogram]

  /// Simulates `trials` for every simulator. Month counts come first from the workload stream, then
  /// (only if some option queues on committed nodes) the arrival times, so adding a committed option
  /// never changes the job counts the other options see.
  static func simulate(
    trials: Range<Int>, horizon: Int, workload: Workload, streams: RandomStreams,
    simulators: [OptionSimulator],
    trialModels: (@Sendable (Int) -> (Workload, [OptionSimulator]))? = nil
  ) -> TrialChunk {
    var chunk = TrialChunk(
      totals: Array(repeating: [], count: simulators.count),
      completions: Array(repeating: LogHistogram(), count: simulators.count),
      waits: Array(repeating: LogHistogram(), count: simulators.count))
    let needsArrivalTimes = simulators.contains { $0.isCommitted }
    var monthlyJobs = [Int](repeating: 0, count: horizon)
    var arrivalHours: [Double] = []
    var scratch = TrialScratch()
    for trial in trials {
      let (workload, simulators) = trialModels?(trial) ?? (workload, simulators)
      var arrivals = streams.stream(trial: trial, purpose: RandomStreams.workloadPurpose)
      for month in 0..<horizon {
        switch workload.arrivals {
        case .poisson:
          monthlyJobs[month] = PoissonCount.draw(
            mean: workload.meanJobs(inMonth: month), using: &arrivals)
        case .fixed: monthlyJobs[month] = Int(workload.meanJobs(inMonth: month).rounded())
        }
      }
      arrivalHours.removeAll(keepingCapacity: true)
      if needsArrivalTimes {
        for month in 0..<horizon {
          let start = Double(month) * PriceQuote.hoursPerMonth
          // Arguments are valid by construction (count ≥ 0, finite start, positive length).
          try? PoissonArrivals.append(
            count: monthlyJobs[month], start: start, length: PriceQuote.hoursPerMonth,
            to: &arrivalHours,
            using: &arrivals)
        }
      }
      for (index, simulator) in simulators.enumerated() {
        var generator = streams.stream(trial: trial, purpose: simulator.purpose)
        let totals = simulator.simulate(
          jobsPerMonth: monthlyJobs, arrivalHours: arrivalHours, using: &generator,
          scratch: &scratch,
          completions: &chunk.completions[index], waits: &chunk.waits[index])
        chunk.totals[index].append(totals)
      }
    }
    return chunk
  }
}
