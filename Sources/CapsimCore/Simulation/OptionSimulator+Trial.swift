// MARK: - One trial

extension OptionSimulator {
  /// Runs one trial given the jobs of each month and (for committed options) every job's arrival time.
  ///
  /// Job *j* (in arrival order over the horizon) draws from the streams of `RandomLayout.jobKey(trialKey, j)`,
  /// which the caller has put in `scratch.jobKeys` (once per trial, for every option).
  func simulate(
    trialKey: UInt64, jobsPerMonth: [Int], arrivalHours: [Double], scratch: inout TrialScratch,
    completions: inout LogHistogram, waits: inout LogHistogram
  ) -> TrialTotals {
    var totals = TrialTotals()
    let jobCount = jobsPerMonth.reduce(0, +)
    var monthly = [Double](repeating: 0, count: jobsPerMonth.count)
    let months = Double(jobsPerMonth.count)
    if !isCommitted {
      simulateJobs(jobCount: jobCount, trialKey: trialKey, scratch: &scratch)
      drawWaits(jobCount: jobCount, scratch: &scratch)
    } else {
      simulateCommitted(
        trialKey: trialKey, jobCount: jobCount, arrivalHours: arrivalHours,
        horizonHours: months * PriceQuote.hoursPerMonth, scratch: &scratch, totals: &totals)
      let capacityGPUs = Double(nodes) * gpusPerNode
      let committedMonths = Double(self.committedMonths)
      let billedMonths = committedMonths + Double(monthsBilledAfterHorizon)
      totals.lines.commitment =
        capacityGPUs * PriceQuote.hoursPerMonth * billedMonths * pricePerGPUHour
      totals.lines.setupFees = setupCost
      totals.idleCapacityCost =
        (1 - totals.utilisation) * capacityGPUs * PriceQuote.hoursPerMonth * committedMonths
        * pricePerGPUHour
    }
    // Every job was simulated above (and a pay-per-use job's wait drawn): account them in job order, then
    // record their times into the histograms (the same histograms as one record per job).
    var completionHours: [Double] = []
    var jobCosts: [Double] = []
    swap(&completionHours, &scratch.completionHours)
    swap(&jobCosts, &scratch.jobCosts)
    completionHours.resize(to: jobCount, filling: 0)
    jobCosts.resize(to: jobCount, filling: 0)
    completionHours.withUnsafeMutableBufferPointer { completionBuffer in
      jobCosts.withUnsafeMutableBufferPointer { costBuffer in
        scratch.times.withUnsafeBufferPointer { timeBuffer in
          scratch.waits.withUnsafeBufferPointer { waitBuffer in
            // Runners are set by a committed option (the scratch space is shared by every option).
            (isCommitted ? scratch.runners : []).withUnsafeBufferPointer { runnerBuffer in
              accountJobs(
                times: timeBuffer, waits: waitBuffer, runners: runnerBuffer,
                completions: completionBuffer, jobCosts: costBuffer, totals: &totals)
            }
          }
        }
      }
    }
    // Each month's job costs, added in job order.
    var first = 0
    for month in monthly.indices {
      let end = first + jobsPerMonth[month]
      var sum = 0.0
      for job in first..<end { sum += jobCosts[job] }
      monthly[month] = sum
      first = end
    }
    record(completionHours, in: &completions)
    if queues { record(scratch.waits, in: &waits) }
    swap(&completionHours, &scratch.completionHours)
    swap(&jobCosts, &scratch.jobCosts)
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

  /// Each pay-per-use job's drawn wait for capacity (hours) into `scratch.waits`, in a pass of its own.
  private func drawWaits(jobCount: Int, scratch: inout TrialScratch) {
    var waits: [Double] = []
    swap(&waits, &scratch.waits)
    waits.resize(to: jobCount, filling: 0)
    guard queues else {
      waits.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
      swap(&waits, &scratch.waits)
      return
    }
    withQueueWaits { waitValues in
      scratch.jobKeys.withUnsafeBufferPointer { keys in
        waits.withUnsafeMutableBufferPointer { waitBuffer in
          withUnsafeTemporaryAllocation(of: UInt64.self, capacity: jobCount) { first in
            RandomLayout.outputs(.queueWait, draw: 1, keys: keys, into: first)
            for job in 0..<jobCount {
              waitBuffer[job] = drawnWait(jobKey: keys[job], first: first[job], waits: waitValues)
            }
          }
        }
      }
    }
    swap(&waits, &scratch.waits)
  }

  /// Every job's time of the trial into `scratch.times`, from the keys in `scratch.jobKeys`, through a
  /// buffer moved out of the scratch space (so uniquely referenced): no per-job append.
  private func simulateJobs(jobCount: Int, trialKey: UInt64, scratch: inout TrialScratch) {
    precondition(scratch.jobKeys.count == jobCount, "the trial's job keys are set for every job")
    var times: [TimeBreakdown] = []
    swap(&times, &scratch.times)
    times.resize(to: jobCount, filling: TimeBreakdown())
    // The interruption clocks are standard draws, the same for every option: the trial's first option
    // with interruptions takes them, the others read them.
    let sharesClocks = hasInterruptions && interruptions.interruptionsPerHour > 0
    if sharesClocks
      && (scratch.interruptionClocksTrial != trialKey
        || scratch.interruptionClocks.count != jobCount)
    {
      scratch.interruptionClocks.resize(to: jobCount, filling: 0)
      scratch.jobKeys.withUnsafeBufferPointer { keys in
        scratch.interruptionClocks.withUnsafeMutableBufferPointer { clocks in
          withUnsafeTemporaryAllocation(of: UInt64.self, capacity: jobCount) { outputs in
            RandomLayout.standardExponentials(
              .interruptions, keys: keys, outputs: outputs, into: clocks)
          }
        }
      }
      scratch.interruptionClocksTrial = trialKey
    }
    withDurations { durations in
      scratch.jobKeys.withUnsafeBufferPointer { keyBuffer in
        scratch.interruptionClocks.withUnsafeBufferPointer { clockBuffer in
          times.withUnsafeMutableBufferPointer { timeBuffer in
            JobScratch.withScratch(count: jobCount) { jobScratch in
              simulateJobs(
                keys: keyBuffer, times: timeBuffer, scratch: jobScratch, durations: durations,
                interruptionClocks: sharesClocks ? clockBuffer : nil)
            }
          }
        }
      }
    }
    swap(&times, &scratch.times)
  }

  /// Simulates the trial's jobs on the committed nodes: every job's time, then the queue, then the jobs it
  /// diverted, leaving times, waits and runners in `scratch`.
  private func simulateCommitted(
    trialKey: UInt64, jobCount: Int, arrivalHours: [Double], horizonHours: Double,
    scratch: inout TrialScratch, totals: inout TrialTotals
  ) {
    scratch.waits.removeAll(keepingCapacity: true)
    scratch.runners.removeAll(keepingCapacity: true)
    scratch.walls.resize(to: jobCount, filling: 0)
    simulateJobs(jobCount: jobCount, trialKey: trialKey, scratch: &scratch)
    var walls: [Double] = []
    swap(&walls, &scratch.walls)
    scratch.times.withUnsafeBufferPointer { timeBuffer in
      walls.withUnsafeMutableBufferPointer { wallBuffer in
        for job in 0..<jobCount { wallBuffer[job] = timeBuffer[job].wall }
      }
    }
    swap(&walls, &scratch.walls)
    scratch.runners.append(contentsOf: repeatElement(.own, count: jobCount))
    queueOnCommittedNodes(
      arrivalHours: arrivalHours, horizonHours: horizonHours, scratch: &scratch, totals: &totals)
    divertJobs(trialKey: trialKey, arrivalHours: arrivalHours, scratch: &scratch, totals: &totals)
  }

  /// Records the trial's job hours in order; they are finite and ≥ 0 by construction.
  private func record(_ hours: [Double], in histogram: inout LogHistogram) {
    do {
      try hours.withUnsafeBufferPointer { values throws(DescriptiveStatisticsError) in
        try histogram.record(contentsOf: values)
      }
    } catch {
      preconditionFailure("option '\(name)': \(error): a job's time is not finite")
    }
  }

  /// Jobs the committed queue diverted: before the nodes exist they run on the interim option, afterwards
  /// on the overflow option, each as the same job (same streams) on that option.
  private func divertJobs(
    trialKey: UInt64, arrivalHours: [Double], scratch: inout TrialScratch,
    totals: inout TrialTotals
  ) {
    guard overflow != nil || interim != nil, let queue = scratch.queue else { return }
    let opening = Double(leadTimeMonths) * PriceQuote.hoursPerMonth
    for index in queue.diverted.indices where queue.diverted[index] {
      let beforeOpening = arrivalHours[index] < opening
      guard let target = beforeOpening ? interim : overflow else { continue }
      let jobKey = RandomLayout.jobKey(trialKey: trialKey, job: index)
      scratch.times[index] = target.simulator.withDurations {
        target.simulator.simulateJob(jobKey: jobKey, durations: $0)
      }
      scratch.waits[index] = target.simulator.withQueueWaits {
        target.simulator.drawnWait(jobKey: jobKey, waits: $0)
      }
      if beforeOpening && interim != nil {
        scratch.runners[index] = .interim
        totals.interimJobs += 1
      } else {
        scratch.runners[index] = .overflow
        totals.overflowJobs += 1
      }
    }
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
      do {
        scratch.queue = try DedicatedClusterQueue(nodeCount: queueServers)
      } catch {
        preconditionFailure(
          "option '\(name)': \(queueServers) queue servers (nodes \(nodes)): \(error)")
      }
    }
    // The scratch space is shared by every option of a chunk: refill it with this option's value.
    scratch.nodesNeeded.removeAll(keepingCapacity: true)
    scratch.nodesNeeded.append(contentsOf: repeatElement(nodesPerJob, count: scratch.walls.count))
    // Move the queue out of the scratch space so that it is uniquely referenced and its buffers are reused.
    guard var queue = scratch.queue else { preconditionFailure("queue set just above") }
    scratch.queue = nil
    let opening = Double(leadTimeMonths) * PriceQuote.hoursPerMonth
    do {
      // The event loop alone: the engine needs the waits and the horizon's work, none of the other totals.
      try queue.schedule(
        arrivals: arrivalHours, serviceTimes: scratch.walls, nodesNeeded: scratch.nodesNeeded,
        horizonEnd: horizonHours, maximumWait: overflow?.maximumWaitHours ?? .infinity,
        availableFrom: opening)
    } catch {
      preconditionFailure(
        "option '\(name)': queue of \(arrivalHours.count) arrivals and \(scratch.walls.count) jobs on "
          + "\(queueServers) servers rejected its inputs: \(error)")
    }
    scratch.waits.append(contentsOf: queue.waits)
    // Share of the capacity that existed (from the end of the lead time) used by the horizon's jobs, and
    // the same ratio uncapped: the load offered to the nodes.
    let work = queue.workNodeHours(
      arrivals: arrivalHours, serviceTimes: scratch.walls, nodesNeeded: scratch.nodesNeeded,
      arrivedBefore: horizonHours)
    totals.utilisation = DedicatedClusterQueue.Summary.utilisation(
      workNodeHours: work, nodeCount: queueServers, horizonEnd: horizonHours,
      existingFrom: opening)
    let capacity = Double(queueServers) * (horizonHours - opening)
    totals.offeredLoad = capacity > 0 ? work / capacity : 0
    scratch.queue = queue
  }
}
