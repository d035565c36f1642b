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
  /// Jobs of a hybrid option sent to its overflow option.
  var overflowJobs = 0
  /// Jobs run on the interim option while committed nodes were provisioned.
  var interimJobs = 0
  var lines = CostLines()
  /// Cost incurred in each month (jobs counted in the month they arrive; commitments month by month;
  /// set-up and migration in the first month; committed months past the horizon in the last). Sums to
  /// `lines.total` up to rounding.
  var monthlyCost: [Double] = []
}

/// The time one job took, by cause (hours), and how it ended.
struct JobParts: Sendable {
  var wall = 0.0
  var useful = 0.0
  var straggler = 0.0
  var contention = 0.0
  var lost = 0.0
  var checkpoint = 0.0
  var restart = 0.0
  var rerun = 0.0
  var reruns = 0
  var interruptions = 0
  var completed = true
}

/// Buffers reused from trial to trial (one set per chunk), so the hot loop does not allocate.
struct TrialScratch {
  var parts: [JobParts] = []
  var walls: [Double] = []
  var waits: [Double] = []
  var onOverflow: [Bool] = []
  /// For jobs sent elsewhere: the simulator of the option that ran them.
  var runners: [OptionSimulator?] = []
  var nodesNeeded: [Int] = []
  var queue: DedicatedClusterQueue?
}

/// The pay-per-use option a hybrid option sends jobs to when its committed nodes would make them wait too
/// long (a class, so that an option simulator can refer to another).
final class OverflowTarget: Sendable {
  let simulator: OptionSimulator
  let maximumWaitHours: Double

  init(simulator: OptionSimulator, maximumWaitHours: Double) {
    self.simulator = simulator
    self.maximumWaitHours = maximumWaitHours
  }
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
  /// For a hybrid option: where jobs go when the committed nodes would make them wait too long.
  let overflow: OverflowTarget?
  /// Where jobs run while the committed nodes are being provisioned, if they are.
  let interim: OverflowTarget?
  /// Months until the committed nodes exist (0 when there is no provisioning lead time).
  let leadTimeMonths: Int

  init(
    _ resolved: ResolvedOption, workload: Workload, horizonMonths: Int, nodes: Int,
    costs: HiddenCostSettings = HiddenCostSettings(), overflow: OverflowTarget? = nil,
    interim: OverflowTarget? = nil
  ) {
    self.overflow = overflow
    self.interim = interim
    leadTimeMonths = resolved.isCommitted ? (resolved.option.provisioning?.leadTimeMonths ?? 0) : 0
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
    // The minimum term runs from when the nodes exist, so a lead time pushes part of it past the horizon.
    let committedMonthsInHorizon =
      horizonMonths - (resolved.option.provisioning?.leadTimeMonths ?? 0)
    monthsBilledAfterHorizon =
      resolved.isCommitted
      ? Swift.max(0, resolved.price.minimumTermMonths - committedMonthsInHorizon) : 0
    self.costs = costs
    billing = resolved.option.billing
    migrationCost =
      resolved.option.migration.map {
        $0.engineerWeeks * 40 * costs.engineerHourlyRate + $0.otherCosts
      } ?? 0
    let stepCount = Double(self.stepCount)
    let hoursPerSecond = self.hoursPerSecond
    if let stragglers = resolved.mechanisms.stragglers {
      expectedComputeHours = stepCount * stragglers.maxMean * hoursPerSecond
      bookedHours =
        (stepCount * stragglers.maxMean + 1.644_853_626_951_472_7
          * (stepCount * stragglers.maxVariance).squareRoot())
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

  // MARK: - One trial

  /// Runs one trial given the jobs of each month and (for committed options) every job's arrival time.
  func simulate<G: RandomNumberGenerator>(
    jobsPerMonth: [Int], arrivalHours: [Double], using generator: inout G,
    scratch: inout TrialScratch,
    completions: inout LogHistogram, waits: inout LogHistogram
  ) -> TrialTotals {
    var totals = TrialTotals()
    let jobCount = jobsPerMonth.reduce(0, +)
    scratch.parts.removeAll(keepingCapacity: true)
    scratch.walls.removeAll(keepingCapacity: true)
    scratch.waits.removeAll(keepingCapacity: true)
    scratch.onOverflow.removeAll(keepingCapacity: true)
    simulateJobs(count: jobCount, using: &generator, into: &scratch.parts)
    for part in scratch.parts { scratch.walls.append(part.wall) }
    scratch.onOverflow.append(contentsOf: repeatElement(false, count: jobCount))
    scratch.runners.removeAll(keepingCapacity: true)
    if overflow != nil || interim != nil {
      scratch.runners.append(contentsOf: repeatElement(nil, count: jobCount))
    }
    let months = Double(jobsPerMonth.count)
    if isCommitted {
      queueOnCommittedNodes(
        arrivalHours: arrivalHours, horizonHours: months * PriceQuote.hoursPerMonth,
        scratch: &scratch,
        totals: &totals)
      if let queue = scratch.queue {
        let opening = Double(leadTimeMonths) * PriceQuote.hoursPerMonth
        for index in 0..<jobCount where index < queue.diverted.count && queue.diverted[index] {
          // Before the nodes exist a job runs on the interim option; afterwards, diverted jobs overflow.
          guard let target = arrivalHours[index] < opening ? interim : overflow else { continue }
          var replacement: [JobParts] = []
          target.simulator.simulateJobs(count: 1, using: &generator, into: &replacement)
          scratch.parts[index] = replacement[0]
          scratch.waits[index] =
            target.simulator.queueWait.map { $0.sample(using: &generator) / 3600 } ?? 0
          scratch.onOverflow[index] = true
          scratch.runners[index] = target.simulator
          if target === overflow { totals.overflowJobs += 1 } else { totals.interimJobs += 1 }
        }
      }
      let capacityGPUs = Double(nodes) * gpusPerNode
      let committedMonths = months - Double(leadTimeMonths)
      let billedMonths = committedMonths + Double(monthsBilledAfterHorizon)
      totals.lines.commitment =
        capacityGPUs * PriceQuote.hoursPerMonth * billedMonths * pricePerGPUHour
      totals.lines.setupFees = setupCost
      totals.idleCapacityCost =
        (1 - totals.utilisation) * capacityGPUs * PriceQuote.hoursPerMonth * committedMonths
        * pricePerGPUHour
    } else {
      for _ in 0..<jobCount {
        scratch.waits.append(queueWait.map { $0.sample(using: &generator) / 3600 } ?? 0)
      }
    }
    var monthly = [Double](repeating: 0, count: jobsPerMonth.count)
    var month = 0
    var monthEnd = jobsPerMonth.first ?? 0
    for index in 0..<jobCount {
      while index >= monthEnd && month + 1 < jobsPerMonth.count {
        month += 1
        monthEnd += jobsPerMonth[month]
      }
      // Account on `self` unless the job ran elsewhere: copying a simulator per job costs reference counting.
      let jobCost: Double
      if scratch.onOverflow[index], let runner = scratch.runners[index] {
        jobCost = runner.account(
          scratch.parts[index], wait: scratch.waits[index], billedPerUse: !runner.isCommitted,
          costs: costs,
          deadlineHours: deadlineHours, totals: &totals)
      } else {
        jobCost = account(
          scratch.parts[index], wait: scratch.waits[index], billedPerUse: !isCommitted,
          costs: costs,
          deadlineHours: deadlineHours, totals: &totals)
      }
      if !monthly.isEmpty { monthly[month] += jobCost }
      let completion = scratch.waits[index] + scratch.parts[index].wall
      try? completions.record(completion)  // finite by construction
      try? waits.record(scratch.waits[index])
    }
    totals.jobs = jobCount
    totals.lines.storageAndEgress =
      Double(jobCount) * (billing.storagePerJob + billing.egressPerJob)
    totals.lines.migration = migrationCost
    totals.cost = totals.lines.total
    if !monthly.isEmpty {
      for index in monthly.indices {
        monthly[index] +=
          Double(jobsPerMonth[index]) * (billing.storagePerJob + billing.egressPerJob)
      }
      if isCommitted {
        let perMonth = Double(nodes) * gpusPerNode * PriceQuote.hoursPerMonth * pricePerGPUHour
        for index in monthly.indices where index >= leadTimeMonths { monthly[index] += perMonth }
        monthly[monthly.count - 1] += perMonth * Double(monthsBilledAfterHorizon)
        monthly[0] += setupCost
      }
      monthly[0] += migrationCost
    }
    totals.monthlyCost = monthly
    return totals
  }

  /// Adds one job to the trial's totals and cost lines, and returns its cost (for the monthly series).
  /// Called on the option that ran the job (the overflow option for a diverted job), with the scenario's
  /// hidden-cost settings and deadline.
  func account(
    _ parts: JobParts, wait: Double, billedPerUse: Bool, costs: HiddenCostSettings,
    deadlineHours: Double,
    totals: inout TrialTotals
  ) -> Double {
    let wall = parts.wall
    let completion = wait + wall
    totals.gpuHours += wall * gpusPerJob
    totals.usefulHours += parts.useful
    totals.stragglerHours += parts.straggler
    totals.contentionHours += parts.contention
    totals.lostHours += parts.lost
    totals.checkpointHours += parts.checkpoint
    totals.restartHours += parts.restart
    totals.rerunHours += parts.rerun
    totals.reruns += parts.reruns
    totals.interruptions += parts.interruptions
    if !parts.completed { totals.failedJobs += 1 }
    totals.completionHours += completion
    totals.completionHoursSquared += completion * completion
    totals.waitHours += wait
    if wait > 0 { totals.jobsThatWaited += 1 }
    var jobCost = 0.0
    if completion <= deadlineHours && parts.completed {
      totals.deadlineMet += 1
    } else if deadlineHours.isFinite || !parts.completed {
      totals.missedDeadlines += 1
      var penalty = costs.penaltyPerMissedDeadline
      if deadlineHours.isFinite {
        let late = Swift.max(0, completion - deadlineHours)
        totals.hoursLate += late
        penalty += late * costs.penaltyPerHourLate
      }
      totals.lines.deadlinePenalties += penalty
      jobCost += penalty
    }
    if wall > costs.investigationThreshold * expectedComputeHours {
      totals.investigations += 1
      let investigation = costs.investigationHours * costs.engineerHourlyRate
      totals.lines.investigations += investigation
      jobCost += investigation
    }
    let waiting = wait * costs.engineersBlockedPerWaitingJob * costs.engineerHourlyRate
    totals.lines.waitingPeople += waiting
    jobCost += waiting
    if billedPerUse {
      let rate = gpusPerJob * pricePerGPUHour
      var booked = wall
      if costs.overProvisioning && bookedHours > wall {
        totals.lines.overProvisioning += (bookedHours - wall) * rate
        booked = bookedHours
      }
      let billed = billing.billedHours(booked)
      totals.lines.billingRounding += Swift.max(0, billed - booked) * rate
      totals.lines.computeUseful += parts.useful * rate
      totals.lines.computeSlowdown += (parts.straggler + parts.contention) * rate
      totals.lines.computeLostWork += parts.lost * rate
      totals.lines.computeCheckpoints += parts.checkpoint * rate
      totals.lines.computeRestarts += parts.restart * rate
      totals.lines.computeReruns += parts.rerun * rate
      jobCost += Swift.max(billed, booked) * rate
    }
    return jobCost
  }

  /// Draws `count` jobs' times through the option's mechanisms.
  func simulateJobs<G: RandomNumberGenerator>(
    count: Int, using generator: inout G, into parts: inout [JobParts]
  ) {
    // Bind the models once and lend them to the loop, so that it does no reference counting on their
    // stored arrays.
    let stragglers = mechanisms.stragglers
    let interruptions = mechanisms.interruptions
    let contention = mechanisms.contention
    duration.withDrawSource { source in
      for _ in 0..<count {
        parts.append(
          simulateJob(
            source: source, stragglers: stragglers, interruptions: interruptions,
            contention: contention,
            using: &generator))
      }
    }
  }

  /// One job: compute time, then interruptions with checkpoint/restart, then contention.
  @inline(__always)
  private func simulateJob<G: RandomNumberGenerator>(
    source: DrawSource, stragglers: borrowing StragglerModel?,
    interruptions: borrowing InterruptionModel?,
    contention: borrowing ContentionModel?, using generator: inout G
  ) -> JobParts {
    var parts = JobParts()
    let compute: Double
    let useful: Double
    if let stragglers = copy stragglers {
      compute = Swift.max(
        0, stragglers.sampleJobSeconds(steps: stepCount, using: &generator) * hoursPerSecond)
      useful = Swift.min(compute, stragglerFreeHours)
    } else {
      compute = steps * source.sample(using: &generator) * hoursPerSecond
      useful = compute
    }
    var wall = compute
    if let interruptions = copy interruptions {
      let outcome = interruptions.simulate(solveHours: compute, using: &generator)
      wall = outcome.wallHours
      parts.checkpoint = outcome.checkpointHours
      parts.lost = outcome.lostHours
      parts.restart = outcome.restartHours
      parts.rerun = outcome.rerunWasteHours
      parts.reruns = outcome.reruns
      parts.interruptions = outcome.interruptions
      parts.completed = outcome.completed
    }
    // A job that exhausted its reruns did no useful work: all its time is in the rerun line.
    if parts.completed {
      parts.useful = useful
      parts.straggler = compute - useful
    }
    if let contention = copy contention {
      let stretched = contention.wallHours(work: wall, using: &generator)
      wall = stretched.wall
      parts.contention = stretched.slowdownHours
    }
    parts.wall = wall
    return parts
  }

  /// First-come-first-served queue of the trial's jobs on the committed nodes. A job needing a node or more
  /// holds ⌈G / GPUs per node⌉ whole nodes; smaller jobs share nodes, ⌊GPUs per node / G⌋ to a node, so the
  /// queue's servers are then GPU slots and its utilisation is the share of slot-hours busy. A hybrid
  /// option diverts a job whose wait would exceed its limit.
  private func queueOnCommittedNodes(
    arrivalHours: [Double], horizonHours: Double, scratch: inout TrialScratch,
    totals: inout TrialTotals
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
        horizonEnd: horizonHours, maximumWait: overflow?.maximumWaitHours ?? .infinity,
        availableFrom: Double(leadTimeMonths) * PriceQuote.hoursPerMonth)
    else {
      // Unreachable: inputs are validated (node counts ≥ 1, finite non-negative times, sorted arrivals).
      scratch.waits.append(contentsOf: repeatElement(0, count: scratch.walls.count))
      return
    }
    scratch.waits.append(contentsOf: queue.waits)
    scratch.queue = queue
    // Share of the capacity that existed (from the end of the lead time) used by the horizon's jobs.
    totals.utilisation = summary.utilisation(
      existingFrom: Double(leadTimeMonths) * PriceQuote.hoursPerMonth)
  }
}
