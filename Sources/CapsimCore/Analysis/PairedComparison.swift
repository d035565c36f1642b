/// Two options compared trial by trial: trial *t* of both saw the same jobs (common random numbers), so
/// their per-trial totals form pairs.
///
/// With totals aₜ (the option under test) and bₜ (the alternative), t = 1…n, the per-trial saving is
/// dₜ = bₜ − aₜ (positive when the option under test is cheaper). This type gives
///
/// - ``probabilityCheaper``: p̂ = (#{aₜ < bₜ} + ½·#{aₜ = bₜ}) / n, ties counted as half;
/// - its standard error √(p̂(1 − p̂)/n) and the Wilson score 95% interval (Wilson 1927,
///   doi:10.1080/01621459.1927.10502953), which stays inside [0, 1] and is not degenerate at p̂ ∈ {0, 1};
/// - ``meanSaving``: d̄ with standard error s_d/√n (the paired-difference estimator: the variance of the
///   difference, not the sum of the two variances, so common random numbers sharpen it);
/// - ``savingP05`` and ``savingP95``: the 5th and 95th percentiles of the dₜ, Hyndman–Fan type 7 (Excel
///   PERCENTILE.INC, numpy's default), a 90% interval for the saving in one realised horizon.
///
/// Empty input or a NaN total gives NaN everywhere; with one pair there is no standard error.
/// - Complexity: O(n log n) for the percentiles.
public struct PairedComparison: Sendable, Hashable, Codable {
  /// Number of pairs (trials).
  public var trials: Int
  /// Share of trials in which the option under test is cheaper (ties count half).
  public var probabilityCheaper: Double
  /// Binomial standard error of ``probabilityCheaper``, √(p̂(1 − p̂)/n); `nil` for fewer than two trials.
  public var probabilityStandardError: Double?
  /// Wilson score 95% interval of the probability.
  public var probabilityLower: Double
  /// Upper end of the Wilson score 95% interval.
  public var probabilityUpper: Double
  /// Mean per-trial saving, mean of bₜ − aₜ.
  public var meanSaving: Double
  /// Standard error of the mean saving, s_d/√n; `nil` for fewer than two trials.
  public var meanSavingStandardError: Double?
  /// 5th percentile of the per-trial saving (type 7).
  public var savingP05: Double
  /// Median per-trial saving (type 7).
  public var savingP50: Double
  /// 95th percentile of the per-trial saving (type 7).
  public var savingP95: Double
  /// Mean total of the alternative, b̄ (the base of relative savings).
  public var alternativeMean: Double

  /// Compares `option` (aₜ) with `alternative` (bₜ), pair by pair; extra values in the longer array are
  /// ignored.
  public init(option: [Double], alternative: [Double]) {
    let n = Swift.min(option.count, alternative.count)
    trials = n
    var savings = (0..<n).map { alternative[$0] - option[$0] }
    guard n > 0, savings.allSatisfy({ !$0.isNaN }) else {
      probabilityCheaper = .nan
      probabilityLower = .nan
      probabilityUpper = .nan
      meanSaving = .nan
      savingP05 = .nan
      savingP50 = .nan
      savingP95 = .nan
      alternativeMean = .nan
      return
    }
    var wins = 0.0
    for saving in savings {
      if saving > 0 { wins += 1 } else if saving == 0 { wins += 0.5 }
    }
    let count = Double(n)
    let p = wins / count
    let probability = Estimate.proportion(p, trials: n)
    probabilityCheaper = p
    probabilityLower = probability.lower ?? .nan
    probabilityUpper = probability.upper ?? .nan
    probabilityStandardError = probability.standardError
    let mean = TrialStatistics.mean(savings)
    meanSaving = mean.value
    meanSavingStandardError = mean.standardError
    // Sorted in place, after the mean has summed them in trial order: one per-trial array, not two.
    savings.sort()
    savingP05 = quantile(sorted: savings, 0.05)
    savingP50 = quantile(sorted: savings, 0.5)
    savingP95 = quantile(sorted: savings, 0.95)
    alternativeMean = TrialStatistics.neumaierSum(alternative.prefix(n)) / count
  }

  /// Mean saving as a share of the alternative's mean total (NaN when that is 0).
  public var relativeSaving: Double {
    alternativeMean == 0 ? .nan : meanSaving / alternativeMean
  }
}
