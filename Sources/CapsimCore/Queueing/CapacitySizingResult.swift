/// One evaluated node count of a ``CapacitySizing`` search.
public struct CapacityPoint: Sendable, Hashable, Codable {
  /// Node count N.
  public var nodes: Int
  /// The metric at N.
  public var estimate: Estimate
  /// Whether the estimate meets the target under the search's criterion.
  public var meetsTarget: Bool

  /// Creates a point.
  public init(nodes: Int, estimate: Estimate, meetsTarget: Bool) {
    self.nodes = nodes
    self.estimate = estimate
    self.meetsTarget = meetsTarget
  }
}

/// What a ``CapacitySizing`` search found.
public struct CapacitySizingResult: Sendable, Hashable {
  /// The smallest N found to meet the target, or `nil` if even the upper bound does not.
  public var nodeCount: Int?
  /// The metric at N* − 2 … N* + 2, clipped to the search bounds and sorted by N; when no N met
  /// the target, the last points up to the upper bound (upper − 2 … upper).
  public var curve: [CapacityPoint]
  /// How many distinct N the metric was evaluated at (each exactly once).
  public var evaluationCount: Int

  /// Creates a result.
  public init(nodeCount: Int?, curve: [CapacityPoint], evaluationCount: Int) {
    self.nodeCount = nodeCount
    self.curve = curve
    self.evaluationCount = evaluationCount
  }
}
