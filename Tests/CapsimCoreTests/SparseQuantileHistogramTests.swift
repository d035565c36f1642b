import Testing

@testable import CapsimCore

@Suite("Monthly-cost quantile histogram")
struct SparseQuantileHistogramTests {
  /// Type-7 quantile (Hyndman and Fan 1996; Excel PERCENTILE.INC, numpy's default) of the exact values.
  static func type7(_ sorted: [Double], _ p: Double) -> Double {
    let h = Double(sorted.count - 1) * p
    let lower = Int(h.rounded(.down))
    let upper = Swift.min(sorted.count - 1, lower + 1)
    return sorted[lower] + (h - Double(lower)) * (sorted[upper] - sorted[lower])
  }

  /// Within the documented 0.05% of the exact sample quantiles, whether the values arrive in one
  /// histogram (several batches of pending values) or in pieces merged in any split; zeros and negative
  /// values are exact.
  @Test(arguments: [1, 700, 5_000])
  func quantilesMatchTheExactSampleQuantiles(count: Int) {
    var stream = CounterStream(key: UInt64(count))
    var values: [Double] = []
    for index in 0..<count {
      // Costs around 100,000 with a spread, a few zero and negative months.
      let value =
        index % 97 == 0 ? 0 : index % 89 == 0 ? -250 : 100_000 * (0.5 + stream.nextUnitDouble())
      values.append(value)
    }
    let probabilities = [0, 0.1, 0.5, 0.9, 0.99, 1]
    let exact = probabilities.map { Self.type7(values.sorted(), $0) }
    var whole = SparseQuantileHistogram()
    for value in values { whole.record(value) }
    for split in [1, 3, 8] {
      var pieces = [SparseQuantileHistogram](repeating: SparseQuantileHistogram(), count: split)
      for (index, value) in values.enumerated() { pieces[index * split / count].record(value) }
      var merged = pieces[0]
      for piece in pieces.dropFirst() { merged.merge(piece) }
      #expect(merged.count == count)
      #expect(merged.quantiles(probabilities) == whole.quantiles(probabilities), "split \(split)")
    }
    for (p, (estimate, reference)) in zip(probabilities, zip(whole.quantiles(probabilities), exact))
    {
      #expect(
        abs(estimate - reference) <= 5e-4 * abs(reference), "p \(p): \(estimate) vs \(reference)")
    }
  }
}
