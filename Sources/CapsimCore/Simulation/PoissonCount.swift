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
      var probability = Double.exp(-lambda)
      var cumulative = probability
      let u = generator.nextUnitDouble()
      var k = 0
      while u > cumulative && probability > 0 {
        k += 1
        probability *= lambda / Double(k)
        cumulative += probability
      }
      total += k
    }
    return total
  }
}
