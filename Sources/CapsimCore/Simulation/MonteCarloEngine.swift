/// Runs a resolved scenario's trials in parallel and summarises them.
///
/// Reproducibility: every random number is keyed by (seed, trial, job, mechanism) (see ``RandomLayout``),
/// so a trial's numbers are fixed by the seed and its index alone, and the same job uses the same uniforms
/// on every option (common random numbers). Trials run in chunks of ``chunkSize`` on up to `threadCount`
/// tasks; each chunk is reduced to mergeable accumulators as it finishes, and chunks are merged in index
/// order, so the outcome is byte-identical for any thread count and memory does not grow with trials
/// (except one total cost per option per trial, for paired comparisons).
public struct MonteCarloEngine: Sendable {
  /// Trials per unit of parallel work.
  public static let chunkSize = 128

  /// How many trial chunks run at once (≥ 1).
  public var threadCount: Int

  /// Per-trial scenarios (uncertain inputs); `nil` simulates the base scenario in every trial.
  public var variation: (any TrialScenarioVariation)?

  /// Called after each chunk of the main simulation is reduced, in trial order.
  public var progress: (@Sendable (SimulationProgress) -> Void)?

  /// Creates an engine that uses up to `threadCount` concurrent tasks.
  public init(threadCount: Int) {
    self.threadCount = Swift.max(1, threadCount)
  }

  /// Simulates `scenario` with its own trials and seed (ignoring task cancellation).
  ///
  /// Options with `nodes: auto` are sized first (see ``CapacitySizing``): each candidate node count is
  /// simulated with the scenario's trials and seed, and the smallest that meets the target is used.
  public func run(_ scenario: ResolvedScenario) async -> SimulationOutcome {
    do {
      return try await run(scenario, cancellable: false)
    } catch {
      preconditionFailure("a run that ignores cancellation was cancelled")
    }
  }

  /// Simulates `scenario`, stopping between chunks when the task is cancelled.
  ///
  /// - Throws: `CancellationError` when the surrounding task is cancelled; nothing is returned then.
  public func runCancellable(_ scenario: ResolvedScenario) async throws -> SimulationOutcome {
    try await run(scenario, cancellable: true)
  }

  private func run(_ given: ResolvedScenario, cancellable: Bool) async throws
    -> SimulationOutcome
  {
    let scenario = given.rebuildingMechanisms()
    var sizings: [Int: CapacitySizingResult] = [:]
    var nodes: [Int] = []
    for (index, option) in scenario.options.enumerated() {
      switch option.option.nodes {
      case .auto(let target):
        let result = try await size(
          option, target: target, scenario: scenario, cancellable: cancellable)
        sizings[index] = result
        nodes.append(result.nodeCount ?? target.maximumNodes)
      case .fixed(let count): nodes.append(count)
      case nil: nodes.append(0)
      }
    }
    let simulators = scenario.options.indices.map {
      Self.simulator(for: scenario.options[$0], nodes: nodes[$0], in: scenario)
    }
    var pairs: [(committed: Int, payPerUse: Int)] = []
    for (d, committed) in scenario.options.enumerated() where committed.isCommitted {
      for (s, payPerUse) in scenario.options.enumerated() where !payPerUse.isCommitted {
        pairs.append((d, s))
      }
    }
    let plan = TrialPlan(
      layout: RandomLayout(seed: scenario.scenario.seed), horizon: scenario.scenario.horizonMonths,
      workload: scenario.scenario.workload, simulators: simulators, crossoverPairs: pairs,
      variation: variation, base: scenario, nodes: nodes)
    let (result, precision) = try await simulateMain(
      plan, scenario: scenario.scenario, cancellable: cancellable)
    return Self.outcome(
      of: scenario, accumulated: result, simulators: simulators, sizings: sizings,
      precision: precision)
  }

  /// Builds the outcome of a finished run from its reduced trials.
  static func outcome(
    of scenario: ResolvedScenario, accumulated: ChunkAccumulator, simulators: [OptionSimulator],
    sizings: [Int: CapacitySizingResult], precision: PrecisionOutcome?
  ) -> SimulationOutcome {
    let outcomes = scenario.options.enumerated().map { index, option in
      OutcomeSummariser(
        option: option, nodes: simulators[index].nodes, scenario: scenario.scenario,
        accumulator: accumulated.options[index], sizing: sizings[index],
        sizingTarget: option.option.nodes.flatMap(\.sizingTarget)
      ).outcome()
    }
    var result = SimulationOutcome(
      scenario: scenario.scenario.name, trials: accumulated.trials, seed: scenario.scenario.seed,
      horizonMonths: scenario.scenario.horizonMonths, confidenceLevel: 0.95,
      currency: scenario.currency, options: outcomes)
    result.precision = precision
    result.crossovers = accumulated.crossovers.map { pair in
      Crossover(
        dedicated: scenario.options[pair.committed].option.name,
        shared: scenario.options[pair.payPerUse].option.name, counts: pair.counts,
        never: pair.never)
    }
    return result
  }

  /// The simulator of `option` with `nodes` committed nodes, linked to its overflow and interim options.
  ///
  /// `prepared` is the run's simulator of the same option when this one is a trial's (uncertain inputs): it
  /// lends the sorted sample values it shares (``DurationDraws/init(_:reusing:)``).
  static func simulator(
    for option: ResolvedOption, nodes: Int, in scenario: ResolvedScenario,
    reusing prepared: OptionSimulator? = nil
  ) -> OptionSimulator {
    let workload = scenario.scenario.workload
    let horizon = scenario.scenario.horizonMonths
    let costs = scenario.scenario.costs
    func target(named name: String, maximumWaitHours: Double, prepared: OverflowTarget?)
      -> OverflowTarget
    {
      guard let target = scenario.options.first(where: { $0.option.name == name }) else {
        preconditionFailure(
          "option '\(option.option.name)' refers to option '\(name)', which is not in the scenario "
            + "(options: \(scenario.options.map(\.option.name)))")
      }
      return OverflowTarget(
        simulator: OptionSimulator(
          target, workload: workload, horizonMonths: horizon, nodes: 0, costs: costs,
          reusing: prepared?.simulator),
        maximumWaitHours: maximumWaitHours)
    }
    return OptionSimulator(
      option, workload: workload, horizonMonths: horizon, nodes: nodes, costs: costs,
      overflow: option.option.overflow.map {
        target(
          named: $0.option, maximumWaitHours: $0.maximumWaitHours, prepared: prepared?.overflow)
      },
      interim: option.option.provisioning.map {
        target(named: $0.interimOption, maximumWaitHours: .infinity, prepared: prepared?.interim)
      }, reusing: prepared)
  }

  // MARK: - Running chunks

  /// The main simulation: the scenario's trials, or batches until its precision target is met.
  func simulateMain(_ plan: TrialPlan, scenario: Scenario, cancellable: Bool) async throws
    -> (ChunkAccumulator, PrecisionOutcome?)
  {
    guard let target = scenario.precision else {
      let result = try await simulate(
        plan, trials: 0..<scenario.trials, planned: scenario.trials, cancellable: cancellable,
        reportsProgress: true)
      return (result, nil)
    }
    let maximum = Swift.max(1, target.maximumTrials)
    var total: ChunkAccumulator?
    var state = PrecisionProgress(target: target.relativeHalfWidth, reached: nil, checkedTrials: 0)
    while true {
      let done = total?.trials ?? 0
      if let total {
        let reached = Self.relativeHalfWidth(total)
        state = PrecisionProgress(
          target: target.relativeHalfWidth, reached: reached, checkedTrials: done)
        if reached <= target.relativeHalfWidth || done >= maximum {
          return (
            total,
            PrecisionOutcome(
              target: target.relativeHalfWidth, reached: reached,
              met: reached <= target.relativeHalfWidth, maximumTrials: maximum)
          )
        }
      }
      let next = done..<Swift.min(maximum, done + PrecisionTarget.batchTrials)
      let batch = try await simulate(
        plan, trials: next, planned: maximum, cancellable: cancellable, reportsProgress: true,
        alreadyDone: done, precision: state)
      if total == nil { total = batch } else { total?.merge(batch) }
    }
  }

  /// The largest relative 95% half-width over every option's mean total cost and the paired difference
  /// between the two cheapest options (+∞ while there are fewer than two trials or a value is 0).
  static func relativeHalfWidth(_ result: ChunkAccumulator) -> Double {
    var worst = 0.0
    for option in result.options {
      let estimate = option[.cost].meanEstimate
      worst = Swift.max(worst, relative(estimate))
    }
    let ranked = result.options.indices.sorted {
      (result.options[$0][.cost].meanY, $0) < (result.options[$1][.cost].meanY, $1)
    }
    if ranked.count >= 2 {
      var difference = TrialMoments()
      for (best, runnerUp) in zip(
        result.options[ranked[0]].totalCosts, result.options[ranked[1]].totalCosts)
      {
        difference.add(x: 1, y: runnerUp - best)
      }
      worst = Swift.max(worst, relative(difference.meanEstimate))
    }
    return worst
  }

  private static func relative(_ estimate: Estimate) -> Double {
    guard let lower = estimate.lower, let upper = estimate.upper, estimate.value != 0 else {
      return estimate.standardError == 0 ? 0 : .infinity
    }
    return (upper - lower) / 2 / abs(estimate.value)
  }

  /// Runs `trials` of `plan` in parallel chunks and merges them in chunk order as they finish.
  ///
  /// Chunks are handed out in trial order, each with the plan's variation covering its trials
  /// (``TrialScenarioVariation/covering(trials:)``): a variation draws its values as the run reaches
  /// them, and what it held for the trials passed is freed once the chunks that use it have finished.
  func simulate(
    _ plan: TrialPlan, trials: Range<Int>, planned: Int, cancellable: Bool,
    reportsProgress: Bool = false, alreadyDone: Int = 0, precision: PrecisionProgress? = nil
  ) async throws -> ChunkAccumulator {
    let chunkCount = (trials.count + Self.chunkSize - 1) / Self.chunkSize
    let first = trials.lowerBound
    let end = trials.upperBound
    let report = reportsProgress ? progress : nil
    return try await withThrowingTaskGroup(of: (Int, ChunkAccumulator).self) { group in
      var pending: [Int: ChunkAccumulator] = [:]
      var merged: ChunkAccumulator?
      var nextToMerge = 0
      var next = 0
      var current = plan
      func addChunk(_ index: Int) {
        let start = first + index * Self.chunkSize
        let range = start..<Swift.min(end, start + Self.chunkSize)
        current.variation = current.variation?.covering(trials: range)
        let chunkPlan = current
        group.addTask { (index, TrialChunk.simulate(trials: range, plan: chunkPlan)) }
      }
      while next < Swift.min(threadCount, chunkCount) {
        addChunk(next)
        next += 1
      }
      for try await (index, chunk) in group {
        pending[index] = chunk
        while let ready = pending.removeValue(forKey: nextToMerge) {
          if merged == nil {
            merged = ready
            merged?.reserveTrials(trials.count)
          } else {
            merged?.merge(ready)
          }
          nextToMerge += 1
          report?(
            SimulationProgress(
              trialsDone: alreadyDone + (merged?.trials ?? 0), trialsPlanned: planned,
              precision: precision))
        }
        if cancellable && Task.isCancelled {
          group.cancelAll()
          throw CancellationError()
        }
        if next < chunkCount {
          addChunk(next)
          next += 1
        }
      }
      guard let merged else {
        return TrialChunk.simulate(trials: first..<first, plan: plan)
      }
      return merged
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

extension ResolvedScenario {
  /// The scenario with every option's mechanism models built afresh from its settings, so that a scenario
  /// whose settings were changed after resolving (break-even, what-if) never runs stale models.
  func rebuildingMechanisms() -> ResolvedScenario {
    var rebuilt = self
    let sourceMap = ScenarioSourceMap(file: "<engine>")
    for index in rebuilt.options.indices {
      var checker = OptionChecker(
        resolved: rebuilt.options[index], workload: scenario.workload, path: "options[\(index)]",
        sourceMap: sourceMap)
      let mechanisms = checker.check()
      precondition(
        checker.problems.isEmpty,
        "option '\(rebuilt.options[index].option.name)' has settings its scenario check rejects: "
          + checker.problems.map(\.description).joined(separator: "; "))
      rebuilt.options[index].mechanisms = mechanisms
    }
    return rebuilt
  }
}
