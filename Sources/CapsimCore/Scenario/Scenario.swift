import RealModule

/// A what-if question: a workload, a horizon and the infrastructure options to compare.
///
/// Scenarios are plain values. `CapsimScenarioLoader` builds them from YAML files (documented in
/// `docs/scenarios.md`) and reports every problem with its file, line and key path; the simulation engine
/// consumes them after the names in them have been resolved against the database
/// (see ``ResolvedScenario``).
///
/// Later sections (variance mechanisms, interruptions, queueing, hidden costs, growth) are added as
/// optional members with defaults, so files written for an earlier version stay valid.
public struct Scenario: Sendable, Hashable, Codable {
  /// The newest scenario-file format version this build understands.
  public static let currentVersion = 1

  /// File-format version (1).
  public var version: Int
  /// Short identifier shown in reports.
  public var name: String
  /// Free-text explanation: who this models and what a reader should learn.
  public var summary: String
  /// How many months to simulate.
  public var horizonMonths: Int
  /// Monte Carlo trials (independent simulated horizons).
  public var trials: Int
  /// Seed of the random streams; the same seed gives the same numbers.
  public var seed: UInt64
  /// What work is done.
  public var workload: Workload
  /// The infrastructure options to compare, in report order.
  public var options: [ScenarioOption]
  /// Parameters of the hidden costs.
  public var costs: HiddenCostSettings
  /// Reports note each used price older than this many days on the run date
  /// (`max_price_age_days`; `nil` means ``PriceAgeCheck/defaultMaximumAgeDays``).
  public var maxPriceAgeDays: Int? = nil
  /// The inputs `capsim sweep` varies when given no `--vary` (the file's `sweep:` section).
  public var sweep: [SweepAxis] = []
  /// When set, trials run in batches until this precision is reached (`trials` is then ignored).
  public var precision: PrecisionTarget? = nil

  /// Creates a scenario.
  public init(
    version: Int = Scenario.currentVersion, name: String, summary: String = "", horizonMonths: Int,
    trials: Int, seed: UInt64, workload: Workload, options: [ScenarioOption],
    costs: HiddenCostSettings = HiddenCostSettings()
  ) {
    self.version = version
    self.name = name
    self.summary = summary
    self.horizonMonths = horizonMonths
    self.trials = trials
    self.seed = seed
    self.workload = workload
    self.options = options
    self.costs = costs
  }
}

/// The jobs a team runs.
public struct Workload: Sendable, Hashable, Codable {
  /// How job arrivals per month are drawn.
  public enum Arrivals: String, Sendable, Hashable, Codable, CaseIterable {
    /// Poisson-distributed count with mean `jobsPerMonth` each month (independent arrivals).
    case poisson
    /// Exactly `jobsPerMonth` (rounded) jobs every month.
    case fixed
  }

  /// How the monthly job volume changes over the horizon.
  public enum Growth: Sendable, Hashable, Codable {
    /// The same mean every month.
    case constant
    /// Mean of month m (0-based) = jobs_per_month × (1 + rate · m).
    case linear(ratePerMonth: Double)
    /// Mean of month m (0-based) = jobs_per_month × (1 + rate)^m.
    case compound(ratePerMonth: Double)
    /// An explicit mean for each month; the last value repeats if the list is shorter than the horizon.
    case explicit([Double])
  }

  /// Mean number of jobs submitted per month (in the first month, when the volume grows).
  public var jobsPerMonth: Double

  /// The most jobs a month a scenario may ask for (about one every 3 s): the scenario loader's limit on
  /// `jobs_per_month` and `monthly_jobs`, and the highest volume a break-even search evaluates.
  public static let maximumJobsPerMonth = 1_000_000.0
  /// How that mean changes from month to month.
  public var growth: Growth = .constant

  /// The mean number of jobs submitted in month `month` (0-based).
  public func meanJobs(inMonth month: Int) -> Double {
    switch growth {
    case .constant: return jobsPerMonth
    case .linear(let rate): return Swift.max(0, jobsPerMonth * (1 + rate * Double(month)))
    case .compound(let rate): return jobsPerMonth * Double.pow(1 + rate, Double(month))
    case .explicit(let values):
      return values.isEmpty ? jobsPerMonth : values[Swift.min(month, values.count - 1)]
    }
  }

  /// The workload with its volume scaled down, if needed, so that no month of the first `months` has a mean
  /// above `limit` (explicit monthly means scaled alike); unchanged when it is within the limit.
  public func limitingPeak(to limit: Double, months: Int) -> Workload {
    func peak(_ workload: Workload) -> Double {
      (0..<Swift.max(1, months)).map(workload.meanJobs(inMonth:)).max() ?? 0
    }
    let highest = peak(self)
    guard highest > limit else { return self }
    var workload = self
    workload.jobsPerMonth = jobsPerMonth / highest * limit
    if case .explicit(let values) = growth {
      workload.growth = .explicit(values.map { $0 / highest * limit })
    }
    // Rounding can leave the peak an ulp or two above the limit.
    while peak(workload) > limit {
      workload.jobsPerMonth = workload.jobsPerMonth.nextDown
      if case .explicit(let values) = workload.growth {
        workload.growth = .explicit(values.map(\.nextDown))
      }
    }
    return workload
  }

  /// Whether the monthly count is Poisson or fixed.
  public var arrivals: Arrivals
  /// GPUs each job uses at once.
  public var gpusPerJob: Int
  /// Units of the sample set's metric in one job: the number of training steps when the sample set
  /// holds step times, 1 when it holds whole-job times.
  public var stepsPerJob: Double
  /// A job finishing later than this many hours after it is submitted (queue wait included) misses its
  /// deadline; `nil` for none.
  public var deadlineHours: Double?

  /// Creates a workload.
  public init(
    jobsPerMonth: Double, arrivals: Arrivals = .poisson, gpusPerJob: Int, stepsPerJob: Double,
    deadlineHours: Double? = nil
  ) {
    self.jobsPerMonth = jobsPerMonth
    self.arrivals = arrivals
    self.gpusPerJob = gpusPerJob
    self.stepsPerJob = stepsPerJob
    self.deadlineHours = deadlineHours
  }
}

/// One infrastructure option of a scenario, referring to database entries by name.
///
/// Every mechanism section is optional and off by default, so a minimal option is a duration source and
/// a price.
public struct ScenarioOption: Sendable, Hashable, Codable {
  /// Name shown in reports; unique within the scenario.
  public var name: String
  /// Where this option's speed comes from: per-step (or per-job) seconds.
  public var duration: DurationSource
  /// Name of the price row that bills this option.
  public var price: String
  /// The price of one GPU for one hour that replaces the quoted amount of `price`
  /// (`price_per_gpu_hour`), in the price's currency; `nil` bills the amount as quoted. The quote's unit,
  /// GPUs per unit, minimum term and set-up fee still apply (see ``PriceQuote/replacingPerGPUHour(_:)``).
  public var pricePerGPUHour: Double? = nil
  /// For committed (dedicated) prices: how many nodes are committed. `nil` for pay-per-use prices.
  public var nodes: NodeCount?
  /// Multiplies every drawn duration (for example 0.5 for hardware assumed twice as fast as measured).
  public var durationScale: Double
  /// Whether a step waits for the slowest of the job's GPUs (the duration source then gives one worker's
  /// step time). See ``StragglerModel``.
  public var stragglers: Bool
  /// Noisy-neighbour contention episodes, if any.
  public var contention: ContentionSettings?
  /// Contention episodes estimated from a sample set instead of given, if any.
  public var contentionEstimate: ContentionEstimateSettings?
  /// For a hybrid option (committed nodes): where jobs overflow when the nodes would make them wait.
  public var overflow: OverflowSettings?
  /// For a committed option: months until its nodes exist, and where jobs run meanwhile.
  public var provisioning: ProvisioningSettings?
  /// Preemptions, failures and checkpoint/restart, if any.
  public var interruptions: InterruptionSettings?
  /// For pay-per-use options: the wait for capacity before a job starts (seconds), if any.
  public var queueWait: DurationSource?
  /// Billing granularity, minimum charge, storage and egress.
  public var billing: BillingSettings
  /// One-time cost of moving to this option, if any.
  public var migration: MigrationSettings?

  /// Creates an option.
  public init(
    name: String, duration: DurationSource, price: String, nodes: NodeCount? = nil,
    durationScale: Double = 1,
    stragglers: Bool = false, contention: ContentionSettings? = nil,
    interruptions: InterruptionSettings? = nil,
    queueWait: DurationSource? = nil, billing: BillingSettings = BillingSettings(),
    migration: MigrationSettings? = nil,
    contentionEstimate: ContentionEstimateSettings? = nil, overflow: OverflowSettings? = nil,
    provisioning: ProvisioningSettings? = nil
  ) {
    self.overflow = overflow
    self.provisioning = provisioning
    self.name = name
    self.duration = duration
    self.price = price
    self.nodes = nodes
    self.durationScale = durationScale
    self.stragglers = stragglers
    self.contention = contention
    self.contentionEstimate = contentionEstimate
    self.interruptions = interruptions
    self.queueWait = queueWait
    self.billing = billing
    self.migration = migration
  }

  /// Creates an option whose durations are bootstrapped from a sample set, with `nodes` fixed if given.
  public init(
    name: String, samples: String, price: String, nodes: Int? = nil, durationScale: Double = 1
  ) {
    self.init(
      name: name, duration: .samples(samples, sampling: .bootstrap), price: price,
      nodes: nodes.map(NodeCount.fixed),
      durationScale: durationScale)
  }
}
