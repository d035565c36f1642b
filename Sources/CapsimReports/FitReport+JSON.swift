import Foundation

extension FitReport {
  /// The report as pretty-printed JSON with sorted `snake_case` keys, ending in a newline.
  ///
  /// Top-level keys: `schema_version`, `capsim_version`, `sample_set`, `sample_size`, `summary` (mean, standard
  /// deviation, minimum, median, p95, p99, maximum), `best` (family name or null), `fits` (best
  /// first: rank, family, parameters under their canonical names, log_likelihood, aic, delta_aic,
  /// bic, ks_statistic, ks_p_value, ad_statistic), `skipped` (family, reason), `histogram` (scale,
  /// bins with lower, upper, count, expected), `quantiles` (p, data, fitted, ratio) and
  /// `saved_fit` (a fit entry without rank and delta_aic, or null). Numbers are full precision;
  /// values that do not exist or are infinite (an A² of +∞) are null.
  ///
  /// - Throws: an `EncodingError` (not expected: every number is finite or null).
  public func json(capsimVersion: String) throws -> String {
    let histogram = self.histogram
    let document = Document(
      sampleSet: sampleSetName, sampleSize: summary.count,
      summary: Summary(
        mean: finite(summary.mean), standardDeviation: finite(summary.standardDeviation),
        minimum: finite(summary.minimum), median: finite(summary.median.value),
        p95: finite(summary.p95.value), p99: finite(summary.p99.value),
        maximum: finite(summary.maximum)),
      best: best?.family.rawValue,
      fits: ranking.results.enumerated().map { index, result in
        Fit(result, rank: index + 1, deltaAIC: deltaAIC(result))
      },
      skipped: skipped.map { Skipped(family: $0.family.rawValue, reason: $0.error.description) },
      histogram: HistogramEntry(
        scale: histogram.scale.rawValue,
        bins: histogram.bins.map {
          BinEntry(lower: $0.lower, upper: $0.upper, count: $0.count, expected: $0.expected)
        }),
      quantiles: quantileComparison.map {
        QuantileEntry(p: $0.probability, data: $0.data, fitted: $0.fitted, ratio: finite($0.ratio))
      },
      savedFit: savedFit.map { Fit($0, rank: nil, deltaAIC: nil) })
    return try ReportJSONEncoder.render(document, capsimVersion: capsimVersion)
  }

  // MARK: - Document

  struct Document: Encodable {
    var sampleSet: String
    var sampleSize: Int
    var summary: Summary
    var best: String?
    var fits: [Fit]
    var skipped: [Skipped]
    var histogram: HistogramEntry
    var quantiles: [QuantileEntry]
    var savedFit: Fit?
  }

  struct Summary: Encodable {
    var mean: Double?
    var standardDeviation: Double?
    var minimum: Double?
    var median: Double?
    var p95: Double?
    var p99: Double?
    var maximum: Double?
  }

  struct Fit: Encodable {
    var rank: Int?
    var family: String
    var parameters: [String: Double]
    var logLikelihood: Double?
    var aic: Double?
    var deltaAic: Double?
    var bic: Double?
    var ksStatistic: Double?
    var ksPValue: Double?
    var adStatistic: Double?

    init(_ result: FitResult, rank: Int?, deltaAIC: Double?) {
      self.rank = rank
      family = result.family.rawValue
      parameters = result.distribution.parameters
      logLikelihood = finite(result.logLikelihood)
      aic = finite(result.aic)
      deltaAic = deltaAIC.flatMap(finite)
      bic = finite(result.bic)
      ksStatistic = finite(result.kolmogorovSmirnovStatistic)
      ksPValue = finite(result.kolmogorovSmirnovPValue)
      adStatistic = finite(result.andersonDarlingStatistic)
    }
  }

  struct Skipped: Encodable {
    var family: String
    var reason: String
  }

  struct HistogramEntry: Encodable {
    var scale: String
    var bins: [BinEntry]
  }

  struct BinEntry: Encodable {
    var lower: Double
    var upper: Double
    var count: Int
    var expected: Double?
  }

  struct QuantileEntry: Encodable {
    var p: Double
    var data: Double
    var fitted: Double
    var ratio: Double?
  }
}

/// `value` if finite, else `nil` (JSON has no NaN or ∞).
private func finite(_ value: Double?) -> Double? {
  guard let value, value.isFinite else { return nil }
  return value
}
