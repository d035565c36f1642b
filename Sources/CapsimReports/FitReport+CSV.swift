extension FitReport {
  /// The header row of ``csv()``.
  public static let csvColumns = [
    "sample_set", "family", "status", "rank", "parameter_1_name", "parameter_1",
    "parameter_2_name", "parameter_2", "log_likelihood", "aic", "delta_aic", "bic",
    "ks_statistic", "ks_p_value", "ad_statistic", "sample_size", "reason",
  ]

  /// The report as RFC 4180 CSV with `\n` line ends, one row per family: the fitted families best
  /// first (`status` = `fitted`), then the skipped ones (`status` = `skipped`, with `reason` and
  /// empty numbers). Parameters are under their canonical names (``DistributionFamily/parameterNames``);
  /// numbers are full precision with `.` as the decimal separator; an A² of +∞ is empty.
  ///
  /// - Complexity: O(families).
  public func csv() -> String {
    var lines = [Self.csvColumns.joined(separator: ",")]
    for (index, result) in ranking.results.enumerated() {
      let names = result.family.parameterNames
      let values = result.distribution.parameters
      func parameter(_ i: Int) -> [String] {
        i < names.count ? [names[i], NumberFormatting.exact(values[names[i]])] : ["", ""]
      }
      let fields =
        [sampleSetName, result.family.rawValue, "fitted", String(index + 1)]
        + parameter(0) + parameter(1)
        + [
          result.logLikelihood, result.aic, deltaAIC(result), result.bic,
          result.kolmogorovSmirnovStatistic, result.kolmogorovSmirnovPValue,
          result.andersonDarlingStatistic,
        ].map { NumberFormatting.exact($0) }
        + [String(result.sampleSize), ""]
      lines.append(fields.map(CSVReport.escape).joined(separator: ","))
    }
    for (family, error) in skipped {
      let fields =
        [sampleSetName, family.rawValue, "skipped"] + Array(repeating: "", count: 12)
        + [String(sortedValues.count), error.description]
      lines.append(fields.map(CSVReport.escape).joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
