import ArgumentParser
import CapsimReports
import CapsimStore

/// `capsim fit SAMPLESET`: fit the distribution families to a sample set, rank them, and optionally
/// save the chosen fit for scenarios that sample from it.
struct FitCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fit",
    abstract: "Fit distributions to a sample set, rank them by AIC, and optionally save the best.",
    discussion: """
      Fits every family (normal, lognormal, gamma, weibull, exponential), or those named with \
      --family, by maximum likelihood with location 0 (as scipy's fit(floc=0)), and reports \
      log-likelihood, AIC, ΔAIC, BIC, Kolmogorov–Smirnov D and p-value and Anderson–Darling A², \
      a histogram of the values against the best fit, and data against fitted quantiles.

      --save stores the best fit by AIC (or the one --family given) in the database, replacing \
      any earlier one for the set; scenarios use it with 'sampling: fitted'. See docs/fitting.md.
      """)

  @Argument(
    help: ArgumentHelp("Name of a sample set (see 'capsim data list').", valueName: "sample-set"))
  var sampleSet: String

  @Option(
    name: .customLong("family"),
    help: ArgumentHelp(
      "Fit only this family (repeatable): normal, lognormal, gamma, weibull, exponential.",
      valueName: "family"))
  var families: [String] = []

  @Flag(help: "Save the best fit (or the single --family) for scenarios with 'sampling: fitted'.")
  var save = false

  @Flag(
    help:
      "Refuse a set with values ≤ 0 instead of leaving them out of the fits of positive families.")
  var strict = false

  @Option(
    help: ArgumentHelp(
      "Histogram bins (\(FitReport.binCountRange.lowerBound)–\(FitReport.binCountRange.upperBound))."
    ))
  var bins: Int = FitReport.defaultBinCount

  @OptionGroup var output: OutputOptions<FitReport>

  @OptionGroup var database: DatabaseOptions

  func validate() throws {
    guard FitReport.binCountRange.contains(bins) else {
      throw ValidationError(
        "--bins must be between \(FitReport.binCountRange.lowerBound) and "
          + "\(FitReport.binCountRange.upperBound) (got \(bins))")
    }
  }

  func run() async throws {
    try await Diagnostics.reportingInputErrors {
      let chosenFamilies = try resolvedFamilies()
      let store = try database.open()
      let set = try store.sampleSet(named: sampleSet)
      let (values, leftOut) = DistributionFitting.valuesForFitting(
        set.seconds, families: chosenFamilies)
      if leftOut > 0 {
        if strict {
          let index = set.seconds.firstIndex { $0 <= 0 } ?? 0
          throw SampleSetFitError(
            sampleSet: sampleSet,
            error: .nonPositiveValue(
              index: index, value: set.seconds[index],
              family: chosenFamilies.first(where: \.requiresPositiveValues) ?? .lognormal))
        }
        Diagnostics.note(
          "left out \(leftOut) of \(set.seconds.count) values that are ≤ 0 (positive families "
            + "cannot fit them; every family is fitted to the same \(values.count) values); "
            + "--strict refuses instead")
      }
      let ranking: FitRanking
      do {
        ranking = try DistributionFitting.rankedFits(to: values, families: chosenFamilies)
      } catch let error as FitError {
        throw SampleSetFitError(sampleSet: sampleSet, error: error)
      }
      // With one --family that cannot be fitted (or none at all), there is nothing to report.
      guard let best = ranking.best else {
        let first = chosenFamilies.compactMap { ranking.skipped[$0] }.first ?? .emptyValues
        throw SampleSetFitError(sampleSet: sampleSet, error: first)
      }
      var saved = try store.savedFit(forSampleSet: sampleSet)
      if save {
        // The best by AIC among the families fitted: the --family itself when only one is given.
        try store.saveFit(best, forSampleSet: sampleSet)
        saved = best
        Diagnostics.note(
          "saved the \(best.family.rawValue) fit (\(FitReport.parameterText(best.distribution))) "
            + "for '\(sampleSet)'; scenarios use it with 'sampling: fitted'")
        if best.isRejectedByKolmogorovSmirnov {
          Diagnostics.note(
            "warning: its own Kolmogorov–Smirnov test rejects this fit (p < 0.0001): draws from it "
              + "will not look like '\(sampleSet)'; "
              + "'sampling: bootstrap' (or 'smoothed') may serve better")
        }
      }
      let report = FitReport(
        sampleSetName: sampleSet, values: values, summary: try SampleSummary(values),
        ranking: ranking, binCount: bins, savedFit: saved)
      try output.write(report)
    }
  }

  /// The `--family` names as families, in the order given without repeats; all families if none.
  func resolvedFamilies() throws -> [DistributionFamily] {
    guard !families.isEmpty else { return DistributionFamily.allCases }
    var resolved: [DistributionFamily] = []
    for name in families {
      let family = try DistributionFamily.named(name)
      if !resolved.contains(family) { resolved.append(family) }
    }
    return resolved
  }
}

/// A sample set that cannot be fitted, naming the set.
struct SampleSetFitError: DiagnosticConvertible {
  /// The set's name.
  let sampleSet: String
  /// Why the fit failed.
  let error: FitError

  var diagnostic: Diagnostic {
    Diagnostic(
      location: nil, message: "cannot fit sample set '\(sampleSet)': \(error.description)",
      help: error.diagnostic.help)
  }
}
