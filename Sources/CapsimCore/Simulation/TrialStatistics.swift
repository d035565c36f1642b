import RealModule

/// Estimators over per-trial results, each returning an ``Estimate`` with a 95% interval.
///
/// Inputs are consumed in trial order with compensated (Neumaier) sums, so results depend only on the
/// values and their order, never on how trials were scheduled.
enum TrialStatistics {
  /// Two-sided 95% normal quantile, Φ⁻¹(0.975).
  static let z95 = 1.959_963_984_540_054

  /// Mean of per-trial values with standard error s/√n and a Student-t 95% interval.
  static func mean(_ values: [Double]) -> Estimate {
    let n = values.count
    guard n > 0 else { return Estimate(value: .nan) }
    let mean = neumaierSum(values) / Double(n)
    guard n > 1 else { return Estimate(value: mean) }
    let variance = neumaierSum(values.lazy.map { ($0 - mean) * ($0 - mean) }) / Double(n - 1)
    let standardError = (variance / Double(n)).squareRoot()
    let half = studentT975(degreesOfFreedom: n - 1) * standardError
    return Estimate(
      value: mean, standardError: standardError, lower: mean - half, upper: mean + half)
  }

  /// Ratio estimator R = Σyᵢ / Σxᵢ over trials (for example deadline hits / jobs), with the
  /// linearisation standard error √(Σ(yᵢ − R·xᵢ)² / (n(n−1))) / x̄ (Cochran, *Sampling Techniques*, §6.4).
  static func ratio(numerators: [Double], denominators: [Double]) -> Estimate {
    let n = numerators.count
    let denominator = neumaierSum(denominators)
    guard n > 0, denominator > 0 else { return Estimate(value: .nan) }
    let ratio = neumaierSum(numerators) / denominator
    guard n > 1 else { return Estimate(value: ratio) }
    let meanDenominator = denominator / Double(n)
    let residuals = neumaierSum(
      zip(numerators, denominators).lazy.map { y, x in (y - ratio * x) * (y - ratio * x) })
    let standardError = (residuals / Double(n * (n - 1))).squareRoot() / meanDenominator
    let half = studentT975(degreesOfFreedom: n - 1) * standardError
    return Estimate(
      value: ratio, standardError: standardError, lower: ratio - half, upper: ratio + half)
  }

  /// Compensated sum of `values` in order (see ``NeumaierSum``).
  static func neumaierSum(_ values: some Sequence<Double>) -> Double {
    var sum = NeumaierSum()
    for value in values { sum.add(value) }
    return sum.value
  }

  /// The 0.975 quantile of Student's t (see ``studentTQuantile975(degreesOfFreedom:)``).
  static func studentT975(degreesOfFreedom: Int) -> Double {
    studentTQuantile975(degreesOfFreedom: degreesOfFreedom)
  }
}
