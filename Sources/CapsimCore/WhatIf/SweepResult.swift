/// What a sweep found: for each point of the grid, each option's expected cost and chance of being the
/// cheapest, the verdict `capsim recommend` would give, and the sizing metric of sized options.
public struct SweepResult: Sendable, Hashable, Codable {
  /// One option at one point.
  public struct OptionResult: Sendable, Hashable, Codable {
    /// Option name.
    public var name: String
    /// Mean total cost over the horizon, with its 95% confidence interval.
    public var totalCost: Estimate
    /// Share of trials in which this option has the lowest total cost (ties shared equally), with its
    /// binomial standard error and Wilson score 95% interval (``Estimate/proportion(_:trials:)``).
    public var probabilityCheapest: Estimate
    /// Committed nodes (the sized count with `nodes: auto`).
    public var nodes: Int?
    /// With `nodes: auto`: the sizing target's metric at the chosen node count.
    public var sizingMetric: MetricEstimate?

    /// Creates an option result.
    public init(
      name: String, totalCost: Estimate, probabilityCheapest: Estimate, nodes: Int?,
      sizingMetric: MetricEstimate?
    ) {
      self.name = name
      self.totalCost = totalCost
      self.probabilityCheapest = probabilityCheapest
      self.nodes = nodes
      self.sizingMetric = sizingMetric
    }
  }

  /// One grid point.
  public struct Point: Sendable, Hashable, Codable {
    /// The value of each axis at this point, in axis order.
    public var settings: [ScenarioOverride]
    /// Every option, in scenario order.
    public var options: [OptionResult]
    /// The option with the lowest mean total cost.
    public var cheapest: String
    /// The decision `capsim recommend` draws at this point; `nil` when it cannot be drawn (the scenario
    /// lacks a pay-per-use or a committed option).
    public var recommendation: Recommendation?

    /// Creates a point.
    public init(
      settings: [ScenarioOverride], options: [OptionResult], cheapest: String,
      recommendation: Recommendation?
    ) {
      self.settings = settings
      self.options = options
      self.cheapest = cheapest
      self.recommendation = recommendation
    }
  }

  /// Scenario name.
  public var scenario: String
  /// Monte Carlo trials behind every point (the same trials and seed at every point).
  public var trials: Int
  /// Seed of the random streams.
  public var seed: UInt64
  /// Months simulated.
  public var horizonMonths: Int
  /// Currency of every cost.
  public var currency: String
  /// The varied inputs, in order (the first varies slowest).
  public var axes: [SweepAxis]
  /// The `--set` overrides applied to every point.
  public var overrides: [ScenarioOverride]
  /// The grid points: every combination of the axes' values, first axis slowest.
  public var points: [Point]
  /// The scenario's uncertain inputs drawn per trial at every point (the same draws at each): those not
  /// varied by an axis, which take the point's value instead.
  public var uncertainInputs: [UncertainInput]
  /// The rank correlations imposed between those inputs, each with the one achieved over the trials (the
  /// same draws at every point); a pair with a varied input is left out.
  public var inputCorrelations: [AchievedCorrelation]

  /// Creates a result.
  public init(
    scenario: String, trials: Int, seed: UInt64, horizonMonths: Int, currency: String,
    axes: [SweepAxis], overrides: [ScenarioOverride], points: [Point],
    uncertainInputs: [UncertainInput] = [], inputCorrelations: [AchievedCorrelation] = []
  ) {
    self.scenario = scenario
    self.trials = trials
    self.seed = seed
    self.horizonMonths = horizonMonths
    self.currency = currency
    self.axes = axes
    self.overrides = overrides
    self.points = points
    self.uncertainInputs = uncertainInputs
    self.inputCorrelations = inputCorrelations
  }

  /// The option names, in scenario order (those of the first point).
  public var optionNames: [String] { points.first?.options.map(\.name) ?? [] }
}
