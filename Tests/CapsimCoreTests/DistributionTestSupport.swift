import RealModule

/// Helpers shared by the distribution and fitting tests.
enum DistributionTestSupport {
  /// |actual − expected| ≤ relative·|expected| (or both infinite with the same sign, or both NaN).
  static func isClose(_ actual: Double, _ expected: Double, relative: Double, absolute: Double = 0)
    -> Bool
  {
    if expected.isNaN { return actual.isNaN }
    if expected.isInfinite { return actual == expected }
    return Swift.abs(actual - expected) <= Swift.max(relative * Swift.abs(expected), absolute)
  }

  /// Sample mean, divisor-(n−1) variance and fourth central moment of `values`.
  static func moments(_ values: [Double]) -> (mean: Double, variance: Double, fourth: Double) {
    let n = Double(values.count)
    let mean = values.reduce(0, +) / n
    var second = 0.0
    var fourth = 0.0
    for value in values {
      let d = value - mean
      second += d * d
      fourth += d * d * d * d
    }
    return (mean, second / (n - 1), fourth / n)
  }
}
