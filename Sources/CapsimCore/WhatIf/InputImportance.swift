/// How much of a run's output spread one uncertain input explains (sensitivity (b)).
///
/// From one run in which every uncertain input is drawn per trial: the Spearman rank correlation ρᵢ of
/// input i's per-trial values with the per-trial output (within each block of the plan, averaged over the
/// blocks), and its contribution to variance
/// ρᵢ² / Σⱼ ρⱼ² — Crystal Ball's "contribution to variance" (Oracle Crystal Ball user's guide,
/// sensitivity charts): an approximation that treats the rank correlations as the inputs' standardised
/// effects, exact for a linear output of independent inputs measured on ranks, and not meaningful
/// when inputs are strongly correlated with each other.
public struct InputImportance: Sendable, Hashable, Codable {
  /// The input's key path.
  public var path: String
  /// Its distribution.
  public var distribution: InputDistribution
  /// Spearman rank correlation of the input with the output over trials.
  public var rankCorrelation: Double
  /// ρ² / Σρ² over the uncertain inputs (0…1; all zero if no input correlates).
  public var varianceShare: Double

  /// Creates an entry.
  public init(
    path: String, distribution: InputDistribution, rankCorrelation: Double, varianceShare: Double
  ) {
    self.path = path
    self.distribution = distribution
    self.rankCorrelation = rankCorrelation
    self.varianceShare = varianceShare
  }

  /// The importance of each of `plan`'s inputs for `output` (one value per trial), largest share
  /// first (ties keep the plan's order). Each ρ is taken block by block of the plan and averaged over the
  /// blocks (``BlockSpearman``), one block's values at a time.
  public static func ranked(plan: UncertainInputPlan, output: [Double]) -> [InputImportance] {
    // A run under a precision target makes the plan's first trials only.
    guard output.count > 1, output.count <= plan.trials else { return [] }
    var correlations = [BlockSpearman](repeating: BlockSpearman(), count: plan.inputs.count)
    plan.forEachBlock(Array(plan.inputs.indices), trials: output.count) { trials, columns in
      let outputs = Array(output[trials])
      for input in plan.inputs.indices { correlations[input].add(columns[input], outputs) }
    }
    let rhos = correlations.map(\.value)
    let total = rhos.reduce(0) { $0 + $1 * $1 }
    let entries = plan.inputs.enumerated().map { index, input in
      InputImportance(
        path: input.path, distribution: input.distribution, rankCorrelation: rhos[index],
        varianceShare: total > 0 ? rhos[index] * rhos[index] / total : 0)
    }
    return entries.enumerated().sorted { x, y in
      x.element.varianceShare != y.element.varianceShare
        ? x.element.varianceShare > y.element.varianceShare : x.offset < y.offset
    }.map(\.element)
  }
}

/// What a recommendation's verdict is most sensitive to, and the value of the top input at which it
/// flips (the cheaper option changes).
public struct VerdictSensitivity: Sendable, Hashable, Codable {
  /// The option recommended at the base (every input at its median).
  public var leading: String
  /// The runner-up; the tornado's metric is the saving of `leading` over it.
  public var alternative: String
  /// The inputs that move the saving most (the top of the tornado), largest swing first.
  public var topInputs: [TornadoResult.Bar]
  /// The value of the top input at which the saving crosses zero, from a bisection between its low
  /// and high ends under common random numbers; nil when the cheaper option is the same at both ends.
  public var flipValue: Double?
  /// The input the flip value is for.
  public var flipPath: String?

  /// Creates a summary.
  public init(
    leading: String, alternative: String, topInputs: [TornadoResult.Bar], flipValue: Double?,
    flipPath: String?
  ) {
    self.leading = leading
    self.alternative = alternative
    self.topInputs = topInputs
    self.flipValue = flipValue
    self.flipPath = flipPath
  }
}

extension Tornado {
  /// The per-trial values of the decision metric in `outcome`: for `.saving`, the runner-up's total
  /// cost minus the recommended option's in each trial; for a metric, the option's total cost per trial
  /// (the only per-trial series an outcome keeps).
  func perTrialOutput(_ outcome: SimulationOutcome, measure: Measure) -> [Double] {
    let series = measure.options.map { name in
      outcome.options.first { $0.name == name }?.totalCostByTrial ?? []
    }
    if measure.options.count == 2 {
      return zip(series[0], series[1]).map { $1 - $0 }
    }
    return series.first ?? []
  }

  /// Sensitivity (b): one run of `scenario` with `variation` drawing every uncertain input per trial,
  /// and each input's rank correlation with the decision metric and share of its variance.
  public func importance(
    of variation: UncertainVariation, scenario: ResolvedScenario, metric: DecisionMetric = .saving
  ) async throws -> [InputImportance] {
    var engine = self.engine
    engine.variation = variation
    let outcome = await engine.run(scenario)
    let measure = try Measure(metric, base: outcome, workload: scenario.scenario.workload)
    return InputImportance.ranked(
      plan: variation.plan, output: perTrialOutput(outcome, measure: measure))
  }

  /// The value of input `path` between `low` and `high` at which the saving of `leading` over
  /// `alternative` (mean total cost difference, common random numbers) crosses zero, by bisection
  /// (`steps` halvings); nil when it has the same sign at both ends. `scenario(value)` gives the
  /// resolved scenario with the input at `value`.
  public func flipValue(
    low: Double, high: Double, leading: String, alternative: String, steps: Int = 12,
    scenario: (Double) throws -> ResolvedScenario
  ) async throws -> Double? {
    func saving(_ value: Double) async throws -> Double {
      let outcome = await engine.run(try scenario(value))
      func cost(_ name: String) -> Double {
        outcome.options.first { $0.name == name }?.metric("total_cost")?.estimate.value ?? .nan
      }
      return cost(alternative) - cost(leading)
    }
    var a = low
    var b = high
    var fa = try await saving(a)
    let fb = try await saving(b)
    guard fa.isFinite, fb.isFinite, (fa > 0) != (fb > 0) else { return nil }
    for _ in 0..<steps {
      let mid = 0.5 * (a + b)
      let fm = try await saving(mid)
      if (fm > 0) == (fa > 0) {
        a = mid
        fa = fm
      } else {
        b = mid
      }
    }
    return 0.5 * (a + b)
  }
}
