/// A mergeable histogram for quantiles across trials (monthly costs): log-linear bins of relative width
/// ≤ 2⁻¹⁰ like ``LogHistogram``, but stored sparsely (only bins that hold values), each bin keeping its
/// exact minimum and maximum.
///
/// A quantile is Hyndman–Fan type 7 (Excel PERCENTILE.INC) on order statistics represented by their bin's
/// geometric midpoint, clamped to the bin's observed range: within 0.05% of the exact sample quantile, and
/// exact when a bin holds one distinct value (a fixed monthly commitment). Zero and negative values are
/// kept exactly. Memory is O(occupied bins) plus at most ``batchSize`` waiting values, whatever the number of
/// trials; merges add integer counts, so they are exact and order-independent.
///
/// Values are buffered and folded into the bins in sorted batches (at most ``batchSize`` values wait), so
/// recording one is an append: no hashing per trial and month.
struct SparseQuantileHistogram: Sendable {
  struct Bin: Sendable, Hashable {
    var key: UInt64
    var count: Int
    var minimum: Double
    var maximum: Double
  }

  private static let shift: UInt64 = 42
  /// How many recorded values may wait before they are folded into the bins.
  static let batchSize = 512
  /// Bins of positive values by bit pattern >> 42, ascending by key.
  private var positive: [Bin] = []
  /// Non-positive values by their exact value.
  private var nonPositive: [Double: Int] = [:]
  /// Values recorded since the last fold.
  private var pending: [Double] = []
  /// Values recorded.
  private(set) var count = 0

  /// Counts one finite value.
  mutating func record(_ value: Double) {
    precondition(value.isFinite, "a monthly cost is \(value), not finite")
    count += 1
    pending.append(value)
    if pending.count >= Self.batchSize { fold() }
  }

  /// Adds every value of `other`.
  mutating func merge(_ other: SparseQuantileHistogram) {
    var other = other
    other.fold()
    fold()
    count += other.count
    positive = Self.merged(positive, other.positive)
    for (value, count) in other.nonPositive { nonPositive[value, default: 0] += count }
  }

  /// Moves the pending values into the bins: sorted, each run of one key becomes a bin, and the bins are
  /// merged with the existing ones by key.
  private mutating func fold() {
    guard !pending.isEmpty else { return }
    pending.sort()
    var incoming: [Bin] = []
    for value in pending {
      guard value > 0 else {
        nonPositive[value, default: 0] += 1
        continue
      }
      let key = value.bitPattern >> Self.shift
      if incoming.last?.key == key {
        // Sorted: the first value of a run is its minimum, the last its maximum.
        incoming[incoming.count - 1].count += 1
        incoming[incoming.count - 1].maximum = value
      } else {
        incoming.append(Bin(key: key, count: 1, minimum: value, maximum: value))
      }
    }
    positive = Self.merged(positive, incoming)
    pending.removeAll(keepingCapacity: true)
  }

  /// Two key-ascending bin lists as one, bins of the same key added together.
  private static func merged(_ first: [Bin], _ second: [Bin]) -> [Bin] {
    if second.isEmpty { return first }
    if first.isEmpty { return second }
    var result: [Bin] = []
    result.reserveCapacity(first.count + second.count)
    var i = 0
    var j = 0
    while i < first.count && j < second.count {
      let a = first[i]
      let b = second[j]
      if a.key < b.key {
        result.append(a)
        i += 1
      } else if b.key < a.key {
        result.append(b)
        j += 1
      } else {
        result.append(
          Bin(
            key: a.key, count: a.count + b.count, minimum: Swift.min(a.minimum, b.minimum),
            maximum: Swift.max(a.maximum, b.maximum)))
        i += 1
        j += 1
      }
    }
    result.append(contentsOf: first[i...])
    result.append(contentsOf: second[j...])
    return result
  }

  /// The type-7 quantiles at `probabilities` (each in [0, 1]); NaN when empty.
  func quantiles(_ probabilities: [Double]) -> [Double] {
    guard count > 0 else { return probabilities.map { _ in .nan } }
    var folded = self
    folded.fold()
    var values: [(value: Double, count: Int)] = folded.nonPositive.sorted { $0.key < $1.key }.map {
      ($0.key, $0.value)
    }
    for bin in folded.positive {
      let low = Double(bitPattern: bin.key << Self.shift)
      let high = Double(bitPattern: (bin.key + 1) << Self.shift)
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
