import Testing

@testable import CapsimCore

/// A trial's simulator (uncertain inputs) takes the run's sorted sample values instead of sorting them
/// again, but only when its sample array is the very same storage: an array of the same length with other
/// values, or a copy changed after it was taken, must be sorted afresh. The reference is `sorted()` of the
/// trial's own values.
@Suite("Duration draws reuse sorted samples only from the same array")
struct DurationDrawsTests {
  static let values: [Double] = [3.5, 1.25, 9, 0.5, 2, 7.75, 4, 6]

  @Test func theSameArrayLendsItsSortedValues() {
    let prepared = DurationDraws(.empirical(Self.values))
    let trialCopy = Self.values  // shares storage, as a trial's copy of the scenario does
    let draws = DurationDraws(.empirical(trialCopy), reusing: prepared)
    #expect(draws.sorted == Self.values.sorted())
    #expect(DurationDraws.sameStorage(draws.sorted, prepared.sorted))
  }

  @Test func anotherArrayOfTheSameLengthIsSortedAfresh() {
    let prepared = DurationDraws(.empirical(Self.values))
    let other = Self.values.map { $0 * 10 + 1 }
    let draws = DurationDraws(.empirical(other), reusing: prepared)
    #expect(draws.sorted == other.sorted())
    #expect(!DurationDraws.sameStorage(draws.sorted, prepared.sorted))
  }

  @Test func aCopyChangedAfterItWasTakenIsSortedAfresh() {
    let prepared = DurationDraws(.empirical(Self.values))
    var changed = Self.values
    changed[3] = 100  // copy on write: new storage
    let draws = DurationDraws(.empirical(changed), reusing: prepared)
    #expect(draws.sorted == changed.sorted())
    #expect(draws.sorted.last == 100)
  }

  @Test func aDistributionHasNoValuesToShare() throws {
    let prepared = DurationDraws(.empirical(Self.values))
    let distribution = try NormalDistribution(mean: 2, standardDeviation: 0.5)
    let draws = DurationDraws(.distribution(distribution), reusing: prepared)
    #expect(draws.sorted.isEmpty)
    #expect(!DurationDraws.sameStorage([], []))
  }
}

/// A draw from a sample set takes the value at ⌊n·U⌋, U = k·2⁻⁵³ from the top 53 bits k of one output. The
/// reference is the same floor in exact integer arithmetic, n·k >> 53, which fits in 64 bits for n < 2¹¹.
@Suite("Duration draws by inversion")
struct InversionTests {
  static func reference(count n: Int, bits: UInt64) -> Int {
    Int(((bits >> 11) * UInt64(n)) >> 53)
  }

  @Test func theIndexIsTheExactFloorOfNTimesU() {
    var stream = CounterStream(key: 42)
    for n in [1, 2, 3, 7, 100, 1_000, 2_047] {
      let values = (0..<n).map(Double.init)
      values.withUnsafeBufferPointer { buffer in
        for _ in 0..<2_000 {
          let bits = stream.next()
          #expect(
            DurationDraws.inversion(buffer, bits: bits)
              == Double(Self.reference(count: n, bits: bits)),
            "n \(n), bits \(bits)")
        }
        #expect(DurationDraws.inversion(buffer, bits: 0) == 0)
        #expect(DurationDraws.inversion(buffer, bits: .max) == Double(n - 1))
      }
    }
  }

  /// With n = 3 and k = (2⁵⁴ − 1)/3, n·U = 2 − 2⁻⁵³ exactly, which a double rounds up to 2 (half-way, to
  /// even): the index is 1, not 2.
  @Test func aProductJustBelowAWholeNumberIsNotRoundedUp() {
    let k: UInt64 = ((1 << 54) - 1) / 3
    #expect(k * 3 == (1 << 54) - 1)
    let bits = k << 11
    #expect(Double(3) * (Double(k) * 0x1p-53) == 2)
    [10.0, 20, 30].withUnsafeBufferPointer { buffer in
      #expect(DurationDraws.inversion(buffer, bits: bits) == 20)
    }
  }
}
