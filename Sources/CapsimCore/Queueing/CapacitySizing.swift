/// Finds the smallest node count N at which a simulated metric meets a target, evaluating the
/// (expensive) metric as few times as a monotone search allows.
///
/// **Assumption.** The metric is monotone in N: waits and queue lengths fall, and the share of jobs
/// meeting a deadline rises, as nodes are added. Then "target met" is false below some N* and true
/// from N* on, and the search finds N* with O(log(N* − N₀)) evaluations:
/// 1. evaluate the lower bound N₀ (for example ``minimumNodeCount(jobsPerHour:meanNodeHoursPerJob:largestJobNodes:)``);
/// 2. exponential (galloping) search: N₀ + 1, N₀ + 2, N₀ + 4, … (capped at the upper bound) until the
///    target is met;
/// 3. binary search between the last failure and the first success.
///
/// Each N is evaluated at most once (results are cached). Monte Carlo noise can make a metric
/// non-monotone near the answer; the returned ``CapacitySizingResult/curve`` (N* − 2 … N* + 2) lets a
/// reader see that, and ``Criterion/confidenceBound`` makes the choice conservative.
///
/// Reference: J. L. Bentley, A. C.-C. Yao, "An almost optimal algorithm for unbounded searching",
/// Information Processing Letters 5(3), 1976, doi:10.1016/0020-0190(76)90071-5.
public struct CapacitySizing: Sendable, Hashable {
  /// What the metric must satisfy.
  public enum Target: Sendable, Hashable {
    /// metric ≤ limit (for example mean wait in hours, P(wait), queue length).
    case atMost(Double)
    /// metric ≥ limit (for example the share of jobs meeting their deadline).
    case atLeast(Double)
  }

  /// Which number of an ``Estimate`` is compared with the target.
  public enum Criterion: Sendable, Hashable {
    /// The point estimate `value`.
    case pointEstimate
    /// The pessimistic end of the interval: `upper` for ``Target/atMost(_:)``, `lower` for
    /// ``Target/atLeast(_:)``; the point estimate when the estimate has no interval.
    case confidenceBound
  }

  /// The target.
  public let target: Target
  /// How an estimate is compared with the target.
  public let criterion: Criterion
  /// The smallest N considered, N₀ ≥ 1.
  public let lowerBound: Int
  /// The largest N considered; the search gives up (``CapacitySizingResult/nodeCount`` is `nil`)
  /// if the target is not met there.
  public let upperBound: Int

  /// Creates a search over `lowerBound…upperBound`.
  /// - Throws: ``QueueingError/invalidParameter(name:value:requirement:)`` when the limit is NaN or
  ///   ±∞, `lowerBound` < 1 or `upperBound` < `lowerBound`.
  public init(
    target: Target, lowerBound: Int, upperBound: Int, criterion: Criterion = .pointEstimate
  ) throws(QueueingError) {
    switch target {
    case .atMost(let limit), .atLeast(let limit):
      guard limit.isFinite else {
        throw .invalidParameter(name: "limit", value: limit, requirement: "finite")
      }
    }
    guard lowerBound >= 1 else {
      throw .invalidParameter(name: "lowerBound", value: Double(lowerBound), requirement: "≥ 1")
    }
    guard upperBound >= lowerBound else {
      throw .invalidParameter(
        name: "upperBound", value: Double(upperBound), requirement: "≥ lowerBound (\(lowerBound))")
    }
    self.target = target
    self.criterion = criterion
    self.lowerBound = lowerBound
    self.upperBound = upperBound
  }

  // MARK: - Lower bound from mean demand

  /// The smallest N whose capacity exceeds the mean demand and that fits the largest job:
  /// max(⌊λ·E[k·s]⌋ + 1, k_max), where λ·E[k·s] is the offered load in busy nodes.
  ///
  /// Below it the queue is unstable (utilisation ≥ 1) or some job can never start, so no smaller N
  /// can meet any waiting-time target over a long horizon.
  /// - Parameters:
  ///   - jobsPerHour: λ, finite and ≥ 0.
  ///   - meanNodeHoursPerJob: E[k·s], finite and ≥ 0.
  ///   - largestJobNodes: k_max ≥ 1.
  /// - Throws: ``QueueingError/invalidParameter(name:value:requirement:)`` outside those domains or
  ///   when the load exceeds 2⁵³ nodes.
  /// - Complexity: O(1).
  public static func minimumNodeCount(
    jobsPerHour: Double, meanNodeHoursPerJob: Double, largestJobNodes: Int = 1
  ) throws(QueueingError) -> Int {
    guard jobsPerHour.isFinite, jobsPerHour >= 0 else {
      throw .invalidParameter(
        name: "jobsPerHour", value: jobsPerHour, requirement: "finite and ≥ 0")
    }
    guard meanNodeHoursPerJob.isFinite, meanNodeHoursPerJob >= 0 else {
      throw .invalidParameter(
        name: "meanNodeHoursPerJob", value: meanNodeHoursPerJob, requirement: "finite and ≥ 0")
    }
    guard largestJobNodes >= 1 else {
      throw .invalidParameter(
        name: "largestJobNodes", value: Double(largestJobNodes), requirement: "≥ 1")
    }
    let load = jobsPerHour * meanNodeHoursPerJob
    guard load < 0x1p53 else {
      throw .invalidParameter(name: "offered load", value: load, requirement: "< 2⁵³ nodes")
    }
    return Swift.max(Int(load.rounded(.down)) + 1, largestJobNodes)
  }

  // MARK: - Comparing

  /// Whether `estimate` meets the target under ``criterion``; a NaN value never does.
  public func isMet(by estimate: Estimate) -> Bool {
    switch target {
    case .atMost(let limit):
      let value =
        criterion == .confidenceBound ? (estimate.upper ?? estimate.value) : estimate.value
      return value <= limit
    case .atLeast(let limit):
      let value =
        criterion == .confidenceBound ? (estimate.lower ?? estimate.value) : estimate.value
      return value >= limit
    }
  }

  // MARK: - Searching

  /// Runs the search, calling `metric(N)` at most once per N.
  ///
  /// - Parameter metric: the estimate at N nodes; called with lowerBound ≤ N ≤ upperBound only.
  /// - Returns: the smallest N meeting the target (if monotone) and the curve around it.
  /// - Throws: whatever `metric` throws, at once.
  /// - Complexity: O(log(N* − N₀) + 5) evaluations of `metric`.
  public func search<Failure: Error>(
    _ metric: (Int) throws(Failure) -> Estimate
  ) throws(Failure) -> CapacitySizingResult {
    var cache: [Int: Estimate] = [:]
    func meets(_ nodes: Int) throws(Failure) -> Bool {
      if let known = cache[nodes] { return isMet(by: known) }
      let estimate = try metric(nodes)
      cache[nodes] = estimate
      return isMet(by: estimate)
    }

    var answer: Int?
    if try meets(lowerBound) {
      answer = lowerBound
    } else {
      var lastFailure = lowerBound
      var step = 1
      while lastFailure < upperBound {
        let candidate = step >= upperBound - lowerBound ? upperBound : lowerBound + step
        if try meets(candidate) {
          answer = candidate
          break
        }
        lastFailure = candidate
        step *= 2
      }
      if var firstSuccess = answer {
        while firstSuccess - lastFailure > 1 {
          let middle = lastFailure + (firstSuccess - lastFailure) / 2
          if try meets(middle) { firstSuccess = middle } else { lastFailure = middle }
        }
        answer = firstSuccess
      }
    }

    let centre = answer ?? upperBound
    let low = Swift.max(lowerBound, centre - 2)
    let high = Swift.min(upperBound, answer == nil ? centre : centre + 2)
    var curve: [CapacityPoint] = []
    for nodes in low...high {
      let met = try meets(nodes)
      if let estimate = cache[nodes] {
        curve.append(CapacityPoint(nodes: nodes, estimate: estimate, meetsTarget: met))
      }
    }
    return CapacitySizingResult(nodeCount: answer, curve: curve, evaluationCount: cache.count)
  }
}
