/// The report of `capsim fit`: every family fitted to one sample set, ranked by AIC, with a
/// histogram of the data against the best fit and a quantile–quantile table.
///
/// Renderings: ``table()`` for a terminal (≤ 100 columns), ``json(capsimVersion:)`` (through
/// ``ReportJSONEncoder``) and ``csv()`` (one row per family). The layout is documented in
/// `docs/fitting.md`.
///
/// ## Topics
/// - ``init(sampleSetName:values:summary:ranking:binCount:savedFit:)``
/// - ``histogram``
/// - ``quantileComparison``
public struct FitReport: Sendable {
  /// The number of histogram bins when none is asked for.
  public static let defaultBinCount = 20
  /// The bin counts the report accepts; others are clamped into this range.
  public static let binCountRange = 2...60
  /// The probabilities of the quantile–quantile table.
  public static let quantileProbabilities: [Double] = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99]

  /// The sample set's name.
  public var sampleSetName: String
  /// The values, sorted ascending (seconds).
  public let sortedValues: [Double]
  /// Descriptive statistics of the values.
  public var summary: SampleSummary
  /// The fits, best first, and the families that could not be fitted.
  public var ranking: FitRanking
  /// The number of histogram bins, within ``binCountRange``.
  public let binCount: Int
  /// The fit saved in the database for this sample set, if any (what `sampling: fitted` uses).
  public var savedFit: FitResult?

  /// Creates the report.
  ///
  /// - Parameters:
  ///   - values: the sample set's values (any order; copied and sorted). Non-empty and finite if
  ///     `ranking` came from ``DistributionFitting/rankedFits(to:families:)``.
  ///   - binCount: histogram bins, clamped into ``binCountRange``.
  /// - Complexity: O(n log n).
  public init(
    sampleSetName: String, values: [Double], summary: SampleSummary, ranking: FitRanking,
    binCount: Int = FitReport.defaultBinCount, savedFit: FitResult? = nil
  ) {
    self.sampleSetName = sampleSetName
    self.sortedValues = values.sorted()
    self.summary = summary
    self.ranking = ranking
    self.binCount = min(max(binCount, Self.binCountRange.lowerBound), Self.binCountRange.upperBound)
    self.savedFit = savedFit
  }

  /// The best fit by AIC, if any family could be fitted.
  public var best: FitResult? { ranking.best }

  /// The skipped families in ``DistributionFamily`` order, with their reasons.
  public var skipped: [(family: DistributionFamily, error: FitError)] {
    DistributionFamily.allCases.compactMap { family in
      ranking.skipped[family].map { (family: family, error: $0) }
    }
  }

  /// The histogram of the values with the best fit's expected counts (see ``Histogram``).
  ///
  /// - Complexity: O(n + bins) plus 2 cdf evaluations per bin.
  public var histogram: Histogram {
    Histogram(sortedValues: sortedValues, binCount: binCount, distribution: best?.distribution)
  }

  // MARK: - Quantiles

  /// One row of the quantile–quantile table.
  public struct QuantileComparison: Sendable, Hashable {
    /// The probability p.
    public var probability: Double
    /// The data's p-quantile, Hyndman–Fan type 7 (Excel PERCENTILE.INC, numpy's default).
    public var data: Double
    /// The best fit's p-quantile F⁻¹(p).
    public var fitted: Double
    /// data/fitted; NaN when fitted is 0.
    public var ratio: Double { fitted != 0 ? data / fitted : .nan }
  }

  /// The data's quantiles against the best fit's at ``quantileProbabilities``; empty without a fit.
  ///
  /// - Complexity: O(1) per row plus the family's quantile function.
  public var quantileComparison: [QuantileComparison] {
    guard let best else { return [] }
    return Self.quantileProbabilities.map { p in
      QuantileComparison(
        probability: p, data: quantile(sorted: sortedValues, p),
        fitted: best.distribution.quantile(p))
    }
  }

  /// ΔAIC of `result`: its AIC minus the best fit's (0 for the best).
  public func deltaAIC(_ result: FitResult) -> Double {
    result.aic - (best?.aic ?? result.aic)
  }
}
