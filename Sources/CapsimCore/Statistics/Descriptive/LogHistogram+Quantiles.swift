// MARK: - Quantiles

extension LogHistogram {
  /// The type-7 p-quantile estimated from the bins: as ``quantile(sorted:_:)`` on the sorted values,
  /// with each order statistic replaced by the geometric midpoint of its bin.
  ///
  /// With N values and h = (N − 1)p, j = ⌊h⌋, the estimate is v(j + 1) + (h − j)(v(j + 2) − v(j + 1)),
  /// where v(k) estimates the k-th smallest value x₍ₖ₎: the geometric midpoint of its bin, clamped to
  /// [minimum, maximum] (relative error ≤ 0.0488%); the exact minimum when k is 1 and the exact maximum
  /// when k is N; the minimum for any other rank in underflow and the maximum for any rank in overflow
  /// (there the histogram knows only a bound, so keep the range wide enough). As a convex combination
  /// of two estimates, the result is within 0.0488% of the exact type-7 quantile when both ranks fall
  /// in bins.
  ///
  /// - Returns: `nil` when the histogram is empty or p is NaN or outside [0, 1].
  /// - Complexity: O(bins).
  public func quantile(_ p: Double) -> Double? {
    guard storedCount > 0, p >= 0, p <= 1 else { return nil }
    let position = Double(storedCount - 1) * p
    let lowerRank = min(Int(position.rounded(.down)), storedCount - 1) + 1
    let fraction = position - Double(lowerRank - 1)
    let lower = orderStatistic(rank: lowerRank, side: .middle)
    guard fraction > 0, lowerRank < storedCount else { return lower }
    let upper = orderStatistic(rank: lowerRank + 1, side: .middle)
    let difference = upper - lower
    return fraction >= 0.5 ? upper - difference * (1 - fraction) : lower + difference * fraction
  }

  /// The p-quantile with a conservative distribution-free 95% confidence interval.
  ///
  /// The ranks (l, u) are ``QuantileConfidenceRanks`` for N values; `lower` is the start of x₍ₗ₎'s
  /// bin and `upper` the end of x₍ᵤ₎'s bin (clamped to [minimum, maximum]; the minimum or the
  /// underflow threshold, the overflow threshold or the maximum, for ranks outside the bins). The
  /// interval therefore contains the one the exact sorted sample would give, [x₍ₗ₎, x₍ᵤ₎], and its
  /// coverage is at least as high. A bound is `nil` where the ranks have none.
  ///
  /// - Returns: `nil` when the histogram is empty or p is NaN or outside [0, 1].
  /// - Complexity: O(bins) (plus O(N) for the exact binomial ranks when N ≤ 100 000).
  public func quantileEstimate(_ p: Double) -> QuantileEstimate? {
    guard let value = quantile(p) else { return nil }
    let ranks = QuantileConfidenceRanks(sampleSize: storedCount, probability: p)
    return QuantileEstimate(
      probability: p, value: value,
      lower: ranks.lower.map { orderStatistic(rank: $0, side: .lowerBound) },
      upper: ranks.upper.map { orderStatistic(rank: $0, side: .upperBound) })
  }

  // MARK: - Order statistics

  enum BinSide {
    case lowerBound
    case middle
    case upperBound
  }

  /// An estimate or bound of the `rank`-th smallest value (1-based, 1…count).
  func orderStatistic(rank: Int, side: BinSide) -> Double {
    if rank == 1 && side != .upperBound { return storedMinimum }
    if rank == storedCount && side != .lowerBound { return storedMaximum }
    if rank <= storedUnderflowCount {
      return side == .upperBound ? Swift.min(lowerEdge, storedMaximum) : storedMinimum
    }
    if rank > storedCount - storedOverflowCount {
      return side == .lowerBound ? Swift.max(upperEdge, storedMinimum) : storedMaximum
    }
    var remaining = rank - storedUnderflowCount
    // Bins below the minimum's are empty.
    var bin = occupiedBins.lowerBound
    while remaining > counts[bin] {
      remaining -= counts[bin]
      bin += 1
    }
    let start = Double(bitPattern: (firstKey + UInt64(bin)) << Self.shift)
    let end = Double(bitPattern: (firstKey + UInt64(bin) + 1) << Self.shift)
    let value: Double
    switch side {
    case .lowerBound: value = start
    case .middle: value = start.squareRoot() * end.squareRoot()
    case .upperBound: value = end
    }
    return Swift.min(Swift.max(value, storedMinimum), storedMaximum)
  }
}
