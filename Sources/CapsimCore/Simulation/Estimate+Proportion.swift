extension Estimate {
  /// A share of trials, p̂ = `share`, estimated from `trials` trials, with the Wilson score 95% interval.
  ///
  /// - `value`: p̂.
  /// - `standardError`: the binomial √(p̂(1 − p̂)/n), `nil` for n < 2. It is 0 at p̂ ∈ {0, 1}, where it
  ///   says nothing: read the interval instead.
  /// - `lower`, `upper`: the Wilson score interval at 95%,
  ///   (p̂ + z²/2n ± z·√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n), z = Φ⁻¹(0.975). Unlike p̂ ± z·SE it stays
  ///   inside [0, 1] and is not degenerate at p̂ ∈ {0, 1}: 0 wins of 200 give [0, 1.88%]. E. B. Wilson,
  ///   "Probable inference, the law of succession, and statistical inference", *JASA* 22 (1927) 209–212,
  ///   doi:10.1080/01621459.1927.10502953; recommended over the Wald interval by A. Agresti, B. A. Coull,
  ///   *The American Statistician* 52 (1998) 119–126, doi:10.1080/00031305.1998.10480550. Same as
  ///   scipy's `binomtest(k, n).proportion_ci(method='wilson')` and R's `prop.test(k, n, correct = FALSE)`.
  ///
  /// Domain: `share` in [0, 1] (ties counted as fractions of a win are fine), `trials` ≥ 1. A NaN share or
  /// no trials give a NaN value with no standard error or interval.
  /// - Complexity: O(1).
  public static func proportion(_ share: Double, trials: Int) -> Estimate {
    guard trials > 0, share.isFinite else { return Estimate(value: .nan) }
    let n = Double(trials)
    let (lower, upper) = wilsonInterval(share, trials: n)
    return Estimate(
      value: share, standardError: trials > 1 ? (share * (1 - share) / n).squareRoot() : nil,
      lower: lower, upper: upper)
  }

  /// The Wilson score 95% interval of a share `p` of `n` trials (see ``proportion(_:trials:)``).
  static func wilsonInterval(_ p: Double, trials n: Double) -> (lower: Double, upper: Double) {
    let z = TrialStatistics.z95
    let z2 = z * z
    let centre = (p + z2 / (2 * n)) / (1 + z2 / n)
    let half = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / (1 + z2 / n)
    // At p̂ = 0 or 1 the formula's end is exactly 0 or 1; rounding would miss it by an ulp.
    return (p == 0 ? 0 : Swift.max(0, centre - half), p == 1 ? 1 : Swift.min(1, centre + half))
  }
}
