/// An option whose names have been looked up: its platform, price, and duration sources.
public struct ResolvedOption: Sendable {
  /// The option as written in the scenario.
  public var option: ScenarioOption
  /// The platform the duration samples were measured on (a stand-in for a scenario-given distribution).
  public var platform: Platform
  /// The price row the option names, as quoted in the database.
  public var quotedPrice: PriceQuote
  /// The price that bills it: the quote, with its amount replaced when the option sets
  /// `price_per_gpu_hour` (``ScenarioOption/pricePerGPUHour``). Setting it replaces the quote and drops
  /// that replacement, so the option is then billed exactly the price set.
  public var price: PriceQuote {
    get { option.pricePerGPUHour.map { quotedPrice.replacingPerGPUHour($0) } ?? quotedPrice }
    set {
      quotedPrice = newValue
      option.pricePerGPUHour = nil
    }
  }
  /// Per-step (or per-job) seconds.
  public var duration: ResolvedDuration
  /// What the duration sample set measures (`step_time`, `job_time`, …); `nil` for a distribution.
  public var durationMetric: String?
  /// Wait for capacity before a job starts (seconds), for pay-per-use options that configure one.
  public var queueWait: ResolvedDuration?
  /// What the queue-wait sample set measures; `nil` for a distribution.
  public var queueWaitMetric: String?
  /// The values of the sample set named by `contention: {estimate_from: …}`, if any.
  public var contentionSamples: [Double]?
  /// Built by ``ResolvedScenario`` from the option's sections.
  public internal(set) var mechanisms: OptionMechanisms = .none

  /// Creates a resolved option; mechanisms are built when the scenario is resolved.
  public init(
    option: ScenarioOption, platform: Platform, price: PriceQuote, duration: ResolvedDuration,
    durationMetric: String?, queueWait: ResolvedDuration? = nil, queueWaitMetric: String? = nil
  ) {
    self.option = option
    self.platform = platform
    self.quotedPrice = price
    self.duration = duration
    self.durationMetric = durationMetric
    self.queueWait = queueWait
    self.queueWaitMetric = queueWaitMetric
  }

  // The pricing model and GPUs per unit below are read from the quote: `price_per_gpu_hour` replaces only
  // the amount (and the source), and building `price` formats that source each time it is read.

  /// Whether the option is billed for committed capacity (dedicated) rather than usage.
  public var isCommitted: Bool { quotedPrice.pricingModel.isCommitment }

  /// Whole nodes one job holds on a committed option: ⌈GPUs per job / GPUs per node⌉.
  public func nodesPerJob(gpusPerJob: Int) -> Int {
    Swift.max(1, Int((Double(gpusPerJob) / quotedPrice.gpusPerUnit).rounded(.up)))
  }

  /// Jobs that fit side by side on one node: ⌊GPUs per node / GPUs per job⌋ for jobs smaller than a node
  /// (they share it, each holding its own GPUs), 1 for jobs of a node or more.
  public func jobsPerNode(gpusPerJob: Int) -> Int {
    Swift.max(1, Int((quotedPrice.gpusPerUnit / Double(gpusPerJob)).rounded(.down)))
  }
}

/// A scenario ready to simulate: every option resolved and the whole checked for consistency.
public struct ResolvedScenario: Sendable {
  /// Metrics of sample sets that describe how long work takes.
  public static let durationMetrics: Set<String> = ["step_time", "job_time"]

  /// The scenario.
  public var scenario: Scenario
  /// Its options, in scenario order.
  public var options: [ResolvedOption]
  /// The currency every option is priced in.
  public var currency: String

  /// Checks the resolved options against each other and the workload, and builds their mechanisms.
  ///
  /// - Throws: ``ScenarioError`` with every inconsistency, located through `sourceMap`.
  public init(scenario: Scenario, options: [ResolvedOption], sourceMap: ScenarioSourceMap)
    throws(ScenarioError)
  {
    var problems: [ScenarioProblem] = []
    var built: [ResolvedOption] = []
    for (index, resolved) in options.enumerated() {
      var checker = OptionChecker(
        resolved: resolved, workload: scenario.workload, path: "options[\(index)]",
        sourceMap: sourceMap)
      var option = resolved
      option.mechanisms = checker.check()
      problems += checker.problems
      built.append(option)
    }
    for (index, resolved) in options.enumerated() {
      guard let overflow = resolved.option.overflow else { continue }
      let target = options.first { $0.option.name == overflow.option }
      if target == nil || target?.isCommitted == true || overflow.option == resolved.option.name {
        let candidates = options.filter { !$0.isCommitted }.map(\.option.name)
        problems.append(
          .unknownName(
            sourceMap.location(of: "options[\(index)].overflow.to"), kind: "pay-per-use option",
            name: overflow.option, known: candidates))
      }
    }
    for (index, resolved) in options.enumerated() {
      guard let provisioning = resolved.option.provisioning else { continue }
      if !resolved.isCommitted {
        problems.append(
          .invalidValue(
            sourceMap.location(of: "options[\(index)].provisioning"),
            message:
              "'provisioning' applies to committed capacity, but '\(resolved.option.price)' is billed per use",
            help: "remove 'provisioning', or choose a reserved or bare_metal price"))
      }
      if provisioning.leadTimeMonths >= scenario.horizonMonths {
        problems.append(
          .invalidValue(
            sourceMap.location(of: "options[\(index)].provisioning.lead_time_months"),
            message:
              "a lead time of \(provisioning.leadTimeMonths) months leaves no committed months in the "
              + "\(scenario.horizonMonths)-month horizon",
            help: "lengthen horizon_months or shorten the lead time"))
      }
      let target = options.first { $0.option.name == provisioning.interimOption }
      if target == nil || target?.isCommitted == true {
        problems.append(
          .unknownName(
            sourceMap.location(of: "options[\(index)].provisioning.interim"),
            kind: "pay-per-use option",
            name: provisioning.interimOption,
            known: options.filter { !$0.isCommitted }.map(\.option.name)))
      }
    }
    let currencies = Set(options.map(\.price.currency))
    if currencies.count > 1 {
      problems.append(
        .invalidValue(
          sourceMap.location(of: "options"),
          message:
            "options are priced in different currencies (\(currencies.sorted().joined(separator: ", ")))",
          help: "choose prices in one currency; capsim does not convert currencies"))
    }
    if !problems.isEmpty { throw ScenarioError(problems) }
    self.scenario = scenario
    self.options = built
    self.currency = options.first?.price.currency ?? "USD"
  }
}
