// MARK: - Accounting a trial's jobs

/// `Swift.max` lane by lane: each lane of `y` where it is ≥ that of `x`, else `x`'s. (The standard
/// library's `pointwiseMax` is not inlined into the accounting loops.)
@inline(__always)
private func maximum(_ x: SIMD4<Double>, _ y: SIMD4<Double>) -> SIMD4<Double> {
  x.replacing(with: y, where: y .>= x)
}

extension OptionSimulator {
  /// What accounting a job needs from the option that ran it, fixed for the run.
  struct AccountingTerms {
    let gpusPerJob: Double
    /// Wall hours above which a job is investigated: threshold × the option's expected compute hours.
    let investigationLimit: Double
    /// Whether the job is billed for its time (pay-per-use), rather than paid by a commitment.
    let billedPerUse: Bool
    /// Price of one job-hour: GPUs × price per GPU-hour.
    let rate: Double
    /// Hours booked per job when over-provisioning.
    let bookedHours: Double
    let billing: BillingSettings

    init(_ runner: OptionSimulator, costs: HiddenCostSettings) {
      gpusPerJob = runner.gpusPerJob
      investigationLimit = costs.investigationThreshold * runner.expectedComputeHours
      billedPerUse = !runner.isCommitted
      rate = runner.gpusPerJob * runner.pricePerGPUHour
      bookedHours = runner.bookedHours
      billing = runner.billing
    }
  }

  /// The accounting terms of four jobs, one per SIMD lane.
  struct AccountingLanes {
    var gpusPerJob: SIMD4<Double>
    var investigationLimit: SIMD4<Double>
    var rate: SIMD4<Double>
    var bookedHours: SIMD4<Double>
    /// Billing units in an hour, hours in a unit, and the minimum billed hours.
    var unitsPerHour: SIMD4<Double>
    var unitHours: SIMD4<Double>
    var minimumHours: SIMD4<Double>
    var billedPerUse: SIMDMask<SIMD4<Int64>>

    init(_ terms: AccountingTerms) {
      gpusPerJob = SIMD4(repeating: terms.gpusPerJob)
      investigationLimit = SIMD4(repeating: terms.investigationLimit)
      rate = SIMD4(repeating: terms.rate)
      bookedHours = SIMD4(repeating: terms.bookedHours)
      unitsPerHour = SIMD4(repeating: terms.billing.granularity.perHour)
      unitHours = SIMD4(repeating: terms.billing.granularity.hours)
      minimumHours = SIMD4(repeating: terms.billing.minimumHours)
      billedPerUse = SIMDMask(repeating: terms.billedPerUse)
    }

    /// These terms, with `other`'s in the lanes of `mask`.
    @inline(__always)
    func replacing(with other: AccountingLanes, where mask: SIMDMask<SIMD4<Int64>>) -> Self {
      var lanes = self
      lanes.gpusPerJob.replace(with: other.gpusPerJob, where: mask)
      lanes.investigationLimit.replace(with: other.investigationLimit, where: mask)
      lanes.rate.replace(with: other.rate, where: mask)
      lanes.bookedHours.replace(with: other.bookedHours, where: mask)
      lanes.unitsPerHour.replace(with: other.unitsPerHour, where: mask)
      lanes.unitHours.replace(with: other.unitHours, where: mask)
      lanes.minimumHours.replace(with: other.minimumHours, where: mask)
      lanes.billedPerUse.replace(with: other.billedPerUse, where: mask)
      return lanes
    }

    /// ``BillingSettings/billedHours(_:)`` of each lane's hours (≥ 0): the same value, lane by lane. The
    /// scalar function stays the model's definition (and the reports' and tests' way to bill one job);
    /// this is its vector twin for the accounting loop, held to it bit for bit by `AccountingLanesTests`.
    @inline(__always)
    func billedHours(_ hours: SIMD4<Double>) -> SIMD4<Double> {
      let units = hours * unitsPerHour
      let whole = units.rounded(.down)
      let tolerance = BillingSettings.roundingTolerance * maximum(SIMD4(repeating: 1), units)
      let billedUnits = whole.replacing(with: whole + 1, where: units - whole .> tolerance)
      return maximum(minimumHours, billedUnits * unitHours)
    }
  }

  /// Four jobs' inputs to accounting, one per lane; lanes past the trial's last job hold 0 and are not
  /// `used`.
  struct AccountingGroup {
    var wall: SIMD4<Double>
    var wait: SIMD4<Double>
    var failed: SIMD4<Int64>
    var used: SIMDMask<SIMD4<Int64>>
  }

  /// The hidden-cost settings accounting applies to every job, in lanes.
  struct HiddenCostLanes {
    let deadline: SIMD4<Double>
    let finiteDeadline: SIMDMask<SIMD4<Int64>>
    let penaltyPerMissed: SIMD4<Double>
    let penaltyPerHourLate: SIMD4<Double>
    let investigationCost: SIMD4<Double>
    let waitingRate: SIMD4<Double>
    let overProvisions: SIMDMask<SIMD4<Int64>>

    init(deadlineHours: Double, costs: HiddenCostSettings) {
      deadline = SIMD4(repeating: deadlineHours)
      finiteDeadline = SIMDMask(repeating: deadlineHours.isFinite)
      penaltyPerMissed = SIMD4(repeating: costs.penaltyPerMissedDeadline)
      penaltyPerHourLate = SIMD4(repeating: costs.penaltyPerHourLate)
      investigationCost = SIMD4(repeating: costs.investigationHours * costs.engineerHourlyRate)
      waitingRate = SIMD4(repeating: costs.engineersBlockedPerWaitingJob * costs.engineerHourlyRate)
      overProvisions = SIMDMask(repeating: costs.overProvisioning)
    }
  }

  /// Running sums of accounting, one per lane: lane j adds the jobs j, j + 4, j + 8, … in job order.
  struct AccountingSums {
    var gpuHours = SIMD4<Double>.zero
    var completionHours = SIMD4<Double>.zero
    var completionHoursSquared = SIMD4<Double>.zero
    var waitHours = SIMD4<Double>.zero
    var hoursLate = SIMD4<Double>.zero
    var penalties = SIMD4<Double>.zero
    var investigationCosts = SIMD4<Double>.zero
    var waitingPeople = SIMD4<Double>.zero
    var overProvisioning = SIMD4<Double>.zero
    var billingRounding = SIMD4<Double>.zero
    var waited = SIMD4<Int64>.zero
    var met = SIMD4<Int64>.zero
    var missed = SIMD4<Int64>.zero
    var investigations = SIMD4<Int64>.zero

    /// Adds four jobs and returns each one's completion time (wait + wall) and cost (hidden costs, then
    /// the billed compute of a pay-per-use job), computed as for that job alone.
    @_transparent
    mutating func add(
      _ jobs: AccountingGroup, terms: AccountingLanes, costs: HiddenCostLanes
    ) -> (completion: SIMD4<Double>, cost: SIMD4<Double>) {
      let wall = jobs.wall
      let wait = jobs.wait
      let completion = wait + wall
      gpuHours += wall * terms.gpusPerJob
      completionHours += completion
      completionHoursSquared += completion * completion
      waitHours += wait
      waited &+= ones(wait .> 0)
      let completed = jobs.failed .== 0
      let onTime = completion .<= costs.deadline .& completed
      // With no finite deadline the job missed it only by failing: the penalty is the fixed one alone.
      let late = jobs.used .& .!onTime .& (costs.finiteDeadline .| .!completed)
      met &+= ones(jobs.used .& onTime)
      missed &+= ones(late)
      let hours = SIMD4<Double>.zero.replacing(
        with: maximum(.zero, completion - costs.deadline), where: late .& costs.finiteDeadline)
      hoursLate += hours
      let penalty = SIMD4<Double>.zero.replacing(
        with: costs.penaltyPerMissed + hours * costs.penaltyPerHourLate, where: late)
      penalties += penalty
      let investigated = jobs.used .& (wall .> terms.investigationLimit)
      investigations &+= ones(investigated)
      let investigation = SIMD4<Double>.zero.replacing(
        with: costs.investigationCost, where: investigated)
      investigationCosts += investigation
      let waiting = wait * costs.waitingRate
      waitingPeople += waiting
      // Pay-per-use billing: GPUs × the billed time; booking ahead and rounding up added job by job.
      let billed = jobs.used .& terms.billedPerUse
      let rate = terms.rate
      let extraBooked = costs.overProvisions .& (terms.bookedHours .> wall)
      let booked = wall.replacing(with: terms.bookedHours, where: extraBooked)
      overProvisioning += SIMD4<Double>.zero.replacing(
        with: (terms.bookedHours - wall) * rate, where: billed .& extraBooked)
      let billedHours = terms.billedHours(booked)
      billingRounding += SIMD4<Double>.zero.replacing(
        with: maximum(.zero, billedHours - booked) * rate, where: billed)
      let compute = SIMD4<Double>.zero.replacing(
        with: maximum(billedHours, booked) * rate, where: billed)
      return (completion, (penalty + investigation + waiting) + compute)
    }

    /// Adds the lanes' sums to `totals`, lane sums taken as (0 + 1) + (2 + 3).
    func add(to totals: inout TrialTotals) {
      func sum(_ lanes: SIMD4<Double>) -> Double { (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]) }
      totals.gpuHours += sum(gpuHours)
      totals.completionHours += sum(completionHours)
      totals.completionHoursSquared += sum(completionHoursSquared)
      totals.waitHours += sum(waitHours)
      totals.jobsThatWaited &+= Int(waited.wrappedSum())
      totals.deadlineMet &+= Int(met.wrappedSum())
      totals.missedDeadlines &+= Int(missed.wrappedSum())
      totals.hoursLate += sum(hoursLate)
      totals.lines.deadlinePenalties += sum(penalties)
      totals.investigations &+= Int(investigations.wrappedSum())
      totals.lines.investigations += sum(investigationCosts)
      totals.lines.waitingPeople += sum(waitingPeople)
      totals.lines.overProvisioning += sum(overProvisioning)
      totals.lines.billingRounding += sum(billingRounding)
    }
  }

  /// Adds a trial's jobs to `totals`, and writes each job's completion time (wait + wall, hours) and cost
  /// (for the monthly series).
  ///
  /// Every job is accounted on the option that ran it: `runners` is empty when all ran on this option,
  /// and otherwise says for each job whether it ran here or on the overflow or interim option. The hidden
  /// costs use this option's settings and deadline.
  ///
  /// Two passes over the jobs. The first adds every job's time breakdown in job order. The second takes
  /// four jobs at a time, one per SIMD lane (``AccountingSums``): GPU-hours, completion times, deadlines,
  /// investigations, people waiting and pay-per-use billing. Each lane adds its jobs in job order and the
  /// lanes' sums are added at the end, so the totals depend only on the trial's jobs (never on threads)
  /// and differ from adding one job at a time only by rounding. A term that does not apply to a job is
  /// added as +0, which leaves a sum of non-negative terms unchanged. The compute cost lines are linear
  /// in time: each is a billing option's rate × the summed hours of its jobs
  /// (``CostLines/addCompute(_:rate:)``).
  func accountJobs(
    times: UnsafeBufferPointer<TimeBreakdown>, waits: UnsafeBufferPointer<Double>,
    runners: UnsafeBufferPointer<JobRunner>, completions: UnsafeMutableBufferPointer<Double>,
    jobCosts: UnsafeMutableBufferPointer<Double>, totals: inout TrialTotals
  ) {
    let count = times.count
    precondition(
      waits.count == count && completions.count == count && jobCosts.count == count
        && (runners.isEmpty || runners.count == count))
    let own = AccountingTerms(self, costs: costs)
    let overflowTerms = overflow.map { AccountingTerms($0.simulator, costs: costs) }
    let interimTerms = interim.map { AccountingTerms($0.simulator, costs: costs) }
    var divertedTime = (overflow: TimeBreakdown(), interim: TimeBreakdown())
    var allOwn = true
    for job in runners.indices {
      switch runners[job] {
      case .own: continue
      case .overflow:
        precondition(
          overflowTerms != nil, "option '\(name)' diverted job \(job) without an overflow option")
        divertedTime.overflow += times[job]
      case .interim:
        precondition(
          interimTerms != nil,
          "option '\(name)' ran job \(job) on an interim option it does not have")
        divertedTime.interim += times[job]
      }
      allOwn = false
    }
    // 1. Time by cause.
    var trialTime = TimeBreakdown()
    for job in 0..<count { trialTime += times[job] }
    totals.time += trialTime
    // 2. Four jobs at a time: time, deadlines, people and billing.
    let ownLanes = AccountingLanes(own)
    let overflowLanes = overflowTerms.map(AccountingLanes.init)
    let interimLanes = interimTerms.map(AccountingLanes.init)
    let hiddenCosts = HiddenCostLanes(deadlineHours: deadlineHours, costs: costs)
    /// The terms of jobs `job ..< job + 4` (lanes past the last job get this option's).
    func terms(_ job: Int) -> AccountingLanes {
      var codes = SIMD4<Int64>.zero
      for lane in 0..<Swift.min(4, count - job) {
        codes[lane] = Int64(runners[job + lane].rawValue)
      }
      var terms = ownLanes
      if let overflowLanes {
        terms = terms.replacing(
          with: overflowLanes, where: codes .== Int64(JobRunner.overflow.rawValue))
      }
      if let interimLanes {
        terms = terms.replacing(
          with: interimLanes, where: codes .== Int64(JobRunner.interim.rawValue))
      }
      return terms
    }
    var sums = AccountingSums()
    let last = count - 1
    for job in stride(from: 0, to: count, by: 4) {
      // Lanes past the last job read it again and are then set to 0 and not `used`, so that every group
      // takes the same path.
      let (a, b, c, d) = (
        job, Swift.min(job + 1, last), Swift.min(job + 2, last), Swift.min(job + 3, last)
      )
      let unused = .!(SIMD4<Int64>(0, 1, 2, 3) .< Int64(count - job))
      let group = AccountingGroup(
        wall: SIMD4(times[a].wall, times[b].wall, times[c].wall, times[d].wall)
          .replacing(with: 0, where: unused),
        wait: SIMD4(waits[a], waits[b], waits[c], waits[d]).replacing(with: 0, where: unused),
        failed: SIMD4(
          Int64(times[a].failedJobs), Int64(times[b].failedJobs), Int64(times[c].failedJobs),
          Int64(times[d].failedJobs)
        ).replacing(with: 0, where: unused),
        used: .!unused)
      let (completion, cost) = sums.add(
        group, terms: allOwn ? ownLanes : terms(job), costs: hiddenCosts)
      if job + 4 <= count, let completionBase = completions.baseAddress,
        let costBase = jobCosts.baseAddress
      {
        // A whole group: two vector stores (unaligned stores of raw bytes are allowed).
        UnsafeMutableRawPointer(completionBase + job).storeBytes(
          of: completion, as: SIMD4<Double>.self)
        UnsafeMutableRawPointer(costBase + job).storeBytes(of: cost, as: SIMD4<Double>.self)
      } else {
        for lane in 0..<(count - job) {
          completions[job + lane] = completion[lane]
          jobCosts[job + lane] = cost[lane]
        }
      }
    }
    sums.add(to: &totals)
    // The compute lines, linear in time: each billing option's rate × its jobs' time by cause (the
    // trial's whole time when every job ran here), not a sum of per-job products.
    if allOwn {
      if own.billedPerUse { totals.lines.addCompute(trialTime, rate: own.rate) }
    } else {
      if let overflowTerms, overflowTerms.billedPerUse {
        totals.lines.addCompute(divertedTime.overflow, rate: overflowTerms.rate)
      }
      if let interimTerms, interimTerms.billedPerUse {
        totals.lines.addCompute(divertedTime.interim, rate: interimTerms.rate)
      }
    }
  }
}

/// A lane for each true value: 1 where `mask` is set, else 0.
@inline(__always)
private func ones(_ mask: SIMDMask<SIMD4<Int64>>) -> SIMD4<Int64> {
  SIMD4<Int64>.zero.replacing(with: 1, where: mask)
}
