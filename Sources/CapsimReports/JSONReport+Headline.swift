import Foundation

extension JSONReport {
  /// The answer the text reports open with (``RunHeadline``): `headline` at the top level.
  struct Headline: Encodable {
    var cheapest: String
    var cheapestCost: Double?
    var runnerUp: String?
    var probabilityCheapest: Interval
    var saving: Saving?
    var trials: Int

    init(_ headline: RunHeadline) {
      cheapest = headline.cheapest
      cheapestCost = finite(headline.cheapestCost)
      runnerUp = headline.runnerUp
      probabilityCheapest = Interval(headline.probabilityCheapest)
      saving = headline.comparison.map { Saving($0, interval: headline.savingInterval) }
      trials = headline.trials
    }
  }

  /// An estimate with its standard error and 95% interval: `{value, standard_error, ci_lower, ci_upper}`.
  struct Interval: Encodable {
    var value: Double?
    var standardError: Double?
    var ciLower: Double?
    var ciUpper: Double?

    init(_ estimate: Estimate) {
      value = finite(estimate.value)
      standardError = estimate.standardError.flatMap(finite)
      ciLower = estimate.lower.flatMap(finite)
      ciUpper = estimate.upper.flatMap(finite)
    }
  }

  /// The paired saving of the cheapest option against the runner-up, mean of bₜ − aₜ.
  struct Saving: Encodable {
    var value: Double?
    var standardError: Double?
    var ciLower: Double?
    var ciUpper: Double?
    var relative: Double?

    init(_ comparison: PairedComparison, interval: (lower: Double, upper: Double)?) {
      value = finite(comparison.meanSaving)
      standardError = comparison.meanSavingStandardError.flatMap(finite)
      ciLower = interval.flatMap { finite($0.lower) }
      ciUpper = interval.flatMap { finite($0.upper) }
      relative = finite(comparison.relativeSaving)
    }
  }
}

private func finite(_ value: Double) -> Double? {
  value.isFinite ? value : nil
}
