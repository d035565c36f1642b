/// The ranks of the order statistics that bound a distribution-free 95% confidence interval for the
/// population p-quantile ξₚ (the binomial method).
///
/// For a continuous population, the number B of sample values below ξₚ is Binomial(n, p), so
/// P(x₍ₗ₎ ≤ ξₚ < x₍ᵤ₎) = P(l ≤ B < u) whatever the distribution. With α = 0.05 the ranks are chosen
/// with equal tails:
/// - `lower` l = max { k ≥ 1 : P(B ≤ k − 1) ≤ α/2 },
/// - `upper` u = min { k ≤ n : P(B ≥ k) ≤ α/2 },
/// so P(l ≤ B < u) ≥ 1 − α (Conover; Hahn and Meeker §5.2). When n is too small for a side
/// ((1 − p)ⁿ > α/2 for the lower, pⁿ > α/2 for the upper) that bound is `nil`: no order statistic
/// bounds the quantile at that level, and the interval is open on that side. A lone bound is a
/// one-sided bound at level 1 − α/2.
///
/// For n ≤ ``exactSampleSizeLimit`` the binomial probabilities are exact (the pmf by its ratio
/// recurrence from the mode, normalised to sum to 1). Above it the normal approximation with
/// continuity correction is used, σ = √(np(1 − p)), z = 1.959963984540054:
/// l = ⌊np + ½ − zσ⌋, u = ⌈np + ½ + zσ⌉. Both ways are deterministic functions of (n, p).
///
/// - Complexity: O(n) time and memory for the exact method; O(1) for the approximation.
/// - References: W. J. Conover, *Practical Nonparametric Statistics*, 3rd ed., Wiley 1999, §3.2;
///   G. J. Hahn, W. Q. Meeker, *Statistical Intervals*, Wiley 1991, doi:10.1002/9780470316771.
public struct QuantileConfidenceRanks: Sendable, Hashable, Codable {
  /// The 1-based rank l of the lower bound x₍ₗ₎, or `nil` when none exists at this level.
  public var lower: Int?
  /// The 1-based rank u of the upper bound x₍ᵤ₎, or `nil` when none exists at this level.
  public var upper: Int?

  /// The two-sided confidence level, 0.95.
  public static let confidenceLevel = 0.95
  /// Largest sample size for which binomial probabilities are computed exactly: 100 000.
  public static let exactSampleSizeLimit = 100_000

  /// The ranks for sample size `sampleSize` and probability `probability`.
  ///
  /// Returns both bounds `nil` when `sampleSize` < 1 or `probability` is not in the open interval
  /// (0, 1) (NaN included).
  public init(sampleSize: Int, probability: Double) {
    guard sampleSize >= 1, probability > 0, probability < 1 else { return }
    if sampleSize <= Self.exactSampleSizeLimit {
      self = Self.exact(sampleSize, probability)
    } else {
      self = Self.normalApproximation(sampleSize, probability)
    }
  }

  init(lower: Int?, upper: Int?) {
    self.lower = lower
    self.upper = upper
  }

  // MARK: - Exact binomial

  private static func exact(_ n: Int, _ p: Double) -> QuantileConfidenceRanks {
    let tail = (1 - confidenceLevel) / 2
    let pmf = binomialProbabilities(n, p)
    var lower: Int? = nil
    var below = 0.0  // P(B ≤ k − 1)
    for k in 1...n {
      below += pmf[k - 1]
      guard below <= tail else { break }
      lower = k
    }
    var upper: Int? = nil
    var above = 0.0  // P(B ≥ k)
    for k in stride(from: n, through: 1, by: -1) {
      above += pmf[k]
      guard above <= tail else { break }
      upper = k
    }
    return QuantileConfidenceRanks(lower: lower, upper: upper)
  }

  /// P(B = k) for k = 0…n, by the recurrence P(k+1)/P(k) = (n − k)/(k + 1) · p/(1 − p) from the mode
  /// (so nothing underflows near the mode), then normalised.
  private static func binomialProbabilities(_ n: Int, _ p: Double) -> [Double] {
    var pmf = [Double](repeating: 0, count: n + 1)
    let mode = min(n, Int((Double(n + 1) * p).rounded(.down)))
    let odds = p / (1 - p)
    pmf[mode] = 1
    var k = mode
    while k < n, pmf[k] > 0 {
      pmf[k + 1] = pmf[k] * Double(n - k) / Double(k + 1) * odds
      k += 1
    }
    k = mode
    while k > 0, pmf[k] > 0 {
      pmf[k - 1] = pmf[k] * Double(k) / Double(n - k + 1) / odds
      k -= 1
    }
    var total = NeumaierSum()
    for value in pmf { total.add(value) }
    let scale = 1 / total.value
    for index in pmf.indices { pmf[index] *= scale }
    return pmf
  }

  // MARK: - Normal approximation

  private static func normalApproximation(_ n: Int, _ p: Double) -> QuantileConfidenceRanks {
    let z = 1.959963984540054  // scipy.stats.norm.ppf(0.975)
    let center = Double(n) * p + 0.5
    let spread = z * (Double(n) * p * (1 - p)).squareRoot()
    let lower = Int((center - spread).rounded(.down))
    let upper = Int((center + spread).rounded(.up))
    return QuantileConfidenceRanks(
      lower: lower >= 1 ? lower : nil, upper: upper <= n ? upper : nil)
  }
}
