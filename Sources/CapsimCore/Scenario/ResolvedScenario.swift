/// An option whose names have been looked up: its platform, price and measured samples.
public struct ResolvedOption: Sendable, Hashable {
  /// The option as written in the scenario.
  public var option: ScenarioOption
  /// The platform the samples were measured on.
  public var platform: Platform
  /// The price that bills it.
  public var price: PriceQuote
  /// The measured durations that give its speed.
  public var samples: SampleSet

  /// Creates a resolved option.
  public init(option: ScenarioOption, platform: Platform, price: PriceQuote, samples: SampleSet) {
    self.option = option
    self.platform = platform
    self.price = price
    self.samples = samples
  }

  /// Whether the option is billed for committed capacity (dedicated) rather than usage.
  public var isCommitted: Bool { price.pricingModel.isCommitment }

  /// GPUs the option holds for the team: nodes × GPUs per node for committed prices, `nil` otherwise.
  public var committedGPUs: Double? {
    guard isCommitted, let nodes = option.nodes else { return nil }
    return Double(nodes) * price.gpusPerUnit
  }
}

/// A scenario ready to simulate: every option resolved and the whole checked for consistency.
public struct ResolvedScenario: Sendable, Hashable {
  /// Metrics of sample sets that describe how long work takes (others, such as queue waits, do not).
  public static let durationMetrics: Set<String> = ["step_time", "job_time"]

  /// The scenario.
  public var scenario: Scenario
  /// Its options, in scenario order.
  public var options: [ResolvedOption]
  /// The currency every option is priced in.
  public var currency: String

  /// Checks the resolved options against each other and the workload.
  ///
  /// - Throws: ``ScenarioError`` with every inconsistency, located through `sourceMap`: committed prices
  ///   without `nodes`, `nodes` on pay-per-use prices, jobs larger than the committed capacity, mixed
  ///   currencies, empty sample sets, and sample sets that do not measure durations.
  public init(
    scenario: Scenario, options: [ResolvedOption], sourceMap: ScenarioSourceMap
  ) throws(ScenarioError) {
    var problems: [ScenarioProblem] = []
    for (index, resolved) in options.enumerated() {
      let path = "options[\(index)]"
      let option = resolved.option
      if resolved.isCommitted && option.nodes == nil {
        problems.append(
          .missingKey(
            sourceMap.location(of: path), key: "nodes",
            help:
              "price '\(option.price)' is a \(resolved.price.pricingModel.rawValue) commitment; "
              + "say how many nodes are committed, e.g. 'nodes: 2'"))
      }
      if !resolved.isCommitted && option.nodes != nil {
        problems.append(
          .invalidValue(
            sourceMap.location(of: "\(path).nodes"),
            message:
              "'nodes' applies only to committed prices, but '\(option.price)' is billed per use "
              + "(\(resolved.price.pricingModel.rawValue))",
            help: "remove 'nodes', or choose a reserved or bare_metal price"))
      }
      if let gpus = resolved.committedGPUs, Double(scenario.workload.gpusPerJob) > gpus {
        problems.append(
          .invalidValue(
            sourceMap.location(of: "\(path).nodes"),
            message:
              "a job needs \(scenario.workload.gpusPerJob) GPUs but option '\(option.name)' commits only "
              + "\(formatted(gpus)) GPUs",
            help:
              "raise 'nodes' to at least \(minimumNodes(for: scenario.workload.gpusPerJob, resolved))"
          ))
      }
      if resolved.samples.seconds.isEmpty {
        problems.append(
          .invalidValue(
            sourceMap.location(of: "\(path).samples"),
            message: "sample set '\(option.samples)' has no values",
            help: "import measurements with 'capsim import samples FILE'"))
      }
      if !Self.durationMetrics.contains(resolved.samples.metric) {
        problems.append(
          .invalidValue(
            sourceMap.location(of: "\(path).samples"),
            message:
              "sample set '\(option.samples)' measures '\(resolved.samples.metric)', not a duration of work",
            help: "choose a sample set whose metric is step_time or job_time"))
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
    self.options = options
    self.currency = options.first?.price.currency ?? "USD"
  }
}

private func minimumNodes(for gpus: Int, _ option: ResolvedOption) -> Int {
  Int((Double(gpus) / option.price.gpusPerUnit).rounded(.up))
}

private func formatted(_ value: Double) -> String {
  value == value.rounded() ? String(Int(value)) : String(value)
}
