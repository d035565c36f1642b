import RealModule

/// Maximum-likelihood fitting of the ``DistributionFamily`` families with the location fixed at 0.
///
/// Estimates match `scipy.stats.<family>.fit(data, floc=0)`:
/// - normal: μ̂ = x̄, σ̂ = √((1/n)Σ(xᵢ − x̄)²) (divisor n, the MLE; Excel STDEV.P);
/// - lognormal: μ̂, σ̂ the same on ln xᵢ;
/// - exponential: λ̂ = 1/x̄;
/// - gamma: k̂ solves ln k − ψ(k) = ln x̄ − mean(ln x) (Newton from Minka's start), θ̂ = x̄/k̂;
/// - Weibull: k̂ solves the profile equation Σxᵢᵏ ln xᵢ/Σxᵢᵏ − 1/k − mean(ln x) = 0 (safeguarded
///   Newton; the left side is strictly increasing), λ̂ = ((1/n)Σxᵢᵏ)^(1/k).
///
/// Reference: T. P. Minka, "Estimating a gamma distribution" (2002); A. C. Cohen, "Maximum
/// likelihood estimation in the Weibull distribution", Technometrics 7(4), 1965,
/// doi:10.1080/00401706.1965.10490300.
public enum DistributionFitting {
  /// The smallest sample that can be fitted.
  public static let minimumSampleSize = 3

  /// Fits `family` to `values` and measures the fit (log-likelihood, AIC, BIC, KS, AD).
  ///
  /// - Throws: ``FitError`` for empty input, n < 3, NaN or ±∞, all values equal, values ≤ 0 for a
  ///   positive family, or an estimating equation that cannot be solved. Never returns NaN.
  /// - Complexity: O(n log n) (one sort) plus O(n) per Newton step (Weibull, ~6–10 steps).
  public static func fit(_ family: DistributionFamily, to values: [Double]) throws(FitError)
    -> FitResult
  {
    try validate(values)
    return try fitValidated(family, sorted: values.sorted(), nonPositive: firstNonPositive(values))
  }

  /// Fits every family in `families` and ranks the fits by AIC (lowest first).
  ///
  /// Families that cannot be fitted to this sample (e.g. positive families when a value is ≤ 0)
  /// are listed in ``FitRanking/skipped`` with their error.
  /// - Throws: ``FitError`` if the sample itself is unusable (empty, n < 3, non-finite, constant).
  /// - Complexity: one sort plus one fit per family.
  public static func rankedFits(
    to values: [Double], families: [DistributionFamily] = DistributionFamily.allCases
  ) throws(FitError) -> FitRanking {
    try validate(values)
    let sorted = values.sorted()
    let nonPositive = firstNonPositive(values)
    var results: [FitResult] = []
    var skipped: [DistributionFamily: FitError] = [:]
    for family in families {
      do {
        results.append(try fitValidated(family, sorted: sorted, nonPositive: nonPositive))
      } catch {
        skipped[family] = error
      }
    }
    let order = Dictionary(
      uniqueKeysWithValues: DistributionFamily.allCases.enumerated().map { ($1, $0) })
    results.sort { ($0.aic, order[$0.family] ?? 0) < ($1.aic, order[$1.family] ?? 0) }
    return FitRanking(results: results, skipped: skipped)
  }

  // MARK: - Validation

  static func validate(_ values: [Double]) throws(FitError) {
    guard !values.isEmpty else { throw .emptyValues }
    guard values.count >= minimumSampleSize else {
      throw .tooFewValues(count: values.count, minimum: minimumSampleSize)
    }
    if let index = values.firstIndex(where: { !$0.isFinite }) {
      throw .nonFiniteValue(index: index, value: values[index])
    }
    let first = values[0]
    if values.allSatisfy({ $0 == first }) { throw .allValuesEqual(value: first) }
  }

  // MARK: - Fit and measure

  /// The first value ≤ 0 and its index in the caller's order, if any.
  static func firstNonPositive(_ values: [Double]) -> (index: Int, value: Double)? {
    values.firstIndex { $0 <= 0 }.map { ($0, values[$0]) }
  }

  static func fitValidated(
    _ family: DistributionFamily, sorted: [Double], nonPositive: (index: Int, value: Double)?
  ) throws(FitError) -> FitResult {
    if family.requiresPositiveValues, let nonPositive {
      throw .nonPositiveValue(index: nonPositive.index, value: nonPositive.value, family: family)
    }
    let distribution = try estimate(family, sorted: sorted)
    let n = Double(sorted.count)
    var logLikelihood = 0.0
    for value in sorted { logLikelihood += distribution.logPDF(value) }
    guard logLikelihood.isFinite else {
      throw .numericalFailure(family: family, reason: "the log-likelihood is \(logLikelihood)")
    }
    let k = Double(family.parameterCount)
    let (lower, upper) = GoodnessOfFit.tailProbabilities(
      sortedValues: sorted, distribution: distribution)
    let statistic = GoodnessOfFit.kolmogorovSmirnovStatistic(cdfValues: lower)
    return FitResult(
      family: family, distribution: distribution, sampleSize: sorted.count,
      logLikelihood: logLikelihood, aic: 2 * k - 2 * logLikelihood,
      bic: k * Double.log(n) - 2 * logLikelihood, kolmogorovSmirnovStatistic: statistic,
      kolmogorovSmirnovPValue: KolmogorovDistribution.survival(statistic, sampleSize: sorted.count),
      andersonDarlingStatistic: GoodnessOfFit.andersonDarlingStatistic(
        cdfValues: lower, survivalValues: upper))
  }

  /// The MLE of `family` for validated, sorted values (positive where the family needs it).
  static func estimate(_ family: DistributionFamily, sorted: [Double]) throws(FitError)
    -> ParametricDistribution
  {
    do {
      switch family {
      case .normal:
        let (mean, variance) = meanAndVariance(sorted)
        return ParametricDistribution(
          try NormalDistribution(mean: mean, standardDeviation: variance.squareRoot()))
      case .lognormal:
        let (mean, variance) = meanAndVariance(sorted.map { Double.log($0) })
        return ParametricDistribution(
          try LogNormalDistribution(mu: mean, sigma: variance.squareRoot()))
      case .exponential:
        let mean = sorted.reduce(0, +) / Double(sorted.count)
        return ParametricDistribution(try ExponentialDistribution(rate: 1 / mean))
      case .gamma:
        return ParametricDistribution(try fitGamma(sorted))
      case .weibull:
        return ParametricDistribution(try fitWeibull(sorted))
      }
    } catch let error as FitError {
      throw error
    } catch {
      throw .numericalFailure(family: family, reason: "\(error)")
    }
  }

  /// Mean and divisor-n variance by two passes.
  static func meanAndVariance(_ values: [Double]) -> (Double, Double) {
    let n = Double(values.count)
    let mean = values.reduce(0, +) / n
    var sumOfSquares = 0.0
    var sumOfDeviations = 0.0
    for value in values {
      let deviation = value - mean
      sumOfSquares += deviation * deviation
      sumOfDeviations += deviation
    }
    // Corrected two-pass algorithm (Chan, Golub, LeVeque 1983).
    return (mean, (sumOfSquares - sumOfDeviations * sumOfDeviations / n) / n)
  }
}

/// Fits `family` to `values` by maximum likelihood with location 0: ``DistributionFitting/fit(_:to:)``.
///
/// - Throws: ``FitError``. - Complexity: O(n log n).
public func fit(_ family: DistributionFamily, to values: [Double]) throws(FitError) -> FitResult {
  try DistributionFitting.fit(family, to: values)
}
