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
