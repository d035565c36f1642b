import Foundation

extension SweepReport {
  /// JSON through ``ReportJSONEncoder`` (sorted snake_case keys, explicit nulls, `schema_version`):
  /// `axes`, `overrides`, `uncertain_inputs` (drawn per trial at every point), and `points`, each with its `settings`, `options` (cost with interval,
  /// `p_cheapest`, nodes, sizing metric), `cheapest` and `verdict` (`null` when no recommendation could
  /// be drawn). NaN is written as `null`. Layout in `docs/report-fields.md`.
  public static func json(_ result: SweepResult, capsimVersion: String) throws -> String {
    try ReportJSONEncoder.render(Document(result), capsimVersion: capsimVersion)
  }

  struct Document: Encodable {
    var scenario: String
    var trials: Int
    var seed: UInt64
    var horizonMonths: Int
    var currency: String
    var axes: [Axis]
    var overrides: [JSONReport.OverrideEntry]
    /// The inputs written as distributions and drawn per trial at every point (`[]` without any).
    var uncertainInputs: [UncertainInput]
    /// Each rank correlation imposed between those inputs with the one achieved (`[]` without any).
    var inputCorrelations: [AchievedCorrelation]
    var points: [Point]

    init(_ result: SweepResult) {
      scenario = result.scenario
      trials = result.trials
      seed = result.seed
      horizonMonths = result.horizonMonths
      currency = result.currency
      axes = result.axes.map { Axis(path: $0.path, values: $0.values) }
      overrides = result.overrides.map(JSONReport.OverrideEntry.init)
      uncertainInputs = result.uncertainInputs
      inputCorrelations = result.inputCorrelations
      points = result.points.map(Point.init)
    }
  }

  struct Axis: Encodable {
    var path: String
    var values: [String]
  }

  struct Point: Encodable {
    var settings: [JSONReport.OverrideEntry]
    var options: [Option]
    var cheapest: String
    var verdict: Verdict?

    init(_ point: SweepResult.Point) {
      settings = point.settings.map(JSONReport.OverrideEntry.init)
      options = point.options.map(Option.init)
      cheapest = point.cheapest
      verdict = point.recommendation.map(Verdict.init)
    }
  }

  struct Option: Encodable {
    var name: String
    var totalCost: Value
    var pCheapest: Value
    var nodes: Int?
    var sizingMetric: String?
    var sizingValue: Double?

    init(_ option: SweepResult.OptionResult) {
      name = option.name
      totalCost = Value(option.totalCost)
      pCheapest = Value(option.probabilityCheapest)
      nodes = option.nodes
      sizingMetric = option.sizingMetric?.key
      sizingValue = option.sizingMetric?.estimate.value
    }
  }

  /// A value with its standard error and interval (each `null` when unknown).
  struct Value: Encodable {
    var value: Double
    var standardError: Double?
    var ciLower: Double?
    var ciUpper: Double?

    init(_ estimate: Estimate) {
      value = estimate.value
      standardError = estimate.standardError
      ciLower = estimate.lower
      ciUpper = estimate.upper
    }
  }

  struct Verdict: Encodable {
    var kind: String
    var option: String?
    var nodes: Int?
    var probabilityLeadingCheaper: Double
    var sentence: String

    init(_ r: Recommendation) {
      kind = RecommendationReport.verdictKey(r.verdict)
      switch r.verdict {
      case .stayOnShared(let name): option = name
      case .migrateToDedicated(let name, let count), .goHybrid(let name, let count):
        option = name
        nodes = count
      case .reevaluate: break
      }
      probabilityLeadingCheaper = r.comparison.probabilityCheaper
      sentence = RecommendationReport.verdictSentence(r)
    }
  }
}
