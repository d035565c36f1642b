/// Derives the independent random streams of a simulation from its seed.
///
/// Every (trial, purpose) pair gets its own ``Xoshiro256StarStar`` stream, so a trial's numbers do not
/// depend on which thread runs it, on how trials are chunked, or on the other options in the scenario.
/// Purposes are stable 64-bit keys: ``workloadPurpose`` for job arrivals (shared by all options, so
/// every option sees the same jobs: common random numbers) and ``purpose(forOption:)`` for each option's
/// own draws, keyed by the option's name so that adding or reordering options leaves the others' numbers
/// unchanged.
public struct RandomStreams: Sendable, Hashable {
  /// The run's seed.
  public var seed: UInt64

  /// Creates the streams of `seed`.
  public init(seed: UInt64) {
    self.seed = seed
  }

  /// Purpose key of the workload's arrivals.
  public static let workloadPurpose: UInt64 = 0

  /// Purpose key of an option's draws: FNV-1a (64-bit) of its UTF-8 name, with the top bit set so it
  /// never equals ``workloadPurpose``.
  public static func purpose(forOption name: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in name.utf8 {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01b3
    }
    return hash | (1 << 63)
  }

  /// The stream for `trial` and `purpose`.
  public func stream(trial: Int, purpose: UInt64) -> Xoshiro256StarStar {
    Xoshiro256StarStar(seed: SplitMix64.mix(seed ^ SplitMix64.mix(purpose)), stream: UInt64(trial))
  }
}
