// MARK: - Sizing `nodes: auto`

extension MonteCarloEngine {
  /// Finds the smallest node count that meets `target`, simulating the option alone at each candidate;
  /// for a cost objective (hybrid options), the node count that minimises it.
  func size(
    _ option: ResolvedOption, target: SizingTarget, scenario: ResolvedScenario, cancellable: Bool
  ) async throws -> CapacitySizingResult {
    let workload = scenario.scenario.workload
    let lower = option.nodesPerJob(gpusPerJob: workload.gpusPerJob)
    let meanHours = option.duration.mean * workload.stepsPerJob * option.option.durationScale / 3600
    // A lower bound on the answer: the nodes that the horizon's average volume keeps busy (with a 10%
    // margin, since a short horizon can tolerate slightly less), so the search never starts above it.
    let months = scenario.scenario.horizonMonths
    let averageJobs =
      (0..<months).reduce(0.0) { $0 + workload.meanJobs(inMonth: $1) }
      / Double(Swift.max(1, months))
    let demandLower: Int
    do {
      demandLower = try CapacitySizing.minimumNodeCount(
        jobsPerHour: 0.9 * averageJobs / PriceQuote.hoursPerMonth,
        meanNodeHoursPerJob: meanHours * Double(lower)
          / Double(option.jobsPerNode(gpusPerJob: workload.gpusPerJob)),
        largestJobNodes: lower)
    } catch {
      // Zero volume or zero duration: no demand bound, start at the nodes one job needs.
      demandLower = lower
    }
    let upper = Swift.max(target.maximumNodes, lower)
    let startNodes = Swift.min(Swift.max(lower, demandLower), upper)
    if target.metric.isObjective {
      return try await minimise(
        option, target: target, scenario: scenario, from: lower, to: upper,
        cancellable: cancellable)
    }
    let goal: CapacitySizing.Target =
      target.metric == .deadlineHitRate ? .atLeast(target.limit) : .atMost(target.limit)
    let sizing: CapacitySizing
    do {
      sizing = try CapacitySizing(target: goal, lowerBound: startNodes, upperBound: upper)
    } catch {
      preconditionFailure(
        "sizing '\(option.option.name)': bounds \(startNodes)…\(upper), target \(goal): \(error)")
    }
    // The search is sequential and deterministic: run it against the cache, stop at the first node count
    // it needs that is not known yet, simulate that one (in parallel over trials), and run it again.
    var cache: [Int: Estimate] = [:]
    while true {
      do {
        return try sizing.search { (nodes: Int) throws(PendingEvaluation) -> Estimate in
          guard let known = cache[nodes] else { throw PendingEvaluation(nodes: nodes) }
          return known
        }
      } catch {
        cache[error.nodes] = try await evaluate(
          target.metric, of: option, nodes: error.nodes, in: scenario, cancellable: cancellable)
      }
    }
  }

  /// Simulates `option` alone with `nodes` committed nodes (the scenario's trials and seed) and returns the
  /// sizing metric.
  func evaluate(
    _ metric: SizingTarget.Metric, of option: ResolvedOption, nodes: Int,
    in scenario: ResolvedScenario, cancellable: Bool
  ) async throws -> Estimate {
    let simulator = Self.simulator(for: option, nodes: nodes, in: scenario)
    let plan = TrialPlan(
      layout: RandomLayout(seed: scenario.scenario.seed), horizon: scenario.scenario.horizonMonths,
      workload: scenario.scenario.workload, simulators: [simulator], crossoverPairs: [],
      variation: nil, base: scenario, nodes: [nodes])
    let trials = scenario.scenario.trials
    let result = try await simulate(
      plan, trials: 0..<trials, planned: trials, cancellable: cancellable)
    return OutcomeSummariser(
      option: option, nodes: nodes, scenario: scenario.scenario, accumulator: result.options[0],
      sizing: nil, sizingTarget: nil
    ).sizingMetric(metric)
  }

  /// Evaluates node counts from `lower` up and picks the one with the smallest objective (ties: fewer
  /// nodes), stopping at `upper` or three counts past the best so far (cost against nodes is convex in
  /// practice: commitment grows linearly while overflow spending falls). The curve holds every evaluated count.
  func minimise(
    _ option: ResolvedOption, target: SizingTarget, scenario: ResolvedScenario, from lower: Int,
    to upper: Int, cancellable: Bool
  ) async throws -> CapacitySizingResult {
    var points: [CapacityPoint] = []
    for nodes in lower...Swift.max(lower, upper) {
      let estimate = try await evaluate(
        target.metric, of: option, nodes: nodes, in: scenario, cancellable: cancellable)
      points.append(CapacityPoint(nodes: nodes, estimate: estimate, meetsTarget: false))
      if let best = points.min(by: { $0.estimate.value < $1.estimate.value }),
        nodes - best.nodes >= 3
      {
        break
      }
    }
    let best = points.min { ($0.estimate.value, $0.nodes) < ($1.estimate.value, $1.nodes) }
    for index in points.indices { points[index].meetsTarget = points[index].nodes == best?.nodes }
    return CapacitySizingResult(
      nodeCount: best?.nodes, curve: points, evaluationCount: points.count)
  }
}
