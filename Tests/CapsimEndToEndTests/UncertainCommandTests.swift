import Foundation
import Testing
import _CapsimTestSupport

@Suite("Uncertain inputs, end to end")
struct UncertainCommandTests {
  /// `run` on the example with uncertain inputs: the report lists them, and the JSON is byte-identical
  /// on one and on three threads (the per-trial values are drawn serially, keyed by the seed).
  @Test func runListsTheInputsAndIsIdenticalOnAnyThreadCount() throws {
    let database = try Fixtures.temporaryDirectory().appendingPathComponent("c.sqlite").path
    let arguments = [
      "run", "scenarios/uncertain-volume.yaml", "--db", database, "--trials", "60", "--no-save",
    ]
    let table = try CapsimExecutable.run(arguments)
    #expect(table.exitCode == 0, "\(table.standardError)")
    #expect(table.standardOutput.contains("Uncertain inputs (drawn per trial"))
    #expect(table.standardOutput.contains("workload.jobs_per_month ~"))
    let one = try CapsimExecutable.run(arguments + ["--format", "json", "--threads", "1"])
    let three = try CapsimExecutable.run(arguments + ["--format", "json", "--threads", "3"])
    #expect(one.exitCode == 0)
    #expect(one.standardOutput == three.standardOutput)
  }

  @Test func aDistributionOnAKeyThatTakesNoneIsOneError() throws {
    let directory = try Fixtures.temporaryDirectory()
    let text = try String(contentsOfFile: "scenarios/uncertain-volume.yaml", encoding: .utf8)
      .replacingOccurrences(of: "gpus_per_job: 8", with: "gpus_per_job: 4 to 8")
    let path = directory.appendingPathComponent("bad.yaml").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let result = try CapsimExecutable.run([
      "run", path, "--db", directory.appendingPathComponent("c.sqlite").path, "--no-save",
    ])
    #expect(result.exitCode == 64)
    #expect(result.standardError.contains("'workload.gpus_per_job' cannot take a distribution"))
    #expect(result.standardError.contains("help: give it a number"))
    #expect(result.standardError.components(separatedBy: "error:").count == 2)
  }

  /// `recommend` names the top tornado input and a flip value inside its 5th–95th percentile range
  /// (62.31 to 130 jobs a month) in the JSON and the memo.
  @Test func recommendNamesTheTopInputAndTheFlipValue() throws {
    let database = try Fixtures.temporaryDirectory().appendingPathComponent("c.sqlite").path
    let arguments = [
      "recommend", "scenarios/uncertain-volume.yaml", "--db", database, "--trials", "30",
      "--no-save",
    ]
    let json = try CapsimExecutable.run(arguments + ["--format", "json"])
    #expect(json.exitCode == 0, "\(json.standardError)")
    let object = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8))
    let sensitivity = try #require(
      (object as? [String: Any])?["verdict_sensitivity"] as? [String: Any])
    #expect(sensitivity["flip_path"] as? String == "workload.jobs_per_month")
    let flip = try #require(sensitivity["flip_value"] as? Double)
    #expect(flip > 62.31 && flip < 130)
    let memo = try CapsimExecutable.run(arguments + ["--format", "md"])
    #expect(memo.standardOutput.contains("## Uncertain inputs"))
    #expect(memo.standardOutput.contains("The verdict flips"))
  }

  /// A sweep of the uncertain volume fixes it at each point while the other inputs are still drawn
  /// per trial; the CSV is identical on one and on three threads.
  @Test func sweepFixesTheSweptInputAndIsDeterministic() throws {
    let database = try Fixtures.temporaryDirectory().appendingPathComponent("c.sqlite").path
    let arguments = [
      "sweep", "scenarios/uncertain-volume.yaml", "--db", database, "--trials", "30",
      "--vary", "workload.jobs_per_month=80,110", "--format", "csv",
    ]
    let one = try CapsimExecutable.run(arguments + ["--threads", "1"])
    #expect(one.exitCode == 0, "\(one.standardError)")
    let three = try CapsimExecutable.run(arguments + ["--threads", "3"])
    #expect(one.standardOutput == three.standardOutput)
    #expect(one.standardOutput.split(separator: "\n").count == 3)
  }

  /// Every sweep report lists the inputs drawn per trial: the scenario's three other than the swept
  /// volume (which takes each point's value), in the file's order; and every format but the CSV the rank
  /// correlation imposed between two of them, unless an axis varies one of the pair.
  @Test func sweepListsTheUncertainInputsInEveryFormat() throws {
    let directory = try Fixtures.temporaryDirectory()
    let arguments = [
      "sweep", "scenarios/uncertain-volume.yaml", "--db",
      directory.appendingPathComponent("c.sqlite").path, "--trials", "20",
      "--vary", "workload.jobs_per_month=80,100",
    ]
    let drawn = [
      "options.bare-metal.migration.engineer_weeks", "options.bare-metal.migration.other_costs",
      "costs.engineer_hourly_rate",
    ]
    let json = try CapsimExecutable.run(arguments + ["--format", "json"])
    #expect(json.exitCode == 0, "\(json.standardError)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
    let inputs = try #require(object["uncertain_inputs"] as? [[String: Any]])
    #expect(inputs.compactMap { $0["path"] as? String } == drawn)
    let pairs = try #require(object["input_correlations"] as? [[String: Any]])
    #expect(pairs.count == 1)
    #expect((pairs.first?["between"] as? [String]) == Array(drawn.prefix(2)))
    #expect((pairs.first?["requested"] as? Double) == 0.5)

    let csv = try CapsimExecutable.run(arguments + ["--format", "csv"])
    let rows = csv.standardOutput.split(separator: "\n").map { CSVFields.split(String($0)) }
    let column = try #require(rows.first?.firstIndex(of: "uncertain_inputs"))
    #expect(rows.count == 3)
    for row in rows.dropFirst() {
      #expect(
        row[column] == "options.bare-metal.migration.engineer_weeks ~ pert(2, 4, 12); "
          + "options.bare-metal.migration.other_costs ~ uniform(5000, 20000); "
          + "costs.engineer_hourly_rate ~ 120 to 180 (90%, lognormal)")
    }

    for format in ["table", "md", "html"] {
      let text = try CapsimExecutable.run(arguments + ["--format", format]).standardOutput
      #expect(text.contains("Uncertain inputs (drawn per trial"), "\(format)")
      #expect(text.contains("Rank correlations imposed (Iman–Conover"), "\(format)")
      #expect(!text.contains("workload.jobs_per_month ~"), "\(format)")
      for path in drawn { #expect(text.contains(path), "\(format): \(path)") }
    }

    let book = directory.appendingPathComponent("sweep.xlsx")
    let written = try CapsimExecutable.run(arguments + ["--format", "xlsx", "-o", book.path])
    #expect(written.exitCode == 0, "\(written.standardError)")
    let strings = try ExternalTools.zipPart(book, "xl/sharedStrings.xml")
    #expect(strings.contains("<t>Uncertain inputs</t>"))
    #expect(strings.contains("<t>Rank correlations</t>"))
    #expect(strings.contains("pert(2, 4, 12)"))
    // The value beside the label lists the inputs; it does not repeat the label.
    #expect(!strings.contains("<t>Uncertain inputs (drawn"))
    #expect(!strings.contains("<t>Rank correlations imposed"))

    // Sweeping one input of the correlated pair: that input takes each point's value, so no pair is left.
    let swept = try CapsimExecutable.run([
      "sweep", "scenarios/uncertain-volume.yaml", "--db",
      directory.appendingPathComponent("c.sqlite").path, "--trials", "20", "--vary",
      "options.bare-metal.migration.engineer_weeks=2,6", "--format", "json",
    ])
    #expect(swept.exitCode == 0, "\(swept.standardError)")
    let sweptObject = try #require(
      try JSONSerialization.jsonObject(with: Data(swept.standardOutput.utf8)) as? [String: Any])
    #expect((sweptObject["input_correlations"] as? [Any])?.isEmpty == true)
  }

  /// `break-even` runs every uncertain input at its median and names them: the JSON lists each with its
  /// median (closed forms: 90 for the lognormal's given median, (5,000 + 20,000)/2 for the uniform,
  /// √(120 × 180) for the 90% interval's lognormal), and the table says so in a sentence.
  @Test func breakEvenNamesTheInputsItFixesAtTheirMedians() throws {
    let database = try Fixtures.temporaryDirectory().appendingPathComponent("c.sqlite").path
    let arguments = [
      "break-even", "scenarios/uncertain-volume.yaml", "--db", database, "--trials", "20",
    ]
    let json = try CapsimExecutable.run(arguments + ["--format", "json"])
    #expect(json.exitCode == 0, "\(json.standardError)")
    let object = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8))
    let inputs = try #require(
      (object as? [String: Any])?["uncertain_inputs_at_median"] as? [[String: Any]])
    let medians = Dictionary(
      uniqueKeysWithValues: inputs.map { ($0["path"] as? String ?? "", $0["median"] as? Double) })
    #expect(medians.count == 4)
    #expect(medians["workload.jobs_per_month"] == 90)
    #expect(medians["options.bare-metal.migration.other_costs"] == 12_500)
    let rate = try #require(medians["costs.engineer_hourly_rate"] ?? nil)
    #expect(abs(rate - (120.0 * 180).squareRoot()) < 1e-9)
    let table = try CapsimExecutable.run(arguments)
    #expect(
      table.standardOutput.contains("Uncertain inputs at their medians (break-even draws none"))
    #expect(table.standardOutput.contains("options.bare-metal.migration.other_costs = 12,500"))
  }
}
