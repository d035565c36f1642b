/// What a simulation found for one option.
public struct OptionOutcome: Sendable, Hashable, Codable {
  /// Option name from the scenario.
  public var name: String
  /// Platform the speed samples come from.
  public var platform: String
  /// Shared or dedicated, from the platform.
  public var platformKind: InfrastructureKind
  /// Price row name.
  public var price: String
  /// Pricing model of that price.
  public var pricingModel: PricingModel
  /// The price normalised to one GPU-hour.
  public var pricePerGPUHour: Double
  /// Committed nodes, for committed prices.
  public var nodes: Int?
  /// The estimates, in a fixed order (see `docs/report-fields.md`).
  public var metrics: [MetricEstimate]
  /// Warnings a reader must see next to the numbers (for example a minimum term past the horizon).
  public var notes: [String]
  /// With stragglers on: how the step time of a synchronous step grows with the number of GPUs.
  public var stragglerGrowth: [StragglerGrowthRow]
  /// With `nodes: auto`: the sizing target, the chosen node count and the metric against node count.
  public var sizing: SizingOutcome?
  /// Cost month by month over the horizon, with p10/p50/p90 bands across trials, and cumulative cost.
  public var monthly: [MonthlyCost] = []
  /// Total cost of each trial, in trial order (for paired comparisons between options; not in reports).
  public var totalCostByTrial: [Double] = []
  /// Job time (queue wait + wall time) at every percentile from 1% to 99%, pooled over all simulated jobs
  /// (for distribution charts).
  public var jobTimeQuantiles: [JobTimeQuantile] = []
  /// For a hybrid option: the pay-per-use option its overflow runs on.
  public var overflowTo: String?
  /// For a committed option: the mean over trials of the work offered to its nodes over their capacity
  /// (node-hours of the horizon's jobs that ran there / node-hours that existed). Unlike utilisation it is
  /// not capped at 1: above 1 the nodes cannot keep up and their queue grows without bound.
  public var offeredLoad: Double?

  /// Whether the option is committed and its nodes cannot keep up with the work offered to them
  /// (``offeredLoad`` above 1).
  public var cannotKeepUp: Bool { offeredLoad.map(Self.cannotKeepUp(offeredLoad:)) ?? false }

  /// Whether nodes offered `offeredLoad` times their capacity cannot keep up: above 1 their queue grows
  /// without bound.
  public static func cannotKeepUp(offeredLoad: Double) -> Bool { offeredLoad > 1 }

  /// Creates an outcome.
  public init(
    name: String, platform: String, platformKind: InfrastructureKind, price: String,
    pricingModel: PricingModel,
    pricePerGPUHour: Double, nodes: Int?, metrics: [MetricEstimate], notes: [String],
    stragglerGrowth: [StragglerGrowthRow] = [], sizing: SizingOutcome? = nil
  ) {
    self.name = name
    self.platform = platform
    self.platformKind = platformKind
    self.price = price
    self.pricingModel = pricingModel
    self.pricePerGPUHour = pricePerGPUHour
    self.nodes = nodes
    self.metrics = metrics
    self.notes = notes
    self.stragglerGrowth = stragglerGrowth
    self.sizing = sizing
  }

  /// The metric with `key`, if present.
  public func metric(_ key: String) -> MetricEstimate? {
    metrics.first { $0.key == key }
  }
}

/// The result of simulating a scenario: one ``OptionOutcome`` per option, and how it was obtained.
public struct SimulationOutcome: Sendable, Hashable, Codable {
  /// Scenario name.
  public var scenario: String
  /// Monte Carlo trials behind every estimate (the trials used, with a precision target).
  public var trials: Int
  /// Seed of the random streams.
  public var seed: UInt64
  /// Months simulated per trial.
  public var horizonMonths: Int
  /// Confidence level of every interval (0.95).
  public var confidenceLevel: Double
  /// Currency of every cost.
  public var currency: String
  /// Per-option results, in scenario order.
  public var options: [OptionOutcome]
  /// For each committed and pay-per-use pair: when the committed option becomes cheaper, over trials.
  public var crossovers: [Crossover] = []
  /// The `--set` overrides applied to the scenario file, in order (shown in every report).
  public var overrides: [ScenarioOverride] = []
  /// With a precision target: the precision asked for and reached (`trials` is then the trials used).
  public var precision: PrecisionOutcome?
  /// The inputs drawn from a distribution in every trial (empty: every input was a fixed number).
  public var uncertainInputs: [UncertainInput] = []
  /// The rank correlations requested between uncertain inputs, with the ones achieved over the trials.
  public var inputCorrelations: [AchievedCorrelation] = []

  /// Creates an outcome.
  public init(
    scenario: String, trials: Int, seed: UInt64, horizonMonths: Int, confidenceLevel: Double,
    currency: String,
    options: [OptionOutcome]
  ) {
    self.scenario = scenario
    self.trials = trials
    self.seed = seed
    self.horizonMonths = horizonMonths
    self.confidenceLevel = confidenceLevel
    self.currency = currency
    self.options = options
  }
}

/// The result of sizing a dedicated option with `nodes: auto`.
public struct SizingOutcome: Sendable, Hashable, Codable {
  /// What had to be met.
  public var target: SizingTarget?
  /// The smallest node count meeting the target, `nil` if none up to the maximum did.
  public var chosenNodes: Int?
  /// The target metric at node counts around the answer.
  public var curve: [CapacityPoint]

  /// Creates a sizing outcome from a search result.
  public init(target: SizingTarget?, result: CapacitySizingResult) {
    self.target = target
    self.chosenNodes = result.nodeCount
    self.curve = result.curve
  }
}
