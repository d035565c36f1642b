extension RandomNumberGenerator {
  /// A uniform double on the open interval (0, 1): safe to pass to `log`.
  ///
  /// Uses the top 52 bits k and returns the centre of their cell, `(k + ½) · 2⁻⁵²` = `(2k + 1) · 2⁻⁵³`,
  /// which is exactly representable for every k (doubles in [½, 1) are spaced 2⁻⁵³ apart). So the
  /// smallest value is 2⁻⁵³, the largest 1 − 2⁻⁵³, and all 2⁵² outcomes are equally likely and distinct.
  /// (Centring 53 bits instead would round the top cell to exactly 1.)
  @inlinable
  public mutating func nextOpenUnitDouble() -> Double {
    (Double(next() >> 12) + 0.5) * 0x1p-52
  }

  /// A uniform double on the half-open interval [0, 1), in steps of 2⁻⁵³.
  @inlinable
  public mutating func nextUnitDouble() -> Double {
    unitDouble(next())
  }

  /// A uniform integer in `0..<upperBound` without modulo bias (Lemire's method, as the standard library).
  @inlinable
  public mutating func nextIndex(below upperBound: Int) -> Int {
    Int(next(upperBound: UInt64(upperBound)))
  }
}

/// The uniform in [0, 1) that ``RandomNumberGenerator/nextUnitDouble()`` makes of the 64 bits `bits`: their
/// top 53 bits times 2⁻⁵³.
@inlinable @inline(__always)
func unitDouble(_ bits: UInt64) -> Double {
  Double(bits >> 11) * 0x1p-53
}
