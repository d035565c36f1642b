import RealModule
import Testing

@testable import CapsimCore

@Suite("SampleSummary")
struct DescriptiveSummaryTests {
  // Fixture A and its references, reproduced with
  // python3 -c "import numpy as np; from scipy.stats import skew; A = np.array([...as below...]);
  //   print(A.mean(), np.std(A, ddof=1), skew(A, bias=False), np.percentile(A, [50, 90, 95, 99, 99.9]))"
  static let sampleA: [Double] = [
    12.5, 3.25, 7.75, 101.0, 0.5, 44.0, 9.125, 15.5, 2.0, 6.5, 18.0, 27.25, 5.0,
    63.5, 11.0, 8.875, 3.0, 240.0, 13.5, 21.0, 4.25, 9.5, 35.0, 1.75, 16.0,
  ]

  /// Fixture B: i = np.arange(1000); B = ((i * 7919) % 1009) / 8 + ((i % 13) ** 2) / 4 (exact in binary).
  static let sampleB: [Double] = (0..<1000).map { (index: Int) -> Double in
    let residue = Double((index * 7919) % 1009)
    let square = Double((index % 13) * (index % 13))
    return residue / 8 + square / 4
  }

  static func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-13) -> Bool {
    guard let a else { return false }
    return a.isApproximatelyEqual(to: b, relativeTolerance: tolerance)
  }

  @Test("Moments and quantiles of fixture A match numpy/scipy")
  func fixtureA() throws {
    let summary = try SampleSummary(Self.sampleA)
    #expect(summary.count == 25)
    #expect(Self.close(summary.mean, 27.19))  // A.mean()
    #expect(Self.close(summary.standardDeviation, 49.74924256123571))  // np.std(A, ddof=1)
    #expect(Self.close(summary.standardError, 49.74924256123571 / 5))
    #expect(Self.close(summary.coefficientOfVariation, 1.8296889503948404))
    #expect(Self.close(summary.skewness, 3.6572360811269062, 1e-12))  // skew(A, bias=False)
    #expect(summary.minimum == 0.5 && summary.maximum == 240)
    // np.percentile(A, [50, 90, 95, 99, 99.9])
    let expected = [
      11.0, 55.70000000000003, 93.49999999999989, 206.63999999999973, 236.66400000000036,
    ]
    for (estimate, value) in zip(summary.quantiles, expected) {
      #expect(Self.close(estimate.value, value), "p = \(estimate.probability)")
    }
    #expect(Self.close(summary.tailRatio, 206.63999999999973 / 11))
    // n = 25 is too small for a 95% upper bound on p90 (0.9^25 = 0.072 > 0.025).
    #expect(summary.p90.upper == nil)
    #expect(summary.median.lower != nil && summary.median.upper != nil)
  }

  @Test("Fixture B (n = 1000): moments, quantiles and order-statistic intervals")
  func fixtureB() throws {
    let summary = try SampleSummary(Self.sampleB)
    #expect(Self.close(summary.mean, 75.56125))
    #expect(Self.close(summary.standardDeviation, 38.228366024542645))
    #expect(Self.close(summary.skewness, -0.011109948145817616, 1e-10))
    let expected = [76.125, 125.875, 134.875, 150.14249999999998, 160.25075000000007]
    // Intervals: np.sort(B)[l - 1], np.sort(B)[u - 1] with the ranks of QuantileRanksTests (n = 1000).
    let intervals: [(Double, Double?)] = [
      (72.5, 79.75), (123.25, 128.5), (131.75, 138.5), (145.75, 156.625), (156.625, nil),
    ]
    for (index, estimate) in summary.quantiles.enumerated() {
      #expect(Self.close(estimate.value, expected[index]), "p = \(estimate.probability)")
      #expect(estimate.lower == intervals[index].0, "p = \(estimate.probability)")
      #expect(estimate.upper == intervals[index].1, "p = \(estimate.probability)")
    }
  }

  @Test("Mean and variance stay accurate with a large offset")
  func largeOffset() throws {
    // x = 1e9 + fixture A: the mean shifts, the spread and shape must not change.
    let summary = try SampleSummary(Self.sampleA.map { $0 + 1e9 })
    #expect(Self.close(summary.mean, 1e9 + 27.19, 1e-15))
    #expect(Self.close(summary.standardDeviation, 49.74924256123571, 1e-9))
    #expect(Self.close(summary.skewness, 3.6572360811269062, 1e-7))
  }

  @Test("Small and degenerate samples give nil, not NaN")
  func degenerate() throws {
    let single = try SampleSummary([4])
    #expect(single.mean == 4 && single.median.value == 4 && single.p999.value == 4)
    #expect(single.standardDeviation == nil && single.standardError == nil)
    #expect(single.coefficientOfVariation == nil && single.skewness == nil)
    #expect(single.meanEstimate == Estimate(value: 4))
    let constant = try SampleSummary([2, 2, 2, 2])
    #expect(constant.standardDeviation == 0 && constant.skewness == nil)
    let centred = try SampleSummary([-1, 1])
    #expect(centred.coefficientOfVariation == nil)  // mean 0
    #expect(centred.tailRatio == nil)  // p50 = 0
  }

  @Test("Mean estimate uses Student t: scipy.stats.t.ppf(0.975, 24) = 2.0638985616280245")
  func meanInterval() throws {
    let summary = try SampleSummary(Self.sampleA)
    let halfWidth = 2.0638985616280245 * 49.74924256123571 / 5
    let estimate = summary.meanEstimate
    #expect(Self.close(estimate.lower, 27.19 - halfWidth, 1e-12))
    #expect(Self.close(estimate.upper, 27.19 + halfWidth, 1e-12))
  }

  @Test(
    "Bad input is rejected with the index",
    arguments: [
      ([Double](), DescriptiveStatisticsError.emptySample),
      ([1, .nan, 3], .nonFiniteValue(index: 1, kind: .nan)),
      ([1, 2, .infinity], .nonFiniteValue(index: 2, kind: .positiveInfinity)),
      ([-.infinity], .nonFiniteValue(index: 0, kind: .negativeInfinity)),
    ])
  func rejects(values: [Double], error: DescriptiveStatisticsError) {
    #expect(throws: error) { try SampleSummary(values) }
  }

  @Test("Error text names the index")
  func errorText() {
    let error = DescriptiveStatisticsError.nonFiniteValue(index: 7, kind: .nan)
    #expect(error.description.hasPrefix("error: value at index 7 is NaN\nhelp: "))
  }
}
