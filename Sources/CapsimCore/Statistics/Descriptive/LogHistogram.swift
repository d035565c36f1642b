/// A mergeable histogram of positive values on log-linear bins of relative width ≤ 2⁻¹⁰ ≈ 0.098%, for
/// pooling millions of simulated durations without storing them.
///
/// Bins follow the IEEE-754 bit pattern: a positive double's exponent and the top 10 bits of its
/// significand pick its bin, so each octave [2ᵉ, 2ᵉ⁺¹) is cut into 1024 equal bins and a value's bin is
/// one shift of its bits (no logarithm, no dictionary; HdrHistogram's log-linear layout). A bin
/// [a, b) has b/a ≤ 1 + 2⁻¹⁰, so its geometric midpoint √(ab) is within a factor √(1 + 2⁻¹⁰), i.e.
/// 0.0488%, of any value in it.
///
/// Storage is a dense array over the configured range (default 10⁻³ to 10⁷, 34 octaves, 34 816 bins,
/// 272 KiB), widened to whole bins; values below the first bin (including 0 and negatives) are counted
/// in `underflowCount`, values at or above the last bin's end in `overflowCount`. The exact minimum and
/// maximum are kept separately. It keeps no sum: the engine takes its means from its own running sums, and a
/// sum here would cost every recorded value a compensated addition that no report reads.
///
/// Counts are integers, so ``merge(_:)`` is exact and order-independent, as are the minimum and maximum.
///
/// - Complexity: O(1) per ``record(_:)``; O(bins) per quantile and per merge; O(bins) memory.
/// - Reference: G. Tene, HdrHistogram, http://hdrhistogram.org (log-linear bucketing).
///
/// ## Topics
/// - ``record(_:)``
/// - ``merge(_:)``
/// - ``quantile(_:)``
/// - ``quantileEstimate(_:)``
public struct LogHistogram: Sendable, Hashable, Codable {
  /// Significand bits used inside an octave: 2¹⁰ = 1024 bins per octave.
  public static let significandBits = 10
  /// Largest ratio of a bin's ends minus one, 2⁻¹⁰ ≈ 0.000977.
  public static let relativeBinWidth = 0x1p-10
  @usableFromInline static let shift: UInt64 = UInt64(52 - significandBits)
  /// The exponent bits of a `Double`: all set for NaN and ±∞ only.
  @usableFromInline static let exponentMask: UInt64 = 0x7FF0_0000_0000_0000
  /// One in the exponent's lowest bit.
  @usableFromInline static let exponentOne: UInt64 = 1 << 52

  /// Bin key (bit pattern >> shift) of the first bin.
  @usableFromInline let firstKey: UInt64
  /// Start of the first bin: smaller values are underflow.
  @usableFromInline let lowerEdge: Double
  /// End of the last bin: this and larger values are overflow.
  @usableFromInline let upperEdge: Double
  /// Counts per bin.
  @usableFromInline var counts: [Int]
  @usableFromInline var storedCount = 0
  @usableFromInline var storedUnderflowCount = 0
  @usableFromInline var storedOverflowCount = 0
  @usableFromInline var storedMinimum = Double.infinity
  @usableFromInline var storedMaximum = -Double.infinity

  /// An empty histogram whose bins cover at least [lowerBound, upperBound].
  ///
  /// - Throws: ``DescriptiveStatisticsError/invalidHistogramRange(lowerBound:upperBound:)`` unless
  ///   0 < lowerBound < upperBound < ∞ (as normal doubles: lowerBound ≥ 2⁻¹⁰²²).
  public init(lowerBound: Double = 1e-3, upperBound: Double = 1e7)
    throws(DescriptiveStatisticsError)
  {
    guard lowerBound.isNormal, upperBound.isFinite, lowerBound > 0, upperBound > lowerBound else {
      throw .invalidHistogramRange(lowerBound: lowerBound, upperBound: upperBound)
    }
    let first = lowerBound.bitPattern >> Self.shift
    let last = upperBound.bitPattern >> Self.shift
    firstKey = first
    lowerEdge = Double(bitPattern: first << Self.shift)
    upperEdge = Double(bitPattern: (last + 1) << Self.shift)
    counts = [Int](repeating: 0, count: Int(last - first + 1))
  }

  /// An empty histogram over the default range 10⁻³ … 10⁷.
  public init() {
    let first = (1e-3).bitPattern >> Self.shift
    let last = (1e7).bitPattern >> Self.shift
    firstKey = first
    lowerEdge = Double(bitPattern: first << Self.shift)
    upperEdge = Double(bitPattern: (last + 1) << Self.shift)
    counts = [Int](repeating: 0, count: Int(last - first + 1))
  }

  // MARK: - Recording

  /// Counts one value.
  ///
  /// - Throws: ``DescriptiveStatisticsError/nonFiniteValue(index:kind:)`` (index `nil`) for NaN or
  ///   ±∞; the histogram is unchanged.
  @inlinable
  public mutating func record(_ value: Double) throws(DescriptiveStatisticsError) {
    guard value.isFinite else {
      throw .nonFiniteValue(
        index: nil, kind: DescriptiveStatisticsError.NonFiniteKind(value) ?? .nan)
    }
    if value < lowerEdge {
      storedUnderflowCount += 1
    } else if value >= upperEdge {
      storedOverflowCount += 1
    } else {
      counts[Int(truncatingIfNeeded: (value.bitPattern >> Self.shift) &- firstKey)] += 1
    }
    storedCount += 1
    storedMinimum = Swift.min(storedMinimum, value)
    storedMaximum = Swift.max(storedMaximum, value)
  }

  /// Counts every value of `values` in order: the same histogram as calling
  /// ``record(_:)`` on each, in one pass that checks uniqueness of the bin storage once (the engine records a
  /// trial's job times this way rather than one call per job).
  ///
  /// - Throws: ``DescriptiveStatisticsError/nonFiniteValue(index:kind:)`` with the index of the first NaN
  ///   or ±∞; the histogram is then unchanged.
  @inlinable
  public mutating func record(contentsOf values: UnsafeBufferPointer<Double>)
    throws(DescriptiveStatisticsError)
  {
    // Any NaN or ±∞? Their exponent bits are all set, and only then does adding 1 to the exponent carry
    // into the sign bit. One pass of integer and, add and or, with no compare or early exit, so it
    // vectorises; only then look for the first.
    var carries: UInt64 = 0
    for value in values {
      carries |= (value.bitPattern & Self.exponentMask) &+ Self.exponentOne
    }
    if carries >> 63 != 0 {
      for index in values.indices where !values[index].isFinite {
        throw .nonFiniteValue(
          index: index, kind: DescriptiveStatisticsError.NonFiniteKind(values[index]) ?? .nan)
      }
    }
    let lower = lowerEdge
    let upper = upperEdge
    let first = firstKey
    // The running values are locals of the closure (not captured from outside it), so they stay in
    // registers instead of being stored back to memory after every value.
    let start = (storedUnderflowCount, storedOverflowCount, storedMinimum, storedMaximum)
    let end = counts.withUnsafeMutableBufferPointer { bins in
      var (underflow, overflow, minimum, maximum) = start
      guard let base = bins.baseAddress else { return start }
      for value in values {
        // Counts cannot reach 2⁶³, so they add without overflow checks.
        if value < lower {
          underflow &+= 1
        } else if value >= upper {
          overflow &+= 1
        } else {
          // lower ≤ value < upper: the key lies in the bins' range by construction.
          base[Int(truncatingIfNeeded: (value.bitPattern >> Self.shift) &- first)] &+= 1
        }
        minimum = Swift.min(minimum, value)
        maximum = Swift.max(maximum, value)
      }
      return (underflow, overflow, minimum, maximum)
    }
    (storedUnderflowCount, storedOverflowCount, storedMinimum, storedMaximum) = end
    storedCount += values.count
  }

  /// Adds every count of `other` to this histogram.
  ///
  /// - Throws: ``DescriptiveStatisticsError/incompatibleHistograms`` when the ranges differ; this
  ///   histogram is then unchanged.
  public mutating func merge(_ other: LogHistogram) throws(DescriptiveStatisticsError) {
    guard firstKey == other.firstKey, counts.count == other.counts.count else {
      throw .incompatibleHistograms
    }
    // Only the bins between the other's minimum and maximum can hold counts.
    for index in other.occupiedBins { counts[index] += other.counts[index] }
    storedCount += other.storedCount
    storedUnderflowCount += other.storedUnderflowCount
    storedOverflowCount += other.storedOverflowCount
    storedMinimum = Swift.min(storedMinimum, other.storedMinimum)
    storedMaximum = Swift.max(storedMaximum, other.storedMaximum)
  }

  /// The bins that can hold counts: those from the minimum's to the maximum's (empty when no value was
  /// binned).
  var occupiedBins: Range<Int> {
    guard storedCount > storedUnderflowCount + storedOverflowCount else { return 0..<0 }
    // Some value was binned, so the minimum is below the upper edge and the maximum at or above the lower.
    let low = storedMinimum < lowerEdge ? 0 : bin(of: storedMinimum)
    let high = storedMaximum >= upperEdge ? counts.count - 1 : bin(of: storedMaximum)
    return low..<(high + 1)
  }

  /// The bin of a value in [lowerEdge, upperEdge).
  private func bin(of value: Double) -> Int {
    Int(truncatingIfNeeded: (value.bitPattern >> Self.shift) &- firstKey)
  }

  // MARK: - Totals

  /// Number of values recorded (including underflow and overflow).
  public var count: Int { storedCount }
  /// Values below the first bin (including 0 and negative values).
  public var underflowCount: Int { storedUnderflowCount }
  /// Values at or above the end of the last bin.
  public var overflowCount: Int { storedOverflowCount }
  /// The exact smallest value recorded; `nil` when empty.
  public var minimum: Double? { storedCount > 0 ? storedMinimum : nil }
  /// The exact largest value recorded; `nil` when empty.
  public var maximum: Double? { storedCount > 0 ? storedMaximum : nil }
  /// Number of bins (depends only on the range).
  public var binCount: Int { counts.count }
  /// The smallest value counted in a bin rather than in underflow.
  public var lowestBinnedValue: Double { lowerEdge }
  /// Values at or above this are counted in overflow.
  public var overflowThreshold: Double { upperEdge }
}
