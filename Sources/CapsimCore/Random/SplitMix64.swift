/// SplitMix64, Steele, Lea and Flood's 64-bit generator, used here to seed and split streams.
///
/// Each call advances a Weyl sequence by the golden-ratio increment 0x9E3779B97F4A7C15 and passes it
/// through a bijective finaliser (variant 13 of Stafford's Mix13). The period is 2⁶⁴. It is the seeding
/// method recommended for the xoshiro family by its authors.
///
/// Reference: G. L. Steele, D. Lea, C. H. Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014, doi:10.1145/2660193.2660195.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
  /// The generator's whole state.
  public var state: UInt64

  /// Creates a generator whose first output derives from `seed`.
  public init(seed: UInt64) {
    self.state = seed
  }

  /// The next 64 random bits.
  @inlinable
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    return Self.mix(state)
  }

  /// The SplitMix64 finaliser: a bijection of 64-bit integers with good avalanche.
  @inlinable
  public static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
