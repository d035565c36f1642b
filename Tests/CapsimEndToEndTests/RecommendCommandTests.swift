import Foundation
import Testing
import _CapsimTestSupport

@Suite("capsim recommend, end to end")
struct RecommendCommandTests {
  let directory: URL
  var database: String { directory.appendingPathComponent("capsim.sqlite").path }

  init() throws {
    directory = try Fixtures.temporaryDirectory()
  }

  func recommend(_ scenario: String, format: String = "json", trials: Int = 300) throws
    -> CapsimExecutable.Result
  {
    let result = try CapsimExecutable.run([
      "recommend", "scenarios/\(scenario).yaml", "--db", database, "--trials", String(trials),
      "--format", format,
    ])
    #expect(result.exitCode == 0, "\(scenario): \(result.standardError)")
    return result
  }

  func json(_ scenario: String) throws -> [String: Any] {
    let output = try recommend(scenario).standardOutput
    return try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
  }

  @Test func hybridOverflowGoesHybrid() throws {
    let object = try json("hybrid-overflow")
    let verdict = try #require(object["verdict"] as? [String: Any])
    #expect(verdict["kind"] as? String == "go_hybrid")
    #expect(verdict["option"] as? String == "hybrid")
    #expect(verdict["nodes"] as? Int == 2)
    let table = try recommend("hybrid-overflow", format: "table").standardOutput
    #expect(table.contains("hybrid is cumulatively cheaper than neocloud-on-demand"))
  }

  @Test func earlyExperimentationStaysOnSharedWithHighConfidence() throws {
    let object = try json("early-experimentation")
    let verdict = try #require(object["verdict"] as? [String: Any])
    #expect(verdict["kind"] as? String == "stay_on_shared")
    #expect(verdict["option"] as? String == "shared-a100")
    let confidence = try #require(object["confidence"] as? [String: Any])
    #expect(confidence["level"] as? String == "high")
    #expect(
      object["schema_version"] as? Int == 2 && object["trials"] as? Int == 300
        && object["seed"] as? Int == 11)
  }

  @Test func productionTrainingMigratesToEightDedicatedNodes() throws {
    let object = try json("production-training")
    let verdict = try #require(object["verdict"] as? [String: Any])
    #expect(verdict["kind"] as? String == "migrate_to_dedicated")
    #expect(verdict["option"] as? String == "bare-metal")
    #expect(verdict["nodes"] as? Int == 8)
    let signals = try #require(object["signals"] as? [[String: Any]])
    let present = signals.filter { $0["present"] as? Bool == true }.compactMap {
      $0["key"] as? String
    }
    #expect(Set(present) == ["multi_gpu_jobs", "long_runs", "deadlines", "sustained_utilisation"])
  }

  @Test func borderlineGrowingTeamIsLowConfidence() throws {
    let object = try json("borderline-growing-team")
    let confidence = try #require(object["confidence"] as? [String: Any])
    #expect(confidence["level"] as? String == "low", "\(confidence)")
    let verdict = try #require(object["verdict"] as? [String: Any])
    #expect(verdict["kind"] as? String == "reevaluate")
  }

  @Test func csvParsesAsKeyValueRows() throws {
    // Numbers in `value`, words (and the seed, kept whole as text) in `text`.
    let output = try recommend("borderline-growing-team", format: "csv").standardOutput
    let rows = output.split(separator: "\n")
    #expect(rows.first == "key,value,text,unit")
    #expect(rows.contains("confidence.level,,low,"))
    #expect(rows.contains { $0.hasPrefix("trials,300,,") } && rows.contains("seed,,'7,"))
    let probability = rows.first { $0.hasPrefix("confidence.probability,") }
    #expect(
      probability.flatMap { Double($0.split(separator: ",")[1]) }.map { (0...1).contains($0) }
        == true)
  }

  @Test func terminalAndMemo() throws {
    for scenario in ["production-training", "early-experimentation", "borderline-growing-team"] {
      let table = try recommend(scenario, format: "table", trials: 100).standardOutput
      for line in table.split(separator: "\n") {
        #expect(line.count <= 100, "\(scenario): \(line.count) columns: \(line)")
      }
      #expect(table.contains("100 trials"))
    }
    let memo = try recommend("production-training", format: "md", trials: 100).standardOutput
    for heading in [
      "## Recommendation", "## Why", "## Risks and confidence", "## Signals", "## Method",
    ] {
      #expect(memo.contains("\n\(heading)\n"), "missing \(heading)")
    }
    #expect(memo.contains("Monte Carlo estimates from 100 simulated"))
  }

  /// With a precision target the recommendation states how it ended in every format, as `run` does (it said
  /// nothing: a target not reached went unmentioned).
  @Test func aPrecisionTargetIsStated() throws {
    let arguments = [
      "recommend", "scenarios/early-experimentation.yaml", "--db", database, "--precision", "0.01%",
      "--max-trials", "2048", "--width", "80",
    ]
    let table = try CapsimExecutable.run(arguments)
    #expect(table.exitCode == 0, "\(table.standardError)")
    #expect(table.standardOutput.contains("\nPrecision: 95% half-width"), "\(table.standardOutput)")
    #expect(table.standardOutput.contains("NOT reached: stopped at the limit of 2,048 trials"))
    let json = try CapsimExecutable.run(arguments + ["--format", "json"])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
    let precision = try #require(object["precision"] as? [String: Any])
    #expect(precision["met"] as? Bool == false)
    #expect(precision["maximum_trials"] as? Int == 2_048)
    #expect(object["trials"] as? Int == 2_048)
    let csv = try CapsimExecutable.run(arguments + ["--format", "csv"])
    #expect(csv.standardOutput.contains("\nprecision.met,,false,\n"), "\(csv.standardOutput)")
    for format in ["md", "html"] {
      let text = try CapsimExecutable.run(arguments + ["--format", format]).standardOutput
      #expect(text.contains("Precision: 95% half-width"), "\(format)")
    }
    // The workbook's Summary sheet has it as a row, as run's Scenario sheet does.
    let book = directory.appendingPathComponent("recommend.xlsx")
    let written = try CapsimExecutable.run(arguments + ["--format", "xlsx", "-o", book.path])
    #expect(written.exitCode == 0, "\(written.standardError)")
    let strings = try ExternalTools.zipPart(book, "xl/sharedStrings.xml")
    #expect(strings.contains("<t>Precision</t>"))
    #expect(strings.contains("NOT reached: stopped at the limit of 2,048 trials"))
  }

  @Test func badScenarioExitsWith64() throws {
    let file = directory.appendingPathComponent("bad.yaml")
    try """
    name: typo
    horizon_months: 3
    workload: {jobs_per_month: 4, gpus_per_job: 8, steps_per_job: 1000}
    options:
      - name: a
        samples: h100-8gpu-step-time-sharde
        price: lambda-h100-sxm5-8x-on-demand
    """.write(to: file, atomically: true, encoding: .utf8)
    let run = try CapsimExecutable.run(["recommend", file.path, "--db", database])
    #expect(run.exitCode == 64)
    #expect(run.standardOutput.isEmpty)
    #expect(
      run.standardError.contains("bad.yaml:6:14: error: field 'options[0].samples'"),
      "\(run.standardError)")
  }

  @Test func scenarioWithoutCommittedOptionExitsWith64() throws {
    let file = directory.appendingPathComponent("shared-only.yaml")
    try """
    name: shared-only
    horizon_months: 3
    trials: 20
    workload: {jobs_per_month: 4, gpus_per_job: 8, steps_per_job: 1000}
    options:
      - name: a
        samples: h100-8gpu-step-time-shared
        price: lambda-h100-sxm5-8x-on-demand
    """.write(to: file, atomically: true, encoding: .utf8)
    let run = try CapsimExecutable.run(["recommend", file.path, "--db", database])
    #expect(run.exitCode == 64)
    #expect(
      run.standardError.contains(
        "shared-only.yaml: error: field 'options': a recommendation compares"))
    #expect(run.standardError.contains("help: add a committed (reserved or bare_metal) option"))
  }
}
