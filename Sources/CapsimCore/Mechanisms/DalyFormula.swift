import RealModule

/// Daly's closed forms for checkpoint/restart under exponential interruptions.
///
/// Model: interruptions arrive as a Poisson process with mean time between them M (they can strike during work,
/// during a checkpoint and during a restart). The job's T_s hours of work run in segments of τ hours of work followed
/// by a δ-hour checkpoint; an interruption loses the segment in progress and costs a restart of R hours, which must
/// itself run uninterrupted (an interruption during the restart starts it again).
///
/// Reference: J. T. Daly, "A higher order estimate of the optimum checkpoint interval for restart dumps",
/// Future Generation Computer Systems 22(3), 2006, 303–312, doi:10.1016/j.future.2004.11.016.
public enum DalyFormula {
  /// Mechanism name used in error messages.
  static let name = "checkpointing"

  /// The expected wall time T_w = M·e^{R/M}·(e^{(τ+δ)/M} − 1)·T_s/τ.
  ///
  /// Exact for T_s a multiple of τ, with every segment (the last included) ending in a checkpoint: each segment needs
  /// τ + δ uninterrupted hours and takes M·e^{R/M}·(e^{(τ+δ)/M} − 1) hours on average. Computed with `expm1` for
  /// accuracy when τ + δ ≪ M. With M = +∞ (no interruptions) it is T_s·(τ + δ)/τ.
  ///
  /// - Parameters: all in hours; `solveHours` T_s ≥ 0, `intervalHours` τ > 0, `checkpointHours` δ ≥ 0,
  ///   `restartHours` R ≥ 0, all finite; `meanTimeBetweenInterruptions` M > 0 (may be +∞).
  /// - Throws: ``MechanismError/invalidParameter(mechanism:parameter:value:requirement:)`` outside that domain or on NaN.
  /// - Complexity: O(1).
  public static func expectedWallTime(
    solveHours: Double, intervalHours: Double, checkpointHours: Double, restartHours: Double,
    meanTimeBetweenInterruptions: Double
  ) throws(MechanismError) -> Double {
    let solve = try MechanismError.positive(solveHours, "solve_hours", in: name, allowZero: true)
    let tau = try MechanismError.positive(intervalHours, "checkpoint_interval_hours", in: name)
    let delta = try MechanismError.positive(
      checkpointHours, "checkpoint_hours", in: name, allowZero: true)
    let restart = try MechanismError.positive(
      restartHours, "restart_hours", in: name, allowZero: true)
    let m = try meanTime(meanTimeBetweenInterruptions)
    guard m.isFinite else { return solve * (tau + delta) / tau }
    return m * Double.exp(restart / m) * Double.expMinusOne((tau + delta) / m) * solve / tau
  }

  /// Daly's higher-order optimum compute interval:
  /// τ_opt = √(2δM)·[1 + ⅓·√(δ/(2M)) + (1/9)·(δ/(2M))] − δ for δ < 2M, and τ_opt = M for δ ≥ 2M.
  ///
  /// Returns 0 when δ = 0 (checkpoints are free, so checkpoint continuously) and +∞ when M = +∞.
  ///
  /// - Throws: ``MechanismError/invalidParameter(mechanism:parameter:value:requirement:)`` unless δ is finite and ≥ 0
  ///   and M > 0 (M may be +∞).
  /// - Complexity: O(1).
  public static func optimalInterval(
    checkpointHours: Double, meanTimeBetweenInterruptions: Double
  ) throws(MechanismError) -> Double {
    let delta = try MechanismError.positive(
      checkpointHours, "checkpoint_hours", in: name, allowZero: true)
    let m = try meanTime(meanTimeBetweenInterruptions)
    guard m.isFinite else { return delta > 0 ? .infinity : 0 }
    guard delta < 2 * m else { return m }
    let ratio = delta / (2 * m)
    return (2 * delta * m).squareRoot() * (1 + ratio.squareRoot() / 3 + ratio / 9) - delta
  }

  /// Validates a mean time between interruptions: > 0, +∞ allowed, NaN rejected.
  static func meanTime(_ value: Double) throws(MechanismError) -> Double {
    guard value > 0 else {
      throw .invalidParameter(
        mechanism: name, parameter: "mean_time_between_interruptions", value: value,
        requirement: "must be > 0")
    }
    return value
  }
}
