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
    let u = stream.nextUnitDouble()
    return sorted.withUnsafeBufferPointer { Self.inversion($0, u) }
  }

  /// The value at ⌊n·u⌋ of sorted `values`, for u in [0, 1).
  @inline(__always)
  static func inversion(_ values: UnsafeBufferPointer<Double>, _ u: Double) -> Double {
    values[Swift.min(values.count - 1, Int(Double(values.count) * u))]
  }
}
