import Foundation
import Testing
import _CapsimTestSupport

@Suite("capsim run, end to end")
struct RunCommandTests {
  let directory: URL
  var database: String { directory.appendingPathComponent("capsim.sqlite").path }

  init() throws {
    directory = try Fixtures.temporaryDirectory()
  }

  @Test func sameSeedGivesByteIdenticalJSONOnAnyThreadCount() throws {
    let base = [
      "run", "scenarios/production-training.yaml", "--db", database, "--trials", "300", "--format",
      "json",
    ]
    let first = try CapsimExecutable.run(base + ["--threads", "1"])
    let second = try CapsimExecutable.run(base + ["--threads", "4", "--no-save"])
    let third = try CapsimExecutable.run(base + ["--threads", "2", "--no-save"])
    #expect(first.exitCode == 0, "\(first.standardError)")
    #expect(first.standardOutput == second.standardOutput)
    #expect(first.standardOutput == third.standardOutput)
    #expect(first.standardOutput.contains("\"schema_version\" : 2"))
    let other = try CapsimExecutable.run(base + ["--seed", "43", "--no-save"])
    #expect(other.standardOutput != first.standardOutput)
  }

  /// A precision target lets the run go past the scenario's own trials: uncertain inputs are drawn for
  /// every trial it makes (this crashed when the draws covered the scenario's 1,000 trials only), and the
  /// achieved rank correlation is the one over the trials run.
  @Test func precisionRunsWithUncertainInputsPastTheScenarioTrials() throws {
    let run = try CapsimExecutable.run([
      "run", "scenarios/uncertain-spot-price.yaml", "--db", database, "--no-save", "--precision",
      "0.1%", "--max-trials", "2048", "--threads", "2", "--format", "json",
    ])
    #expect(run.exitCode == 0, "\(run.standardError)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
    #expect(json["trials"] as? Int == 2_048)
    let correlations = try #require(json["input_correlations"] as? [[String: Any]])
    #expect(correlations.count == 1)
    let inputs = try #require(json["uncertain_inputs"] as? [[String: Any]])
    #expect(
      inputs.compactMap { $0["path"] as? String } == [
        "workload.growth.rate_per_month", "options.spot.price_per_gpu_hour",
      ])
    // The page states what the terminal report states: the precision reached and the uncertain inputs.
    let page = try CapsimExecutable.run([
      "run", "scenarios/uncertain-spot-price.yaml", "--db", database, "--no-save", "--precision",
      "0.1%", "--max-trials", "2048", "--threads", "2", "--format", "html",
    ])
    #expect(page.standardOutput.contains("stopped at the limit of 2,048 trials"))
    #expect(page.standardOutput.contains("Uncertain inputs (drawn per trial"))
    #expect(page.standardOutput.contains("Rank correlations imposed"))
    // The terminal report says it under a label, wrapped within the width like the lines around it (it
    // printed one unwrapped 150-column line starting "precision:").
    let text = try CapsimExecutable.run([
      "run", "scenarios/uncertain-spot-price.yaml", "--db", database, "--no-save", "--precision",
      "0.1%", "--max-trials", "2048", "--threads", "2", "--width", "80",
    ])
    #expect(text.standardOutput.contains("\nPrecision: 95% half-width"))
    #expect(text.standardOutput.contains("stopped at the limit of 2,048"))
    let widest = text.standardOutput.split(separator: "\n").map(\.count).max() ?? 0
    #expect(widest <= 80, "a line of \(widest) columns")
  }

  /// A workload of no jobs is valid: the commitment is still paid. Its per-job ratios (cost per job, mean
  /// job time) are 0/0, so the stored run leaves them out instead of failing to store it.
  @Test func aRunWithNoJobsIsStored() throws {
    let directory = try Fixtures.temporaryDirectory()
    let file = directory.appendingPathComponent("zero.yaml").path
    try """
    version: 1
    name: zero-jobs
    horizon_months: 3
    trials: 20
    seed: 7
    workload:
      monthly_jobs: [0]
      gpus_per_job: 8
      steps_per_job: 72000
    options:
      - name: cloud
        samples: h100-8gpu-step-time-shared
        price: lambda-h100-sxm5-8x-on-demand
      - name: metal
        samples: h100-8gpu-step-time-baremetal
        price: baremetal-h100-8x-commit-12m
        nodes: 2

    """.write(toFile: file, atomically: true, encoding: .utf8)
    let db = directory.appendingPathComponent("capsim.sqlite").path
    let run = try CapsimExecutable.run(["run", file, "--db", db, "--format", "json"])
    #expect(run.exitCode == 0, "\(run.standardError)")
    #expect(run.standardError.contains("stored as run 1"), "\(run.standardError)")
    let show = try CapsimExecutable.run(["runs", "show", "1", "--db", db])
    #expect(show.exitCode == 0, "\(show.standardError)")
    #expect(show.standardOutput.contains("\"total_cost\""), "\(show.standardOutput)")
  }

  @Test func runIsStoredAndListed() throws {
    let run = try CapsimExecutable.run([
      "run", "scenarios/early-experimentation.yaml", "--db", database, "--trials", "50",
    ])
    #expect(run.exitCode == 0)
    #expect(run.standardError.contains("stored as run 1"))
    let list = try CapsimExecutable.run(["runs", "list", "--db", database])
    #expect(list.standardOutput.contains("early-experimentation"))
    let show = try CapsimExecutable.run(["runs", "show", "1", "--db", database, "--scenario"])
    let original = try String(
      contentsOf: CapsimExecutable.packageRoot.appendingPathComponent(
        "scenarios/early-experimentation.yaml"), encoding: .utf8)
    #expect(show.standardOutput == original)
  }

  @Test func terminalReportFitsIn100Columns() throws {
    for scenario in ["production-training", "early-experimentation", "borderline-growing-team"] {
      let run = try CapsimExecutable.run([
        "run", "scenarios/\(scenario).yaml", "--db", database, "--trials", "100", "--no-save",
      ])
      #expect(run.exitCode == 0, "\(scenario): \(run.standardError)")
      let lines = run.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
      for line in lines {
        #expect(line.count <= 100, "\(scenario): line of \(line.count) columns: \(line)")
      }
      // Tables fit without wrapping: the cumulative-cost table keeps its aligned header.
      if let index = lines.firstIndex(where: { $0.hasPrefix("Cumulative cost") }) {
        #expect(lines[index + 1].hasPrefix("month  "), "\(scenario): \(lines[index + 1])")
      }
    }
  }

  @Test func csvHasOneRowPerOptionAndMetric() throws {
    let run = try CapsimExecutable.run(
      [
        "run", "scenarios/borderline-growing-team.yaml", "--db", database, "--trials", "100",
        "--format", "csv", "--no-save",
      ])
    let lines = run.standardOutput.split(separator: "\n")
    #expect(
      lines.first
        == "scenario,option,platform,pricing_model,metric,label,unit,value,standard_error,ci_lower,ci_upper,confidence_level,trials,seed,seed_text,overrides,uncertain_inputs"
    )
    #expect(
      lines.allSatisfy { fieldCount(of: String($0)) == 17 },
      "\(lines.filter { fieldCount(of: String($0)) != 17 })")
    #expect(
      lines.contains {
        $0.hasPrefix(
          "borderline-growing-team,bare-metal,baremetal-h100,bare_metal,total_cost,")
      })
  }

  struct BadRun: CustomTestStringConvertible, Sendable {
    let name: String
    let scenario: String
    let expected: [String]
    var testDescription: String { name }
  }

  static let badRuns: [BadRun] = [
    BadRun(
      name: "unknown sample set and price",
      scenario: """
        name: typo
        horizon_months: 3
        workload: {jobs_per_month: 4, gpus_per_job: 8, steps_per_job: 1000}
        options:
          - name: a
            samples: h100-8gpu-step-time-sharde
            price: lambda-h100-sxm5-8x-ondemand
        """,
      expected: [
        "bad.yaml:6:14: error: field 'options[0].samples': no sample set named 'h100-8gpu-step-time-sharde' in the database",
        "help: did you mean 'h100-8gpu-step-time-shared' or 'h100-1gpu-step-time-shared'?",
        "bad.yaml:7:12: error: field 'options[0].price': no price named 'lambda-h100-sxm5-8x-ondemand' in the database",
        "help: did you mean 'lambda-h100-sxm5-8x-on-demand' or 'lambda-h100-sxm5-1x-on-demand'?",
        "2 problems found",
      ]),
    BadRun(
      name: "commitment without nodes",
      scenario: """
        name: no-nodes
        horizon_months: 3
        workload: {jobs_per_month: 4, gpus_per_job: 8, steps_per_job: 1000}
        options:
          - name: metal
            samples: h100-8gpu-step-time-baremetal
            price: baremetal-h100-8x-commit-12m
        """,
      expected: [
        "bad.yaml:5:5: error: field 'options[0]': missing required key 'nodes'", "e.g. 'nodes: 2'",
      ]),
  ]

  @Test(arguments: badRuns)
  func badScenariosExitWith64AndLocatedErrors(_ bad: BadRun) throws {
    let file = directory.appendingPathComponent("bad.yaml")
    try bad.scenario.write(to: file, atomically: true, encoding: .utf8)
    let run = try CapsimExecutable.run(["run", file.path, "--db", database])
    #expect(run.exitCode == 64)
    #expect(run.standardOutput.isEmpty)
    let stderr = run.standardError.replacingOccurrences(of: directory.path + "/", with: "")
    for fragment in bad.expected {
      #expect(stderr.contains(fragment), "\(bad.name): missing «\(fragment)» in:\n\(stderr)")
    }
  }

  @Test func missingDatabaseDirectoryIsOneClearError() throws {
    let run = try CapsimExecutable.run([
      "run", "scenarios/production-training.yaml", "--db", "/nonexistent/dir/x.sqlite",
    ])
    #expect(run.exitCode == 64)
    #expect(run.standardError.contains("/nonexistent/dir"))
    #expect(run.standardError.split(separator: "\n").filter { $0.contains("error:") }.count == 1)
  }
}

/// Number of fields in one CSV record, honouring double-quoted fields.
func fieldCount(of line: String) -> Int {
  var count = 1
  var quoted = false
  for character in line {
    if character == "\"" { quoted.toggle() }
    if character == "," && !quoted { count += 1 }
  }
  return count
}

@Suite("capsim run stores a run only after its report is written")
struct RunSaveOrderTests {
  /// A report that cannot be written leaves nothing stored (issue #12).
  @Test func failedWriteStoresNothing() throws {
    let database = try Fixtures.temporaryDirectory().appendingPathComponent("capsim.sqlite").path
    let run = try CapsimExecutable.run([
      "run", "scenarios/early-experimentation.yaml", "--db", database, "--trials", "50",
      "--format", "json", "-o", "/no/such/dir/x.json",
    ])
    #expect(run.exitCode != 0)
    #expect(run.standardError.contains("cannot write the output"), "\(run.standardError)")
    #expect(!run.standardError.contains("stored as run"), "\(run.standardError)")
    let list = try CapsimExecutable.run(["runs", "list", "--db", database])
    #expect(list.standardOutput.contains("no runs stored yet"), "\(list.standardOutput)")
  }

  /// A save that fails keeps the finished simulation: the report is printed whole, then the save error.
  /// The database refuses the insert through a trigger added with the sqlite3 shell.
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3")))
  func failedSaveStillPrintsTheReport() throws {
    let database = try Fixtures.temporaryDirectory().appendingPathComponent("capsim.sqlite").path
    let setup = try CapsimExecutable.run(["runs", "list", "--db", database])
    #expect(setup.exitCode == 0, "\(setup.standardError)")
    let trigger = Process()
    trigger.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    trigger.arguments = [
      database,
      "CREATE TRIGGER refuse BEFORE INSERT ON simulation_run "
        + "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;",
    ]
    try trigger.run()
    trigger.waitUntilExit()
    #expect(trigger.terminationStatus == 0)
    let run = try CapsimExecutable.run([
      "run", "scenarios/early-experimentation.yaml", "--db", database, "--trials", "50",
    ])
    #expect(run.exitCode != 0, "the failed save is reported")
    #expect(run.standardOutput.contains("Cheapest:"), "\(run.standardOutput)")
    #expect(run.standardOutput.contains("Cumulative cost"), "the whole report is printed")
    #expect(run.standardError.contains("refused by the test"), "\(run.standardError)")
  }
}
