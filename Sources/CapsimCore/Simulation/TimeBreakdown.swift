/// Where the time of one job went, by cause (hours), with its event counts; summed over jobs with `+=`.
///
/// `wall` = `useful` + `straggler` + `contention` + `lost` + `checkpoint` + `restart` + `rerun` for every job
/// (a job that exhausted its reruns has all its time in `rerun`), so the same holds for any sum of jobs.
/// Adding a mechanism adds its field here, one line to `+=`, and its metric in the summary.
struct TimeBreakdown: Sendable, Hashable {
  /// Total wall time.
  var wall = 0.0
  /// Failure-free compute without straggler overhead.
  var useful = 0.0
  /// Compute added by waiting for the slowest worker of each step.
  var straggler = 0.0
  /// Wall time added by contention episodes.
  var contention = 0.0
  /// Work lost to interruptions (since the last checkpoint).
  var lost = 0.0
  /// Checkpoint overhead.
  var checkpoint = 0.0
  /// Restart time after interruptions.
  var restart = 0.0
  /// Wall time of attempts ended by fatal failures (full reruns).
  var rerun = 0.0
  /// Full reruns started.
  var reruns = 0
  /// Interruptions recovered from a checkpoint.
  var interruptions = 0
  /// Jobs that exhausted their reruns (0 or 1 for one job).
  var failedJobs = 0

  /// Adds `other`'s hours and counts to `total`.
  @inline(__always)
  static func += (total: inout TimeBreakdown, other: TimeBreakdown) {
    total.wall += other.wall
    total.useful += other.useful
    total.straggler += other.straggler
    total.contention += other.contention
    total.lost += other.lost
    total.checkpoint += other.checkpoint
    total.restart += other.restart
    total.rerun += other.rerun
    // Event counts cannot reach 2⁶³: they add without overflow checks.
    total.reruns &+= other.reruns
    total.interruptions &+= other.interruptions
    total.failedJobs &+= other.failedJobs
  }
}
