/// A keyed, counter-based stream of 64-bit outputs: output *i* (from 1) of key *k* is
/// `SplitMix64.mix(k + i·γ)`, γ = 0x9E3779B97F4A7C15 (the golden-ratio Weyl increment).
///
/// This is SplitMix64 (Steele, Lea and Flood 2014) started at the key: its outputs are a bijective,
/// avalanching finaliser applied to a Weyl sequence, which passes BigCrush (ibid., §5) and costs one add,
/// two multiplies and three shifts per output, with 8 bytes of state that is created for free. capsim
/// keys one such stream per (seed, trial, job, mechanism) through ``RandomLayout``, so a job's draws for a
/// mechanism do not depend on how many draws anything else made before it (common random numbers).
///
/// Statistical basis of keying: two streams with keys k₁ ≠ k₂ share an output only if
/// k₂ − k₁ ≡ j·γ (mod 2⁶⁴) for some |j| below the number of draws L; with keys from a 64-bit mix this has
/// probability about 2L/2⁶⁴ per pair. Within one job the mechanisms' streams are offsets of one key by
/// multiples of 2³²·γ, so they are disjoint for fewer than 2³² draws each (see ``RandomLayout``).
///
/// Reference: G. L. Steele, D. Lea, C. H. Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014, doi:10.1145/2660193.2660195; J. K. Salmon et al., "Parallel random numbers: as easy as
/// 1, 2, 3", SC 2011, doi:10.1145/2063384.2063405 (counter-based generators).
public struct CounterStream: RandomNumberGenerator, Sendable, Hashable {
  /// The Weyl increment γ.
  public static let gamma: UInt64 = 0x9E37_79B9_7F4A_7C15

  /// Key plus the number of outputs made so far times γ.
  public var state: UInt64

  /// The stream of `key`, before its first output.
  @inlinable
  public init(key: UInt64) {
    state = key
  }

  /// The next 64 random bits.
  @inlinable
  public mutating func next() -> UInt64 {
    state &+= Self.gamma
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
