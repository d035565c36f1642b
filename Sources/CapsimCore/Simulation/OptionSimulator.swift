/// Totals of one option over one simulated horizon (one trial).
struct TrialTotals: Sendable {
  var cost = 0.0
  var jobs = 0
  var gpuHours = 0.0
  var jobHours = 0.0
  var jobHoursSquared = 0.0
  var deadlineMet = 0
  var monthsOverCapacity = 0
  var utilisation = 0.0
}

/// Simulates one option for one trial: draws every job's duration and bills it.
///
/// Model (documented in `docs/model.md`): a job's wall time is `stepsPerJob × durationScale × x / 3600`
/// hours, where x is one bootstrap draw from the option's sample set (the run's speed applies to the whole
/// run). Pay-per-use options are billed GPU-hours used × price per GPU-hour. Committed options are billed
/// nodes × GPUs per node × price per GPU-hour × 730 h every month, busy or idle, plus the set-up fee,
/// and for at least the price's minimum term even when the horizon is shorter.
struct OptionSimulator: Sendable {
  let name: String
  let purpose: UInt64
  /// Job wall time in hours for each sample, already scaled.
  let hoursPerSample: [Double]
  let gpusPerJob: Double
  let deadlineHours: Double?
  let pricePerGPUHour: Double
  let committedGPUs: Double?
  let setupCost: Double
  /// Committed months billed after the horizon ends because the minimum term is longer.
  let monthsBilledAfterHorizon: Int

  init(_ resolved: ResolvedOption, workload: Workload, horizonMonths: Int) {
    name = resolved.option.name
    purpose = RandomStreams.purpose(forOption: resolved.option.name)
    let factor = workload.stepsPerJob * resolved.option.durationScale / 3600
    hoursPerSample = resolved.samples.seconds.map { $0 * factor }
    gpusPerJob = Double(workload.gpusPerJob)
    deadlineHours = workload.deadlineHours
    pricePerGPUHour = resolved.price.perGPUHour
    committedGPUs = resolved.committedGPUs
    setupCost =
      resolved.isCommitted ? Double(resolved.option.nodes ?? 0) * resolved.price.setupFee : 0
    monthsBilledAfterHorizon =
      resolved.isCommitted ? Swift.max(0, resolved.price.minimumTermMonths - horizonMonths) : 0
  }

  /// Runs one trial given the number of jobs arriving in each month.
  func simulate<G: RandomNumberGenerator>(
    jobsPerMonth: [Int], using generator: inout G, recordingDurationsInto durations: inout LogHistogram
  ) -> TrialTotals {
    var totals = TrialTotals()
    let sampleCount = hoursPerSample.count
    let deadline = deadlineHours ?? .infinity
    var busyGPUHours = 0.0
    for jobs in jobsPerMonth {
      var monthGPUHours = 0.0
      for _ in 0..<jobs {
        let hours = hoursPerSample[generator.nextIndex(below: sampleCount)]
        try? durations.record(hours)  // finite by construction: samples are validated finite
        totals.jobHours += hours
        totals.jobHoursSquared += hours * hours
        monthGPUHours += hours * gpusPerJob
        if hours <= deadline { totals.deadlineMet += 1 }
      }
      totals.jobs += jobs
      totals.gpuHours += monthGPUHours
      if let capacity = committedGPUs.map({ $0 * PriceQuote.hoursPerMonth }) {
        if monthGPUHours > capacity { totals.monthsOverCapacity += 1 }
        busyGPUHours += Swift.min(monthGPUHours, capacity)
      }
    }
    let months = Double(jobsPerMonth.count)
    if let gpus = committedGPUs {
      let capacity = gpus * PriceQuote.hoursPerMonth * months
      let billedMonths = months + Double(monthsBilledAfterHorizon)
      totals.cost = gpus * PriceQuote.hoursPerMonth * billedMonths * pricePerGPUHour + setupCost
      totals.utilisation = capacity > 0 ? busyGPUHours / capacity : 0
    } else {
      totals.cost = totals.gpuHours * pricePerGPUHour
    }
    return totals
  }
}
