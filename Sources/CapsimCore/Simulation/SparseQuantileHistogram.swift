/// A mergeable histogram for quantiles across trials (monthly costs): log-linear bins of relative width
/// ≤ 2⁻¹⁰ like ``LogHistogram``, but stored sparsely (only bins that hold values), each bin keeping its
/// exact minimum and maximum.
///
/// A quantile is Hyndman–Fan type 7 (Excel PERCENTILE.INC) on order statistics represented by their bin's
/// geometric midpoint, clamped to the bin's observed range: within 0.05% of the exact sample quantile, and
/// exact when a bin holds one distinct value (a fixed monthly commitment). Zero and negative values are
/// kept exactly. Memory is O(occupied bins), whatever the number of trials; merges add integer counts, so
/// they are exact and order-independent.
struct SparseQuantileHistogram: Sendable, Hashable {
  struct Bin: Sendable, Hashable {
    var count: Int
    var minimum: Double
    var maximum: Double
  }

  private static let shift: UInt64 = 42
  /// Bins of positive values by bit pattern >> 42; non-positive values by their exact value.
  private var positive: [UInt64: Bin] = [:]
  private var nonPositive: [Double: Int] = [:]
  /// Values recorded.
  private(set) var count = 0

  /// Counts one finite value.
  mutating func record(_ value: Double) {
    precondition(value.isFinite, "a monthly cost is \(value), not finite")
    count += 1
    if value > 0 {
      let key = value.bitPattern >> Self.shift
      if var bin = positive[key] {
        bin.count += 1
        bin.minimum = Swift.min(bin.minimum, value)
        bin.maximum = Swift.max(bin.maximum, value)
        positive[key] = bin
      } else {
        positive[key] = Bin(count: 1, minimum: value, maximum: value)
      }
    } else {
      nonPositive[value, default: 0] += 1
    }
  }

  /// Adds every value of `other`.
  mutating func merge(_ other: SparseQuantileHistogram) {
    count += other.count
    for (key, bin) in other.positive {
      if var mine = positive[key] {
        mine.count += bin.count
        mine.minimum = Swift.min(mine.minimum, bin.minimum)
        mine.maximum = Swift.max(mine.maximum, bin.maximum)
        positive[key] = mine
      } else {
        positive[key] = bin
      }
    }
    for (value, count) in other.nonPositive { nonPositive[value, default: 0] += count }
  }

  /// The type-7 quantiles at `probabilities` (each in [0, 1]); NaN when empty.
  func quantiles(_ probabilities: [Double]) -> [Double] {
    guard count > 0 else { return probabilities.map { _ in .nan } }
    var values: [(value: Double, count: Int)] = nonPositive.sorted { $0.key < $1.key }.map {
      ($0.key, $0.value)
    }
    for (key, bin) in positive.sorted(by: { $0.key < $1.key }) {
      let low = Double(bitPattern: key << Self.shift)
      let high = Double(bitPattern: (key + 1) << Self.shift)
      let midpoint = (low * high).squareRoot()
      values.append((Swift.min(Swift.max(midpoint, bin.minimum), bin.maximum), bin.count))
    }
    func orderStatistic(_ rank: Int) -> Double {
      var seen = 0
      for entry in values {
        seen += entry.count
        if rank < seen { return entry.value }
      }
      return values[values.count - 1].value
    }
    return probabilities.map { p in
      let h = Double(count - 1) * p
      let lower = Int(h.rounded(.down))
      let fraction = h - Double(lower)
      let a = orderStatistic(lower)
      let b = orderStatistic(Swift.min(count - 1, lower + 1))
      return a + fraction * (b - a)
    }
  }
}
