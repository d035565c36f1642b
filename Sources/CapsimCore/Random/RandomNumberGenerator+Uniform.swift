extension RandomNumberGenerator {
  /// A uniform double on the open interval (0, 1): safe to pass to `log`.
  ///
  /// Uses the top 53 bits and centres them in their cell: `(⌊x / 2¹¹⌋ + ½) · 2⁻⁵³`, so the smallest value
  /// is 2⁻⁵⁴ and the largest 1 − 2⁻⁵⁴. All 2⁵³ outcomes are equally likely.
  @inlinable
  public mutating func nextOpenUnitDouble() -> Double {
    (Double(next() >> 11) + 0.5) * 0x1p-53
  }

  /// A uniform double on the half-open interval [0, 1), in steps of 2⁻⁵³.
  @inlinable
  public mutating func nextUnitDouble() -> Double {
    Double(next() >> 11) * 0x1p-53
  }

  /// A uniform integer in `0..<upperBound` without modulo bias (Lemire's method, as the standard library).
  @inlinable
  public mutating func nextIndex(below upperBound: Int) -> Int {
    Int(next(upperBound: UInt64(upperBound)))
  }
}
