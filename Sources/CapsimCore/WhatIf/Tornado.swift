/// One-at-a-time sensitivity (a tornado): each input moved to its low and then its high value with every
/// other input at its base, the decision metric recorded at both ends, inputs sorted by swing.
///
/// Every run uses the scenario's trials and seed (common random numbers), so the difference between an
/// input's two ends is the effect of that input, not of sampling. For a model whose output is linear in
/// an input, the swing is exactly the partial effect |∂y/∂x| · (high − low).
public struct Tornado: Sendable {
  /// The engine that simulates each end.
  public var engine: MonteCarloEngine

  /// Creates a tornado analysis on `engine`.
  public init(engine: MonteCarloEngine) {
    self.engine = engine
  }

  /// Runs the base scenario and each input at its two ends. `scenario(settings)` returns the resolved
  /// scenario with `settings` applied (an empty list gives the base).
  ///
  /// - Throws: whatever `scenario` throws, and ``TornadoError`` for no inputs, an input that is not
  ///   two values, or a metric or option the outcome does not have.
  /// - Complexity: 1 + 2 × inputs simulations.
  public func run(
    inputs: [SweepAxis], metric: DecisionMetric = .saving, overrides: [ScenarioOverride] = [],
    scenario: ([ScenarioOverride]) throws -> ResolvedScenario
  ) async throws -> TornadoResult {
    guard !inputs.isEmpty else { throw TornadoError.noInputs }
    for (index, input) in inputs.enumerated() where input.values.count != 2 {
      throw TornadoError.notTwoValues(input: index + 1, path: input.path, count: input.values.count)
    }
    let baseScenario = try scenario([])
    // Every end is resolved (so validated) before anything runs: a bad value fails at once.
    let endScenarios = try inputs.enumerated().map { index, input in
      try input.values.map { value in
        try scenario([
          ScenarioOverride(number: index + 1, path: input.path, value: value, origin: "--vary")
        ])
      }
    }
    var baseOutcome = await engine.run(baseScenario)
    baseOutcome.overrides = overrides
    let measure = try Measure(metric, base: baseOutcome, workload: baseScenario.scenario.workload)
    let base = try measure.value(baseOutcome)
    var bars: [TornadoResult.Bar] = []
    for (index, input) in inputs.enumerated() {
      var ends: [TornadoResult.End] = []
      for (value, resolved) in zip(input.values, endScenarios[index]) {
        let outcome = await engine.run(resolved)
        ends.append(
          TornadoResult.End(
            value: value, metric: try measure.value(outcome),
            cheapest: Self.cheapest(outcome)))
      }
      bars.append(TornadoResult.Bar(path: input.path, low: ends[0], high: ends[1]))
    }
    // Sorted by swing, largest first; ties keep the order given.
    let ranked = bars.enumerated().sorted { x, y in
      x.element.swing != y.element.swing ? x.element.swing > y.element.swing : x.offset < y.offset
    }.map(\.element)
    let scenarioValues = baseScenario.scenario
    return TornadoResult(
      scenario: scenarioValues.name, trials: scenarioValues.trials, seed: scenarioValues.seed,
      currency: baseScenario.currency, metric: measure.description, base: base,
      baseCheapest: Self.cheapest(baseOutcome), overrides: overrides, bars: ranked)
  }

  /// The option with the lowest mean total cost (first on ties).
  static func cheapest(_ outcome: SimulationOutcome) -> String {
    outcome.options.enumerated().min { x, y in
      let a = x.element.metric("total_cost")?.estimate.value ?? .infinity
      let b = y.element.metric("total_cost")?.estimate.value ?? .infinity
      return a != b ? a < b : x.offset < y.offset
    }?.element.name ?? ""
  }

  /// The decision metric, with the options it refers to fixed from the base run.
  struct Measure {
    let metric: DecisionMetric
    /// For `.saving`: the recommended option and the runner-up; for a metric: the option.
    let options: [String]

    init(_ metric: DecisionMetric, base: SimulationOutcome, workload: Workload) throws {
      self.metric = metric
      switch metric {
      case .saving:
        if let r = try? Recommendation(outcome: base, workload: workload) {
          options = [r.leading.name, r.alternative.name]
        } else {
          let ranked = base.options.sorted {
            ($0.metric("total_cost")?.estimate.value ?? .infinity)
              < ($1.metric("total_cost")?.estimate.value ?? .infinity)
          }
          guard ranked.count >= 2 else { throw TornadoError.needsTwoOptions }
          options = [ranked[0].name, ranked[1].name]
        }
      case .metric(let key, let option):
        let name = option ?? Tornado.cheapest(base)
        guard let found = base.options.first(where: { $0.name == name }) else {
          throw TornadoError.unknownOption(name, known: base.options.map(\.name))
        }
        guard found.metric(key) != nil else {
          throw TornadoError.unknownMetric(
            key, option: name, optionGiven: option != nil,
            known: Set(base.options.flatMap { $0.metrics.map(\.key) }).sorted(),
            otherOptionsWithIt: base.options.filter { $0.metric(key) != nil }.map(\.name))
        }
        options = [name]
      }
    }

    var description: String {
      switch metric {
      case .saving: return "saving of \(options[0]) over \(options[1]) (mean total cost difference)"
      case .metric(let key, _): return "\(key) of \(options[0])"
      }
    }

    func value(_ outcome: SimulationOutcome) throws -> Estimate {
      func option(_ name: String) throws -> OptionOutcome {
        guard let found = outcome.options.first(where: { $0.name == name }) else {
          throw TornadoError.unknownOption(name, known: outcome.options.map(\.name))
        }
        return found
      }
      switch metric {
      case .saving:
        let comparison = PairedComparison(
          option: try option(options[0]).totalCostByTrial,
          alternative: try option(options[1]).totalCostByTrial)
        return Estimate(
          value: comparison.meanSaving, standardError: comparison.meanSavingStandardError)
      case .metric(let key, _):
        guard let found = try option(options[0]).metric(key) else {
          throw TornadoError.metricMissingAtAnEnd(key, option: options[0])
        }
        return found.estimate
      }
    }
  }
}

/// What a tornado measures.
public enum DecisionMetric: Sendable, Hashable, Codable {
  /// The mean total-cost difference between the runner-up and the recommended option (both fixed by
  /// the base run: ``Recommendation``'s leading option and its alternative, or the two cheapest).
  case saving
  /// A metric of one option (`nil`: the cheapest at the base), e.g. `total_cost`, `deadline_hit_rate`.
  case metric(key: String, option: String?)

  /// The metric `capsim sensitivity --metric KEY [--option NAME]` names: `saving` or a metric key of one
  /// option, checked against the scenario's option names before anything runs.
  ///
  /// - Throws: ``TornadoError/unknownOption(_:known:)`` for an option the scenario does not have, and
  ///   ``TornadoError/optionWithoutMetric(_:)`` for an option given with `saving`, which compares two
  ///   options the base run picks, so that no flag is silently ignored. Whether the option has the
  ///   metric is known only from the base run (``Tornado/run(inputs:metric:overrides:scenario:)``).
  public init(metric key: String, option: String?, optionNames: [String]) throws(TornadoError) {
    if let option, !optionNames.contains(option) {
      throw .unknownOption(option, known: optionNames)
    }
    if key == "saving" {
      if let option { throw .optionWithoutMetric(option) }
      self = .saving
    } else {
      self = .metric(key: key, option: option)
    }
  }
}
