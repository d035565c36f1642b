/// A source of random durations in a scenario: a stored sample set, or a named distribution.
///
/// Values are in **seconds**, like sample sets.
public enum DurationSource: Sendable, Hashable, Codable {
  /// Values drawn from the sample set with this name, the way `sampling` says.
  case samples(String, sampling: Sampling)
  /// Values drawn from a parametric distribution given in the scenario (a what-if input, no data needed).
  case distribution(ParametricDistribution)

  /// How a sample set is turned into draws.
  public enum Sampling: String, Sendable, Hashable, Codable, CaseIterable {
    /// Plain bootstrap: a uniformly chosen measured value.
    case bootstrap
    /// Smoothed bootstrap: a measured value plus Gaussian kernel noise (Silverman bandwidth, reflected at 0).
    case smoothed
    /// The fit saved for the sample set with `capsim fit NAME --save`.
    case fitted
    /// The best maximum-likelihood fit by AIC among the parametric families, computed at run time.
    case bestFit = "best_fit"
  }

  /// The sample set's name, if the source is one.
  public var sampleSetName: String? {
    if case .samples(let name, _) = self { return name }
    return nil
  }
}

/// How many committed nodes a dedicated option has: a number, or the smallest number meeting a target.
public enum NodeCount: Sendable, Hashable, Codable {
  /// This many nodes.
  case fixed(Int)
  /// Chosen by capacity sizing against ``SizingTarget``.
  case auto(SizingTarget)
}

/// What `nodes: auto` must achieve.
public struct SizingTarget: Sendable, Hashable, Codable {
  /// The metric the target is stated on.
  public enum Metric: String, Sendable, Hashable, Codable, CaseIterable {
    /// 95th percentile of the wait for capacity, in hours (must be at most the limit).
    case p95WaitHours = "p95_wait_hours"
    /// Mean wait for capacity, in hours (must be at most the limit).
    case meanWaitHours = "mean_wait_hours"
    /// Share of jobs meeting their deadline (must be at least the limit).
    case deadlineHitRate = "deadline_hit_rate"
    /// Hybrid options: minimise the expected total cost (no limit).
    case expectedCost = "expected_cost"
    /// Hybrid options: minimise the 95% conditional value at risk of the total cost, the mean of the
    /// costliest 5% of trials (no limit).
    case cvar95Cost = "cvar95_cost"

    /// Whether the metric is minimised rather than held to a limit.
    public var isObjective: Bool { self == .expectedCost || self == .cvar95Cost }
  }

  /// The metric.
  public var metric: Metric
  /// The limit: an upper bound for waits, a lower bound for the deadline hit rate.
  public var limit: Double
  /// The largest node count to consider.
  public var maximumNodes: Int

  /// Creates a target.
  public init(metric: Metric, limit: Double, maximumNodes: Int = 64) {
    self.metric = metric
    self.limit = limit
    self.maximumNodes = maximumNodes
  }
}

/// Noisy-neighbour contention episodes on a shared option (see ``ContentionModel``).
public struct ContentionSettings: Sendable, Hashable, Codable {
  /// Episode arrivals per hour of wall time.
  public var episodesPerHour: Double
  /// Mean episode length in hours (exponentially distributed).
  public var meanDurationHours: Double
  /// Slowdown factor while an episode lasts: fixed, or uniform between two values.
  public var slowdown: ContentionModel.Slowdown

  /// Creates contention settings.
  public init(
    episodesPerHour: Double, meanDurationHours: Double, slowdown: ContentionModel.Slowdown
  ) {
    self.episodesPerHour = episodesPerHour
    self.meanDurationHours = meanDurationHours
    self.slowdown = slowdown
  }
}

/// Where a hybrid option sends jobs its committed nodes cannot start soon enough (section `overflow:`).
public struct OverflowSettings: Sendable, Hashable, Codable {
  /// Name of a pay-per-use option of the same scenario that runs (and bills) the overflow.
  public var option: String
  /// A job whose wait for the committed nodes would exceed this many hours goes to the overflow option.
  public var maximumWaitHours: Double

  /// Creates overflow settings.
  public init(option: String, maximumWaitHours: Double) {
    self.option = option
    self.maximumWaitHours = maximumWaitHours
  }
}

/// Provisioning lead time of committed capacity (section `provisioning:` of a committed option).
public struct ProvisioningSettings: Sendable, Hashable, Codable {
  /// Months before the committed nodes exist; the commitment is billed from then on.
  public var leadTimeMonths: Int
  /// Name of a pay-per-use option of the scenario that runs the jobs until then.
  public var interimOption: String

  /// Creates provisioning settings.
  public init(leadTimeMonths: Int, interimOption: String) {
    self.leadTimeMonths = leadTimeMonths
    self.interimOption = interimOption
  }
}

/// Contention episodes estimated from a sample set by a two-component lognormal mixture fit (section
/// `contention: {estimate_from: NAME}`): the slow component's weight and its mean relative to the fast one
/// become the share of work under contention and the slowdown (see ``ContentionModel/estimate``).
public struct ContentionEstimateSettings: Sendable, Hashable, Codable {
  /// The sample set whose two modes ("normal" and "contended" runs) are fitted.
  public var sampleSet: String
  /// Mean episode length in hours; the mixture cannot tell it, so it defaults to the job's expected time.
  public var meanDurationHours: Double?

  /// Creates the settings.
  public init(sampleSet: String, meanDurationHours: Double? = nil) {
    self.sampleSet = sampleSet
    self.meanDurationHours = meanDurationHours
  }
}

/// Preemptions, failures and checkpoint/restart (see ``InterruptionModel``).
public struct InterruptionSettings: Sendable, Hashable, Codable {
  /// Preemptions per GPU-hour of a job (spot reclaims).
  public var preemptionsPerGPUHour: Double
  /// Failures per GPU-hour of a job (hardware, software).
  public var failuresPerGPUHour: Double
  /// Checkpoint interval: fixed hours of work, or Young's or Daly's rule.
  public var checkpointInterval: InterruptionModel.CheckpointInterval
  /// Hours one checkpoint takes.
  public var checkpointHours: Double
  /// Hours a restart takes after an interruption.
  public var restartHours: Double
  /// Probability that an attempt fails in a way that needs a full rerun.
  public var rerunProbability: Double
  /// Reruns allowed before a job counts as failed.
  public var maximumReruns: Int

  /// Creates interruption settings.
  public init(
    preemptionsPerGPUHour: Double, failuresPerGPUHour: Double,
    checkpointInterval: InterruptionModel.CheckpointInterval, checkpointHours: Double,
    restartHours: Double,
    rerunProbability: Double = 0, maximumReruns: Int = 0
  ) {
    self.preemptionsPerGPUHour = preemptionsPerGPUHour
    self.failuresPerGPUHour = failuresPerGPUHour
    self.checkpointInterval = checkpointInterval
    self.checkpointHours = checkpointHours
    self.restartHours = restartHours
    self.rerunProbability = rerunProbability
    self.maximumReruns = maximumReruns
  }
}
