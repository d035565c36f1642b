// MARK: - One job

extension OptionSimulator {
  /// One job's time through the option's mechanisms (a job the committed queue diverted to this option):
  /// ``simulateJobs(keys:times:scratch:durations:)`` for that job alone, so it
  /// gets exactly the time it gets among a trial's jobs.
  func simulateJob(jobKey: UInt64, durations: UnsafeBufferPointer<Double>) -> TimeBreakdown {
    var key = jobKey
    var time = TimeBreakdown()
    withUnsafeMutablePointer(to: &key) { key in
      withUnsafeMutablePointer(to: &time) { time in
        JobScratch.withScratch(count: 1) { scratch in
          simulateJobs(
            keys: UnsafeBufferPointer(start: key, count: 1),
            times: UnsafeMutableBufferPointer(start: time, count: 1), scratch: scratch,
            durations: durations)
        }
      }
    }
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
    return drawnWait(jobKey: jobKey, first: stream.next(), waits: waits)
  }

  /// ``drawnWait(jobKey:waits:)`` given the first output of the job's queue-wait stream (`first`).
  @inline(__always)
  func drawnWait(jobKey: UInt64, first: UInt64, waits: UnsafeBufferPointer<Double>) -> Double {
    guard queues else { return 0 }
    if !waits.isEmpty { return DurationDraws.inversion(waits, bits: first) }
    guard let queueWait else { return 0 }
    var stream = RandomLayout.stream(jobKey: jobKey, .queueWait)
    return queueWait.sample(using: &stream) / 3600
  }

  /// Calls `body` with the sorted queue-wait values in hours (empty for a distribution or none), valid for
  /// the call.
  @inline(__always)
  func withQueueWaits<R>(_ body: (UnsafeBufferPointer<Double>) -> R) -> R {
    queueWaitSortedHours.withUnsafeBufferPointer(body)
  }
}
