import RealModule
import Testing

@testable import CapsimCore

@Suite("LogHistogram")
struct HistogramTests {
  /// Log-normal durations spanning ~10⁻² … 10⁵, drawn from stream `seed`.
  static func durations(seed: UInt64, count: Int) -> [Double] {
    var generator = Xoshiro256StarStar(seed: seed, stream: 0)
    return (0..<count).map { _ in Double.exp(2 + 2 * generator.nextStandardNormal()) }
  }

  @Test("Quantiles are within 0.05% of the exact type-7 sorted-sample quantiles")
  func quantilesMatchSorted() throws {
    for seed: UInt64 in [1, 2, 3] {
      let values = Self.durations(seed: seed, count: 20_000)
      var histogram = LogHistogram()
      for value in values { try histogram.record(value) }
      let sorted = values.sorted()
      #expect(histogram.count == values.count, "seed \(seed)")
      #expect(histogram.minimum == sorted.first && histogram.maximum == sorted.last, "seed \(seed)")
      for p in [0, 0.001, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1] {
        let exact = quantile(sorted: sorted, p)
        let estimate = try #require(histogram.quantile(p))
        #expect(
          abs(estimate / exact - 1) <= 5e-4, "seed \(seed), p = \(p): \(estimate) vs \(exact)")
      }
    }
  }

  @Test("The interval contains the exact order-statistic interval of the sorted sample")
  func intervalContainsExact() throws {
    for seed: UInt64 in [4, 5] {
      let values = Self.durations(seed: seed, count: 5000)
      var histogram = LogHistogram()
      for value in values { try histogram.record(value) }
      let sorted = values.sorted()
      for p in SampleSummary.quantileProbabilities {
        let exact = QuantileEstimate(sorted: sorted, probability: p)
        let binned = try #require(histogram.quantileEstimate(p))
        #expect((binned.lower == nil) == (exact.lower == nil), "seed \(seed), p = \(p)")
        #expect((binned.upper == nil) == (exact.upper == nil), "seed \(seed), p = \(p)")
        if let lower = binned.lower, let exactLower = exact.lower {
          #expect(lower <= exactLower && exactLower / lower - 1 <= 1e-3, "seed \(seed), p = \(p)")
        }
        if let upper = binned.upper, let exactUpper = exact.upper {
          #expect(upper >= exactUpper && upper / exactUpper - 1 <= 1e-3, "seed \(seed), p = \(p)")
        }
      }
    }
  }

  @Test("Merging chunks in any order gives identical counts, minimum and maximum")
  func mergeIsExact() throws {
    let values = Self.durations(seed: 9, count: 30_000)
    var chunks: [LogHistogram] = []
    for start in stride(from: 0, to: values.count, by: 10_000) {
      var chunk = LogHistogram()
      for value in values[start..<(start + 10_000)] { try chunk.record(value) }
      chunks.append(chunk)
    }
    var forward = LogHistogram()
    for chunk in chunks { try forward.merge(chunk) }
    var backward = LogHistogram()
    for chunk in chunks.reversed() { try backward.merge(chunk) }
    var whole = LogHistogram()
    for value in values { try whole.record(value) }
    for merged in [forward, backward] {
      #expect(merged.count == whole.count && merged.minimum == whole.minimum)
      #expect(merged.maximum == whole.maximum)
      for p in [0.01, 0.5, 0.99] { #expect(merged.quantile(p) == whole.quantile(p), "p = \(p)") }
    }
    var other = try LogHistogram(lowerBound: 1, upperBound: 10)
    #expect(throws: DescriptiveStatisticsError.incompatibleHistograms) { try other.merge(whole) }
  }

  @Test("Underflow, overflow, bin widths and rejected values")
  func ranges() throws {
    var histogram = try LogHistogram(lowerBound: 1, upperBound: 100)
    #expect(histogram.lowestBinnedValue == 1)
    // 6 whole octaves [2⁰, 2⁶) and bins 0…576 of [2⁶, 2⁷) (100/64 = 1 + 576/1024 + …).
    #expect(histogram.binCount == 6 * 1024 + 577)
    for value in [0.0, -5, 0.5, 3, 200, 1e300] { try histogram.record(value) }
    #expect(histogram.underflowCount == 3 && histogram.overflowCount == 2 && histogram.count == 6)
    #expect(histogram.quantile(0) == -5 && histogram.quantile(1) == 1e300)
    #expect(histogram.quantile(-0.5) == nil && histogram.quantile(.nan) == nil)
    #expect(throws: DescriptiveStatisticsError.nonFiniteValue(index: nil, kind: .nan)) {
      try histogram.record(.nan)
    }
    #expect(histogram.count == 6)
    #expect(LogHistogram().quantile(0.5) == nil && LogHistogram().minimum == nil)
    for (lower, upper) in [(0.0, 1.0), (2.0, 1.0), (1.0, Double.infinity), (-1.0, 1.0)] {
      #expect(throws: DescriptiveStatisticsError.self) {
        try LogHistogram(lowerBound: lower, upperBound: upper)
      }
    }
    // Every bin's ends differ by at most 2⁻¹⁰ relatively: 1 + 1/1024 is the worst (first bin).
    #expect(LogHistogram.relativeBinWidth == 1.0 / 1024)
  }

  @Test(
    "Recording a buffer equals recording its values one by one, and rejects NaN without a change")
  func recordContentsOf() throws {
    // Values on both sides of the range, so underflow, overflow, minimum and maximum are all exercised; the
    // one-by-one histogram is the reference.
    var values = Self.durations(seed: 7, count: 5_000)
    values += [0, -3, 1e-9, 2e7, 1e300, 0.001, 1e7]
    var oneByOne = LogHistogram()
    for value in values { try oneByOne.record(value) }
    var batch = LogHistogram()
    try values.withUnsafeBufferPointer { buffer throws(DescriptiveStatisticsError) in
      try batch.record(contentsOf: buffer)
    }
    #expect(batch == oneByOne)

    let bad = [1.0, 2.0, .infinity, 3.0]
    #expect(throws: DescriptiveStatisticsError.nonFiniteValue(index: 2, kind: .positiveInfinity)) {
      try bad.withUnsafeBufferPointer { buffer throws(DescriptiveStatisticsError) in
        try batch.record(contentsOf: buffer)
      }
    }
    #expect(batch == oneByOne)
  }

  @Test(
    "A buffer's extremes and non-finite values are found at every position, in vector lanes and tail"
  )
  func recordContentsOfEveryPosition() throws {
    // Buffers of 0–19 values (so a vectorised loop's body and its remainder in every proportion), with the
    // extreme or non-finite value at every position; the one-by-one histogram is the reference.
    for count in 0..<20 {
      for position in 0..<Swift.max(1, count) {
        for extreme in [1e-9, 5e-3, 3e6, 1e300] {
          var values = (0..<count).map { 1 + Double($0) * 0.25 }
          if count > 0 { values[position] = extreme }
          var oneByOne = LogHistogram()
          for value in values { try oneByOne.record(value) }
          var batch = LogHistogram()
          try batch.record(1.5)
          try oneByOne.record(1.5)
          try values.withUnsafeBufferPointer { buffer throws(DescriptiveStatisticsError) in
            try batch.record(contentsOf: buffer)
          }
          #expect(batch == oneByOne, "count \(count), extreme \(extreme) at \(position)")
        }
        guard count > 0 else { continue }
        for bad in [Double.nan, .infinity, -.infinity] {
          var values = (0..<count).map { 1 + Double($0) * 0.25 }
          values[position] = bad
          var batch = LogHistogram()
          let before = batch
          #expect(throws: DescriptiveStatisticsError.self) {
            try values.withUnsafeBufferPointer { buffer throws(DescriptiveStatisticsError) in
              try batch.record(contentsOf: buffer)
            }
          }
          do {
            try values.withUnsafeBufferPointer { buffer throws(DescriptiveStatisticsError) in
              try batch.record(contentsOf: buffer)
            }
          } catch {
            guard case .nonFiniteValue(let index, _) = error else {
              Issue.record("unexpected \(error)")
              continue
            }
            #expect(index == position, "count \(count), \(bad) at \(position)")
          }
          #expect(batch == before)
        }
      }
    }
  }
}
