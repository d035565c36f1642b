import CapsimReports
import Foundation
import Testing

@Suite("Recommendation report")
struct RecommendationReportTests {
  /// A hand-built outcome: shared totals 100…190, dedicated 120 in every trial (see RecommendationTests).
  static func recommendation(longNames: Bool = false) throws -> Recommendation {
    func option(_ name: String, _ model: PricingModel, _ totals: [Double], lines: [String: Double])
      -> OptionOutcome
    {
      var metrics = [
        MetricEstimate(
          key: "total_cost", label: "Total cost", unit: "USD",
          estimate: Estimate(value: totals.reduce(0, +) / 10, standardError: 1)),
        MetricEstimate(
          key: "job_hours_p50", label: "p50", unit: "h", estimate: Estimate(value: 20)),
        MetricEstimate(
          key: "job_hours_p95", label: "p95", unit: "h", estimate: Estimate(value: 25)),
        MetricEstimate(
          key: "utilisation", label: "U", unit: "share", estimate: Estimate(value: 0.7)),
      ]
      for (key, value) in lines {
        metrics.append(
          MetricEstimate(key: key, label: key, unit: "USD", estimate: Estimate(value: value)))
      }
      var outcome = OptionOutcome(
        name: name, platform: name, platformKind: model.isCommitment ? .dedicated : .shared,
        price: name,
        pricingModel: model, pricePerGPUHour: 1, nodes: model.isCommitment ? 8 : nil,
        metrics: metrics, notes: [])
      outcome.totalCostByTrial = totals
      return outcome
    }
    let prefix = longNames ? String(repeating: "very-long-option-name-", count: 3) : ""
    let outcome = SimulationOutcome(
      scenario: "report-test", trials: 10, seed: 5, horizonMonths: 12, confidenceLevel: 0.95,
      currency: "USD",
      options: [
        option(
          prefix + "cloud", .onDemand, (0..<10).map { 100 + 10 * Double($0) },
          lines: ["cost_compute_useful": 145]),
        option(
          prefix + "metal", .bareMetal, Array(repeating: 120, count: 10),
          lines: ["cost_commitment": 120]),
      ])
    return try Recommendation(
      outcome: outcome,
      workload: Workload(jobsPerMonth: 10, gpusPerJob: 8, stepsPerJob: 1, deadlineHours: 30))
  }

  @Test func jsonAndCSVCarryTheSameNumbers() throws {
    let r = try Self.recommendation()
    let json = try RecommendationReport.json(r, capsimVersion: "test")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(object["schema_version"] as? Int == 2)
    // Sorted keys: the top-level keys appear in alphabetical order in the text.
    let topLevel = json.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map {
      $0.split(separator: "\"")[1]
    }
    #expect(topLevel == topLevel.sorted(), "\(topLevel)")
    #expect(
      json.contains("\"crossover_median_month\" : null"), "missing values are written as null")
    let verdict = try #require(object["verdict"] as? [String: Any])
    // Crossover unknown → late → re-evaluate at ⌈12/4⌉ = 3.
    #expect(verdict["kind"] as? String == "reevaluate" && verdict["at_month"] as? Int == 3)

    let csv = RecommendationReport.csv(r)
    let rows = csv.split(separator: "\n").map(String.init)
    #expect(rows.first == "key,value,text,unit")
    var values: [String: String] = [:]
    for row in rows.dropFirst() {
      let fields = Self.fields(row)
      #expect(fields.count == 4, "\(row)")
      // Numbers and words never share a column: a row fills `value` (a number) or `text`, never both.
      #expect(fields[1].isEmpty || fields[2].isEmpty, "\(row)")
      #expect(fields[1].isEmpty || Double(fields[1]) != nil, "\(row)")
      #expect(fields[3] != "share", "shares are written with unit fraction: \(row)")
      values[fields[0]] = fields[1].isEmpty ? fields[2] : fields[1]
    }
    let confidence = try #require(object["confidence"] as? [String: Any])
    let savings = try #require(object["savings"] as? [String: Any])
    for (key, number) in [
      ("confidence.probability", confidence["probability"]),
      ("confidence.ci_lower", confidence["ci_lower"]),
      ("savings.mean", savings["mean"]), ("savings.p05", savings["p05"]),
      ("savings.p95", savings["p95"]),
      ("savings.standard_error", savings["standard_error"]),
    ] {
      let fromJSON = try #require(number as? Double, "\(key)")
      let fromCSV = try #require(values[key].flatMap(Double.init), "\(key)")
      // Foundation's JSON reader on Linux may misread the last digits; the exact text is checked below.
      #expect(
        abs(fromJSON - fromCSV) <= 1e-14 * abs(fromCSV), "\(key): JSON \(fromJSON), CSV \(fromCSV)")
      #expect(
        json.contains(" : \(fromCSV)") || fromCSV == fromCSV.rounded(),
        "\(key): \(fromCSV) not in the JSON text")
    }
    #expect(values["verdict.kind"] == "reevaluate" && values["verdict.at_month"] == "3")
    #expect(values["reasons.cost_compute_useful.rank"] == "1")
    #expect(values["signals.deadlines.present"] == "true")
  }

  @Test func terminalFitsIn100ColumnsAndMemoHasItsHeadings() throws {
    for long in [false, true] {
      let r = try Self.recommendation(longNames: long)
      for line in RecommendationReport.table(r).split(separator: "\n") {
        #expect(line.count <= 100, "\(line.count) columns: \(line)")
      }
    }
    let memo = RecommendationReport.markdown(try Self.recommendation())
    let headings = memo.split(separator: "\n").filter { $0.hasPrefix("## ") }
    #expect(
      headings == [
        "## Recommendation", "## Why", "## Risks and confidence", "## Signals", "## Method",
      ])
    #expect(memo.contains("Monte Carlo estimates from 10 simulated 12-month horizons (seed 5)"))
    #expect(memo.contains("docs/model.md"))
  }

  /// Splits one CSV row (RFC 4180 quoting).
  static func fields(_ row: String) -> [String] {
    var fields: [String] = []
    var current = ""
    var quoted = false
    var previous: Character?
    for character in row {
      if character == "\"" {
        if quoted && previous == "\"" { current.append("\"") }
        quoted.toggle()
      } else if character == "," && !quoted {
        fields.append(current)
        current = ""
      } else {
        current.append(character)
      }
      previous = character
    }
    fields.append(current)
    return fields
  }
}
