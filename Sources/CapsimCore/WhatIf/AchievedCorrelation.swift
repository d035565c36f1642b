/// A rank correlation requested between two uncertain inputs and the one their per-trial values have.
///
/// Iman–Conover imposes the requested Spearman correlation only up to sampling error; reports show both,
/// so a reader can see that the request was met (the sampling standard error of Spearman's ρ is about
/// (1 − ρ²)·1.06/√N at N trials; Fieller, Hartley & Pearson 1957).
public struct AchievedCorrelation: Sendable, Hashable, Codable {
  /// The two inputs' key paths, in the order the request gave them.
  public var between: [String]
  /// The requested Spearman rank correlation.
  public var requested: Double
  /// The Spearman rank correlation of the two inputs' values over the run's trials.
  public var achieved: Double

  /// Creates a pair.
  public init(between: [String], requested: Double, achieved: Double) {
    self.between = between
    self.requested = requested
    self.achieved = achieved
  }
}

extension UncertainInputPlan {
  /// Every requested (non-zero) correlation with the one achieved over the first `trials` trials (the
  /// trials a run made), in input order.
  public func achievedCorrelations(trials: Int) -> [AchievedCorrelation] {
    let requested = inputs.indices.flatMap { a in
      inputs.indices.filter { b in b > a && targetCorrelation[a][b] != 0 }.map { (a, $0) }
    }
    guard !requested.isEmpty else { return [] }
    // Only the inputs in some pair: a run under a precision target draws the other blocks' values again.
    let involved = inputs.indices.filter { input in
      requested.contains { $0 == input || $1 == input }
    }
    var values = [[Double]](repeating: [], count: inputs.count)
    for (input, column) in zip(involved, columns(involved, trials: trials)) {
      values[input] = column
    }
    return requested.map { a, b in
      AchievedCorrelation(
        between: [inputs[a].path, inputs[b].path], requested: targetCorrelation[a][b],
        achieved: Self.spearman(values[a], values[b]))
    }
  }
}
