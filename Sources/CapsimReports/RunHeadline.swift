import Foundation

/// The answer a run report leads with: the cheapest option by expected total cost, how often it is the
/// cheapest, and what it saves against the runner-up.
///
/// P(cheapest) is the share of trials in which the option's total is the lowest of all options (a tie
/// of k options counts 1/k to each), with its Wilson score 95% interval (``Estimate/proportion(_:trials:)``;
/// a binomial standard error is 0 at a share of 0 or 1 and says nothing there). The saving against the runner-up is the paired mean of the
/// per-trial differences with its 95% interval d̄ ± 1.96·s_d/√n (``PairedComparison``): every option
/// saw the same jobs in trial t, so the difference is estimated far more tightly than the two totals.
public struct RunHeadline: Sendable, Hashable {
  /// The option with the lowest mean total cost.
  public var cheapest: String
  /// Its mean total cost.
  public var cheapestCost: Double
  /// The option with the second-lowest mean total cost, if there are two options or more.
  public var runnerUp: String?
  /// Share of trials in which `cheapest` has the lowest total, with its binomial standard error and
  /// Wilson 95% interval (a NaN value without per-trial totals).
  public var probabilityCheapest: Estimate
  /// P(cheapest) of every option, in the order of the outcome's options (NaN values without per-trial
  /// totals); the entry of `cheapest` is ``probabilityCheapest``.
  public var optionProbabilities: [Estimate]
  /// Cheapest against runner-up, trial by trial.
  public var comparison: PairedComparison?
  /// Trials behind the numbers.
  public var trials: Int
  /// Currency of the costs.
  public var currency: String

  /// The headline of `outcome`, or `nil` when no option has a finite total cost.
  public init?(_ outcome: SimulationOutcome) {
    let ranked = outcome.options.compactMap { option -> (OptionOutcome, Double)? in
      guard let cost = option.metric("total_cost")?.estimate.value, cost.isFinite else {
        return nil
      }
      return (option, cost)
    }.sorted { $0.1 < $1.1 }
    guard let first = ranked.first else { return nil }
    cheapest = first.0.name
    cheapestCost = first.1
    trials = outcome.trials
    currency = outcome.currency
    let totals = outcome.options.map(\.totalCostByTrial)
    let index = outcome.options.firstIndex { $0.name == first.0.name }!
    optionProbabilities = Self.probabilitiesLowest(totals: totals, trials: outcome.trials).map {
      .proportion($0, trials: outcome.trials)
    }
    probabilityCheapest = optionProbabilities[index]
    if ranked.count > 1 {
      let second = ranked[1].0
      runnerUp = second.name
      if first.0.totalCostByTrial.count == outcome.trials,
        second.totalCostByTrial.count == outcome.trials
      {
        comparison = PairedComparison(
          option: first.0.totalCostByTrial, alternative: second.totalCostByTrial)
      }
    }
  }

  /// For each option, the share of trials in which it has the lowest total; ties split evenly. NaN for
  /// every option unless each has `trials` per-trial totals.
  ///
  /// - Complexity: O(options × trials), each trial's lowest total found once (it was found again for
  ///   every option, and 10,000 options took a minute).
  static func probabilitiesLowest(totals: [[Double]], trials: Int) -> [Double] {
    guard trials > 0, totals.allSatisfy({ $0.count == trials }) else {
      return totals.map { _ in .nan }
    }
    return Sweep.cheapestShares(totals)
  }

  /// The 95% interval of the mean saving against the runner-up, d̄ ± 1.96·SE.
  public var savingInterval: (lower: Double, upper: Double)? {
    guard let comparison, let standardError = comparison.meanSavingStandardError else { return nil }
    return (
      comparison.meanSaving - 1.96 * standardError, comparison.meanSaving + 1.96 * standardError
    )
  }

  /// The headline as two or three sentences, for terminals and Markdown.
  public var sentences: [String] {
    var lines: [String] = []
    var probability = ""
    if probabilityCheapest.value.isFinite {
      let interval =
        probabilityCheapest.lower.flatMap { lower in
          probabilityCheapest.upper.map {
            " [95% CI \(NumberFormatting.percent(lower))–\(NumberFormatting.percent($0))]"
          }
        } ?? ""
      probability =
        ", cheapest in \(NumberFormatting.percent(probabilityCheapest.value))\(interval) of trials"
    }
    lines.append(
      "Cheapest: \(cheapest) at \(NumberFormatting.compact(cheapestCost)) \(currency) "
        + "expected total cost\(probability).")
    if let runnerUp, let comparison {
      let interval =
        savingInterval.map {
          " [95% CI \(NumberFormatting.compact($0.lower))–\(NumberFormatting.compact($0.upper))]"
        } ?? ""
      lines.append(
        "Saves \(NumberFormatting.compact(comparison.meanSaving)) \(currency)\(interval) against "
          + "the runner-up \(runnerUp) (\(NumberFormatting.percent(comparison.relativeSaving)) of its cost)."
      )
    }
    lines.append(
      "Monte Carlo over \(NumberFormatting.count(trials, "trial")); options "
        + "compared trial by trial on the same jobs.")
    return lines
  }
}
