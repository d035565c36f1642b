import RealModule

/// Time spent in one attempt of a job besides its work.
@usableFromInline
struct AttemptTime {
  @usableFromInline var checkpoint: Double
  @usableFromInline var lost: Double
  @usableFromInline var restart: Double
  @usableFromInline var interruptions: Int

  @inlinable
  init(checkpoint: Double, lost: Double, restart: Double, interruptions: Int) {
    self.checkpoint = checkpoint
    self.lost = lost
    self.restart = restart
    self.interruptions = interruptions
  }
}

extension InterruptionModel {
  /// Segments for `solveHours` of work: ⌈T_s/τ⌉, with T_s/τ within 1e-9 (relative) of an integer taken as it, ≥ 1
  /// (and capped at 2⁵³, far beyond any meaningful schedule, so that the conversion to `Int` cannot trap).
  ///
  /// Below 2⁵² the quotient's whole part is taken by integer conversion and its fraction (exact) decides
  /// the rounding, which gives the same values as `rounded()` and `rounded(.up)` without a call to libm
  /// (this runs once per attempt of every job).
  ///
  /// Most jobs take a faster path that gives the same count: T_s·(1/τ) is within 3·2⁻⁵³ (relative) of T_s/τ,
  /// so when its fraction lies further than 2·10⁻⁹·max(1, T_s/τ) from a whole number, the quotient's fraction
  /// is beyond the tolerance as well, and the count is its whole part + 1, without a division.
  @inlinable @inline(__always)
  func segmentCount(solveHours: Double) -> Int {
    let estimate = solveHours * intervalsPerHour
    if estimate >= 0 && estimate < 0x1p52 {
      let whole = Int(estimate)
      let fraction = estimate - Double(whole)
      let margin = 2e-9 * Swift.max(1, estimate)
      if fraction > margin && fraction < 1 - margin { return whole + 1 }
    }
    let quotient = solveHours / intervalHours
    let nearest: Double
    let up: Double
    if quotient >= 0 && quotient < 0x1p52 {
      let whole = Double(Int(quotient))
      let fraction = quotient - whole
      nearest = fraction >= 0.5 ? whole + 1 : whole
      up = fraction > 0 ? whole + 1 : whole
    } else {
      nearest = quotient.rounded()
      up = quotient.rounded(.up)
    }
    let count = abs(quotient - nearest) <= 1e-9 * Swift.max(1, quotient) ? nearest : up
    return Swift.max(1, Int(Swift.min(count, 0x1p53)))
  }

  /// The failure-free schedule of an attempt at `solveHours` of work: its segments, the length of the last
  /// one (with its checkpoint when `finalCheckpoint`), the checkpoint hours it spends, and the wall time it
  /// takes without an interruption (`remaining`: an attempt whose first clock is at least this is not
  /// interrupted).
  @inlinable @inline(__always)
  func attemptSchedule(solveHours: Double, finalCheckpoint: Bool) -> (
    segments: Int, lastLength: Double, checkpointHours: Double, remaining: Double
  ) {
    let segments = segmentCount(solveHours: solveHours)
    let lastLength =
      (segments == 1 ? solveHours : solveHours - Double(segments - 1) * intervalHours)
      + (finalCheckpoint ? checkpointHours : 0)
    let checkpoint = Double(finalCheckpoint ? segments : segments - 1) * checkpointHours
    let ahead = segments - 1
    let remaining = ahead == 0 ? lastLength : Double(ahead) * segmentHours + lastLength
    return (segments, lastLength, checkpoint, remaining)
  }

  /// One attempt of Daly's process for `solveHours` of work, the last segment ending in a checkpoint when
  /// `finalCheckpoint`.
  ///
  /// Event-driven: `clock` is the time from the start of the current (uncompleted) segment to the next interruption.
  /// If it exceeds the remaining failure-free schedule, the attempt ends; otherwise the segments completed before the
  /// interruption are skipped in one division, the partial one is lost, and restarts are drawn until one lasts R.
  @inlinable
  func runAttempt<G: RandomNumberGenerator>(
    solveHours: Double, finalCheckpoint: Bool, using generator: inout G
  ) -> AttemptTime {
    let schedule = attemptSchedule(solveHours: solveHours, finalCheckpoint: finalCheckpoint)
    let segments = schedule.segments
    let lastLength = schedule.lastLength
    var time = AttemptTime(
      checkpoint: schedule.checkpointHours, lost: 0, restart: 0, interruptions: 0)
    guard interruptionsPerHour > 0 else { return time }
    let segmentLength = segmentHours
    var completed = 0
    let mean = meanHoursBetweenInterruptions
    var clock = generator.nextStandardExponential() * mean
    while true {
      let ahead = segments - 1 - completed
      let remaining = ahead == 0 ? lastLength : Double(ahead) * segmentLength + lastLength
      if clock >= remaining { return time }
      time.interruptions += 1
      // Capped before the conversion to `Int`, which would trap on a quotient beyond its range.
      let skipped = ahead == 0 ? 0 : Int(Swift.min(clock / segmentLength, Double(ahead)))
      // Without checkpoints a segment is the whole job (τ = ∞) and none is ever skipped: 0·∞ would be NaN.
      time.lost += skipped == 0 ? clock : clock - Double(skipped) * segmentLength
      completed += skipped
      while true {
        let next = generator.nextStandardExponential() * mean
        if next >= restartHours {
          time.restart += restartHours
          // Memoryless: the rest of this gap is the time to the next interruption.
          clock = next - restartHours
          break
        }
        time.restart += next
        time.interruptions += 1
      }
    }
  }
}
