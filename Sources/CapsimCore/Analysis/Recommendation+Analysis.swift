// MARK: - Building a recommendation

extension Recommendation {
  /// Draws the decision from a simulation of `workload` (see `docs/recommend.md`).
  ///
  /// 1. Options are grouped by billing: pay per use (on-demand, spot) and committed (reserved, bare
  ///    metal). The **leading** option has the lowest mean total cost; the **alternative** is the cheapest
  ///    option of another category.
  /// 2. **Confidence** is P(leading cheaper than alternative) over paired trials (``PairedComparison``),
  ///    graded by `policy`: low below 0.75 or when the mean saving is under 5% of the alternative's cost.
  /// 3. The **verdict**: "re-evaluate" when the confidence is low (either cause), or when the leading option is committed
  ///    and its median crossover month against the best pay-per-use option is after
  ///    `policy.lateCrossoverAfter` of the horizon (or not within it), or its offered load is above 1 (it
  ///    cannot keep up: ``OptionOutcome/offeredLoad``); otherwise stay on shared, migrate to dedicated, or
  ///    go hybrid, by the leading option's category.
  /// 4. **Reasons**: cost lines ranked by |mean difference| (``CostDriver``); **signals**: ``WorkloadSignal``.
  ///
  /// - Throws: ``RecommendationError`` when a category is missing or an option has no per-trial totals.
  /// - Complexity: O(n log n) in the number of trials n.
  public init(
    outcome: SimulationOutcome, workload: Workload,
    policy: RecommendationPolicy = RecommendationPolicy()
  ) throws(RecommendationError) {
    let ranked = outcome.options.enumerated().sorted { x, y in
      let (cx, cy) = (Self.meanCost(x.element), Self.meanCost(y.element))
      return cx != cy ? cx < cy : x.offset < y.offset
    }.map(\.element)
    let payPerUse = ranked.filter { Self.category(of: $0) == .payPerUse }
    // Hybrid options hold committed nodes too: they count as committed capacity for the comparison.
    let committed = ranked.filter { Self.category(of: $0) != .payPerUse }
    guard let bestShared = payPerUse.first, let bestCommitted = committed.first,
      let leading = ranked.first
    else {
      throw .needsBothCategories(
        scenario: outcome.scenario, payPerUse: payPerUse.map(\.name),
        committed: committed.map(\.name))
    }
    let leadingCategory = Self.category(of: leading)
    guard let alternative = ranked.first(where: { Self.category(of: $0) != leadingCategory }) else {
      throw .needsBothCategories(
        scenario: outcome.scenario, payPerUse: payPerUse.map(\.name),
        committed: committed.map(\.name))
    }
    for option in [leading, alternative] where option.totalCostByTrial.count != outcome.trials {
      throw .missingTrialTotals(option: option.name)
    }
    let comparison = PairedComparison(
      option: leading.totalCostByTrial, alternative: alternative.totalCostByTrial)
    let confidence = policy.level(of: comparison)
    // The crossover of the committed option of the pair against the best pay-per-use option.
    let pairCommitted = leadingCategory == .payPerUse ? alternative : leading
    let crossover = outcome.crossovers.first {
      $0.dedicated == pairCommitted.name && $0.shared == bestShared.name
    }
    var reasons: [ReevaluationReason] = []
    if leadingCategory != .payPerUse
      && policy.isLate(crossoverMonth: crossover?.medianMonth, horizonMonths: outcome.horizonMonths)
    {
      reasons.append(.lateCrossover)
    }
    if comparison.probabilityCheaper < policy.lowConfidenceBelow
      || comparison.probabilityCheaper.isNaN
    {
      reasons.append(.lowConfidence)
    }
    if !policy.isMaterial(comparison) { reasons.append(.smallMargin) }
    // A committed option that cannot keep up looks cheap only because its backlog is never billed.
    let overloaded = leadingCategory == .committed && leading.cannotKeepUp
    if overloaded { reasons.append(.insufficientCapacity) }
    let verdict: Verdict
    if !reasons.isEmpty {
      verdict = .reevaluate(atMonth: policy.reviewMonth(horizonMonths: outcome.horizonMonths))
    } else {
      switch leadingCategory {
      case .payPerUse: verdict = .stayOnShared(option: leading.name)
      case .committed:
        verdict = .migrateToDedicated(option: leading.name, nodes: leading.nodes ?? 0)
      case .hybrid: verdict = .goHybrid(option: leading.name, nodes: leading.nodes ?? 0)
      }
    }
    self.init(
      scenario: outcome.scenario, trials: outcome.trials, seed: outcome.seed,
      horizonMonths: outcome.horizonMonths,
      currency: outcome.currency, verdict: verdict, reevaluationReasons: reasons,
      leading: Self.summary(leading), alternative: Self.summary(alternative),
      comparison: comparison,
      confidence: confidence, before: Self.summary(bestShared),
      crossoverMedianMonth: crossover?.medianMonth,
      reasons: CostDriver.ranked(leading: leading, alternative: alternative),
      signals: WorkloadSignal.signals(
        workload: workload, horizonMonths: outcome.horizonMonths, bestPayPerUse: bestShared,
        bestCommitted: bestCommitted, policy: policy),
      policy: policy, overrides: outcome.overrides, uncertainInputs: outcome.uncertainInputs)
    inputCorrelations = outcome.inputCorrelations
    precision = outcome.precision
    leadingOfferedLoad = overloaded ? leading.offeredLoad : nil
  }

  /// The category of an option: an option with an overflow target is hybrid, other committed prices are
  /// committed, the rest pay per use.
  public static func category(of option: OptionOutcome) -> Category {
    if option.overflowTo != nil { return .hybrid }
    return option.pricingModel.isCommitment ? .committed : .payPerUse
  }

  /// Mean total cost, +∞ when missing or NaN (so such an option never leads).
  static func meanCost(_ option: OptionOutcome) -> Double {
    guard let value = option.metric("total_cost")?.estimate.value, !value.isNaN else {
      return .infinity
    }
    return value
  }

  static func summary(_ option: OptionOutcome) -> OptionSummary {
    OptionSummary(
      name: option.name, category: category(of: option), nodes: option.nodes,
      meanTotalCost: meanCost(option),
      totalCostStandardError: option.metric("total_cost")?.estimate.standardError,
      jobHoursP50: option.metric("job_hours_p50")?.estimate.value ?? .nan,
      jobHoursP95: option.metric("job_hours_p95")?.estimate.value ?? .nan)
  }
}
