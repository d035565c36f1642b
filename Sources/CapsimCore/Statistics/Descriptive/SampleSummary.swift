/// Descriptive statistics of a finite sample, each with its uncertainty: the row of numbers capsim
/// shows for measured or simulated job durations.
///
/// Definitions (n values x₁…xₙ, spreadsheet equivalents in brackets):
/// - `mean` x̄ = Σxᵢ/n, by compensated summation plus one refinement pass (AVERAGE);
/// - `standardDeviation` s = √(Σ(xᵢ − x̄)²/(n − 1)), by the corrected two-pass formula (STDEV.S);
/// - `standardError` s/√n;
/// - `coefficientOfVariation` s/x̄;
/// - `skewness` G₁ = √(n(n − 1))/(n − 2) · m₃/m₂^(3/2), mᵣ = Σ(xᵢ − x̄)ʳ/n, the adjusted
///   Fisher–Pearson coefficient (SKEW; scipy `skew(x, bias=False)`);
/// - quantiles p50, p90, p95, p99, p99.9, Hyndman–Fan type 7 (PERCENTILE.INC; numpy's default), each
///   with a distribution-free 95% order-statistic interval (``QuantileConfidenceRanks``);
/// - `tailRatio` p99/p50.
///
/// Undefined quantities are `nil`, never NaN: `standardDeviation` and `standardError` need n ≥ 2;
/// `coefficientOfVariation` needs n ≥ 2 and x̄ ≠ 0 (it is `nil` when the mean is exactly 0, and is
/// negative when the mean is negative); `skewness` needs n ≥ 3 and s > 0 (a constant sample has no
/// skewness); `tailRatio` needs p50 > 0. Input containing NaN or ±∞ is rejected with the index of the
/// first such value; empty input is rejected. Values whose squares overflow (|x| ≳ 10¹⁵⁴) give an
/// infinite standard deviation.
///
/// Every field is a deterministic function of the input array (its order matters only in the last bits
/// of the sums).
///
/// - Complexity: O(n log n) time (one sort), O(n) memory.
/// - References: R. J. Hyndman, Y. Fan, "Sample quantiles in statistical packages", Am. Stat. 50(4),
///   1996, doi:10.1080/00031305.1996.10473566. D. N. Joanes, C. A. Gill, "Comparing measures of sample
///   skewness and kurtosis", J. R. Stat. Soc. D 47(1), 1998, doi:10.1111/1467-9884.00122.
///   T. F. Chan, G. H. Golub, R. J. LeVeque, Am. Stat. 37(3), 1983, doi:10.1080/00031305.1983.10483115.
///
/// ## Topics
/// - ``init(_:)``
/// - ``quantiles``
/// - ``meanEstimate``
public struct SampleSummary: Sendable, Hashable, Codable {
  /// Number of values, n ≥ 1.
  public var count: Int
  /// Arithmetic mean x̄.
  public var mean: Double
  /// Sample standard deviation with Bessel's correction; `nil` when n < 2.
  public var standardDeviation: Double?
  /// Standard error of the mean, s/√n; `nil` when n < 2.
  public var standardError: Double?
  /// s/x̄; `nil` when n < 2 or x̄ = 0.
  public var coefficientOfVariation: Double?
  /// Adjusted Fisher–Pearson skewness G₁; `nil` when n < 3 or s = 0.
  public var skewness: Double?
  /// Smallest value.
  public var minimum: Double
  /// Largest value.
  public var maximum: Double
  /// The median, p50, with its 95% interval.
  public var median: QuantileEstimate
  /// The 90th percentile with its 95% interval.
  public var p90: QuantileEstimate
  /// The 95th percentile with its 95% interval.
  public var p95: QuantileEstimate
  /// The 99th percentile with its 95% interval.
  public var p99: QuantileEstimate
  /// The 99.9th percentile with its 95% interval.
  public var p999: QuantileEstimate
  /// p99/p50, a heavy-tail indicator; `nil` unless p50 > 0.
  public var tailRatio: Double?

  /// The probabilities of ``quantiles``, in order: 0.5, 0.9, 0.95, 0.99, 0.999.
  public static let quantileProbabilities: [Double] = [0.5, 0.9, 0.95, 0.99, 0.999]

  /// The five quantile estimates in the order of ``quantileProbabilities``.
  public var quantiles: [QuantileEstimate] { [median, p90, p95, p99, p999] }

  /// The mean as an ``Estimate``: standard error s/√n and the Student t 95% interval
  /// x̄ ± t₀.₉₇₅,ₙ₋₁·s/√n (no error or interval when n = 1).
  public var meanEstimate: Estimate {
    guard let standardError else { return Estimate(value: mean) }
    let halfWidth = studentTQuantile975(degreesOfFreedom: count - 1) * standardError
    return Estimate(
      value: mean, standardError: standardError, lower: mean - halfWidth, upper: mean + halfWidth)
  }

  // MARK: - Initialisation

  /// Summarises `values`.
  ///
  /// - Throws: ``DescriptiveStatisticsError/emptySample`` for an empty array;
  ///   ``DescriptiveStatisticsError/nonFiniteValue(index:kind:)`` naming the first NaN or ±∞.
  public init(_ values: [Double]) throws(DescriptiveStatisticsError) {
    guard !values.isEmpty else { throw .emptySample }
    if let index = values.firstIndex(where: { !$0.isFinite }),
      let kind = DescriptiveStatisticsError.NonFiniteKind(values[index])
    {
      throw .nonFiniteValue(index: index, kind: kind)
    }
    let n = Double(values.count)
    count = values.count

    // Mean: compensated sum, then one refinement pass with the mean deviation.
    var total = NeumaierSum()
    for value in values { total.add(value) }
    var center = total.value / n
    var deviationSum = NeumaierSum()
    for value in values { deviationSum.add(value - center) }
    center += deviationSum.value / n
    mean = center

    // Central moments about the refined mean (corrected two-pass).
    var first = NeumaierSum()
    var second = NeumaierSum()
    var third = NeumaierSum()
    for value in values {
      let deviation = value - center
      let square = deviation * deviation
      first.add(deviation)
      second.add(square)
      third.add(square * deviation)
    }
    let sumOfSquares = max(0, second.value - first.value * first.value / n)
    if values.count >= 2 {
      let deviation = (sumOfSquares / (n - 1)).squareRoot()
      standardDeviation = deviation
      standardError = deviation / n.squareRoot()
      coefficientOfVariation = center != 0 ? deviation / center : nil
    }
    if values.count >= 3, sumOfSquares > 0 {
      let m2 = sumOfSquares / n
      let m3 = third.value / n
      let biased = m3 / (m2 * m2.squareRoot())
      skewness = biased * (n * (n - 1)).squareRoot() / (n - 2)
    }

    // Order statistics.
    let sorted = values.sorted()
    minimum = sorted[0]
    maximum = sorted[sorted.count - 1]
    let estimates = Self.quantileProbabilities.map {
      QuantileEstimate(sorted: sorted, probability: $0)
    }
    median = estimates[0]
    p90 = estimates[1]
    p95 = estimates[2]
    p99 = estimates[3]
    p999 = estimates[4]
    tailRatio = median.value > 0 ? p99.value / median.value : nil
  }
}
