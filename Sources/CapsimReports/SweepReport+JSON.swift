import Foundation

extension SweepReport {
  /// JSON with sorted snake_case keys and a schema version: `axes`, `overrides`, and `points`, each
  /// with its `settings`, `options` (cost with interval, `p_cheapest`, nodes, sizing metric), `cheapest`
  /// and `verdict` (`null` when no recommendation could be drawn). NaN is written as `null`.
  public static func json(_ result: SweepResult, capsimVersion: String) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    let data = try encoder.encode(Document(result, capsimVersion: capsimVersion))
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  struct Document: Encodable {
    var schemaVersion = SweepReport.schemaVersion
    var capsimVersion: String
    var scenario: String
    var trials: Int
    var seed: UInt64
    var horizonMonths: Int
    var currency: String
    var axes: [Axis]
    var overrides: [JSONReport.OverrideEntry]
    var points: [Point]

    init(_ result: SweepResult, capsimVersion: String) {
      self.capsimVersion = capsimVersion
      scenario = result.scenario
      trials = result.trials
      seed = result.seed
      horizonMonths = result.horizonMonths
      currency = result.currency
      axes = result.axes.map { Axis(path: $0.path, values: $0.values) }
      overrides = result.overrides.map(JSONReport.OverrideEntry.init)
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

    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(settings, forKey: .settings)
      try container.encode(options, forKey: .options)
      try container.encode(cheapest, forKey: .cheapest)
      try container.encode(verdict, forKey: .verdict)
    }

    enum CodingKeys: String, CodingKey { case settings, options, cheapest, verdict }
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
      sizingValue = option.sizingMetric.flatMap { finite($0.estimate.value) }
    }

    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(name, forKey: .name)
      try container.encode(totalCost, forKey: .totalCost)
      try container.encode(pCheapest, forKey: .pCheapest)
      try container.encode(nodes, forKey: .nodes)
      try container.encode(sizingMetric, forKey: .sizingMetric)
      try container.encode(sizingValue, forKey: .sizingValue)
    }

    enum CodingKeys: String, CodingKey {
      case name, totalCost, pCheapest, nodes, sizingMetric, sizingValue
    }
  }

  /// A value with its standard error and interval (each `null` when unknown).
  struct Value: Encodable {
    var value: Double?
    var standardError: Double?
    var ciLower: Double?
    var ciUpper: Double?

    init(_ estimate: Estimate) {
      value = finite(estimate.value)
      standardError = estimate.standardError.flatMap(finite)
      ciLower = estimate.lower.flatMap(finite)
      ciUpper = estimate.upper.flatMap(finite)
    }

    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(value, forKey: .value)
      try container.encode(standardError, forKey: .standardError)
      try container.encode(ciLower, forKey: .ciLower)
      try container.encode(ciUpper, forKey: .ciUpper)
    }

    enum CodingKeys: String, CodingKey { case value, standardError, ciLower, ciUpper }
  }

  struct Verdict: Encodable {
    var kind: String
    var option: String?
    var nodes: Int?
    var probabilityLeadingCheaper: Double?
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
      probabilityLeadingCheaper = finite(r.comparison.probabilityCheaper)
      sentence = RecommendationReport.verdictSentence(r)
    }

    func encode(to encoder: Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(kind, forKey: .kind)
      try container.encode(option, forKey: .option)
      try container.encode(nodes, forKey: .nodes)
      try container.encode(probabilityLeadingCheaper, forKey: .probabilityLeadingCheaper)
      try container.encode(sentence, forKey: .sentence)
    }

    enum CodingKeys: String, CodingKey {
      case kind, option, nodes, probabilityLeadingCheaper, sentence
    }
  }
}

/// `value` when finite, else `nil` (written as `null`).
private func finite(_ value: Double) -> Double? {
  value.isFinite ? value : nil
}
