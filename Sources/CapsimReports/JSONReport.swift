import Foundation

/// Results as JSON, with a schema version so that consumers can detect format changes.
///
/// Keys are `snake_case` and sorted, numbers are full precision, and values that do not exist
/// (a standard error for an exact value, NaN) are `null`. The layout is documented in `docs/report-fields.md`.
public enum JSONReport {
  /// Version of the JSON layout; incremented on any incompatible change.
  public static let schemaVersion = 1

  /// Renders `outcome` as pretty-printed JSON with sorted keys, ending in a newline.
  public static func render(_ outcome: SimulationOutcome, capsimVersion: String) throws -> String {
    let document = Document(outcome, capsimVersion: capsimVersion)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(document)
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  struct Document: Encodable {
    var schemaVersion = JSONReport.schemaVersion
    var capsimVersion: String
    var scenario: String
    var trials: Int
    var seed: UInt64
    var horizonMonths: Int
    var confidenceLevel: Double
    var currency: String
    var options: [Option]
    var crossovers: [CrossoverEntry]
    var overrides: [OverrideEntry]

    init(_ outcome: SimulationOutcome, capsimVersion: String) {
      self.capsimVersion = capsimVersion
      scenario = outcome.scenario
      trials = outcome.trials
      seed = outcome.seed
      horizonMonths = outcome.horizonMonths
      confidenceLevel = outcome.confidenceLevel
      currency = outcome.currency
      options = outcome.options.map(Option.init)
      crossovers = outcome.crossovers.map(CrossoverEntry.init)
      overrides = outcome.overrides.map(OverrideEntry.init)
    }

    enum CodingKeys: String, CodingKey {
      case schemaVersion = "schema_version"
      case capsimVersion = "capsim_version"
      case scenario
      case trials
      case seed
      case horizonMonths = "horizon_months"
      case confidenceLevel = "confidence_level"
      case currency
      case options
      case crossovers
      case overrides
    }
  }

  /// One `--set` override: `{"path": …, "value": …}`.
  struct OverrideEntry: Encodable {
    var path: String
    var value: String

    init(_ override: ScenarioOverride) {
      path = override.path
      value = override.value
    }
  }

  struct Option: Encodable {
    var name: String
    var platform: String
    var platformKind: String
    var price: String
    var pricingModel: String
    var pricePerGPUHour: Double
    var nodes: Int?
    var metrics: [String: Metric]
    var notes: [String]
    var stragglerGrowth: [Growth]
    var sizing: Sizing?
    var monthly: [Month]

    init(_ option: OptionOutcome) {
      name = option.name
      platform = option.platform
      platformKind = option.platformKind.rawValue
      price = option.price
      pricingModel = option.pricingModel.rawValue
      pricePerGPUHour = option.pricePerGPUHour
      nodes = option.nodes
      metrics = Dictionary(uniqueKeysWithValues: option.metrics.map { ($0.key, Metric($0)) })
      notes = option.notes
      stragglerGrowth = option.stragglerGrowth.map(Growth.init)
      sizing = option.sizing.map(Sizing.init)
      monthly = option.monthly.map(Month.init)
    }

    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(name, forKey: .name)
      try container.encode(platform, forKey: .platform)
      try container.encode(platformKind, forKey: .platformKind)
      try container.encode(price, forKey: .price)
      try container.encode(pricingModel, forKey: .pricingModel)
      try container.encode(pricePerGPUHour, forKey: .pricePerGPUHour)
      try container.encode(nodes, forKey: .nodes)
      try container.encode(metrics, forKey: .metrics)
      try container.encode(notes, forKey: .notes)
      try container.encode(stragglerGrowth, forKey: .stragglerGrowth)
      try container.encode(sizing, forKey: .sizing)
      try container.encode(monthly, forKey: .monthly)
    }

    enum CodingKeys: String, CodingKey {
      case name
      case platform
      case platformKind = "platform_kind"
      case price
      case pricingModel = "pricing_model"
      case pricePerGPUHour = "price_per_gpu_hour"
      case nodes
      case metrics
      case notes
      case stragglerGrowth = "straggler_growth"
      case sizing
      case monthly
    }
  }

  struct Metric: Encodable {
    var label: String
    var unit: String
    var value: Double?
    var standardError: Double?
    var ciLower: Double?
    var ciUpper: Double?

    init(_ metric: MetricEstimate) {
      label = metric.label
      unit = metric.unit
      value = finite(metric.estimate.value)
      standardError = metric.estimate.standardError.flatMap(finite)
      ciLower = metric.estimate.lower.flatMap(finite)
      ciUpper = metric.estimate.upper.flatMap(finite)
    }

    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(label, forKey: .label)
      try container.encode(unit, forKey: .unit)
      try container.encode(value, forKey: .value)
      try container.encode(standardError, forKey: .standardError)
      try container.encode(ciLower, forKey: .ciLower)
      try container.encode(ciUpper, forKey: .ciUpper)
    }

    enum CodingKeys: String, CodingKey {
      case label
      case unit
      case value
      case standardError = "standard_error"
      case ciLower = "ci_lower"
      case ciUpper =
        "ci_upper"
    }
  }
}

extension JSONReport {
  /// One month of an option's cost series.
  struct Month: Encodable {
    var month: Int
    var mean: Double?
    var p10: Double?
    var p50: Double?
    var p90: Double?
    var cumulativeMean: Double?
    var cumulativeP10: Double?
    var cumulativeP50: Double?
    var cumulativeP90: Double?

    init(_ month: MonthlyCost) {
      self.month = month.month
      mean = finite(month.mean)
      p10 = finite(month.p10)
      p50 = finite(month.p50)
      p90 = finite(month.p90)
      cumulativeMean = finite(month.cumulativeMean)
      cumulativeP10 = finite(month.cumulativeP10)
      cumulativeP50 = finite(month.cumulativeP50)
      cumulativeP90 = finite(month.cumulativeP90)
    }

    enum CodingKeys: String, CodingKey {
      case month
      case mean
      case p10
      case p50
      case p90
      case cumulativeMean = "cumulative_mean"
      case cumulativeP10 = "cumulative_p10"
      case cumulativeP50 = "cumulative_p50"
      case cumulativeP90 = "cumulative_p90"
    }
  }

  /// When a committed option's cumulative cost falls to a pay-per-use option's.
  struct CrossoverEntry: Encodable {
    var dedicated: String
    var shared: String
    var medianMonth: Int?
    var neverShare: Double
    var monthShares: [Double]

    init(_ crossover: Crossover) {
      dedicated = crossover.dedicated
      shared = crossover.shared
      medianMonth = crossover.medianMonth
      neverShare = crossover.neverShare
      monthShares = crossover.monthShares
    }

    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(dedicated, forKey: .dedicated)
      try container.encode(shared, forKey: .shared)
      try container.encode(medianMonth, forKey: .medianMonth)
      try container.encode(neverShare, forKey: .neverShare)
      try container.encode(monthShares, forKey: .monthShares)
    }

    enum CodingKeys: String, CodingKey {
      case dedicated
      case shared
      case medianMonth = "median_month"
      case neverShare = "never_share"
      case monthShares = "month_shares"
    }
  }

  /// One row of a straggler growth table.
  struct Growth: Encodable {
    var gpus: Int
    var meanStepSeconds: Double?
    var meanAmplification: Double?
    var stepStandardDeviationSeconds: Double?
    var stepCoefficientOfVariation: Double?

    init(_ row: StragglerGrowthRow) {
      gpus = row.gpus
      meanStepSeconds = finite(row.mean)
      meanAmplification = finite(row.meanAmplification)
      stepStandardDeviationSeconds = finite(row.standardDeviation)
      stepCoefficientOfVariation = finite(row.coefficientOfVariation)
    }

    enum CodingKeys: String, CodingKey {
      case gpus
      case meanStepSeconds = "mean_step_seconds"
      case meanAmplification = "mean_amplification"
      case stepStandardDeviationSeconds = "step_standard_deviation_seconds"
      case stepCoefficientOfVariation = "step_cov"
    }
  }

  /// The capacity-sizing result of an option with `nodes: auto`.
  struct Sizing: Encodable {
    var metric: String?
    var limit: Double?
    var maximumNodes: Int?
    var chosenNodes: Int?
    var curve: [Point]

    init(_ sizing: SizingOutcome) {
      metric = sizing.target?.metric.rawValue
      limit = sizing.target?.limit
      maximumNodes = sizing.target?.maximumNodes
      chosenNodes = sizing.chosenNodes
      curve = sizing.curve.map(Point.init)
    }

    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(metric, forKey: .metric)
      try container.encode(limit, forKey: .limit)
      try container.encode(maximumNodes, forKey: .maximumNodes)
      try container.encode(chosenNodes, forKey: .chosenNodes)
      try container.encode(curve, forKey: .curve)
    }

    enum CodingKeys: String, CodingKey {
      case metric
      case limit
      case maximumNodes = "max_nodes"
      case chosenNodes = "chosen_nodes"
      case curve
    }
  }

  /// One evaluated node count.
  struct Point: Encodable {
    var nodes: Int
    var value: Double?
    var ciLower: Double?
    var ciUpper: Double?
    var meetsTarget: Bool

    init(_ point: CapacityPoint) {
      nodes = point.nodes
      value = finite(point.estimate.value)
      ciLower = point.estimate.lower.flatMap(finite)
      ciUpper = point.estimate.upper.flatMap(finite)
      meetsTarget = point.meetsTarget
    }

    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(nodes, forKey: .nodes)
      try container.encode(value, forKey: .value)
      try container.encode(ciLower, forKey: .ciLower)
      try container.encode(ciUpper, forKey: .ciUpper)
      try container.encode(meetsTarget, forKey: .meetsTarget)
    }

    enum CodingKeys: String, CodingKey {
      case nodes
      case value
      case ciLower = "ci_lower"
      case ciUpper = "ci_upper"
      case meetsTarget = "meets_target"
    }
  }
}

private func finite(_ value: Double) -> Double? {
  value.isFinite ? value : nil
}
