/// Runs a resolved scenario's trials in parallel and summarises them.
///
/// Reproducibility: trial *t* draws its arrivals from `RandomStreams(seed).stream(trial: t, purpose: 0)`
/// and each option's durations from the stream keyed by the option's name, so every trial's numbers are
/// fixed by (seed, t) alone. Trials run in chunks of ``chunkSize`` on up to `threadCount` tasks; per-trial
/// results are stored by trial index and reduced in index order, so the outcome is byte-identical for any
/// thread count.
public struct MonteCarloEngine: Sendable {
  /// Trials per unit of parallel work.
  public static let chunkSize = 128

  /// How many trial chunks run at once (≥ 1).
  public var threadCount: Int

  /// Per-trial input values: when set, trial t simulates `variation.scenario(forTrial: t, base:)`
  /// (node counts sized on the base scenario). `nil`: every trial simulates the base scenario.
  public var variation: (any TrialScenarioVariation)?

  /// Creates an engine that uses up to `threadCount` concurrent tasks.
  public init(threadCount: Int) {
    self.threadCount = Swift.max(1, threadCount)
  }

  /// Simulates `scenario` with its own trials and seed.
  ///
  /// Options with `nodes: auto` are sized first (see ``CapacitySizing``): each candidate node count is
  /// simulated with the scenario's trials and seed, and the smallest that meets the target is used.
  public func run(_ scenario: ResolvedScenario) async -> SimulationOutcome {
    let horizon = scenario.scenario.horizonMonths
    var simulators: [OptionSimulator] = []
    var sizings: [Int: CapacitySizingResult] = [:]
    for (index, option) in scenario.options.enumerated() {
      let nodes: Int
      switch option.option.nodes {
      case .auto(let target):
        let result = await size(option, target: target, scenario: scenario)
        sizings[index] = result
        nodes = result.nodeCount ?? target.maximumNodes
      case .fixed(let count): nodes = count
      case nil: nodes = 0
      }
      simulators.append(simulator(for: option, nodes: nodes, in: scenario))
    }
    var trialModels: (@Sendable (Int) -> (Workload, [OptionSimulator]))?
    if let variation {
      let nodes = simulators.map(\.nodes)
      trialModels = { trial in
        let varied = variation.scenario(forTrial: trial, base: scenario)
        let models = varied.options.indices.map {
          simulator(for: varied.options[$0], nodes: nodes[$0], in: varied)
        }
        return (varied.scenario.workload, models)
      }
    }
    let chunks = await simulate(scenario.scenario, simulators: simulators, trialModels: trialModels)
    let outcomes = scenario.options.enumerated().map { index, option in
      OutcomeSummariser(
        option: option, simulator: simulators[index], scenario: scenario.scenario, chunks: chunks,
        optionIndex: index, sizing: sizings[index],
        sizingTarget: option.option.nodes.flatMap(\.sizingTarget)
      ).outcome()
    }
    var result = SimulationOutcome(
      scenario: scenario.scenario.name, trials: scenario.scenario.trials,
      seed: scenario.scenario.seed,
      horizonMonths: horizon, confidenceLevel: 0.95, currency: scenario.currency, options: outcomes)
    let series = scenario.options.indices.map { index in
      chunks.flatMap { $0.totals[index] }.map(\.monthlyCost)
    }
    for (d, committed) in scenario.options.enumerated() where committed.isCommitted {
      for (s, payPerUse) in scenario.options.enumerated() where !payPerUse.isCommitted {
        result.crossovers.append(
          Crossover.between(
            dedicated: committed.option.name, dedicatedSeries: series[d],
            shared: payPerUse.option.name,
            sharedSeries: series[s]))
      }
    }
    return result
  }

  /// The simulator of `option` with `nodes` committed nodes, linked to its overflow option if it is hybrid.
  func simulator(for option: ResolvedOption, nodes: Int, in scenario: ResolvedScenario)
    -> OptionSimulator
  {
    let workload = scenario.scenario.workload
    let horizon = scenario.scenario.horizonMonths
    let costs = scenario.scenario.costs
    var overflow: OverflowTarget?
    if let settings = option.option.overflow,
      let target = scenario.options.first(where: { $0.option.name == settings.option })
    {
      let targetSimulator = OptionSimulator(
        target, workload: workload, horizonMonths: horizon, nodes: 0, costs: costs)
      overflow = OverflowTarget(
        simulator: targetSimulator, maximumWaitHours: settings.maximumWaitHours)
    }
    var interim: OverflowTarget?
    if let settings = option.option.provisioning,
      let target = scenario.options.first(where: { $0.option.name == settings.interimOption })
    {
      let targetSimulator = OptionSimulator(
        target, workload: workload, horizonMonths: horizon, nodes: 0, costs: costs)
      interim = OverflowTarget(simulator: targetSimulator, maximumWaitHours: .infinity)
    }
    return OptionSimulator(
      option, workload: workload, horizonMonths: horizon, nodes: nodes, costs: costs,
      overflow: overflow,
      interim: interim)
  }

  /// Finds the smallest node count that meets `target`, simulating the option alone at each candidate;
  /// for a cost objective (hybrid options), the node count that minimises it.
  func size(_ option: ResolvedOption, target: SizingTarget, scenario: ResolvedScenario) async
    -> CapacitySizingResult
  {
    let workload = scenario.scenario.workload
    let lower = option.nodesPerJob(gpusPerJob: workload.gpusPerJob)
    let meanHours = option.duration.mean * workload.stepsPerJob * option.option.durationScale / 3600
    // A lower bound on the answer: the nodes that the horizon's average volume keeps busy (with a 10%
    // margin, since a short horizon can tolerate slightly less), so the search never starts above it.
    let months = scenario.scenario.horizonMonths
    let averageJobs =
      (0..<months).reduce(0.0) { $0 + workload.meanJobs(inMonth: $1) }
      / Double(Swift.max(1, months))
    let demandLower =
      (try? CapacitySizing.minimumNodeCount(
        jobsPerHour: 0.9 * averageJobs / PriceQuote.hoursPerMonth,
        meanNodeHoursPerJob: meanHours * Double(lower)
          / Double(option.jobsPerNode(gpusPerJob: workload.gpusPerJob)),
        largestJobNodes: lower)) ?? lower
    let upper = Swift.max(target.maximumNodes, lower)
    let startNodes = Swift.min(Swift.max(lower, demandLower), upper)
    if target.metric.isObjective {
      return await minimise(option, target: target, scenario: scenario, from: lower, to: upper)
    }
    let goal: CapacitySizing.Target =
      target.metric == .deadlineHitRate ? .atLeast(target.limit) : .atMost(target.limit)
    guard let sizing = try? CapacitySizing(target: goal, lowerBound: startNodes, upperBound: upper)
    else {
      return CapacitySizingResult(nodeCount: nil, curve: [], evaluationCount: 0)
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
        cache[error.nodes] = await evaluate(
          target.metric, of: option, nodes: error.nodes, in: scenario)
      }
    }
  }

  /// Simulates `option` alone with `nodes` committed nodes (the scenario's trials and seed) and returns the
  /// sizing metric.
  func evaluate(
    _ metric: SizingTarget.Metric, of option: ResolvedOption, nodes: Int,
    in scenario: ResolvedScenario
  ) async -> Estimate {
    let simulator = simulator(for: option, nodes: nodes, in: scenario)
    let chunks = await simulate(scenario.scenario, simulators: [simulator])
    return OutcomeSummariser(
      option: option, simulator: simulator, scenario: scenario.scenario, chunks: chunks,
      optionIndex: 0,
      sizing: nil, sizingTarget: nil
    ).sizingMetric(metric)
  }

  /// Evaluates node counts from `lower` up and picks the one with the smallest objective (ties: fewer
  /// nodes), stopping at `upper` or three counts past the best so far (cost against nodes is convex in
  /// practice: commitment grows linearly while overflow spending falls). The curve holds every evaluated count.
  func minimise(
    _ option: ResolvedOption, target: SizingTarget, scenario: ResolvedScenario, from lower: Int,
    to upper: Int
  ) async -> CapacitySizingResult {
    var points: [CapacityPoint] = []
    for nodes in lower...Swift.max(lower, upper) {
      let estimate = await evaluate(target.metric, of: option, nodes: nodes, in: scenario)
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

  /// Runs every trial of `scenario` for `simulators`, in parallel chunks, returned in chunk order.
  func simulate(
    _ scenario: Scenario, simulators: [OptionSimulator],
    trialModels: (@Sendable (Int) -> (Workload, [OptionSimulator]))? = nil
  ) async -> [TrialChunk] {
    let trials = scenario.trials
    let chunkCount = (trials + Self.chunkSize - 1) / Self.chunkSize
    let streams = RandomStreams(seed: scenario.seed)
    let workload = scenario.workload
    let horizon = scenario.horizonMonths
    return await withTaskGroup(of: (Int, TrialChunk).self) { group in
      var results = [TrialChunk?](repeating: nil, count: chunkCount)
      var next = 0
      func addChunk(_ index: Int) {
        group.addTask {
          let range = (index * Self.chunkSize)..<Swift.min(trials, (index + 1) * Self.chunkSize)
          let chunk = TrialChunk.simulate(
            trials: range, horizon: horizon, workload: workload, streams: streams,
            simulators: simulators, trialModels: trialModels)
          return (index, chunk)
        }
      }
      while next < Swift.min(threadCount, chunkCount) {
        addChunk(next)
        next += 1
      }
      for await (index, chunk) in group {
        results[index] = chunk
        if next < chunkCount {
          addChunk(next)
          next += 1
        }
      }
      return results.compactMap { $0 }
    }
  }
}

/// Thrown by the sizing search's metric for a node count that has not been simulated yet.
struct PendingEvaluation: Error {
  let nodes: Int
}

extension NodeCount {
  /// The sizing target of `nodes: auto`, `nil` for a fixed count.
  var sizingTarget: SizingTarget? {
    if case .auto(let target) = self { return target }
    return nil
  }
}
