// MARK: - One job

extension OptionSimulator {
  /// One job's time through the option's mechanisms: the per-job pipeline.
  ///
  /// Each mechanism draws from its own stream of the job (``RandomLayout``), so the same job on another
  /// option, or on this option with another setting, sees the same uniforms for every mechanism that is the
  /// same. Steps:
  /// 1. compute hours: the run-level duration draw × steps, or with stragglers the sum over steps of the
  ///    slowest of G workers;
  /// 2. interruptions with checkpoint/restart, and fatal failures with full reruns;
  /// 3. contention episodes stretching the wall time.
  ///
  /// (The wait for capacity is the trial's business: drawn per job for pay-per-use options, simulated on the
  /// committed nodes for dedicated ones.) A new mechanism adds its step here, drawing from its own stream.
  @inline(__always)
  func simulateJob(jobKey: UInt64, durations: UnsafeBufferPointer<Double>) -> TimeBreakdown {
    var time = TimeBreakdown()
    let compute: Double
    let stragglerFree: Double
    if let stragglerNormal {
      // Same draw as StragglerModel.sampleJobSeconds above its exact step limit.
      var stream = RandomLayout.stream(jobKey: jobKey, .stragglers)
      let seconds =
        stragglerNormal.mean + stragglerNormal.standardDeviation * stream.nextStandardNormal()
      compute = Swift.max(0, seconds) * hoursPerSecond
      stragglerFree = Swift.min(compute, stragglerFreeHours)
    } else if sumsStragglersExactly {
      compute = exactStragglerHours(jobKey: jobKey)
      stragglerFree = Swift.min(compute, stragglerFreeHours)
    } else {
      var stream = RandomLayout.stream(jobKey: jobKey, .duration)
      let seconds =
        durations.isEmpty
        ? duration.sample(using: &stream)
        : DurationDraws.inversion(durations, stream.nextUnitDouble())
      compute = steps * seconds * hoursPerSecond
      stragglerFree = compute
    }
    var wall = compute
    var completed = true
    if hasInterruptions {
      var clocks = RandomLayout.stream(jobKey: jobKey, .interruptions)
      var reruns = RandomLayout.stream(jobKey: jobKey, .reruns)
      let outcome = interruptions.simulate(
        solveHours: compute, interruptions: &clocks, reruns: &reruns)
      wall = outcome.wallHours
      time.checkpoint = outcome.checkpointHours
      time.lost = outcome.lostHours
      time.restart = outcome.restartHours
      time.rerun = outcome.rerunWasteHours
      time.reruns = outcome.reruns
      time.interruptions = outcome.interruptions
      completed = outcome.completed
    }
    // A job that exhausted its reruns did no useful work: all its time is in the rerun line.
    if completed {
      time.useful = stragglerFree
      time.straggler = compute - stragglerFree
    } else {
      time.failedJobs = 1
    }
    if let contention {
      var stream = RandomLayout.stream(jobKey: jobKey, .contention)
      let stretched = contention.wallHours(work: wall, using: &stream)
      wall = stretched.wall
      time.contention = stretched.slowdownHours
    } else if hasGeneralContention, let model = mechanisms.contention {
      var stream = RandomLayout.stream(jobKey: jobKey, .contention)
      let stretched = model.wallHours(work: wall, using: &stream)
      wall = stretched.wall
      time.contention = stretched.slowdownHours
    }
    time.wall = wall
    return time
  }

  /// Compute hours with stragglers summed step by step (steps at or below the model's exact limit).
  @inline(never)
  func exactStragglerHours(jobKey: UInt64) -> Double {
    guard let stragglers = mechanisms.stragglers else { return 0 }
    var stream = RandomLayout.stream(jobKey: jobKey, .stragglers)
    return Swift.max(
      0, stragglers.sampleJobSeconds(steps: stepCount, using: &stream) * hoursPerSecond)
  }

  /// Calls `body` with the sorted duration values (empty for a distribution), valid for the call.
  @inline(__always)
  func withDurations<R>(_ body: (UnsafeBufferPointer<Double>) -> R) -> R {
    duration.sorted.withUnsafeBufferPointer(body)
  }

  /// The wait for capacity (hours) a pay-per-use option's job draws, 0 without `queue_wait`.
  @inline(__always)
  func drawnWait(jobKey: UInt64, waits: UnsafeBufferPointer<Double>) -> Double {
    guard queues else { return 0 }
    var stream = RandomLayout.stream(jobKey: jobKey, .queueWait)
    if !waits.isEmpty { return DurationDraws.inversion(waits, stream.nextUnitDouble()) / 3600 }
    guard let queueWait else { return 0 }
    return queueWait.sample(using: &stream) / 3600
  }

  /// Calls `body` with the sorted queue-wait values (empty for a distribution or none), valid for the call.
  @inline(__always)
  func withQueueWaits<R>(_ body: (UnsafeBufferPointer<Double>) -> R) -> R {
    queueWaitSorted.withUnsafeBufferPointer(body)
  }
}
