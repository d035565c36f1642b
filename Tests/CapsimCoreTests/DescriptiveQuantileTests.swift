import RealModule
import Testing

@testable import CapsimCore

@Suite("Quantiles and order-statistic intervals")
struct DescriptiveQuantileTests {
  @Test("quantile(sorted:) matches np.percentile's default (linear)")
  func typeSeven() {
    let sorted: [Double] = [1, 2, 4, 8, 16]
    // np.percentile([1, 2, 4, 8, 16], [0, 10, 25, 50, 62.5, 90, 100])
    let cases: [(Double, Double)] = [
      (0, 1), (0.1, 1.4), (0.25, 2), (0.5, 4), (0.625, 6), (0.9, 12.8), (1, 16),
    ]
    for (p, expected) in cases {
      #expect(
        quantile(sorted: sorted, p).isApproximatelyEqual(to: expected, relativeTolerance: 1e-15),
        "p = \(p)")
    }
    #expect(quantile(sorted: [3], 0.7) == 3)
    #expect(quantile(sorted: [], 0.5).isNaN)
    #expect(quantile(sorted: sorted, -0.1).isNaN)
    #expect(quantile(sorted: sorted, 1.1).isNaN)
    #expect(quantile(sorted: sorted, .nan).isNaN)
  }

  // Ranks from /tmp/ss/ranks.py, i.e.
  //   k = np.arange(1, n + 1)
  //   l = k[scipy.stats.binom.cdf(k - 1, n, p) <= 0.025].max()
  //   u = k[scipy.stats.binom.sf(k - 1, n, p) <= 0.025].min()   # sf(k - 1) = P(B ≥ k)
  // with None where the set is empty.
  static let probabilities = [0.5, 0.9, 0.95, 0.99, 0.999]
  static let exactRanks: [(Int, [(Int?, Int?)])] = [
    (1, [(nil, nil), (nil, nil), (nil, nil), (1, nil), (1, nil)]),
    (5, [(nil, nil), (3, nil), (4, nil), (4, nil), (5, nil)]),
    (10, [(2, 9), (7, nil), (8, nil), (9, nil), (10, nil)]),
    (20, [(6, 15), (15, nil), (17, nil), (19, nil), (20, nil)]),
    (50, [(18, 33), (41, 50), (44, nil), (48, nil), (49, nil)]),
    (100, [(40, 61), (84, 96), (90, 100), (97, nil), (99, nil)]),
    (367, [(165, 203), (319, 342), (340, 357), (359, nil), (365, nil)]),
    (368, [(165, 204), (320, 343), (341, 358), (360, 368), (366, nil)]),
    (1000, [(469, 532), (881, 919), (936, 964), (983, 997), (997, nil)]),
    (5000, [(2431, 2570), (4458, 4542), (4719, 4781), (4936, 4964), (4990, 5000)]),
    (100_000, [(49690, 50311), (89814, 90187), (94864, 95136), (98938, 99062), (99880, 99920)]),
  ]

  @Test("Exact binomial ranks match scipy.stats.binom", arguments: 0..<11)
  func exactRanks(row: Int) {
    let (n, expected) = Self.exactRanks[row]
    for (p, ranks) in zip(Self.probabilities, expected) {
      let computed = QuantileConfidenceRanks(sampleSize: n, probability: p)
      #expect(computed.lower == ranks.0 && computed.upper == ranks.1, "n = \(n), p = \(p)")
    }
  }

  @Test("Normal approximation is within one rank of the exact binomial for large n")
  func approximateRanks() {
    // Same script: n = 100001 and n = 1000000, p = 0.5, 0.99, 0.999.
    let rows: [(Int, [(Double, Int, Int)])] = [
      (100_001, [(0.5, 49691, 50311), (0.99, 98939, 99063), (0.999, 99881, 99921)]),
      (1_000_000, [(0.5, 499_020, 500_981), (0.99, 989_805, 990_196), (0.999, 998_938, 999_062)]),
    ]
    for (n, cases) in rows {
      for (p, lower, upper) in cases {
        let ranks = QuantileConfidenceRanks(sampleSize: n, probability: p)
        #expect(abs((ranks.lower ?? 0) - lower) <= 1, "n = \(n), p = \(p): \(ranks)")
        #expect(abs((ranks.upper ?? 0) - upper) <= 1, "n = \(n), p = \(p): \(ranks)")
      }
    }
  }

  @Test("Invalid sizes and probabilities give no ranks")
  func invalid() {
    for (n, p) in [(0, 0.5), (-3, 0.5), (10, 0), (10, 1), (10, .nan), (10, 1.5)] {
      let ranks = QuantileConfidenceRanks(sampleSize: n, probability: p)
      #expect(ranks.lower == nil && ranks.upper == nil, "n = \(n), p = \(p)")
    }
  }

  @Test("Coverage: the 95% CI of the median of 50 Exp(1) draws covers ln 2 in 93–97.5% of runs")
  func coverage() {
    // Exact coverage is P(18 ≤ B < 33), B ~ Bin(50, ½):
    // scipy.stats.binom.cdf(32, 50, .5) - scipy.stats.binom.cdf(17, 50, .5) = 0.9671608624357315.
    for seed: UInt64 in [11, 12, 13] {
      var covered = 0
      for repetition in 0..<2000 {
        var generator = Xoshiro256StarStar(seed: seed, stream: UInt64(repetition))
        let sorted = (0..<50).map { _ in generator.nextStandardExponential() }.sorted()
        let estimate = QuantileEstimate(sorted: sorted, probability: 0.5)
        if let lower = estimate.lower, let upper = estimate.upper,
          lower <= Double.log(2), Double.log(2) <= upper
        {
          covered += 1
        }
      }
      let rate = Double(covered) / 2000
      #expect(rate >= 0.93 && rate <= 0.975, "seed \(seed): coverage \(rate)")
    }
  }
}
