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

  /// Neumaier's compensated sum (Neumaier 1974, doi:10.1002/zamm.19740540106).
  static func neumaierSum(_ values: some Sequence<Double>) -> Double {
    var sum = 0.0
    var compensation = 0.0
    for value in values {
      let total = sum + value
      if abs(sum) >= abs(value) {
        compensation += (sum - total) + value
      } else {
        compensation += (value - total) + sum
      }
      sum = total
    }
    return sum + compensation
  }

  /// The 0.975 quantile of Student's t with `degreesOfFreedom` ν: exact table values for ν ≤ 30
  /// (scipy.stats.t.ppf(0.975, ν)), and the Cornish–Fisher expansion z + (z³ + z)/(4ν) + … beyond,
  /// accurate to better than 1e-5 there.
  static func studentT975(degreesOfFreedom: Int) -> Double {
    // python3 -c "from scipy.stats import t; print([round(t.ppf(0.975, v), 6) for v in range(1, 31)])"
    let table: [Double] = [
      12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157,
      2.228139,
      2.200985, 2.178813, 2.160369, 2.144787, 2.13145, 2.119905, 2.109816, 2.100922, 2.093024,
      2.085963,
      2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.04523,
      2.042272,
    ]
    guard degreesOfFreedom > 30 else { return table[Swift.max(1, degreesOfFreedom) - 1] }
    let z = z95
    let v = Double(degreesOfFreedom)
    let z3 = z * z * z
    let z5 = z3 * z * z
    let z7 = z5 * z * z
    return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
      + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v)
  }
}
