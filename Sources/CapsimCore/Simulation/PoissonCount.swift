import RealModule

/// Exact Poisson counts for monthly job arrivals.
enum PoissonCount {
  /// Largest mean handled by one inversion; larger means are split, since a sum of independent
  /// Poisson variables is Poisson with the summed mean (exact), and e^(−500) is still a normal double.
  static let chunkMean = 500.0

  /// A Poisson(`mean`) draw by sequential-search inversion (Devroye 1986, §X.3.2), exact.
  ///
  /// - Complexity: O(mean) expected uniform-free steps and one uniform per chunk of 500.
  static func draw<G: RandomNumberGenerator>(mean: Double, using generator: inout G) -> Int {
    guard mean > 0 else { return 0 }
    var remaining = mean
    var total = 0
    while remaining > 0 {
      let lambda = Swift.min(remaining, chunkMean)
      remaining -= lambda
      var terms = Terms(lambda: lambda)
      let u = generator.nextUnitDouble()
      while u > terms.cumulative && terms.probability > 0 { terms.next() }
      total += terms.k
    }
    return total
  }

  /// P(K = k) and P(K ≤ k) of a Poisson(λ) variable for k = 0, 1, 2, …, by the recurrence
  /// P(k) = P(k − 1)·λ/k from e^(−λ): the one both the search and the table use, so they agree to the bit.
  struct Terms {
    let lambda: Double
    private(set) var k = 0
    private(set) var probability: Double
    private(set) var cumulative: Double

    init(lambda: Double) {
      self.lambda = lambda
      probability = Double.exp(-lambda)
      cumulative = probability
    }

    mutating func next() {
      k += 1
      probability *= lambda / Double(k)
      cumulative += probability
    }
  }

  /// The sequential search of ``draw(mean:using:)`` for one mean, done once: each chunk's cumulative
  /// probabilities, computed by the same recurrence in the same order, so a binary search for the same
  /// uniform finds the same count (the same draw, in O(log mean) instead of O(mean) steps).
  struct Table: Sendable {
    /// Per chunk of the mean: F(0), F(1), …, up to the first k whose probability underflows to 0, where
    /// the search stops whatever the uniform.
    let cumulative: [[Double]]

    /// The table of `mean` (> 0).
    init(mean: Double) {
      precondition(mean > 0, "a Poisson table needs a positive mean, not \(mean)")
      var chunks: [[Double]] = []
      var remaining = mean
      while remaining > 0 {
        let lambda = Swift.min(remaining, chunkMean)
        remaining -= lambda
        var terms = Terms(lambda: lambda)
        var values = [terms.cumulative]
        while terms.probability > 0 {
          terms.next()
          values.append(terms.cumulative)
        }
        chunks.append(values)
      }
      cumulative = chunks
    }

    /// ``draw(mean:using:)`` for this table's mean: one uniform per chunk, the same count.
    func draw<G: RandomNumberGenerator>(using generator: inout G) -> Int {
      var total = 0
      for values in cumulative {
        let u = generator.nextUnitDouble()
        // The first k with u ≤ F(k) (F is nondecreasing), or the last k when none is.
        var low = 0
        var high = values.count - 1
        while low < high {
          let middle = (low + high) / 2
          if u > values[middle] { low = middle + 1 } else { high = middle }
        }
        total += low
      }
      return total
    }
  }

  /// Tables of the means met so far, built on first use; once it holds `limit` tables, a new mean is drawn
  /// by the sequential search instead (so a mean that varies trial by trial costs no table per trial).
  struct TableCache {
    let limit: Int
    private var tables: [Double: Table] = [:]

    init(limit: Int) { self.limit = limit }

    /// A Poisson(`mean`) draw: the same count as ``PoissonCount/draw(mean:using:)``.
    mutating func draw<G: RandomNumberGenerator>(mean: Double, using generator: inout G) -> Int {
      if let table = tables[mean] { return table.draw(using: &generator) }
      guard mean > 0 && tables.count < limit else {
        return PoissonCount.draw(mean: mean, using: &generator)
      }
      let table = Table(mean: mean)
      tables[mean] = table
      return table.draw(using: &generator)
    }
  }
}
