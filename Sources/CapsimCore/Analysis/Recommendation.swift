/// A decision drawn from a ``SimulationOutcome``: stay on shared capacity, move to dedicated capacity, go
/// hybrid, or decide later, with how sure the simulation is, what it saves and why.
///
/// Built by ``Recommendation/init(outcome:workload:policy:)``; the method is documented in
/// `docs/recommend.md`. Every probability, saving and percentile is a Monte Carlo estimate over the
/// outcome's trials, compared trial by trial (``PairedComparison``).
public struct Recommendation: Sendable, Hashable, Codable {
  // MARK: - Kinds

  /// What to do.
  public enum Verdict: Sendable, Hashable, Codable {
    /// Keep paying per use on `option`.
    case stayOnShared(option: String)
    /// Commit to `nodes` nodes of `option`.
    case migrateToDedicated(option: String, nodes: Int)
    /// Combine committed and pay-per-use capacity. No option kind is hybrid in this version, so this
    /// verdict is never chosen yet.
    case goHybrid(option: String, nodes: Int)
    /// The evidence does not support a change now: decide again at month `atMonth`.
    case reevaluate(atMonth: Int)
  }

  /// How an option is billed, for the decision.
  public enum Category: String, Sendable, Hashable, Codable, CaseIterable {
    /// Pay per use (on-demand, spot): shared capacity.
    case payPerUse = "pay_per_use"
    /// Committed capacity (reserved, bare metal): dedicated nodes.
    case committed
    /// Committed base plus pay-per-use overflow (no option is hybrid in this version).
    case hybrid
  }

  /// How far the verdict can be trusted.
  public enum ConfidenceLevel: String, Sendable, Hashable, Codable, CaseIterable {
    /// P(cheaper) ≥ the policy's high threshold (0.9).
    case high
    /// Between the low and high thresholds.
    case moderate
    /// P(cheaper) below the policy's low threshold (0.75), or a saving below its material share (5%).
    case low
  }

  /// Why the verdict is ``Verdict/reevaluate(atMonth:)``.
  public enum ReevaluationReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// The cheapest option is committed but overtakes the best pay-per-use option only late in the horizon.
    case lateCrossover = "late_crossover"
    /// The cheapest option is cheaper than the best alternative in too few trials.
    case lowConfidence = "low_confidence"
    /// The expected saving is below the policy's material share of the alternative's cost.
    case smallMargin = "small_margin"
    /// The cheapest option is committed but the work offered exceeds its capacity: its queue grows without
    /// bound, and its cost looks low because work running past the horizon is not billed.
    case insufficientCapacity = "insufficient_capacity"
  }

  /// One option as the decision sees it.
  public struct OptionSummary: Sendable, Hashable, Codable {
    /// Option name.
    public var name: String
    /// Its category.
    public var category: Category
    /// Committed nodes, for committed options.
    public var nodes: Int?
    /// Mean total cost over the horizon.
    public var meanTotalCost: Double
    /// Standard error of the mean total cost.
    public var totalCostStandardError: Double?
    /// Pooled median job time (hours).
    public var jobHoursP50: Double
    /// Pooled 95th-percentile job time (hours).
    public var jobHoursP95: Double

    /// p95/p50 of job time: how much longer a bad run takes than a typical one (1 = perfectly predictable).
    public var tailRatio: Double { jobHoursP95 / jobHoursP50 }
  }

  // MARK: - Result

  /// Scenario name.
  public var scenario: String
  /// Monte Carlo trials behind every number.
  public var trials: Int
  /// Seed of the random streams.
  public var seed: UInt64
  /// Months simulated.
  public var horizonMonths: Int
  /// Currency of every cost.
  public var currency: String
  /// The decision.
  public var verdict: Verdict
  /// Why the verdict is to re-evaluate (empty otherwise).
  public var reevaluationReasons: [ReevaluationReason]
  /// The cheapest option by expected total cost (the one the verdict recommends, or would).
  public var leading: OptionSummary
  /// The cheapest option of another category: what the leading option is compared with.
  public var alternative: OptionSummary
  /// Leading against alternative, trial by trial.
  public var comparison: PairedComparison
  /// The confidence level of ``comparison``'s probability under the policy.
  public var confidence: ConfidenceLevel
  /// The best pay-per-use option: job times "before" a change.
  public var before: OptionSummary
  /// Median month in which the committed option of the pair becomes cumulatively cheaper than the
  /// pay-per-use one (`nil` if that does not happen in most trials or no committed option is involved).
  public var crossoverMedianMonth: Int?
  /// Cost lines ranked by how much they contribute to the difference between the two options.
  public var reasons: [CostDriver]
  /// Signs that the workload has moved from experimentation to production.
  public var signals: [WorkloadSignal]
  /// The thresholds used.
  public var policy: RecommendationPolicy
  /// The `--set` overrides the simulated scenario was run with (from the outcome).
  public var overrides: [ScenarioOverride] = []
  /// The inputs drawn from a distribution in every trial (from the outcome).
  public var uncertainInputs: [UncertainInput] = []
  /// The rank correlations requested between uncertain inputs and achieved (from the outcome).
  public var inputCorrelations: [AchievedCorrelation] = []
  /// With a precision target: how the run ended (from the outcome).
  public var precision: PrecisionOutcome?
  /// With ``ReevaluationReason/insufficientCapacity``: the leading option's offered load (work over
  /// capacity, above 1).
  public var leadingOfferedLoad: Double?
  /// What the verdict is most sensitive to, and where it flips (set by `recommend` with uncertain
  /// inputs; nil otherwise).
  public var verdictSensitivity: VerdictSensitivity?

  /// p95/p50 job-time ratio before (best pay-per-use option) and after (the leading option).
  public var predictability: (before: Double, after: Double) {
    (before.tailRatio, leading.tailRatio)
  }
}
