/// A duration source ready for the hot loop: sorted values drawn by inversion, or a distribution.
///
/// A sample set is sorted once, and a draw takes the value at ⌊n·U⌋ for one uniform U: the bootstrap
/// distribution by inversion. Two options drawing with the same U (common random numbers) then draw the
/// same quantile of their own sample sets, which makes their job times positively correlated and paired
/// differences less noisy than independent draws would.
struct DurationDraws: Sendable {
  /// Sample values, ascending (empty for a distribution).
  let sorted: [Double]
  /// A distribution (smoothed bootstrap, fit, or given in the scenario), cut off at 0.
  let distribution: (any ContinuousDistribution)?
  /// The sample values as given (empty for a distribution): what `prepared` is recognised by.
  private let values: [Double]

  /// Prepares `duration` for drawing. When `prepared` was made from the very same sample array (the same
  /// storage, as every trial's copy of a scenario shares it with the run's), its sorted values are taken
  /// instead of sorting again: an array's storage never changes while two values share it, so the values,
  /// and therefore the sorted values, are the same.
  init(_ duration: ResolvedDuration, reusing prepared: DurationDraws? = nil) {
    switch duration {
    case .empirical(let values):
      precondition(!values.isEmpty, "a duration sample set must not be empty (resolver checks it)")
      self.values = values
      if let prepared, Self.sameStorage(prepared.values, values) {
        sorted = prepared.sorted
      } else {
        sorted = values.sorted()
      }
      distribution = nil
    case .distribution(let distribution):
      values = []
      sorted = []
      self.distribution = distribution
    }
  }

  /// Whether `first` and `second` are one array storage (so equal element for element); false when
  /// either is empty.
  static func sameStorage(_ first: [Double], _ second: [Double]) -> Bool {
    // Every empty array shares one storage, so emptiness is checked apart.
    !first.isEmpty && first.count == second.count
      && first.withUnsafeBufferPointer { a in
        second.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress }
      }
  }

  /// One draw in seconds, never negative.
  @inline(__always)
  func sample(using stream: inout CounterStream) -> Double {
    if let distribution { return Swift.max(0, distribution.sample(using: &stream)) }
    let bits = stream.next()
    return sorted.withUnsafeBufferPointer { Self.inversion($0, bits: bits) }
  }

  /// The value at ⌊n·U⌋ of sorted `values` (n ≥ 1), for the uniform U in [0, 1) that
  /// `nextUnitDouble()` makes of the same 64 `bits`: U = k·2⁻⁵³ with k their top 53 bits.
  ///
  /// Computed in integers, ⌊n·k·2¹¹ / 2⁶⁴⌋ as the high word of one 64 × 64-bit product (no conversion to
  /// and from a double, whose trap check and rounding cost more than the draw): the exact ⌊n·U⌋, always
  /// below n. (Rounding n·U to a double first would give ⌈n·U⌉ = ⌊n·U⌋ + 1 when n·U lies within half an
  /// ulp below a whole number, about n·2⁻⁵³ of draws.)
  @inline(__always)
  static func inversion(_ values: UnsafeBufferPointer<Double>, bits: UInt64) -> Double {
    let index = (bits & ~0x7FF).multipliedFullWidth(by: UInt64(values.count)).high
    return values[Int(truncatingIfNeeded: index)]
  }
}
