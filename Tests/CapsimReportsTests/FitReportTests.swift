import Foundation
import RealModule
import Testing

@testable import CapsimReports

@Suite("Fit report numbers")
struct FitReportTests {
  // MARK: - Histogram against numpy

  /// python3 -c "import numpy as np; x = np.round(np.random.default_rng(7).lognormal(0.0, 0.3, 40), 3);
  ///   print(np.histogram(x, bins=12)[0])"
  @Test func linearCountsMatchNumpyHistogram() throws {
    let histogram = try fitReport().histogram
    #expect(histogram.scale == .linear)
    #expect(histogram.bins.map(\.count) == [1, 3, 3, 6, 7, 4, 8, 3, 2, 1, 1, 1])
    #expect(histogram.bins.first?.lower == 0.470)
    #expect(histogram.bins.last?.upper == 1.495)
  }

  /// 200 values spanning 0.76 … 9,311.66, binned on a log scale.
  ///
  /// python3 -c "import numpy as np; y = np.round(np.random.default_rng(11).lognormal(4.0, 2.0, 200), 2);
  ///   print(', '.join(f'{v:.2f}' for v in y)); print(np.histogram(np.log(y), bins=20)[0])"
  static let wideValues: [Double] = [
    58.46, 828.40, 632.35, 19.68, 30.09, 19.02, 170.62, 48.81, 243.17, 1.36, 1252.75, 45.02,
    212.89, 41.55, 25.58, 137.86, 284.02, 36.41, 40.22, 215.16, 9.58, 2.64, 120.30, 14.28, 1.17,
    10.72, 21.43, 5.02, 2.76, 58.75, 328.49, 34.25, 12.34, 117.92, 229.17, 29.96, 162.28, 439.55,
    36.09, 10.73, 109.43, 89.58, 491.58, 4.18, 14.54, 10.21, 1.70, 70.31, 156.90, 12.46, 872.44,
    282.55, 191.47, 121.93, 369.20, 3.80, 186.39, 182.28, 1.59, 109.30, 33.09, 260.62, 22.69,
    52.64, 108.39, 9.46, 180.76, 44.26, 146.20, 19.23, 479.34, 183.17, 38.24, 193.24, 678.25,
    1963.24, 2.35, 319.34, 138.40, 45.25, 7.29, 674.77, 4.38, 169.68, 737.85, 2.23, 29.81, 3.98,
    88.95, 1128.62, 3124.76, 1.56, 17.29, 222.98, 1285.30, 126.78, 12.28, 98.92, 52.81, 36.33,
    12.57, 118.45, 101.06, 45.33, 35.04, 4.18, 20.65, 609.66, 37.30, 3.07, 787.52, 157.67,
    3700.32, 61.87, 21.70, 3.02, 770.99, 9311.66, 10.57, 14.97, 179.90, 10.37, 31.78, 27.12,
    80.15, 487.67, 57.06, 343.03, 23.58, 105.17, 0.76, 3.00, 268.23, 16.77, 174.13, 161.53,
    768.59, 276.92, 417.37, 43.67, 13.51, 12.64, 20.57, 5.70, 18.27, 45.37, 90.31, 27.72, 1.16,
    47.25, 85.69, 477.68, 173.42, 15.07, 12.84, 3044.81, 247.96, 2127.88, 3861.80, 10.63, 117.98,
    136.50, 167.21, 161.39, 81.79, 77.34, 2.70, 39.22, 12.24, 70.26, 21.43, 188.11, 280.94,
    101.23, 102.75, 65.75, 22.30, 39.29, 20.26, 118.63, 56.16, 174.61, 3.83, 322.32, 11.88, 12.57,
    36.79, 17.69, 97.73, 17.32, 6.43, 10.06, 752.93, 59.65, 5.29, 55.52, 2.43, 1956.93, 2.59,
    142.24,
  ]

  @Test func logarithmicCountsMatchNumpyHistogramOfLogs() throws {
    let report = try fitReport(values: Self.wideValues, binCount: 20)
    let histogram = report.histogram
    #expect(histogram.scale == .logarithmic)
    #expect(
      histogram.bins.map(\.count)
        == [3, 4, 10, 6, 5, 17, 15, 15, 21, 15, 20, 26, 14, 7, 11, 3, 3, 2, 2, 1])
    for line in report.table().split(separator: "\n") {
      #expect(line.count <= 100, "line of \(line.count) columns: \(line)")
    }
  }

  /// python3 -c "import numpy as np; from scipy import stats
  /// x = np.round(np.random.default_rng(7).lognormal(0.0, 0.3, 40), 3)
  /// a, _, s = stats.gamma.fit(x, floc=0); e = np.histogram(x, bins=12)[1]
  /// print(40 * np.diff(np.concatenate([[0], stats.gamma(a, scale=s).cdf(e[1:-1]), [1]])))"
  static let scipyExpectedCounts: [Double] = [
    1.3115529485522477, 2.4215089682003827, 4.223138673638709, 5.721772742158381,
    6.34067112643828, 5.965871308553696, 4.900857025809362, 3.5910317974057815,
    2.3866225881500425, 1.457994057401879, 0.827600519903462, 0.851378243787777,
  ]

  @Test func expectedCountsMatchScipyAndSumToN() throws {
    let report = try fitReport()
    #expect(report.best?.family == .gamma)
    let expected = report.histogram.bins.compactMap(\.expected)
    #expect(expected.count == 12)
    for (index, (value, reference)) in zip(expected, Self.scipyExpectedCounts).enumerated() {
      // The scipy fit agrees with ours to ~1e-7 relative in the parameters.
      #expect(value.isApproximatelyEqual(to: reference, relativeTolerance: 1e-5), "bin \(index)")
    }
    #expect(expected.reduce(0, +).isApproximatelyEqual(to: 40, relativeTolerance: 1e-12))
  }

  // MARK: - Quantiles against numpy and scipy

  @Test func quantileTableMatchesNumpyAndScipy() throws {
    let rows = try fitReport().quantileComparison
    #expect(rows.map(\.probability) == FitReport.quantileProbabilities)
    // python3 -c "import numpy as np; x = np.round(np.random.default_rng(7).lognormal(0.0, 0.3, 40), 3);
    //   print([np.percentile(x, 100 * p) for p in (0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99)])"
    let data = [
      0.50705, 0.5745, 0.7635000000000001, 0.8965000000000001, 1.03275, 1.3075499999999998, 1.4482,
    ]
    // python3 -c "import numpy as np; from scipy import stats
    // x = np.round(np.random.default_rng(7).lognormal(0.0, 0.3, 40), 3); a, _, s = stats.gamma.fit(x, floc=0)
    // print([stats.gamma(a, scale=s).ppf(p) for p in (0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99)])"
    let fitted = [
      0.4832883656867426, 0.5866492768153342, 0.7588140537177374, 0.8968307103933525,
      1.0506771860717277, 1.3010163797461922, 1.4980817691128325,
    ]
    for (index, row) in rows.enumerated() {
      #expect(
        row.data.isApproximatelyEqual(to: data[index], relativeTolerance: 1e-14),
        "p \(row.probability)")
      #expect(
        row.fitted.isApproximatelyEqual(to: fitted[index], relativeTolerance: 1e-6),
        "p \(row.probability)")
      #expect(row.ratio == row.data / row.fitted)
    }
  }

  // MARK: - Invariants over seeds

  @Test func countsAndExpectedCountsSumToNForEverySeed() throws {
    for seed: UInt64 in 0..<20 {
      var generator = Xoshiro256StarStar(seed: seed, stream: 0)
      let n = 5 + generator.nextIndex(below: 500)
      let sigma = 0.05 + 2 * generator.nextUnitDouble()
      let values = (0..<n).map { _ in Double.exp(sigma * generator.nextStandardNormal()) }
      let bins = 2 + generator.nextIndex(below: 40)
      let report = try fitReport(values: values, binCount: bins)
      let histogram = report.histogram
      #expect(histogram.bins.count == bins, "seed \(seed)")
      #expect(histogram.bins.map(\.count).reduce(0, +) == n, "seed \(seed)")
      // Every value falls inside the edges of the bin it was counted in (brute force).
      for (index, bin) in histogram.bins.enumerated() {
        let isLast = index == histogram.bins.count - 1
        let inside = values.filter {
          $0 >= bin.lower && (isLast ? $0 <= bin.upper : $0 < bin.upper)
        }
        #expect(inside.count == bin.count, "seed \(seed), bin \(index)")
      }
      let expected = histogram.bins.compactMap(\.expected).reduce(0, +)
      #expect(expected.isApproximatelyEqual(to: Double(n), relativeTolerance: 1e-9), "seed \(seed)")
      for line in report.table().split(separator: "\n") {
        #expect(line.count <= 100, "seed \(seed): line of \(line.count) columns: \(line)")
      }
    }
  }

  // MARK: - Rendering details

  @Test func barsPutTheMarkerWhereTheExpectedBarWouldEnd() {
    #expect(FitReport.bar(count: 4, expected: 4, perCharacter: 1) == "████┆")
    #expect(FitReport.bar(count: 4, expected: 2, perCharacter: 1) == "██┆█")
    #expect(FitReport.bar(count: 2, expected: 5, perCharacter: 1) == "██   ┆")
    #expect(FitReport.bar(count: 1, expected: nil, perCharacter: 10) == "▏")
    #expect(FitReport.bar(count: 0, expected: nil, perCharacter: 1) == "")
  }

  @Test func jsonHasSchemaVersionAndNullForInfiniteStatistics() throws {
    let text = try fitReport().json(capsimVersion: "0.0.0-test")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(object["schema_version"] as? Int == 2)
    #expect(object["best"] as? String == "gamma")
    #expect((object["fits"] as? [Any])?.count == 5)
    #expect(object["saved_fit"] is NSNull)
    let bins = try #require((object["histogram"] as? [String: Any])?["bins"] as? [[String: Any]])
    #expect(bins.compactMap { $0["count"] as? Int }.reduce(0, +) == 40)
    var report = try fitReport()
    let best = try #require(report.best)
    report.savedFit = FitResult(
      family: best.family, distribution: best.distribution, sampleSize: best.sampleSize,
      logLikelihood: best.logLikelihood, aic: best.aic, bic: best.bic,
      kolmogorovSmirnovStatistic: best.kolmogorovSmirnovStatistic,
      kolmogorovSmirnovPValue: best.kolmogorovSmirnovPValue, andersonDarlingStatistic: .infinity)
    let saved = try #require(
      (try JSONSerialization.jsonObject(with: Data(report.json(capsimVersion: "0.0.0-test").utf8))
        as? [String: Any])?[
          "saved_fit"] as? [String: Any])
    #expect(saved["ad_statistic"] is NSNull)
    #expect(saved["aic"] as? Double == best.aic)
    #expect(saved["rank"] is NSNull, "absent values are explicit nulls")
    #expect(FitReport.pValue(1e-7) == "<0.0001")
    #expect(FitReport.pValue(0.04567) == "0.0457")
  }

  @Test func csvHasOneRowPerFamilyWithTheHeaderWidth() throws {
    var values = fitReportValues
    values[0] = -1
    let lines = try fitReport(values: values).csv().split(separator: "\n")
    #expect(lines.count == 1 + DistributionFamily.allCases.count)
    for line in lines {
      #expect(line.split(separator: ",", omittingEmptySubsequences: false).count == 17, "\(line)")
    }
    #expect(lines[1].hasPrefix("example-steps,normal,fitted,1,mean,"))
    #expect(
      lines[2]
        == "example-steps,lognormal,skipped,,,,,,,,,,,,,40,value 1 is -1.0; a lognormal distribution needs values > 0"
    )
  }
}
