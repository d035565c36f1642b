import RealModule
import Testing

@testable import CapsimCore

@Suite("MeanAccumulator")
struct DescriptiveMeanAccumulatorTests {
  @Test("Matches the two-pass summary of fixture A, added one by one and merged in chunks")
  func matchesFixture() {
    let values = DescriptiveSummaryTests.sampleA
    var whole = MeanAccumulator()
    for value in values { whole.add(value) }
    var merged = MeanAccumulator()
    for start in stride(from: 0, to: values.count, by: 7) {
      var chunk = MeanAccumulator()
      for value in values[start..<min(start + 7, values.count)] { chunk.add(value) }
      merged.merge(chunk)
    }
    for accumulator in [whole, merged] {
      #expect(accumulator.count == 25)
      // A.mean(), np.std(A, ddof=1)
      #expect(accumulator.mean.isApproximatelyEqual(to: 27.19, relativeTolerance: 1e-14))
      #expect(
        accumulator.standardDeviation?.isApproximatelyEqual(
          to: 49.74924256123571, relativeTolerance: 1e-13) == true)
      // scipy.stats.t.ppf(0.975, 24) = 2.0638985616280245
      let halfWidth = 2.0638985616280245 * 49.74924256123571 / 5
      #expect(
        accumulator.estimate?.upper?.isApproximatelyEqual(
          to: 27.19 + halfWidth, relativeTolerance: 1e-12) == true)
    }
  }

  @Test("Merging is deterministic and handles empty sides")
  func mergeEdges() {
    var a = MeanAccumulator()
    for value in [1.0, 2, 3] { a.add(value) }
    #expect(MeanAccumulator().merging(a) == a)
    #expect(a.merging(MeanAccumulator()) == a)
    #expect(MeanAccumulator().estimate == nil)
    var one = MeanAccumulator()
    one.add(5)
    #expect(one.variance == nil && one.estimate == Estimate(value: 5))
  }

  @Test("Student t quantiles match scipy.stats.t.ppf(0.975, ν)")
  func studentT() {
    let cases: [(Int, Double)] = [
      (1, 12.706204736174694), (2, 4.302652729749462), (30, 2.0422724563012378),
      (31, 2.039513446396408), (40, 2.021075390306273), (100, 1.9839715185235518),
      (1000, 1.9623390808264083),
    ]
    for (degrees, expected) in cases {
      #expect(
        abs(studentTQuantile975(degreesOfFreedom: degrees) - expected) < 5e-8, "ν = \(degrees)")
    }
    #expect(studentTQuantile975(degreesOfFreedom: 0).isNaN)
  }
}
