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
  /// it and lists the other jobs, which it then finishes (interruptions walked in full from the start of
  /// their keyed streams, contention in rounds from where the first pass left each job's stream). Every job
  /// draws from its own streams in the model's order, so its time does not depend on the other jobs given
  /// (``simulateJob(jobKey:durations:)`` is this function for one job).
  ///
  /// `keys` and `times` hold one element per job: `keys` the jobs' keys (``RandomLayout/jobKey(trialKey:job:)``,
  /// shared by every option of the trial); `scratch` has room for at least as many. `interruptionClocks`,
  /// when given, holds each job's first interruption clock as a standard exponential
  /// (``RandomLayout/standardExponentials(_:keys:outputs:into:)`` of `.interruptions`): the same for every
  /// option, so a trial takes them once; without it they are taken here.
  func simulateJobs(
    keys: UnsafeBufferPointer<UInt64>, times: UnsafeMutableBufferPointer<TimeBreakdown>,
    scratch: JobScratch, durations: UnsafeBufferPointer<Double>,
    interruptionClocks: UnsafeBufferPointer<Double>? = nil
  ) {
    let count = times.count
    let stragglerFree = scratch.stragglerFree
    let computeHours = scratch.computeHours
    let pending = scratch.pending
    let first = scratch.first
    let second = scratch.second
    precondition(
      keys.count == count && stragglerFree.count >= count && computeHours.count >= count
        && pending.count >= count && scratch.walks.count >= count && first.count >= count
        && second.count >= count && scratch.clocks.count >= count)
    // The passes' common paths take their jobs' first outputs of the streams they draw from in one
    // vectorised loop each (RandomLayout.outputs), then go on, where a draw needs more, with streams
    // standing after those outputs. The exact straggler sums, duration and contention distributions, and
    // the rare paths (walked from the start of their streams) draw one output at a time.
    // 1. Compute hours and their straggler-free part (each job's time breakdown is written once, in 2).
    if let stragglerNormal {
      RandomLayout.outputs(.stragglers, draw: 1, keys: keys, into: first)
      for job in 0..<count {
        var stream = RandomLayout.stream(jobKey: keys[job], .stragglers, after: 1)
        let seconds =
          stragglerNormal.mean + stragglerNormal.standardDeviation
          * stream.nextStandardNormal(first: first[job])
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
      RandomLayout.outputs(.duration, draw: 1, keys: keys, into: first)
      for job in 0..<count {
        let compute = steps * DurationDraws.inversion(durations, bits: first[job]) * hoursPerSecond
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
      // Outputs are taken only for the draws made: a buffer is read only when its draw is.
      let fatalFailures = model.fatalFailureProbability > 0
      let interruptible = model.interruptionsPerHour > 0
      if fatalFailures { RandomLayout.outputs(.reruns, draw: 1, keys: keys, into: second) }
      var clocks = UnsafeBufferPointer(scratch.clocks)
      if let interruptionClocks {
        precondition(interruptionClocks.count >= count, "a clock for every job")
        clocks = interruptionClocks
      } else if interruptible {
        RandomLayout.standardExponentials(
          .interruptions, keys: keys, outputs: first, into: scratch.clocks)
      }
      var listed = 0
      for job in 0..<count {
        let compute = computeHours[job]
        let fatal = fatalFailures && unitDouble(second[job]) < model.fatalFailureProbability
        let schedule = model.attemptSchedule(solveHours: compute, finalCheckpoint: true)
        let interrupted =
          interruptible && clocks[job] * model.meanHoursBetweenInterruptions < schedule.remaining
        // As InterruptionModel.simulate: wall = T_s + checkpoints + lost + restarts + rerun waste, the
        // last three +0 here, which leaves a positive sum unchanged (a job with T_s ≤ 0 is listed).
        var time = TimeBreakdown(wall: compute + schedule.checkpointHours)
        time.checkpoint = schedule.checkpointHours
        time.useful = stragglerFree[job]
        time.straggler = compute - stragglerFree[job]
        times[job] = time
        pending[listed] = job
        listed &+= fatal || interrupted || !(compute > 0) ? 1 : 0
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
      walkContention(contention, keys: keys, times: times, scratch: scratch)
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

// MARK: - Contention episodes, in rounds over the jobs they reach

extension OptionSimulator {
  /// Stretches every job's wall time in `times` by the contention episodes that strike it: the episode walk
  /// of ``ContentionModel/Plan/wallHours(work:using:)`` for each job, taken over all the jobs at once.
  ///
  /// A first pass draws each job's start (contended or not) and first gap: most jobs start uncontended and
  /// finish before the first episode, and keep their time (the walk would return work + 0). Jobs that start
  /// inside an episode (a few percent) are walked alone from the start of their stream. The others go on in
  /// rounds: each round takes every job still going through one episode and the gap after it, without
  /// branching on which jobs end (a job's loop would mispredict its end once per job); jobs that end write
  /// their time, the others stay for the next round. Each job draws from its own stream in the walk's order,
  /// so its time is the walk's to the last bit (a draw made after a job ended is discarded with its stream).
  private func walkContention(
    _ contention: ContentionModel.Plan, keys: UnsafeBufferPointer<UInt64>,
    times: UnsafeMutableBufferPointer<TimeBreakdown>, scratch: JobScratch
  ) {
    guard contention.episodesPerHour > 0 else { return }
    let walks = scratch.walks
    let meanGap = contention.meanGapHours
    let startContended = contention.startContendedProbability
    // The start's uniform (with a stationary start) is output 1, the first gap's exponential the next.
    let drawsBeforeGap: UInt64 = startContended > 0 ? 1 : 0
    if startContended > 0 {
      RandomLayout.outputs(.contention, draw: 1, keys: keys, into: scratch.first)
    }
    RandomLayout.outputs(.contention, draw: drawsBeforeGap + 1, keys: keys, into: scratch.second)
    var active = 0
    for job in 0..<times.count {
      let work = times[job].wall
      let contended = startContended > 0 && unitDouble(scratch.first[job]) < startContended
      var stream = RandomLayout.stream(jobKey: keys[job], .contention, after: drawsBeforeGap + 1)
      let gap = stream.nextStandardExponential(first: scratch.second[job]) * meanGap
      walks[active] = ContentionWalk(
        job: job, stream: stream, remaining: work - gap, extra: 0, contended: contended)
      active &+= work > 0 && (contended || gap < work) ? 1 : 0
    }
    // Contended starts, walked alone; the others have had their first gap and go on with an episode.
    var going = 0
    for index in 0..<active {
      let walk = walks[index]
      if walk.contended {
        var stream = RandomLayout.stream(jobKey: keys[walk.job], .contention)
        let stretched = contention.wallHours(work: times[walk.job].wall, using: &stream)
        times[walk.job].wall = stretched.wall
        times[walk.job].contention = stretched.slowdownHours
      } else {
        walks[going] = walk
        going &+= 1
      }
    }
    while going > 0 {
      var next = 0
      for index in 0..<going {
        var walk = walks[index]
        let work = times[walk.job].wall
        // An episode: the job ends inside it if its remaining work fits in the episode at the slowdown.
        let length = contention.drawEpisodeHours(using: &walk.stream)
        let factor = contention.drawSlowdown(using: &walk.stream)
        let progress = length / factor
        let endsInEpisode = progress >= walk.remaining
        let extraIfEnds = walk.extra + walk.remaining * (factor - 1)
        walk.remaining -= progress
        walk.extra += length - progress
        // The gap to the next episode: the job ends in it if its remaining work fits.
        let gap = walk.stream.nextStandardExponential() * meanGap
        let ends = endsInEpisode || gap >= walk.remaining
        let extra = endsInEpisode ? extraIfEnds : walk.extra
        walk.remaining -= gap
        times[walk.job].wall = ends ? work + extra : work
        times[walk.job].contention = ends ? extra : 0
        walks[next] = walk
        next &+= ends ? 0 : 1
      }
      going = next
    }
  }
}
