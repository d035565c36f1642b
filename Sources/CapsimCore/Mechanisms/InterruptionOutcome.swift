/// What happened to one simulated job under ``InterruptionModel``: its wall time and where the time went.
///
/// `wallHours` = `usefulHours` + `checkpointHours` + `lostHours` + `restartHours` + `rerunWasteHours`, where the first
/// four describe the final, successful attempt (all zero if the job failed) and `rerunWasteHours` is the whole wall
/// time of attempts ended by a fatal failure.
public struct InterruptionOutcome: Sendable, Hashable, Codable {
  /// Total wall hours from the first start to completion (or to giving up).
  public var wallHours: Double
  /// Failure-free work T_s of the successful attempt (0 if the job failed).
  public var usefulHours: Double
  /// Completed checkpoints × δ in the successful attempt.
  public var checkpointHours: Double
  /// Work and partial checkpoints lost to interruptions in the successful attempt.
  public var lostHours: Double
  /// Restart time in the successful attempt, including restarts cut short by another interruption.
  public var restartHours: Double
  /// Wall hours of attempts ended by a fatal failure (which need a full rerun).
  public var rerunWasteHours: Double
  /// Preemptions and failures recovered from a checkpoint, over all attempts (including those during restarts).
  public var interruptions: Int
  /// Full reruns started after fatal failures.
  public var reruns: Int
  /// False when the job exhausted its reruns and failed.
  public var completed: Bool

  /// Creates an outcome.
  public init(
    wallHours: Double, usefulHours: Double, checkpointHours: Double, lostHours: Double,
    restartHours: Double,
    rerunWasteHours: Double, interruptions: Int, reruns: Int, completed: Bool
  ) {
    self.wallHours = wallHours
    self.usefulHours = usefulHours
    self.checkpointHours = checkpointHours
    self.lostHours = lostHours
    self.restartHours = restartHours
    self.rerunWasteHours = rerunWasteHours
    self.interruptions = interruptions
    self.reruns = reruns
    self.completed = completed
  }
}
