/// A streaming mean and variance (Welford) that merges exactly in the Chan et al. way, for combining
/// per-chunk Monte Carlo results in chunk-index order.
///
/// Keeps n, the running mean x̄ and M₂ = Σ(xᵢ − x̄)². Adding x: δ = x − x̄, x̄ += δ/n, M₂ += δ(x − x̄).
/// Merging A and B: δ = x̄_B − x̄_A, x̄ = x̄_A + δ·n_B/n, M₂ = M₂_A + M₂_B + δ²·n_A·n_B/n. Both are
/// numerically stable (no catastrophic cancellation of Σx² − n·x̄²). The result is a deterministic
/// function of the values and the order of `add` and `merge` calls; merging chunks in index order
/// therefore gives the same bits on any thread count (but not necessarily the same bits as adding all
/// values to one accumulator).
///
/// Values are not validated (this sits in simulation hot loops): one NaN makes `mean` NaN, and ±∞
/// makes `mean` infinite or NaN. Validate user data with ``SampleSummary`` instead.
///
/// - Complexity: O(1) per `add` and per `merge`; O(1) memory.
/// - References: B. P. Welford, "Note on a method for calculating corrected sums of squares and
///   products", Technometrics 4(3), 1962, doi:10.1080/00401706.1962.10490022. T. F. Chan, G. H. Golub,
///   R. J. LeVeque, "Algorithms for computing the sample variance: analysis and recommendations",
///   The American Statistician 37(3), 1983, doi:10.1080/00031305.1983.10483115.
public struct MeanAccumulator: Sendable, Hashable, Codable {
  @usableFromInline var storedCount = 0
  @usableFromInline var storedMean = 0.0
  @usableFromInline var storedSumOfSquaredDeviations = 0.0

  /// Number of values added.
  public var count: Int { storedCount }
  /// Running mean; 0 while `count` is 0 (check `count` or use ``estimate``).
  public var mean: Double { storedMean }
  /// Sum of squared deviations from the mean, M₂.
  public var sumOfSquaredDeviations: Double { storedSumOfSquaredDeviations }

  /// An empty accumulator.
  public init() {}

  // MARK: - Accumulating

  /// Adds one value.
  @inlinable
  public mutating func add(_ value: Double) {
    storedCount += 1
    let delta = value - storedMean
    storedMean += delta / Double(storedCount)
    storedSumOfSquaredDeviations += delta * (value - storedMean)
  }

  /// Folds `other` into this accumulator (Chan et al.'s pairwise update).
  public mutating func merge(_ other: MeanAccumulator) {
    guard other.count > 0 else { return }
    guard count > 0 else {
      self = other
      return
    }
    let total = count + other.count
    let delta = other.mean - mean
    let weight = Double(other.count) / Double(total)
    storedMean += delta * weight
    storedSumOfSquaredDeviations +=
      other.sumOfSquaredDeviations + delta * delta * Double(count) * weight
    storedCount = total
  }

  /// This accumulator merged with `other`, self first.
  public func merging(_ other: MeanAccumulator) -> MeanAccumulator {
    var result = self
    result.merge(other)
    return result
  }

  // MARK: - Results

  /// Sample variance with Bessel's correction, M₂/(n − 1) (Excel VAR.S); `nil` when n < 2.
  public var variance: Double? {
    count >= 2 ? sumOfSquaredDeviations / Double(count - 1) : nil
  }

  /// Sample standard deviation √(M₂/(n − 1)) (Excel STDEV.S); `nil` when n < 2.
  public var standardDeviation: Double? { variance.map { $0.squareRoot() } }

  /// Standard error of the mean, s/√n; `nil` when n < 2.
  public var standardError: Double? {
    standardDeviation.map { $0 / Double(count).squareRoot() }
  }

  /// The mean with its standard error and 95% confidence interval x̄ ± t₀.₉₇₅,ₙ₋₁ · s/√n.
  ///
  /// The Student t quantile is tabulated for n − 1 ≤ 30 and from a Cornish–Fisher expansion above
  /// (error < 3·10⁻⁸). `nil` when the accumulator is empty; with one value the estimate has no standard
  /// error and no interval. The interval assumes an approximately normal sampling distribution of the
  /// mean (true for large n by the central limit theorem).
  public var estimate: Estimate? {
    guard count > 0 else { return nil }
    guard let standardError else { return Estimate(value: mean) }
    let halfWidth = studentTQuantile975(degreesOfFreedom: count - 1) * standardError
    return Estimate(
      value: mean, standardError: standardError, lower: mean - halfWidth, upper: mean + halfWidth)
  }
}
