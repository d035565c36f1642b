/// A fitted distribution and how well it fits.
///
/// Parameters are maximum-likelihood estimates with the location fixed at 0, matching
/// `scipy.stats.<family>.fit(data, floc=0)`. The goodness-of-fit numbers compare the sample with
/// the fitted distribution itself, so (as with any test against estimated parameters) the
/// Kolmogorov–Smirnov p-value is conservative: treat it as a ranking aid, not a formal test.
public struct FitResult: Sendable, Hashable, Codable {
  /// The family fitted.
  public let family: DistributionFamily
  /// The fitted distribution (family, named parameters, shift 0).
  public let distribution: ParametricDistribution
  /// n, the number of values.
  public let sampleSize: Int
  /// ln L = Σ ln f(xᵢ) at the estimates.
  public let logLikelihood: Double
  /// Akaike's criterion 2k − 2 ln L (k = ``DistributionFamily/parameterCount``); lower is better.
  public let aic: Double
  /// The Bayesian (Schwarz) criterion k ln n − 2 ln L; lower is better.
  public let bic: Double
  /// The Kolmogorov–Smirnov statistic D = sup |Fₙ(x) − F(x)|.
  public let kolmogorovSmirnovStatistic: Double
  /// P(Dₙ ≥ D) under the exact Kolmogorov distribution (as `scipy.stats.kstest`).
  public let kolmogorovSmirnovPValue: Double
  /// The Anderson–Darling statistic A² (+∞ if the fitted cdf is 0 or 1 at a sample value).
  public let andersonDarlingStatistic: Double

  /// Creates a result (normally made by ``DistributionFitting/fit(_:to:)``).
  public init(
    family: DistributionFamily, distribution: ParametricDistribution, sampleSize: Int,
    logLikelihood: Double, aic: Double, bic: Double, kolmogorovSmirnovStatistic: Double,
    kolmogorovSmirnovPValue: Double, andersonDarlingStatistic: Double
  ) {
    self.family = family
    self.distribution = distribution
    self.sampleSize = sampleSize
    self.logLikelihood = logLikelihood
    self.aic = aic
    self.bic = bic
    self.kolmogorovSmirnovStatistic = kolmogorovSmirnovStatistic
    self.kolmogorovSmirnovPValue = kolmogorovSmirnovPValue
    self.andersonDarlingStatistic = andersonDarlingStatistic
  }
}

/// The fits of several families to one sample, best (lowest AIC) first.
public struct FitRanking: Sendable, Equatable {
  /// Successful fits ordered by AIC, ties by family order.
  public let results: [FitResult]
  /// Families that could not be fitted (for example positive families on data with values ≤ 0).
  public let skipped: [DistributionFamily: FitError]

  /// The best fit by AIC, if any family could be fitted.
  public var best: FitResult? { results.first }
}
