import Foundation

extension FitReport {
  /// A histogram of a sample with the expected count of each bin under a fitted distribution.
  ///
  /// Bins: k bins between the smallest value a and the largest b. If a > 0 and b/a ≥ 10 the edges
  /// are evenly spaced in ln x (eᵢ = a·(b/a)^(i/k)), otherwise evenly spaced in x
  /// (eᵢ = a + i(b − a)/k); e₀ = a and eₖ = b exactly. Bin i holds the values with eᵢ ≤ x < eᵢ₊₁,
  /// and the last bin also holds b, so the counts sum to n.
  ///
  /// Expected counts: n·P(eᵢ ≤ X < eᵢ₊₁) under the fit, except that the first bin takes all the
  /// probability below e₁ and the last all the probability above eₖ₋₁, so the expected counts sum
  /// to n (up to rounding) and can be compared with the counts bin by bin. Differences of the cdf
  /// are used below the median and differences of the survival function above it, so tail bins
  /// keep their relative accuracy.
  ///
  /// - Complexity: O(n + k) plus 2k cdf/survival evaluations.
  public struct Histogram: Sendable, Equatable {
    /// How the bin edges are spaced.
    public enum Scale: String, Sendable, Equatable {
      /// Evenly spaced in x.
      case linear
      /// Evenly spaced in ln x (values > 0 spanning a factor of 10 or more).
      case logarithmic
    }

    /// One bin.
    public struct Bin: Sendable, Equatable {
      /// Lower edge eᵢ (inclusive).
      public var lower: Double
      /// Upper edge eᵢ₊₁ (exclusive, except for the last bin).
      public var upper: Double
      /// The number of values in the bin.
      public var count: Int
      /// The fit's expected count, or `nil` without a fit.
      public var expected: Double?
    }

    /// The spacing of the edges.
    public var scale: Scale
    /// The bins, lowest first.
    public var bins: [Bin]

    /// Bins `sortedValues` (ascending, finite, non-empty; otherwise there are no bins) into
    /// `binCount` bins (at least 1) and adds the expected counts under `distribution`, if given.
    public init(
      sortedValues: [Double], binCount: Int, distribution: (any ContinuousDistribution)?
    ) {
      guard let low = sortedValues.first, let high = sortedValues.last, low.isFinite,
        high.isFinite
      else {
        scale = .linear
        bins = []
        return
      }
      let k = max(1, binCount)
      scale = low > 0 && high / low >= 10 ? .logarithmic : .linear
      let edges = Self.edges(low: low, high: high, count: k, scale: scale)
      let counts = Self.counts(sortedValues, edges: edges)
      let expected = distribution.map {
        Self.expectedCounts(edges: edges, n: Double(sortedValues.count), distribution: $0)
      }
      bins = (0..<k).map { i in
        Bin(lower: edges[i], upper: edges[i + 1], count: counts[i], expected: expected?[i])
      }
    }

    /// k + 1 edges from `low` to `high`, exactly `low` and `high` at the ends.
    static func edges(low: Double, high: Double, count k: Int, scale: Scale) -> [Double] {
      var edges = (0...k).map { i -> Double in
        let t = Double(i) / Double(k)
        switch scale {
        case .linear: return low + t * (high - low)
        case .logarithmic:
          return Foundation.exp(Foundation.log(low) + t * Foundation.log(high / low))
        }
      }
      edges[0] = low
      edges[k] = high
      return edges
    }

    /// Counts per bin by walking the sorted values once against the edges.
    static func counts(_ sortedValues: [Double], edges: [Double]) -> [Int] {
      let k = edges.count - 1
      var counts = [Int](repeating: 0, count: k)
      var bin = 0
      for value in sortedValues {
        while bin < k - 1 && value >= edges[bin + 1] { bin += 1 }
        counts[bin] += 1
      }
      return counts
    }

    /// n × the fitted probability of each bin, the outer bins taking the tails.
    static func expectedCounts(
      edges: [Double], n: Double, distribution: any ContinuousDistribution
    ) -> [Double] {
      let k = edges.count - 1
      // Probability below and above each interior edge; outer edges are −∞ and +∞.
      var below = [Double](repeating: 0, count: k + 1)
      var above = [Double](repeating: 1, count: k + 1)
      below[k] = 1
      above[k] = 0
      for i in 1..<max(1, k) {
        below[i] = distribution.cdf(edges[i])
        above[i] = distribution.survival(edges[i])
      }
      return (0..<k).map { i in
        let mass = below[i + 1] <= 0.5 ? below[i + 1] - below[i] : above[i] - above[i + 1]
        return n * max(0, mass)
      }
    }
  }
}
