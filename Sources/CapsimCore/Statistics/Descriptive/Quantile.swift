/// The p-quantile of an ascending sorted sample, Hyndman–Fan type 7 (linear interpolation between
/// order statistics); same as Excel PERCENTILE.INC, R `quantile(type = 7)` and numpy's default
/// `np.percentile(x, 100 * p)`.
///
/// With n values x₍₁₎ ≤ … ≤ x₍ₙ₎ and h = (n − 1)·p, j = ⌊h⌋: Q(p) = x₍ⱼ₊₁₎ + (h − j)(x₍ⱼ₊₂₎ − x₍ⱼ₊₁₎),
/// evaluated as numpy does (from the nearer end) so results agree to the last bit in most cases.
/// Q(0) is the minimum and Q(1) the maximum.
///
/// - Parameters:
///   - sorted: values in ascending order (not checked; unsorted input gives a meaningless result).
///   - p: probability in [0, 1].
/// - Returns: the quantile; NaN when `sorted` is empty or p is NaN or outside [0, 1]. Infinite values
///   in `sorted` propagate (and ∞ − ∞ gives NaN).
/// - Complexity: O(1).
/// - Reference: R. J. Hyndman, Y. Fan, "Sample quantiles in statistical packages", The American
///   Statistician 50(4), 1996, doi:10.1080/00031305.1996.10473566.
public func quantile(sorted: [Double], _ p: Double) -> Double {
  guard !sorted.isEmpty, p >= 0, p <= 1 else { return .nan }
  let position = Double(sorted.count - 1) * p
  let lowerIndex = min(Int(position.rounded(.down)), sorted.count - 1)
  let fraction = position - Double(lowerIndex)
  let lower = sorted[lowerIndex]
  guard fraction > 0, lowerIndex + 1 < sorted.count else { return lower }
  let upper = sorted[lowerIndex + 1]
  let difference = upper - lower
  return fraction >= 0.5 ? upper - difference * (1 - fraction) : lower + difference * fraction
}
