import RealModule

/// Preemptions and failures with checkpoint/restart, following Daly's model exactly, plus fatal failures that need a
/// full rerun.
///
/// **Interruptions.** Spot preemptions and hardware/software failures are Poisson processes per GPU-hour, so a job on
/// G GPUs is interrupted at rate λ = G·(λ_preempt + λ_fail) per wall hour, M = 1/λ.
///
/// **Checkpointing (Daly 2006).** The job's T_s hours of failure-free work run in n = ⌈T_s/τ⌉ segments (T_s/τ within
/// 1e-9 of an integer counts as that integer): τ hours of work then a δ-hour checkpoint, the last segment holding the
/// remaining T_s − (n−1)τ hours and also ending in a checkpoint. An interruption during work or a checkpoint loses
/// everything since the last completed checkpoint; the job then restarts, which takes R hours and must itself run
/// uninterrupted (an interruption during a restart starts the restart again). For T_s a multiple of τ the expected
/// wall time is exactly ``DalyFormula/expectedWallTime(solveHours:intervalHours:checkpointHours:restartHours:meanTimeBetweenInterruptions:)``.
///
/// **Fatal failures.** Independently, each attempt fails fatally with probability p (a bug, a corrupted checkpoint:
/// anything a restart from checkpoint cannot fix), at a point uniformly distributed over its T_s hours of work; the
/// attempt's whole wall time is wasted and the job reruns from scratch, at most ``maxReruns`` times; a job whose last
/// allowed attempt also fails is counted as failed.
///
/// **Cost.** Event-driven: the time to the next interruption is drawn once and the checkpoint schedule is skipped
/// arithmetically, so a job costs one exponential draw plus one per interruption (and one uniform when p > 0),
/// whatever its number of segments. Nothing is allocated.
///
/// References: J. T. Daly, FGCS 22(3), 2006, doi:10.1016/j.future.2004.11.016; J. W. Young, CACM 17(9), 1974,
/// doi:10.1145/361147.361115.
public struct InterruptionModel: Sendable {
  /// How the compute interval τ between checkpoints is chosen.
  public enum CheckpointInterval: Sendable, Hashable, Codable {
    /// A given τ in hours of work (> 0; +∞ means a single checkpoint at the end).
    case fixed(hours: Double)
    /// Young's τ = √(2δM).
    case young
    /// Daly's higher-order τ (see ``DalyFormula/optimalInterval(checkpointHours:meanTimeBetweenInterruptions:)``).
    case daly
  }

  /// Mechanism name used in error messages.
  static let name = "interruptions"

  /// λ = G·(λ_preempt + λ_fail): interruptions per wall hour of the job.
  public let interruptionsPerHour: Double
  /// τ, hours of work between checkpoints (+∞ when M = +∞ and τ comes from a rule).
  public let intervalHours: Double
  /// δ, hours per checkpoint.
  public let checkpointHours: Double
  /// R, hours per restart.
  public let restartHours: Double
  /// p, the probability that an attempt fails fatally.
  public let fatalFailureProbability: Double
  /// Most full reruns after fatal failures.
  public let maxReruns: Int
  /// 1/λ, kept so that a job's attempt multiplies instead of dividing (+∞ when λ = 0).
  @usableFromInline let meanHoursBetweenInterruptions: Double
  /// τ + δ, a segment of work with its checkpoint.
  @usableFromInline let segmentHours: Double
  /// 1/τ (0 when τ = +∞), for the segment count's fast path.
  @usableFromInline let intervalsPerHour: Double

  /// M = 1/λ, the job's mean time between interruptions (+∞ when λ = 0).
  public var meanTimeBetweenInterruptions: Double { 1 / interruptionsPerHour }

  // MARK: - Creating a model

  /// Creates a model for a job on `gpus` GPUs.
  ///
  /// - Parameters: rates per GPU-hour (finite, ≥ 0); hours finite and ≥ 0; `fatalFailureProbability` in [0, 1];
  ///   `maxReruns` ≥ 0.
  /// - Throws: ``MechanismError/invalidParameter(mechanism:parameter:value:requirement:)`` outside those domains, or when
  ///   a rule gives τ = 0 (δ = 0: checkpoints cost nothing, so give a fixed interval instead), or when τ, given or
  ///   from a rule, is under ``shortestIntervalHours`` (0.36 s).
  public init(
    gpus: Int, preemptionsPerGPUHour: Double, failuresPerGPUHour: Double,
    checkpointInterval: CheckpointInterval,
    checkpointHours: Double, restartHours: Double, fatalFailureProbability: Double = 0,
    maxReruns: Int = 0
  ) throws(MechanismError) {
    let name = Self.name
    guard gpus >= 1 else {
      throw .invalidParameter(
        mechanism: name, parameter: "gpus", value: Double(gpus), requirement: "must be ≥ 1")
    }
    let preemption = try MechanismError.positive(
      preemptionsPerGPUHour, "preemptions_per_gpu_hour", in: name, allowZero: true)
    let failure = try MechanismError.positive(
      failuresPerGPUHour, "failures_per_gpu_hour", in: name, allowZero: true)
    self.checkpointHours = try MechanismError.positive(
      checkpointHours, "checkpoint_hours", in: name, allowZero: true)
    self.restartHours = try MechanismError.positive(
      restartHours, "restart_hours", in: name, allowZero: true)
    self.fatalFailureProbability = try MechanismError.within(
      fatalFailureProbability, 0...1, "fatal_failure_probability", in: name)
    guard maxReruns >= 0 else {
      throw .invalidParameter(
        mechanism: name, parameter: "max_reruns", value: Double(maxReruns),
        requirement: "must be ≥ 0")
    }
    self.maxReruns = maxReruns
    interruptionsPerHour = Double(gpus) * (preemption + failure)
    let m = 1 / interruptionsPerHour
    let tau: Double
    switch checkpointInterval {
    case .fixed(let hours):
      guard hours > 0 else {
        throw .invalidParameter(
          mechanism: name, parameter: "checkpoint_interval_hours", value: hours,
          requirement: "must be > 0")
      }
      tau = hours
    case .young:
      tau = try YoungFormula.optimalInterval(
        checkpointHours: self.checkpointHours, meanTimeBetweenInterruptions: m)
    case .daly:
      tau = try DalyFormula.optimalInterval(
        checkpointHours: self.checkpointHours, meanTimeBetweenInterruptions: m)
    }
    guard tau > 0 else {
      throw .invalidParameter(
        mechanism: name, parameter: "checkpoint_hours", value: self.checkpointHours,
        requirement: "must be > 0 for a Young or Daly interval (or give a fixed interval)")
    }
    // A shorter interval is no schedule anyone runs, and its segment counts would pass any bound.
    guard tau >= Self.shortestIntervalHours else {
      if case .fixed = checkpointInterval {
        throw .invalidParameter(
          mechanism: name, parameter: "checkpoint_every_hours", value: tau,
          requirement: "must be at least 0.0001 h (0.36 s)")
      }
      throw .invalidParameter(
        mechanism: name, parameter: "checkpoint_hours", value: self.checkpointHours,
        requirement:
          "gives a checkpoint interval of \(tau) h, under 0.0001 h (0.36 s): give a checkpoint that takes "
          + "at least a second, or a fixed checkpoint_every_hours")
    }
    intervalHours = tau
    meanHoursBetweenInterruptions = m
    segmentHours = tau + self.checkpointHours
    intervalsPerHour = 1 / tau
  }

  /// The shortest checkpoint interval a model accepts, fixed or from a rule: 0.0001 h (0.36 s).
  public static let shortestIntervalHours = 0.0001

  /// A model that never interrupts a job and never checkpoints it (a job's wall time is its work).
  public static let never: InterruptionModel = {
    do {
      return try InterruptionModel(
        gpus: 1, preemptionsPerGPUHour: 0, failuresPerGPUHour: 0,
        checkpointInterval: .fixed(hours: .infinity), checkpointHours: 0, restartHours: 0)
    } catch {
      preconditionFailure("a model with zero rates and no checkpoints is valid: \(error)")
    }
  }()

  // MARK: - Simulation

  /// Simulates one job needing `solveHours` failure-free hours of work (T_s), drawing everything from one stream.
  ///
  /// Returns an all-zero, completed outcome without drawing when T_s ≤ 0 or NaN. With λ = 0 and p = 0 no number is
  /// drawn and wall = T_s + n·δ exactly. (The engine keeps fatal failures on a stream of their own: see
  /// ``simulate(solveHours:interruptions:reruns:)``; here the rerun stream is split off this one when p > 0.)
  ///
  /// - Complexity: O(1 + interruptions + reruns); allocates nothing.
  @inlinable
  public func simulate<G: RandomNumberGenerator>(solveHours: Double, using generator: inout G)
    -> InterruptionOutcome
  {
    var reruns = CounterStream(key: fatalFailureProbability > 0 ? generator.next() : 0)
    return simulate(solveHours: solveHours, interruptions: &generator, reruns: &reruns)
  }

  /// Simulates one job needing `solveHours` failure-free hours of work (T_s): interruption clocks and restarts from
  /// `interruptions`, fatal failures and where they strike from `reruns` (so changing the rerun probability leaves
  /// the interruption draws of every attempt where they were, and the other way round).
  ///
  /// Exponential clocks are drawn by the ziggurat (``Swift/RandomNumberGenerator/nextStandardExponential()``).
  ///
  /// - Complexity: O(1 + interruptions + reruns); allocates nothing.
  @inlinable
  public func simulate<G: RandomNumberGenerator, R: RandomNumberGenerator>(
    solveHours: Double, interruptions generator: inout G, reruns: inout R
  ) -> InterruptionOutcome {
    var outcome = InterruptionOutcome(
      wallHours: 0, usefulHours: 0, checkpointHours: 0, lostHours: 0, restartHours: 0,
      rerunWasteHours: 0,
      interruptions: 0, reruns: 0, completed: true)
    guard solveHours > 0 else { return outcome }
    var attempt = 0
    while true {
      if fatalFailureProbability > 0 && reruns.nextUnitDouble() < fatalFailureProbability {
        let crash = solveHours * reruns.nextOpenUnitDouble()
        let run = runAttempt(solveHours: crash, finalCheckpoint: false, using: &generator)
        outcome.rerunWasteHours += crash + run.checkpoint + run.lost + run.restart
        outcome.interruptions += run.interruptions
        if attempt == maxReruns {
          outcome.completed = false
          outcome.wallHours = outcome.rerunWasteHours
          return outcome
        }
        attempt += 1
        outcome.reruns += 1
        continue
      }
      let run = runAttempt(solveHours: solveHours, finalCheckpoint: true, using: &generator)
      outcome.usefulHours = solveHours
      outcome.checkpointHours = run.checkpoint
      outcome.lostHours = run.lost
      outcome.restartHours = run.restart
      outcome.interruptions += run.interruptions
      outcome.wallHours =
        solveHours + run.checkpoint + run.lost + run.restart + outcome.rerunWasteHours
      return outcome
    }
  }
}
