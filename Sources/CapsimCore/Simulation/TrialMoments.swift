/// Running first and second moments of pairs (x, y) over trials — x a trial's job count, y one of its
/// totals — updated one trial at a time and merged chunk by chunk, so a run keeps O(1) memory per metric.
///
/// Updates are Welford's; merges are Chan, Golub and LeVeque's pairwise formulas. Both are exact for
/// constant data (a constant y gives zero spread, not rounding noise). Merging in chunk order makes the
/// result independent of how chunks were scheduled.
///
/// References: B. P. Welford, Technometrics 4(3), 1962, doi:10.1080/00401706.1962.10490022;
/// T. F. Chan, G. H. Golub, R. J. LeVeque, "Algorithms for computing the sample variance", The American
/// Statistician 37(3), 1983, doi:10.1080/00031305.1983.10483115.
struct TrialMoments: Sendable, Hashable {
  /// Trials added.
  var count = 0
  var meanX = 0.0
  var meanY = 0.0
  /// Σ(x − x̄)², Σ(y − ȳ)² and Σ(x − x̄)(y − ȳ).
  var sumSquaresX = 0.0
  var sumSquaresY = 0.0
  var sumProducts = 0.0

  /// Adds one trial.
  mutating func add(x: Double, y: Double) {
    count += 1
    let n = Double(count)
    let dx = x - meanX
    let dy = y - meanY
    meanX += dx / n
    meanY += dy / n
    sumSquaresX += dx * (x - meanX)
    sumSquaresY += dy * (y - meanY)
    sumProducts += dx * (y - meanY)
  }

  /// Adds the trials summarised by `other` (which come after this one's).
  mutating func merge(_ other: TrialMoments) {
    guard other.count > 0 else { return }
    guard count > 0 else {
      self = other
      return
    }
    let na = Double(count)
    let nb = Double(other.count)
    let n = na + nb
    let dx = other.meanX - meanX
    let dy = other.meanY - meanY
    let weight = na * nb / n
    sumSquaresX += other.sumSquaresX + dx * dx * weight
    sumSquaresY += other.sumSquaresY + dy * dy * weight
    sumProducts += other.sumProducts + dx * dy * weight
    meanX += dx * nb / n
    meanY += dy * nb / n
    count += other.count
  }

  /// Σy over the trials.
  var sumY: Double { meanY * Double(count) }
  /// Σx over the trials.
  var sumX: Double { meanX * Double(count) }

  /// Mean of y with standard error s/√n and a Student-t 95% interval.
  var meanEstimate: Estimate {
    guard count > 0 else { return Estimate(value: .nan) }
    guard count > 1 else { return Estimate(value: meanY) }
    let n = Double(count)
    let standardError = (Swift.max(0, sumSquaresY) / (n - 1) / n).squareRoot()
    let half = TrialStatistics.studentT975(degreesOfFreedom: count - 1) * standardError
    return Estimate(
      value: meanY, standardError: standardError, lower: meanY - half, upper: meanY + half)
  }

  /// Ratio estimator R = Σy / Σx with the linearisation standard error √(Σ(yᵢ − R·xᵢ)² / (n(n−1))) / x̄
  /// (Cochran, *Sampling Techniques*, §6.4), where Σ(yᵢ − R·xᵢ)² = Syy − 2R·Sxy + R²·Sxx + n(ȳ − R·x̄)² from the
  /// centred moments.
  var ratioEstimate: Estimate {
    guard count > 0, meanX > 0 else { return Estimate(value: .nan) }
    let ratio = meanY / meanX
    guard count > 1 else { return Estimate(value: ratio) }
    let n = Double(count)
    let offset = meanY - ratio * meanX
    let residuals =
      sumSquaresY - 2 * ratio * sumProducts + ratio * ratio * sumSquaresX + n * offset * offset
    let standardError = (Swift.max(0, residuals) / (n * (n - 1))).squareRoot() / meanX
    let half = TrialStatistics.studentT975(degreesOfFreedom: count - 1) * standardError
    return Estimate(
      value: ratio, standardError: standardError, lower: ratio - half, upper: ratio + half)
  }
}
