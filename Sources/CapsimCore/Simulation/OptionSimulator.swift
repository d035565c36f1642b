/// Totals of one option over one simulated horizon (one trial).
struct TrialTotals: Sendable {
  var cost = 0.0
  var jobs = 0
  var gpuHours = 0.0
  /// Σ completion time (queue wait + wall time) and its square, hours.
  var completionHours = 0.0
  var completionHoursSquared = 0.0
  var deadlineMet = 0
  var utilisation = 0.0
  var waitHours = 0.0
  var jobsThatWaited = 0
  var usefulHours = 0.0
  var stragglerHours = 0.0
  var contentionHours = 0.0
  var lostHours = 0.0
  var checkpointHours = 0.0
  var restartHours = 0.0
  var rerunHours = 0.0
  var reruns = 0
  var failedJobs = 0
  var interruptions = 0
  var missedDeadlines = 0
  var hoursLate = 0.0
  var investigations = 0
  /// Committed GPU-hours left idle, priced (shown, not added: the commitment already pays for them).
  var idleCapacityCost = 0.0
  var lines = CostLines()
  /// Cost incurred in each month (jobs counted in the month they arrive; commitments month by month;
  /// set-up and migration in the first month; committed months past the horizon in the last). Sums to
  /// `lines.total` up to rounding.
  var monthlyCost: [Double] = []
}

/// Buffers reused from trial to trial (one set per chunk), so the hot loop does not allocate.
struct TrialScratch {
  var walls: [Double] = []
  var waits: [Double] = []
  var completed: [Bool] = []
  var nodesNeeded: [Int] = []
  var queue: DedicatedClusterQueue?
}

/// Simulates one option for one trial: draws every job's time through the option's mechanisms and bills it.
///
/// Per job (see `docs/model.md`): compute time from the duration source (one run-level draw × steps, or with
/// stragglers the sum over steps of the slowest of G workers); then interruptions with checkpoint/restart;
/// then contention episodes stretching the wall time; then a wait for capacity (drawn for pay-per-use options,
/// simulated first come first served on the committed nodes for dedicated ones). Pay-per-use options bill
/// GPUs × wall time; committed options bill their capacity every month, busy or idle.
struct OptionSimulator: Sendable {
  let name: String
  let purpose: UInt64
  let duration: ResolvedDuration
  let mechanisms: OptionMechanisms
  let queueWait: ResolvedDuration?
  let steps: Double
  let stepCount: Int
  /// Seconds → hours, with the option's duration scale.
  let hoursPerSecond: Double
  /// Mean compute hours of a job without stragglers (for the straggler overhead).
  let stragglerFreeHours: Double
  let gpusPerJob: Double
  let deadlineHours: Double
  let pricePerGPUHour: Double
  let isCommitted: Bool
  let nodes: Int
  let gpusPerNode: Double
  let nodesPerJob: Int
  /// Servers of the queue simulation: nodes, or GPU slots when jobs are smaller than a node.
  let queueServers: Int
  let setupCost: Double
  let monthsBilledAfterHorizon: Int
  let costs: HiddenCostSettings
  let billing: BillingSettings
  let migrationCost: Double
  /// Mean compute hours of a job on this option (the "expected" time for investigations).
  let expectedComputeHours: Double
  /// 95th percentile of a job's compute hours (what over-provisioning books).
  let bookedHours: Double

  init(
    _ resolved: ResolvedOption, workload: Workload, horizonMonths: Int, nodes: Int,
    costs: HiddenCostSettings = HiddenCostSettings()
  ) {
    name = resolved.option.name
    purpose = RandomStreams.purpose(forOption: resolved.option.name)
    duration = resolved.duration
    mechanisms = resolved.mechanisms
    queueWait = resolved.queueWait
    steps = workload.stepsPerJob
    stepCount = Swift.max(1, Int(workload.stepsPerJob.rounded()))
    hoursPerSecond = resolved.option.durationScale / 3600
    let workerMean = resolved.mechanisms.stragglers?.workerMean ?? 0
    stragglerFreeHours = Double(stepCount) * workerMean * resolved.option.durationScale / 3600
    gpusPerJob = Double(workload.gpusPerJob)
    deadlineHours = workload.deadlineHours ?? .infinity
    pricePerGPUHour = resolved.price.perGPUHour
    isCommitted = resolved.isCommitted
    self.nodes = nodes
    gpusPerNode = resolved.price.gpusPerUnit
    nodesPerJob = resolved.nodesPerJob(gpusPerJob: workload.gpusPerJob)
    queueServers = nodes * resolved.jobsPerNode(gpusPerJob: workload.gpusPerJob)
    setupCost = resolved.isCommitted ? Double(nodes) * resolved.price.setupFee : 0
    monthsBilledAfterHorizon =
      resolved.isCommitted ? Swift.max(0, resolved.price.minimumTermMonths - horizonMonths) : 0
    self.costs = costs
    billing = resolved.option.billing
    migrationCost =
      resolved.option.migration.map { $0.engineerWeeks * 40 * costs.engineerHourlyRate + $0.otherCosts } ?? 0
    let stepCount = Double(self.stepCount)
    let hoursPerSecond = self.hoursPerSecond
    if let stragglers = resolved.mechanisms.stragglers {
      expectedComputeHours = stepCount * stragglers.maxMean * hoursPerSecond
      bookedHours =
        (stepCount * stragglers.maxMean + 1.644_853_626_951_472_7 * (stepCount * stragglers.maxVariance).squareRoot())
        * hoursPerSecond
    } else {
      expectedComputeHours = workload.stepsPerJob * resolved.duration.mean * hoursPerSecond
      let p95: Double
      switch resolved.duration {
      case .empirical(let values): p95 = quantile(sorted: values.sorted(), 0.95)
      case .distribution(let distribution): p95 = distribution.quantile(0.95)
      }
      bookedHours = workload.stepsPerJob * p95 * hoursPerSecond
    }
  }

  /// Runs one trial given the jobs of each month and (for committed options) every job's arrival time.
  func simulate<G: RandomNumberGenerator>(
    jobsPerMonth: [Int], arrivalHours: [Double], using generator: inout G, scratch: inout TrialScratch,
    completions: inout LogHistogram, waits: inout LogHistogram
  ) -> TrialTotals {
    var totals = TrialTotals()
    let jobCount = jobsPerMonth.reduce(0, +)
    scratch.walls.removeAll(keepingCapacity: true)
    scratch.waits.removeAll(keepingCapacity: true)
    scratch.completed.removeAll(keepingCapacity: true)
    // Bind the models once per trial and lend them to the job loop, so that the loop does no reference
    // counting on their stored arrays.
    let stragglers = mechanisms.stragglers
    let interruptions = mechanisms.interruptions
    let contention = mechanisms.contention
    duration.withDrawSource { source in
      for _ in 0..<jobCount {
        let wall = simulateJob(
          source: source, stragglers: stragglers, interruptions: interruptions, contention: contention,
          using: &generator, totals: &totals, completed: &scratch.completed)
        scratch.walls.append(wall)
        totals.gpuHours += wall * gpusPerJob
      }
    }
    let months = Double(jobsPerMonth.count)
    let horizonHours = months * PriceQuote.hoursPerMonth
    if isCommitted {
      queueOnCommittedNodes(arrivalHours: arrivalHours, horizonHours: horizonHours, scratch: &scratch, totals: &totals)
      let capacityGPUs = Double(nodes) * gpusPerNode
      let billedMonths = months + Double(monthsBilledAfterHorizon)
      totals.lines.commitment = capacityGPUs * PriceQuote.hoursPerMonth * billedMonths * pricePerGPUHour
      totals.lines.setupFees = setupCost
      totals.idleCapacityCost =
        (1 - totals.utilisation) * capacityGPUs * PriceQuote.hoursPerMonth * months * pricePerGPUHour
    } else {
      for _ in 0..<jobCount {
        scratch.waits.append(queueWait.map { $0.sample(using: &generator) / 3600 } ?? 0)
      }
    }
    var roundingHours = 0.0
    var overProvisionedHours = 0.0
    let investigationLimit = costs.investigationThreshold * expectedComputeHours
    var monthly = [Double](repeating: 0, count: jobsPerMonth.count)
    var month = 0
    var monthEnd = jobsPerMonth.first ?? 0
    let rate = gpusPerJob * pricePerGPUHour
    let perJobFees = billing.storagePerJob + billing.egressPerJob
    for index in 0..<jobCount {
      while index >= monthEnd && month + 1 < jobsPerMonth.count {
        month += 1
        monthEnd += jobsPerMonth[month]
      }
      var jobCost = perJobFees
      let wait = scratch.waits[index]
      let wall = scratch.walls[index]
      let completion = wait + wall
      totals.completionHours += completion
      totals.completionHoursSquared += completion * completion
      totals.waitHours += wait
      if wait > 0 { totals.jobsThatWaited += 1 }
      if completion <= deadlineHours && scratch.completed[index] {
        totals.deadlineMet += 1
      } else if deadlineHours.isFinite || !scratch.completed[index] {
        totals.missedDeadlines += 1
        jobCost += costs.penaltyPerMissedDeadline
        if deadlineHours.isFinite {
          let late = Swift.max(0, completion - deadlineHours)
          totals.hoursLate += late
          jobCost += late * costs.penaltyPerHourLate
        }
      }
      if wall > investigationLimit {
        totals.investigations += 1
        jobCost += costs.investigationHours * costs.engineerHourlyRate
      }
      jobCost += wait * costs.engineersBlockedPerWaitingJob * costs.engineerHourlyRate
      if !isCommitted {
        var booked = wall
        if costs.overProvisioning && bookedHours > wall {
          overProvisionedHours += bookedHours - wall
          booked = bookedHours
        }
        let unit = billing.granularity.hours
        let billed = Swift.max(billing.minimumHours, (booked / unit).rounded(.up) * unit)
        roundingHours += Swift.max(0, billed - booked)
        jobCost += Swift.max(billed, booked) * rate
      }
      if !monthly.isEmpty { monthly[month] += jobCost }
      try? completions.record(completion)  // finite by construction
      try? waits.record(wait)
    }
    totals.jobs = jobCount
    addLines(to: &totals, roundingHours: roundingHours, overProvisionedHours: overProvisionedHours)
    if !monthly.isEmpty {
      if isCommitted {
        let perMonth = Double(nodes) * gpusPerNode * PriceQuote.hoursPerMonth * pricePerGPUHour
        for index in monthly.indices { monthly[index] += perMonth }
        monthly[monthly.count - 1] += perMonth * Double(monthsBilledAfterHorizon)
        monthly[0] += setupCost
      }
      monthly[0] += migrationCost
    }
    totals.monthlyCost = monthly
    return totals
  }

  /// Fills the trial's cost lines from its hours and counts; the total is their sum.
  private func addLines(to totals: inout TrialTotals, roundingHours: Double, overProvisionedHours: Double) {
    if !isCommitted {
      let rate = gpusPerJob * pricePerGPUHour
      totals.lines.computeUseful = totals.usefulHours * rate
      totals.lines.computeSlowdown = (totals.stragglerHours + totals.contentionHours) * rate
      totals.lines.computeLostWork = totals.lostHours * rate
      totals.lines.computeCheckpoints = totals.checkpointHours * rate
      totals.lines.computeRestarts = totals.restartHours * rate
      totals.lines.computeReruns = totals.rerunHours * rate
      totals.lines.billingRounding = roundingHours * rate
      totals.lines.overProvisioning = overProvisionedHours * rate
    }
    let jobs = Double(totals.jobs)
    totals.lines.storageAndEgress = jobs * (billing.storagePerJob + billing.egressPerJob)
    totals.lines.deadlinePenalties =
      Double(totals.missedDeadlines) * costs.penaltyPerMissedDeadline + totals.hoursLate * costs.penaltyPerHourLate
    totals.lines.investigations = Double(totals.investigations) * costs.investigationHours * costs.engineerHourlyRate
    totals.lines.waitingPeople = totals.waitHours * costs.engineersBlockedPerWaitingJob * costs.engineerHourlyRate
    totals.lines.migration = migrationCost
    totals.cost = totals.lines.total
  }

  /// One job's wall time (hours, without queue wait), adding its time decomposition to `totals`.
  @inline(__always)
  private func simulateJob<G: RandomNumberGenerator>(
    source: DrawSource, stragglers: borrowing StragglerModel?, interruptions: borrowing InterruptionModel?,
    contention: borrowing ContentionModel?, using generator: inout G, totals: inout TrialTotals,
    completed: inout [Bool]
  ) -> Double {
    let compute: Double
    let useful: Double
    if let stragglers = copy stragglers {
      compute = Swift.max(0, stragglers.sampleJobSeconds(steps: stepCount, using: &generator) * hoursPerSecond)
      useful = Swift.min(compute, stragglerFreeHours)
    } else {
      compute = steps * source.sample(using: &generator) * hoursPerSecond
      useful = compute
    }
    var wall = compute
    var finished = true
    if let interruptions = copy interruptions {
      let outcome = interruptions.simulate(solveHours: compute, using: &generator)
      wall = outcome.wallHours
      totals.checkpointHours += outcome.checkpointHours
      totals.lostHours += outcome.lostHours
      totals.restartHours += outcome.restartHours
      totals.rerunHours += outcome.rerunWasteHours
      totals.reruns += outcome.reruns
      totals.interruptions += outcome.interruptions
      if !outcome.completed {
        totals.failedJobs += 1
        finished = false
      }
    }
    // A job that exhausted its reruns did no useful work: all its time is in the rerun line.
    if finished {
      totals.usefulHours += useful
      totals.stragglerHours += compute - useful
    }
    if let contention = copy contention {
      let stretched = contention.wallHours(work: wall, using: &generator)
      wall = stretched.wall
      totals.contentionHours += stretched.slowdownHours
    }
    completed.append(finished)
    return wall
  }

  /// First-come-first-served queue of the trial's jobs on the committed nodes. A job needing a node or more
  /// holds ⌈G / GPUs per node⌉ whole nodes; smaller jobs share nodes, ⌊GPUs per node / G⌋ to a node, so the
  /// queue's servers are then GPU slots and its utilisation is the share of slot-hours busy.
  private func queueOnCommittedNodes(
    arrivalHours: [Double], horizonHours: Double, scratch: inout TrialScratch, totals: inout TrialTotals
  ) {
    if scratch.queue?.nodeCount != queueServers {
      scratch.queue = try? DedicatedClusterQueue(nodeCount: queueServers)
    }
    // The scratch space is shared by every option of a chunk: refill it with this option's value.
    scratch.nodesNeeded.removeAll(keepingCapacity: true)
    scratch.nodesNeeded.append(contentsOf: repeatElement(nodesPerJob, count: scratch.walls.count))
    // Move the queue out of the scratch space so that it is uniquely referenced and its buffers are reused.
    let reusable = scratch.queue
    scratch.queue = nil
    guard var queue = reusable,
      let summary = try? queue.simulate(
        arrivals: arrivalHours, serviceTimes: scratch.walls, nodesNeeded: scratch.nodesNeeded,
        horizonEnd: horizonHours)
    else {
      // Unreachable: inputs are validated (node counts ≥ 1, finite non-negative times, sorted arrivals).
      scratch.waits.append(contentsOf: repeatElement(0, count: scratch.walls.count))
      return
    }
    scratch.waits.append(contentsOf: queue.waits)
    scratch.queue = queue
    totals.utilisation = summary.utilisation
  }
}
