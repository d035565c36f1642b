import Foundation

/// Results as JSON, with a schema version so that consumers can detect format changes.
///
/// Keys are `snake_case` and sorted, numbers are full precision, and values that do not exist
/// (a standard error for an exact value, NaN) are `null`. The layout is documented in `docs/report-fields.md`.
public enum JSONReport {
  /// Renders `outcome` as pretty-printed JSON with sorted keys, ending in a newline.
  public static func render(_ outcome: SimulationOutcome, capsimVersion: String) throws -> String {
    try ReportJSONEncoder.render(Document(outcome), capsimVersion: capsimVersion)
  }

  struct Document: Encodable {
    var scenario: String
    var trials: Int
    var seed: UInt64
    var horizonMonths: Int
    var confidenceLevel: Double
    var currency: String
    var options: [Option]
    var crossovers: [CrossoverEntry]
    var overrides: [OverrideEntry]
    var precision: PrecisionOutcome?
    var headline: Headline?
    /// The inputs written as distributions and drawn per trial (`[]` without any).
    var uncertainInputs: [UncertainInput]
    /// Each requested rank correlation between uncertain inputs with the one achieved over the trials.
    var inputCorrelations: [AchievedCorrelation]

    init(_ outcome: SimulationOutcome) {
      let headline = RunHeadline(outcome)
      scenario = outcome.scenario
      trials = outcome.trials
      seed = outcome.seed
      horizonMonths = outcome.horizonMonths
      confidenceLevel = outcome.confidenceLevel
      currency = outcome.currency
      options = outcome.options.enumerated().map { index, option in
        Option(
          option,
          probabilityCheapest: headline?.optionProbabilities[index] ?? Estimate(value: .nan))
      }
      self.headline = headline.map(Headline.init)
      crossovers = outcome.crossovers.map(CrossoverEntry.init)
      overrides = outcome.overrides.map(OverrideEntry.init)
      precision = outcome.precision
      uncertainInputs = outcome.uncertainInputs
      inputCorrelations = outcome.inputCorrelations
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
    var jobTimeQuantiles: [JobTimeQuantile]
    var probabilityCheapest: Interval

    init(_ option: OptionOutcome, probabilityCheapest: Estimate) {
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
      jobTimeQuantiles = option.jobTimeQuantiles
      self.probabilityCheapest = Interval(probabilityCheapest)
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
  }

  /// One row of a straggler growth table.
  struct Growth: Encodable {
    var gpus: Int
    var meanStepSeconds: Double?
    var meanAmplification: Double?
    var stepStandardDeviationSeconds: Double?
    var stepCov: Double?

    init(_ row: StragglerGrowthRow) {
      gpus = row.gpus
      meanStepSeconds = finite(row.mean)
      meanAmplification = finite(row.meanAmplification)
      stepStandardDeviationSeconds = finite(row.standardDeviation)
      stepCov = finite(row.coefficientOfVariation)
    }
  }

  /// The capacity-sizing result of an option with `nodes: auto`.
  struct Sizing: Encodable {
    var metric: String?
    var limit: Double?
    var maxNodes: Int?
    var chosenNodes: Int?
    var curve: [Point]

    init(_ sizing: SizingOutcome) {
      metric = sizing.target?.metric.rawValue
      limit = sizing.target?.limit
      maxNodes = sizing.target?.maximumNodes
      chosenNodes = sizing.chosenNodes
      curve = sizing.curve.map(Point.init)
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
  }
}

private func finite(_ value: Double) -> Double? {
  value.isFinite ? value : nil
}
