// MARK: - Accounting a trial's jobs

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

  /// Adds a trial's jobs to `totals` in job order, and writes each job's completion time (wait + wall,
  /// hours) and cost (for the monthly series).
  ///
  /// Every job is accounted on the option that ran it: `runners` is empty when all ran on this option,
  /// and otherwise says for each job whether it ran here or on the overflow or interim option. The hidden
  /// costs use this option's settings and deadline.
  ///
  /// The sums run in three passes over the jobs (time by cause; time, deadlines and people; billing), each
  /// adding into few enough locals that they stay in registers; every sum still adds its terms in job
  /// order, so the totals are those of adding one job at a time. A term that does not apply to a job is
  /// added as +0, which leaves a sum of non-negative terms unchanged. The compute cost lines are linear in
  /// time: each is a billing option's rate × the summed hours of its jobs (``CostLines/addCompute(_:rate:)``).
  /// Counts of jobs cannot reach 2⁶³ and add without overflow checks (`&+=`).
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
    @inline(__always) func terms(_ job: Int) -> AccountingTerms {
      if runners.isEmpty { return own }
      switch runners[job] {
      case .own: return own
      case .overflow:
        guard let overflowTerms else {
          preconditionFailure("option '\(name)' diverted job \(job) without an overflow option")
        }
        return overflowTerms
      case .interim:
        guard let interimTerms else {
          preconditionFailure(
            "option '\(name)' ran job \(job) on an interim option it does not have")
        }
        return interimTerms
      }
    }
    // 1. Time by cause.
    var trialTime = TimeBreakdown()
    for job in 0..<count { trialTime += times[job] }
    totals.time += trialTime
    // 2. GPU-hours, completion times, deadlines, investigations and people waiting.
    let deadline = deadlineHours
    let penaltyPerMissed = costs.penaltyPerMissedDeadline
    let penaltyPerHourLate = costs.penaltyPerHourLate
    let investigationCost = costs.investigationHours * costs.engineerHourlyRate
    let waitingRate = costs.engineersBlockedPerWaitingJob * costs.engineerHourlyRate
    var gpuHours = totals.gpuHours
    var completionSum = totals.completionHours
    var completionSquares = totals.completionHoursSquared
    var waitSum = totals.waitHours
    var waited = totals.jobsThatWaited
    var met = totals.deadlineMet
    var missed = totals.missedDeadlines
    var hoursLate = totals.hoursLate
    var penalties = totals.lines.deadlinePenalties
    var investigations = totals.investigations
    var investigationCosts = totals.lines.investigations
    var waitingPeople = totals.lines.waitingPeople
    for job in 0..<count {
      let terms = terms(job)
      let wall = times[job].wall
      let wait = waits[job]
      let completion = wait + wall
      gpuHours += wall * terms.gpusPerJob
      completionSum += completion
      completionSquares += completion * completion
      waitSum += wait
      waited &+= wait > 0 ? 1 : 0
      let completed = times[job].failedJobs == 0
      let onTime = completion <= deadline && completed
      let late = !onTime && (deadline.isFinite || !completed)
      met &+= onTime ? 1 : 0
      missed &+= late ? 1 : 0
      // With no finite deadline the job missed it only by failing: the penalty is the fixed one alone.
      let hours = late && deadline.isFinite ? Swift.max(0, completion - deadline) : 0
      hoursLate += hours
      let penalty =
        late
        ? (deadline.isFinite ? penaltyPerMissed + hours * penaltyPerHourLate : penaltyPerMissed) : 0
      penalties += penalty
      let investigated = wall > terms.investigationLimit
      investigations &+= investigated ? 1 : 0
      let investigation = investigated ? investigationCost : 0
      investigationCosts += investigation
      let waiting = wait * waitingRate
      waitingPeople += waiting
      completions[job] = completion
      jobCosts[job] = penalty + investigation + waiting
    }
    totals.gpuHours = gpuHours
    totals.completionHours = completionSum
    totals.completionHoursSquared = completionSquares
    totals.waitHours = waitSum
    totals.jobsThatWaited = waited
    totals.deadlineMet = met
    totals.missedDeadlines = missed
    totals.hoursLate = hoursLate
    totals.lines.deadlinePenalties = penalties
    totals.investigations = investigations
    totals.lines.investigations = investigationCosts
    totals.lines.waitingPeople = waitingPeople
    // 3. Pay-per-use billing: GPUs × the billed time. Booking ahead and rounding up are added job by job;
    //    the compute lines, linear in time, are each billing option's rate × its jobs' time by cause (the
    //    trial's whole time from 1 when every job ran here), not a sum of per-job products.
    let overProvisions = costs.overProvisioning
    var lines = totals.lines
    var overProvisioning = lines.overProvisioning
    var rounding = lines.billingRounding
    var divertedTime = (overflow: TimeBreakdown(), interim: TimeBreakdown())
    for job in 0..<count {
      let terms = terms(job)
      guard terms.billedPerUse else { continue }
      let rate = terms.rate
      let wall = times[job].wall
      let extraBooked = overProvisions && terms.bookedHours > wall
      let booked = extraBooked ? terms.bookedHours : wall
      overProvisioning += extraBooked ? (terms.bookedHours - wall) * rate : 0
      let billed = terms.billing.billedHours(booked)
      rounding += Swift.max(0, billed - booked) * rate
      jobCosts[job] += Swift.max(billed, booked) * rate
      if !runners.isEmpty {
        switch runners[job] {
        case .own: break
        case .overflow: divertedTime.overflow += times[job]
        case .interim: divertedTime.interim += times[job]
        }
      }
    }
    lines.overProvisioning = overProvisioning
    lines.billingRounding = rounding
    if runners.isEmpty {
      if own.billedPerUse { lines.addCompute(trialTime, rate: own.rate) }
    } else {
      if let overflowTerms { lines.addCompute(divertedTime.overflow, rate: overflowTerms.rate) }
      if let interimTerms { lines.addCompute(divertedTime.interim, rate: interimTerms.rate) }
    }
    totals.lines = lines
  }
}
