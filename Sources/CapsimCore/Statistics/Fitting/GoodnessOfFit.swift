import RealModule

/// Goodness-of-fit statistics of a sample against a fully specified continuous distribution.
public enum GoodnessOfFit {
  /// The Kolmogorov–Smirnov statistic D = max over i of max(i/n − F(x₍ᵢ₎), F(x₍ᵢ₎) − (i−1)/n),
  /// as `scipy.stats.kstest(x, cdf).statistic`.
  ///
  /// `sortedValues` must be sorted ascending; NaN if empty. - Complexity: O(n) cdf evaluations.
  public static func kolmogorovSmirnovStatistic(
    sortedValues: [Double], distribution: some ContinuousDistribution
  ) -> Double {
    kolmogorovSmirnovStatistic(cdfValues: sortedValues.map(distribution.cdf))
  }

  /// D from the cdf at the sorted values.
  static func kolmogorovSmirnovStatistic(cdfValues: [Double]) -> Double {
    guard !cdfValues.isEmpty else { return .nan }
    let n = Double(cdfValues.count)
    var largest = 0.0
    for (index, value) in cdfValues.enumerated() {
      let i = Double(index)
      largest = Swift.max(largest, (i + 1) / n - value, value - i / n)
    }
    return largest
  }

  /// The Anderson–Darling statistic
  /// A² = −n − (1/n)Σᵢ(2i − 1)[ln F(x₍ᵢ₎) + ln(1 − F(x₍ₙ₊₁₋ᵢ₎))],
  /// with 1 − F from the distribution's `survival` (accurate in the upper tail), as the statistic of
  /// `scipy.stats.anderson`. +∞ if F is 0 or 1 at a sample value; NaN if empty.
  ///
  /// Reference: T. W. Anderson, D. A. Darling, "A test of goodness of fit", JASA 49(268), 1954,
  /// doi:10.1080/01621459.1954.10501232. - Complexity: O(n) cdf/survival evaluations.
  public static func andersonDarlingStatistic(
    sortedValues: [Double], distribution: some ContinuousDistribution
  ) -> Double {
    let (lower, upper) = tailProbabilities(sortedValues: sortedValues, distribution: distribution)
    return andersonDarlingStatistic(cdfValues: lower, survivalValues: upper)
  }

  /// (F(xᵢ), 1 − F(xᵢ)), the smaller of the two computed directly.
  static func tailProbabilities(
    sortedValues: [Double], distribution: some ContinuousDistribution
  ) -> ([Double], [Double]) {
    var lower = [Double](repeating: 0, count: sortedValues.count)
    var upper = [Double](repeating: 0, count: sortedValues.count)
    for (index, value) in sortedValues.enumerated() {
      let probability = distribution.cdf(value)
      lower[index] = probability
      upper[index] = probability < 0.5 ? 1 - probability : distribution.survival(value)
    }
    return (lower, upper)
  }

  /// A² from F and 1 − F at the sorted values.
  static func andersonDarlingStatistic(cdfValues: [Double], survivalValues: [Double]) -> Double {
    let count = cdfValues.count
    guard count > 0 else { return .nan }
    var sum = 0.0
    for i in 0..<count {
      let weight = Double(2 * i + 1)
      sum += weight * (Double.log(cdfValues[i]) + Double.log(survivalValues[count - 1 - i]))
    }
    let result = -Double(count) - sum / Double(count)
    return result.isNaN ? .infinity : result
  }
}
