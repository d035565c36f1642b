/// Run trials in batches until the estimates are precise enough (`--precision`, scenario key `precision`).
///
/// After each batch of ``batchTrials`` trials the engine computes the 95% confidence half-width of every
/// option's mean total cost, and of the mean paired cost difference between the two cheapest options (what a
/// recommendation rests on), each relative to its own value; it stops when the largest is at most
/// ``relativeHalfWidth``, or at ``maximumTrials``. The stop point depends only on the seed and the batch
/// boundaries, never on the thread count.
public struct PrecisionTarget: Sendable, Hashable, Codable {
  /// Trials per batch (a multiple of the engine's chunk size).
  public static let batchTrials = 1024

  /// The largest acceptable 95% half-width relative to the value, in (0, 1) (0.01 for `1%`).
  public var relativeHalfWidth: Double
  /// Most trials to run if the target is not met (≥ 1).
  public var maximumTrials: Int

  /// The trial limit when none is given.
  public static let defaultMaximumTrials = 1_000_000

  /// Creates a target.
  public init(relativeHalfWidth: Double, maximumTrials: Int = defaultMaximumTrials) {
    self.relativeHalfWidth = relativeHalfWidth
    self.maximumTrials = maximumTrials
  }
}

/// How a run with a ``PrecisionTarget`` ended.
public struct PrecisionOutcome: Sendable, Hashable, Codable {
  /// The relative half-width asked for.
  public var target: Double
  /// The largest relative 95% half-width over the quantities checked when the run stopped.
  public var reached: Double
  /// Whether `reached` ≤ `target` (otherwise the run stopped at `maximumTrials`).
  public var met: Bool
  /// The trial limit.
  public var maximumTrials: Int

  /// Creates an outcome.
  public init(target: Double, reached: Double, met: Bool, maximumTrials: Int) {
    self.target = target
    self.reached = reached
    self.met = met
    self.maximumTrials = maximumTrials
  }
}

/// How far a run has got, reported after every chunk of trials (in trial order).
public struct SimulationProgress: Sendable, Hashable {
  /// Trials finished and reduced.
  public var trialsDone: Int
  /// Trials planned: the scenario's, or the maximum under a precision target.
  public var trialsPlanned: Int
  /// Under a precision target, how close the last finished batch came to it; nil without one.
  public var precision: PrecisionProgress?

  /// Creates a progress report.
  public init(trialsDone: Int, trialsPlanned: Int, precision: PrecisionProgress? = nil) {
    self.trialsDone = trialsDone
    self.trialsPlanned = trialsPlanned
    self.precision = precision
  }
}

/// A precision target's state during a run: the target, and the precision reached after the last batch.
public struct PrecisionProgress: Sendable, Hashable {
  /// The relative 95% half-width asked for.
  public var target: Double
  /// The largest relative 95% half-width after the last finished batch; nil before the first ends.
  public var reached: Double?
  /// The trials behind `reached`.
  public var checkedTrials: Int

  /// Creates the state.
  public init(target: Double, reached: Double?, checkedTrials: Int) {
    self.target = target
    self.reached = reached
    self.checkedTrials = checkedTrials
  }

  /// The trials the run will likely need: a half-width falls as 1/√trials, so the trials checked ×
  /// (reached / target)², rounded up to whole batches; nil before the first batch or when the half-width is
  /// not finite.
  public var expectedTrials: Int? {
    guard let reached, reached.isFinite, target > 0, checkedTrials > 0 else { return nil }
    let needed = Double(checkedTrials) * (reached / target) * (reached / target)
    guard needed < 1e15 else { return nil }
    let batch = PrecisionTarget.batchTrials
    return Swift.max(checkedTrials, (Int(needed.rounded(.up)) + batch - 1) / batch * batch)
  }
}
