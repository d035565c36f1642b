// MARK: - A trial's jobs, mechanism by mechanism

extension OptionSimulator {
  /// Every job's time through the option's mechanisms: the per-job pipeline, run one step at a time over
  /// all the jobs given.
  ///
  /// Each mechanism draws from its own stream of the job (``RandomLayout``), so the same job on another
  /// option, or on this option with another setting, sees the same uniforms for every mechanism that is the
  /// same. Steps, each a pass over the jobs:
  /// 1. compute hours: the run-level duration draw × steps, or with stragglers the sum over steps of the
  ///    slowest of G workers;
  /// 2. interruptions with checkpoint/restart, and fatal failures with full reruns;
  /// 3. contention episodes stretching the wall time.
  ///
  /// (The wait for capacity is the trial's business: drawn per job for pay-per-use options, simulated on the
  /// committed nodes for dedicated ones.) A new mechanism adds its pass here, drawing from its own stream.
  ///
  /// Each pass is a short loop whose jobs do not depend on each other, so the processor overlaps many jobs
  /// instead of waiting on one job's chain of draws; a pass gives the common outcome without branching on
  /// it and lists the other jobs, which it then walks in full from the start of their keyed streams. A
  /// job's time therefore does not depend on the other jobs given (``simulateJob(jobKey:durations:)`` is
  /// this function for one job).
  ///
  /// Each buffer holds one element per job: `keys` the jobs' keys (``RandomLayout/jobKey(trialKey:job:)``,
  /// shared by every option of the trial); all but `keys` and `times` are scratch space.
  func simulateJobs(
    keys: UnsafeBufferPointer<UInt64>,
    times: UnsafeMutableBufferPointer<TimeBreakdown>,
    stragglerFree: UnsafeMutableBufferPointer<Double>,
    computeHours: UnsafeMutableBufferPointer<Double>, pending: UnsafeMutableBufferPointer<Int>,
    durations: UnsafeBufferPointer<Double>
  ) {
    let count = times.count
    precondition(
      keys.count == count && stragglerFree.count == count && computeHours.count == count
        && pending.count == count)
    // 1. Compute hours and their straggler-free part (each job's time breakdown is written once, in 2).
    if let stragglerNormal {
      for job in 0..<count {
        var stream = RandomLayout.stream(jobKey: keys[job], .stragglers)
        let seconds =
          stragglerNormal.mean + stragglerNormal.standardDeviation * stream.nextStandardNormal()
        let compute = Swift.max(0, seconds) * hoursPerSecond
        computeHours[job] = compute
        stragglerFree[job] = Swift.min(compute, stragglerFreeHours)
      }
    } else if sumsStragglersExactly {
      for job in 0..<count {
        let compute = exactStragglerHours(jobKey: keys[job])
        computeHours[job] = compute
        stragglerFree[job] = Swift.min(compute, stragglerFreeHours)
      }
    } else if durations.isEmpty {
      for job in 0..<count {
        var stream = RandomLayout.stream(jobKey: keys[job], .duration)
        let compute = steps * duration.sample(using: &stream) * hoursPerSecond
        computeHours[job] = compute
        stragglerFree[job] = compute
      }
    } else {
      for job in 0..<count {
        var stream = RandomLayout.stream(jobKey: keys[job], .duration)
        let compute =
          steps * DurationDraws.inversion(durations, stream.nextUnitDouble()) * hoursPerSecond
        computeHours[job] = compute
        stragglerFree[job] = compute
      }
    }
    // 2. Interruptions with checkpoint/restart, and fatal failures with full reruns; a job that exhausted
    //    its reruns did no useful work (all its time is in the rerun line). Most jobs draw no fatal
    //    failure and a first clock beyond their failure-free schedule: their outcome is that schedule,
    //    taken here without branching on it; the others are listed and walked in full afterwards, from
    //    the start of their streams (keyed, so the walk sees the same draws).
    if hasInterruptions {
      let model = interruptions
      var listed = 0
      for job in 0..<count {
        let compute = computeHours[job]
        var reruns = RandomLayout.stream(jobKey: keys[job], .reruns)
        let fatal =
          model.fatalFailureProbability > 0
          && reruns.nextUnitDouble() < model.fatalFailureProbability
        let schedule = model.attemptSchedule(solveHours: compute, finalCheckpoint: true)
        var clocks = RandomLayout.stream(jobKey: keys[job], .interruptions)
        let interrupted =
          model.interruptionsPerHour > 0
          && clocks.nextStandardExponential() * model.meanHoursBetweenInterruptions
            < schedule.remaining
        // As InterruptionModel.simulate: wall = T_s + checkpoints + lost + restarts + rerun waste, the
        // last three +0 here, which leaves a positive sum unchanged (a job with T_s ≤ 0 is listed).
        var time = TimeBreakdown(wall: compute + schedule.checkpointHours)
        time.checkpoint = schedule.checkpointHours
        time.useful = stragglerFree[job]
        time.straggler = compute - stragglerFree[job]
        times[job] = time
        pending[listed] = job
        listed += fatal || interrupted || !(compute > 0) ? 1 : 0
      }
      for index in 0..<listed {
        let job = pending[index]
        let compute = computeHours[job]
        var clocks = RandomLayout.stream(jobKey: keys[job], .interruptions)
        var reruns = RandomLayout.stream(jobKey: keys[job], .reruns)
        let outcome = model.simulate(solveHours: compute, interruptions: &clocks, reruns: &reruns)
        var time = TimeBreakdown(wall: outcome.wallHours)
        time.checkpoint = outcome.checkpointHours
        time.lost = outcome.lostHours
        time.restart = outcome.restartHours
        time.rerun = outcome.rerunWasteHours
        time.reruns = outcome.reruns
        time.interruptions = outcome.interruptions
        if outcome.completed {
          time.useful = stragglerFree[job]
          time.straggler = compute - stragglerFree[job]
        } else {
          time.failedJobs = 1
        }
        times[job] = time
      }
    } else {
      for job in 0..<count {
        var time = TimeBreakdown(wall: computeHours[job])
        time.useful = stragglerFree[job]
        time.straggler = computeHours[job] - stragglerFree[job]
        times[job] = time
      }
    }
    // 3. Contention episodes stretching the wall time.
    if let contention {
      // Most jobs start uncontended and finish before the first episode: their times stay as they are
      // (the walk would return work + 0 and no slowdown). The others are listed and walked in full.
      var listed = 0
      let meanGap = contention.meanGapHours
      let startContended = contention.startContendedProbability
      let walks = contention.episodesPerHour > 0
      for job in 0..<count {
        let work = times[job].wall
        var stream = RandomLayout.stream(jobKey: keys[job], .contention)
        let contended = startContended > 0 && stream.nextUnitDouble() < startContended
        let episode = stream.nextStandardExponential() * meanGap < work
        pending[listed] = job
        listed += walks && work > 0 && (contended || episode) ? 1 : 0
      }
      for index in 0..<listed {
        let job = pending[index]
        var stream = RandomLayout.stream(jobKey: keys[job], .contention)
        let stretched = contention.wallHours(work: times[job].wall, using: &stream)
        times[job].wall = stretched.wall
        times[job].contention = stretched.slowdownHours
      }
    } else if hasGeneralContention, let model = mechanisms.contention {
      for job in 0..<count {
        var stream = RandomLayout.stream(jobKey: keys[job], .contention)
        let stretched = model.wallHours(work: times[job].wall, using: &stream)
        times[job].wall = stretched.wall
        times[job].contention = stretched.slowdownHours
      }
    }
  }
}
