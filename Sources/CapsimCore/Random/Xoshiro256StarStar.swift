/// xoshiro256**, Blackman and Vigna's all-purpose 64-bit generator: capsim's random stream.
///
/// 256 bits of state, period 2²⁵⁶ − 1, passes BigCrush and PractRand; about 1 ns per output.
/// Streams are derived, never shared: ``init(seed:stream:)`` gives every (seed, stream index) pair its own
/// state by running SplitMix64 over a mix of the two, so trial *i* of a simulation draws the same numbers
/// whichever thread runs it and in whatever order. Streams from distinct (seed, stream) pairs start at
/// unrelated points of the period; with 2²⁵⁶ states the chance that two of even 2⁴⁰ streams of 2⁴⁰ draws
/// overlap is negligible (below 2⁻¹⁷⁰).
///
/// Reference: D. Blackman, S. Vigna, "Scrambled linear pseudorandom number generators",
/// ACM TOMS 47(4), 2021, doi:10.1145/3460772.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable, Hashable {
  @usableFromInline var s0: UInt64
  @usableFromInline var s1: UInt64
  @usableFromInline var s2: UInt64
  @usableFromInline var s3: UInt64

  /// Creates the generator seeded from one 64-bit seed through SplitMix64.
  public init(seed: UInt64) {
    var seeder = SplitMix64(seed: seed)
    s0 = seeder.next()
    s1 = seeder.next()
    s2 = seeder.next()
    s3 = seeder.next()
    if s0 | s1 | s2 | s3 == 0 { s0 = 1 }  // unreachable in practice: SplitMix64 is a bijection
  }

  /// Creates the independent stream number `stream` of `seed` (for example trial index *i* of a run).
  ///
  /// The pair is combined as `mix(seed) ⊕ mix(stream + φ)` (with SplitMix64's finaliser) before
  /// seeding, so neighbouring seeds and neighbouring streams give unrelated states.
  public init(seed: UInt64, stream: UInt64) {
    let combined = SplitMix64.mix(seed) ^ SplitMix64.mix(stream &+ 0x9E37_79B9_7F4A_7C15)
    self.init(seed: combined)
  }

  /// The next 64 random bits.
  @inlinable
  public mutating func next() -> UInt64 {
    let result = rotateLeft(s1 &* 5, by: 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotateLeft(s3, by: 45)
    return result
  }

  @inlinable
  func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 &- k))
  }
}
