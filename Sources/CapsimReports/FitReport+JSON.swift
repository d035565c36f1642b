import Foundation

extension FitReport {
  /// The report as pretty-printed JSON with sorted `snake_case` keys, ending in a newline.
  ///
  /// Top-level keys: `schema_version`, `sample_set`, `sample_size`, `summary` (mean, standard
  /// deviation, minimum, median, p95, p99, maximum), `best` (family name or null), `fits` (best
  /// first: rank, family, parameters under their canonical names, log_likelihood, aic, delta_aic,
  /// bic, ks_statistic, ks_p_value, ad_statistic), `skipped` (family, reason), `histogram` (scale,
  /// bins with lower, upper, count, expected), `quantiles` (p, data, fitted, ratio) and
  /// `saved_fit` (a fit entry without rank and delta_aic, or null). Numbers are full precision;
  /// values that do not exist or are infinite (an A² of +∞) are null.
  ///
  /// - Throws: an `EncodingError` (not expected: every number is finite or null).
  public func json() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let histogram = self.histogram
    let document = Document(
      schemaVersion: Self.schemaVersion, sampleSet: sampleSetName, sampleSize: summary.count,
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
    return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
  }

  // MARK: - Document

  struct Document: Encodable {
    var schemaVersion: Int
    var sampleSet: String
    var sampleSize: Int
    var summary: Summary
    var best: String?
    var fits: [Fit]
    var skipped: [Skipped]
    var histogram: HistogramEntry
    var quantiles: [QuantileEntry]
    var savedFit: Fit?

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(schemaVersion, forKey: .schemaVersion)
      try container.encode(sampleSet, forKey: .sampleSet)
      try container.encode(sampleSize, forKey: .sampleSize)
      try container.encode(summary, forKey: .summary)
      try container.encode(best, forKey: .best)
      try container.encode(fits, forKey: .fits)
      try container.encode(skipped, forKey: .skipped)
      try container.encode(histogram, forKey: .histogram)
      try container.encode(quantiles, forKey: .quantiles)
      try container.encode(savedFit, forKey: .savedFit)
    }

    enum CodingKeys: String, CodingKey {
      case schemaVersion = "schema_version"
      case sampleSet = "sample_set"
      case sampleSize = "sample_size"
      case summary, best, fits, skipped, histogram, quantiles
      case savedFit = "saved_fit"
    }
  }

  struct Summary: Encodable {
    var mean: Double?
    var standardDeviation: Double?
    var minimum: Double?
    var median: Double?
    var p95: Double?
    var p99: Double?
    var maximum: Double?

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(mean, forKey: .mean)
      try container.encode(standardDeviation, forKey: .standardDeviation)
      try container.encode(minimum, forKey: .minimum)
      try container.encode(median, forKey: .median)
      try container.encode(p95, forKey: .p95)
      try container.encode(p99, forKey: .p99)
      try container.encode(maximum, forKey: .maximum)
    }

    enum CodingKeys: String, CodingKey {
      case mean
      case standardDeviation = "standard_deviation"
      case minimum, median, p95, p99, maximum
    }
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

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      if let rank { try container.encode(rank, forKey: .rank) }
      if rank != nil { try container.encode(deltaAic, forKey: .deltaAic) }
      try container.encode(family, forKey: .family)
      try container.encode(parameters, forKey: .parameters)
      try container.encode(logLikelihood, forKey: .logLikelihood)
      try container.encode(aic, forKey: .aic)
      try container.encode(bic, forKey: .bic)
      try container.encode(ksStatistic, forKey: .ksStatistic)
      try container.encode(ksPValue, forKey: .ksPValue)
      try container.encode(adStatistic, forKey: .adStatistic)
    }

    enum CodingKeys: String, CodingKey {
      case rank, family, parameters
      case logLikelihood = "log_likelihood"
      case aic
      case deltaAic = "delta_aic"
      case bic
      case ksStatistic = "ks_statistic"
      case ksPValue = "ks_p_value"
      case adStatistic = "ad_statistic"
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

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(lower, forKey: .lower)
      try container.encode(upper, forKey: .upper)
      try container.encode(count, forKey: .count)
      try container.encode(expected, forKey: .expected)
    }

    enum CodingKeys: String, CodingKey { case lower, upper, count, expected }
  }

  struct QuantileEntry: Encodable {
    var p: Double
    var data: Double
    var fitted: Double
    var ratio: Double?

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(p, forKey: .p)
      try container.encode(data, forKey: .data)
      try container.encode(fitted, forKey: .fitted)
      try container.encode(ratio, forKey: .ratio)
    }

    enum CodingKeys: String, CodingKey { case p, data, fitted, ratio }
  }
}

/// `value` if finite, else `nil` (JSON has no NaN or ∞).
private func finite(_ value: Double?) -> Double? {
  guard let value, value.isFinite else { return nil }
  return value
}
