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
  /// trials a run made), in input order: each block's Spearman correlation, averaged over the blocks
  /// (``BlockSpearman``).
  public func achievedCorrelations(trials: Int) -> [AchievedCorrelation] {
    let requested = inputs.indices.flatMap { a in
      inputs.indices.filter { b in b > a && targetCorrelation[a][b] != 0 }.map { (a, $0) }
    }
    guard !requested.isEmpty else { return [] }
    // Only the inputs in some pair: the blocks a run has let go are drawn again, those columns only.
    let involved = inputs.indices.filter { input in
      requested.contains { $0 == input || $1 == input }
    }
    // Each pair's positions among the involved columns, which hold every input of a pair.
    let positions = requested.map { a, b in
      guard let x = involved.firstIndex(of: a), let y = involved.firstIndex(of: b) else {
        preconditionFailure("inputs \(a) and \(b) of a requested pair are among \(involved)")
      }
      return (x, y)
    }
    var achieved = [BlockSpearman](repeating: BlockSpearman(), count: requested.count)
    forEachBlock(involved, trials: trials) { _, columns in
      for (index, (x, y)) in positions.enumerated() { achieved[index].add(columns[x], columns[y]) }
    }
    return requested.enumerated().map { index, pair in
      AchievedCorrelation(
        between: [inputs[pair.0].path, inputs[pair.1].path],
        requested: targetCorrelation[pair.0][pair.1], achieved: achieved[index].value)
    }
  }
}
