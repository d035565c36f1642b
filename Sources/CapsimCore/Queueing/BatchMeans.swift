/// The method of non-overlapping batch means: a standard error for the mean of an autocorrelated
/// sequence, such as the successive waits of one queue simulation.
///
/// The n values are cut into b consecutive batches of m = ⌊n/b⌋ values; the first n − b·m values are
/// dropped (they act as a little extra warm-up). With batch means Ȳ₁…Y̅_b, the estimate is their mean
/// Ȳ, its standard error s_b/√b where s_b² = Σ(Ȳⱼ − Ȳ)²/(b − 1), and the 95% interval
/// Ȳ ± t₀.₉₇₅,b−1 · s_b/√b. Valid when batches are long compared with the correlation time, so that
/// batch means are nearly independent and normal; 20–50 batches is the usual choice.
///
/// Spreadsheet equivalent: AVERAGE of the batch averages, and STDEV.S of them / SQRT(b).
///
/// Reference: B. Schmeiser, "Batch size effects in the analysis of simulation output", Operations
/// Research 30(3), 1982, doi:10.1287/opre.30.3.556.
public enum BatchMeans {
  /// The batch-means estimate of the mean of `values` with `batchCount` batches.
  ///
  /// - Parameters:
  ///   - values: the sequence, in simulation order; NaN or ±∞ values propagate into the estimate.
  ///   - batchCount: b ≥ 2, and at most `values.count`.
  /// - Throws: ``QueueingError/invalidParameter(name:value:requirement:)`` when b < 2 or
  ///   n < b (including empty input).
  /// - Complexity: O(n) time, O(b) memory.
  public static func mean(of values: [Double], batchCount: Int) throws(QueueingError) -> Estimate {
    guard batchCount >= 2 else {
      throw .invalidParameter(name: "batchCount", value: Double(batchCount), requirement: "≥ 2")
    }
    guard values.count >= batchCount else {
      throw .invalidParameter(
        name: "values.count", value: Double(values.count),
        requirement: "≥ batchCount (\(batchCount))")
    }
    let batchSize = values.count / batchCount
    let skipped = values.count - batchSize * batchCount
    var batchMeans: [Double] = []
    batchMeans.reserveCapacity(batchCount)
    for batch in 0..<batchCount {
      let lower = skipped + batch * batchSize
      let sum = TrialStatistics.neumaierSum(values[lower..<(lower + batchSize)])
      batchMeans.append(sum / Double(batchSize))
    }
    return TrialStatistics.mean(batchMeans)
  }
}
