import Foundation

extension FitReport {
  /// The widest a histogram bar gets, in characters.
  static let barWidth = 44

  /// The report for a terminal, every line within 100 columns: summary, ranked fits, fitted
  /// parameters, skipped families, the histogram against the best fit and the quantile table.
  ///
  /// - Complexity: O(n + bins + families).
  public func table() -> String {
    var out = header()
    out += "\n" + rankingTable()
    if !ranking.results.isEmpty { out += "\n" + parameterTable() }
    if let warning = goodnessOfFitWarning { out += "\n" + warning + "\n" }
    if !skipped.isEmpty {
      out += "\nNot fitted\n"
      for (family, error) in skipped { out += "  \(family.rawValue): \(error.description)\n" }
    }
    out += "\n" + histogramText()
    if let best {
      out += "\n" + quantileText(best)
    }
    out += "\n" + savedFitText()
    return out
  }

  /// The Kolmogorov–Smirnov p-value below which the best fit is said to fail.
  public static let goodnessOfFitThreshold = 0.01

  /// A warning when even the best fit fails its goodness-of-fit test (KS p < 0.01): the parametric
  /// model misdescribes the data, and resampling the measured values may serve better.
  var goodnessOfFitWarning: String? {
    guard let best, best.kolmogorovSmirnovPValue < Self.goodnessOfFitThreshold else { return nil }
    return
      "warning: the best fit (\(best.family.rawValue)) fails the Kolmogorov–Smirnov test "
      + "(p = \(NumberFormatting.readable(best.kolmogorovSmirnovPValue, significant: 2)) < "
      + "\(Self.goodnessOfFitThreshold));\n"
      + "  the bootstrap sampling ('sampling: bootstrap', resampling the measured values) may serve\n"
      + "  better than any fitted family"
  }

  // MARK: - Sections

  func header() -> String {
    let s = summary
    var facts = [
      "mean \(NumberFormatting.readable(s.mean))",
      "median \(NumberFormatting.readable(s.median.value))",
      "p95 \(NumberFormatting.readable(s.p95.value))",
      "p99 \(NumberFormatting.readable(s.p99.value))",
    ]
    if let cov = s.coefficientOfVariation { facts.append("CoV \(NumberFormatting.percent(cov))") }
    if let skewness = s.skewness {
      facts.append("skewness \(NumberFormatting.fixed(skewness, decimals: 2))")
    }
    return """
      Distribution fits for '\(sampleSetName)': \(s.count) values (seconds)
      \(facts.joined(separator: ", "))
      Maximum likelihood with location 0 (as scipy fit(floc=0)), best (lowest AIC) first.

      """
  }

  func rankingTable() -> String {
    guard !ranking.results.isEmpty else { return "No family could be fitted.\n" }
    return TextTable(
      header: ["family", "ln L", "AIC", "ΔAIC", "BIC", "KS D", "KS p", "AD A²"],
      rightAligned: [false, true, true, true, true, true, true, true],
      rows: ranking.results.map { result in
        [
          result.family.rawValue, Self.criterion(result.logLikelihood), Self.criterion(result.aic),
          Self.criterion(deltaAIC(result)), Self.criterion(result.bic),
          String(format: "%.4f", result.kolmogorovSmirnovStatistic),
          Self.pValue(result.kolmogorovSmirnovPValue),
          NumberFormatting.readable(result.andersonDarlingStatistic),
        ]
      }
    ).render()
  }

  func parameterTable() -> String {
    TextTable(
      header: ["family", "parameters", "mean", "median", "p99"],
      rightAligned: [false, false, true, true, true],
      rows: ranking.results.map { result in
        let d = result.distribution
        return [
          result.family.rawValue, Self.parameterText(d), NumberFormatting.readable(d.mean),
          NumberFormatting.readable(d.quantile(0.5)), NumberFormatting.readable(d.quantile(0.99)),
        ]
      }
    ).render()
      + "lognormal μ, σ are of ln x; gamma and Weibull k is the shape, θ and λ the scale; "
      + "exponential λ\nis the rate (per second).\n"
  }

  func histogramText() -> String {
    let histogram = self.histogram
    guard !histogram.bins.isEmpty else { return "" }
    let edge = Self.edgeFormatter(histogram)
    let largest = histogram.bins.map { max(Double($0.count), $0.expected ?? 0) }.max() ?? 1
    let perCharacter = max(largest, 1) / Double(Self.barWidth)
    var title = "Histogram, \(histogram.bins.count) \(histogram.scale.rawValue) bins"
    if let best {
      title += "; █ counts, ┆ expected under the best fit (\(best.family.rawValue))"
    }
    let rows = histogram.bins.map { bin -> [String] in
      [
        edge(bin.lower), edge(bin.upper), String(bin.count),
        bin.expected.map { NumberFormatting.fixed($0, decimals: 1) } ?? "",
        Self.bar(count: bin.count, expected: bin.expected, perCharacter: perCharacter),
      ]
    }
    var out = title + "\n"
    out += TextTable(
      header: ["from", "to", "count", best == nil ? "" : "expected", ""],
      rightAligned: [true, true, true, true, false], rows: rows
    ).render()
    if best != nil {
      out +=
        "The first and last expected counts include the fit's tails below and above the data.\n"
    }
    return out
  }

  /// `█` × count, with `┆` where a bar of the expected count would end.
  static func bar(count: Int, expected: Double?, perCharacter: Double) -> String {
    let length = Int((Double(count) / perCharacter).rounded())
    var cells = [Character](repeating: "█", count: length)
    if count > 0 && length == 0 { cells = ["▏"] }
    if let expected {
      let marker = Int((expected / perCharacter).rounded())
      while cells.count <= marker { cells.append(" ") }
      cells[marker] = "┆"
    }
    return String(cells)
  }

  func quantileText(_ best: FitResult) -> String {
    "Quantiles: data (type 7) against the best fit (\(best.family.rawValue))\n"
      + TextTable(
        header: ["p", "data", "fitted", "data/fitted"],
        rightAligned: [true, true, true, true],
        rows: quantileComparison.map { row in
          [
            String(format: "%.2f", row.probability), NumberFormatting.readable(row.data),
            NumberFormatting.readable(row.fitted), NumberFormatting.fixed(row.ratio, decimals: 3),
          ]
        }
      ).render()
  }

  func savedFitText() -> String {
    guard let savedFit else {
      return "No fit is saved for this set; --save stores the best one for 'sampling: fitted'.\n"
    }
    return "Saved fit (used by 'sampling: fitted'): \(savedFit.family.rawValue), "
      + Self.parameterText(savedFit.distribution) + "\n"
  }
}
