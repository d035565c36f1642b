/// Numerical inversion of a monotone cdf, shared by distributions without a closed-form quantile.
enum QuantileSolver {
  /// The smallest x (to 1e-12 relative, or 1e-300 absolute near 0) with cdf(x) ≥ p, p ∈ (0, 1).
  ///
  /// Expands [lower, upper] geometrically until cdf(lower) < p ≤ cdf(upper), then bisects.
  /// Bisection, not Brent, because the cdfs inverted here (mixtures, kernel sums, step functions)
  /// may have flat stretches and jumps where interpolation stalls.
  /// - Complexity: O(log₂((upper − lower)/(1e-12·|x|))) cdf evaluations, at most ~2200.
  static func invert(
    _ p: Double, lower: Double, upper: Double, cdf: (Double) -> Double
  ) -> Double {
    var low = lower.isFinite ? lower : -1
    var high = upper.isFinite ? upper : 1
    if low > high { swap(&low, &high) }
    var step = Swift.max(1, Swift.abs(low))
    var guardCount = 0
    while cdf(low) >= p && guardCount < 1100 {
      high = low
      low -= step
      step *= 2
      guardCount += 1
    }
    step = Swift.max(1, Swift.abs(high))
    guardCount = 0
    while cdf(high) < p && guardCount < 1100 {
      low = high
      high += step
      step *= 2
      guardCount += 1
    }
    for _ in 0..<2200 {
      let middle = low + (high - low) / 2
      if middle <= low || middle >= high { break }
      if high - low <= 1e-12 * Swift.max(Swift.abs(low), Swift.abs(high)) || high - low < 1e-300 {
        break
      }
      if cdf(middle) >= p { high = middle } else { low = middle }
    }
    return high
  }
}
