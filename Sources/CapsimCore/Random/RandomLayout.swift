/// What a simulation's random numbers are keyed by: (seed, trial, job, mechanism).
///
/// Every draw of a simulation comes from a ``CounterStream`` whose key is fixed by what the draw is for,
/// never by how many draws came before it:
///
/// - the trial key is `mix(mix(seed ⊕ c) ⊕ mix(trial + γ))`;
/// - job *j*'s key is `mix(trialKey + (j + 1)·γ)`; the trial's arrivals use the job key of *j* = −1;
/// - mechanism *m*'s stream for that job starts at `jobKey + m·2³²·γ` (``Mechanism``), so a job's
///   mechanisms have disjoint stretches of one Weyl sequence (each may draw up to 2³² numbers).
///
/// So the same job on two options, or on one option at two parameter values or node counts, draws the same
/// uniforms for the same mechanism (common random numbers): paired differences between options lose the
/// noise both share, and changing one option's settings leaves every other option's results unchanged.
/// Trials are independent of threads and chunking by construction.
///
/// `mix` is SplitMix64's finaliser (``SplitMix64/mix(_:)``), a bijection of 64-bit integers.
public struct RandomLayout: Sendable, Hashable {
  /// The independent streams of one job, one per mechanism.
  public enum Mechanism: UInt64, Sendable, CaseIterable {
    /// The run-level duration draw (or compute time without stragglers).
    case duration = 0
    /// Slowest-of-G step times.
    case stragglers = 1
    /// Contention episodes.
    case contention = 2
    /// Interruption clocks (preemptions, failures) and restarts.
    case interruptions = 3
    /// Waits for capacity drawn on pay-per-use options.
    case queueWait = 4
    /// Fatal failures and where they strike (full reruns).
    case reruns = 5
    /// Monthly job counts, then arrival times (trial level: job −1).
    case arrivals = 6
  }

  /// The run's seed.
  public let seed: UInt64
  @usableFromInline let seedKey: UInt64

  /// The layout of `seed`.
  public init(seed: UInt64) {
    self.seed = seed
    seedKey = SplitMix64.mix(seed ^ 0x5DEE_CE66_D1CE_4E5B)
  }

  /// The key of `trial` (≥ 0).
  @inlinable
  public func trialKey(_ trial: Int) -> UInt64 {
    SplitMix64.mix(
      seedKey ^ SplitMix64.mix(UInt64(truncatingIfNeeded: trial) &+ CounterStream.gamma))
  }

  /// The key of job `job` (≥ 0, in arrival order over the horizon; −1 for the trial's arrivals).
  @inlinable
  public static func jobKey(trialKey: UInt64, job: Int) -> UInt64 {
    SplitMix64.mix(trialKey &+ UInt64(truncatingIfNeeded: job &+ 1) &* CounterStream.gamma)
  }

  /// The stream of `mechanism` for the job with `jobKey`.
  @inlinable
  public static func stream(jobKey: UInt64, _ mechanism: Mechanism) -> CounterStream {
    CounterStream(key: jobKey &+ (mechanism.rawValue << 32) &* CounterStream.gamma)
  }

  /// The stream of `mechanism` for the job with `jobKey`, standing after its first `draws` outputs.
  @inlinable
  public static func stream(jobKey: UInt64, _ mechanism: Mechanism, after draws: UInt64)
    -> CounterStream
  {
    CounterStream(key: jobKey &+ ((mechanism.rawValue << 32) &+ draws) &* CounterStream.gamma)
  }

  /// Output `draw` (from 1) of `mechanism`'s stream for every job key in `keys`, into the first
  /// `keys.count` elements of `outputs`: the bits that the `draw`-th `next()` of
  /// ``stream(jobKey:_:)`` returns.
  ///
  /// A stream's outputs are a hash of its position (``CounterStream``), so the outputs of many jobs
  /// are one loop without dependences between them, which the compiler vectorises: the engine takes
  /// each job's first draws of a mechanism this way and hands them to the draw functions that accept a
  /// first output (``RandomNumberGenerator/nextStandardExponential(first:)``).
  @inlinable
  public static func outputs(
    _ mechanism: Mechanism, draw: UInt64, keys: UnsafeBufferPointer<UInt64>,
    into outputs: UnsafeMutableBufferPointer<UInt64>
  ) {
    precondition(outputs.count >= keys.count, "room for one output per key")
    guard let source = keys.baseAddress, let target = outputs.baseAddress else { return }
    for index in 0..<keys.count {
      var stream = Self.stream(jobKey: source[index], mechanism, after: draw &- 1)
      target[index] = stream.next()
    }
  }

  /// Each job's first draw of `mechanism` as a standard exponential: what
  /// ``RandomNumberGenerator/nextStandardExponential()`` gives on the start of the job's stream, one per
  /// key, the first outputs taken in one vectorised loop (into `outputs`, scratch space of at least as
  /// many elements). The engine takes the interruption clocks this way once per trial, for every option.
  @inlinable
  public static func standardExponentials(
    _ mechanism: Mechanism, keys: UnsafeBufferPointer<UInt64>,
    outputs: UnsafeMutableBufferPointer<UInt64>, into values: UnsafeMutableBufferPointer<Double>
  ) {
    precondition(values.count >= keys.count, "room for one value per key")
    Self.outputs(mechanism, draw: 1, keys: keys, into: outputs)
    for job in 0..<keys.count {
      var stream = Self.stream(jobKey: keys[job], mechanism, after: 1)
      values[job] = stream.nextStandardExponential(first: outputs[job])
    }
  }

  /// The keys of jobs 0, 1, … of the trial with `trialKey` (``jobKey(trialKey:job:)``), one per element
  /// of `keys`, in one loop that the compiler vectorises.
  @inlinable
  public static func jobKeys(trialKey: UInt64, into keys: UnsafeMutableBufferPointer<UInt64>) {
    guard let target = keys.baseAddress else { return }
    for job in 0..<keys.count { target[job] = jobKey(trialKey: trialKey, job: job) }
  }

  /// The stream of `mechanism` for job `job` of `trial` (convenience for tests and tools).
  public func stream(trial: Int, job: Int, _ mechanism: Mechanism) -> CounterStream {
    Self.stream(jobKey: Self.jobKey(trialKey: trialKey(trial), job: job), mechanism)
  }
}
