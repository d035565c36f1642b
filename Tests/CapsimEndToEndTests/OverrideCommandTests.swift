import Foundation
import Testing
import _CapsimTestSupport

@Suite("capsim --set, end to end")
struct OverrideCommandTests {
  let directory: URL
  var database: String { directory.appendingPathComponent("capsim.sqlite").path }

  init() throws {
    directory = try Fixtures.temporaryDirectory()
  }

  /// The JSON report with its `overrides` list removed (the only part that may differ).
  static func withoutOverrides(_ json: String) throws -> NSDictionary {
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
    let dictionary = try #require(object as? NSDictionary).mutableCopy() as! NSMutableDictionary
    dictionary.removeObject(forKey: "overrides")
    return dictionary
  }

  /// A run with --set equals, metric for metric, the run of the file edited the same way (reference).
  @Test func overriddenRunEqualsTheEditedFile() throws {
    let original = try String(
      contentsOf: CapsimExecutable.packageRoot.appendingPathComponent(
        "scenarios/borderline-growing-team.yaml"), encoding: .utf8)
    let edited =
      original
      .replacingOccurrences(of: "jobs_per_month: 80", with: "jobs_per_month: 104")
      .replacingOccurrences(of: "deadline_hours: 48", with: "deadline_hours: 40")
      .replacingOccurrences(
        of: "max_nodes: 16}", with: "max_nodes: 16}\n    migration: {engineer_weeks: 3}")
    let file = directory.appendingPathComponent("edited.yaml")
    try edited.write(to: file, atomically: true, encoding: .utf8)
    let common = ["--db", database, "--trials", "150", "--format", "json", "--no-save"]
    let overridden = try CapsimExecutable.run(
      ["run", "scenarios/borderline-growing-team.yaml"] + common + [
        "--set", "workload.jobs_per_month=104", "--set", "workload.deadline_hours=40", "--set",
        "options.bare-metal.migration.engineer_weeks=3",
      ])
    let reference = try CapsimExecutable.run(["run", file.path] + common)
    #expect(overridden.exitCode == 0, "\(overridden.standardError)")
    #expect(reference.exitCode == 0, "\(reference.standardError)")
    #expect(
      try Self.withoutOverrides(overridden.standardOutput)
        == Self.withoutOverrides(reference.standardOutput))
    #expect(overridden.standardOutput.contains("\"path\" : \"workload.jobs_per_month\""))
    let base = try CapsimExecutable.run(["run", "scenarios/borderline-growing-team.yaml"] + common)
    #expect(
      try Self.withoutOverrides(base.standardOutput)
        != Self.withoutOverrides(reference.standardOutput))
  }

  @Test func overridesAreStoredAndShownInEveryFormat() throws {
    let arguments = [
      "run", "scenarios/early-experimentation.yaml", "--db", database, "--trials", "40", "--set",
      "workload.jobs_per_month=12",
    ]
    let table = try CapsimExecutable.run(arguments)
    #expect(table.exitCode == 0, "\(table.standardError)")
    #expect(table.standardOutput.contains("Overrides: workload.jobs_per_month=12"))
    for (format, fragment) in [
      ("md", "Overrides (--set): `workload.jobs_per_month=12`"),
      ("csv", ",workload.jobs_per_month=12,\n"), ("json", "\"value\" : \"12\""),
      ("html", "<p class=\"meta\">Overrides (--set): workload.jobs_per_month=12</p>"),
    ] {
      let run = try CapsimExecutable.run(arguments + ["--format", format, "--no-save"])
      #expect(run.standardOutput.contains(fragment), "\(format): \(run.standardOutput.prefix(400))")
    }
    let recommend = try CapsimExecutable.run(
      ["recommend", "scenarios/borderline-growing-team.yaml", "--db", database, "--trials", "40"]
        + ["--set", "workload.jobs_per_month=95"])
    #expect(recommend.exitCode == 0, "\(recommend.standardError)")
    #expect(recommend.standardOutput.contains("Overrides: workload.jobs_per_month=95"))
    #expect(recommend.standardError.contains("stored as run 2"))
    let shown = try CapsimExecutable.run(["runs", "show", "2", "--scenario", "--db", database])
    #expect(shown.standardOutput.hasSuffix("\n# --set workload.jobs_per_month=95\n"))
    #expect(shown.standardOutput.hasPrefix("# Borderline case"))
    let list = try CapsimExecutable.run(["runs", "list", "--db", database])
    #expect(list.standardOutput.contains("recommend"), "\(list.standardOutput)")
  }

  struct BadOverride: CustomTestStringConvertible, Sendable {
    let name: String
    let arguments: [String]
    let expected: String
    var testDescription: String { name }
  }

  static let badOverrides: [BadOverride] = [
    BadOverride(
      name: "misspelt option",
      arguments: ["--set", "seed=3", "--set", "options.bare-metl.nodes=4"],
      expected:
        "--set 2: error: options.bare-metl: no option named 'bare-metl'\nhelp: did you mean 'bare-metal'?\n"
    ),
    BadOverride(
      name: "unknown price", arguments: ["--set", "options.bare-metal.price=baremetal-h100"],
      expected:
        "--set 1: error: field 'options.bare-metal.price': no price named 'baremetal-h100' in the database\nhelp: did you mean 'baremetal-h100-8x-commit-12m'?\n"
    ),
    BadOverride(
      name: "negative volume", arguments: ["--set", "workload.jobs_per_month=-1"],
      expected:
        "--set 1: error: field 'workload.jobs_per_month': 'jobs_per_month' is -1; it must be between 0.1 and 1000000\n"
        + "help: mean jobs submitted per month: at least one job in ten months, at most a million (about one every 3 s)\n"
    ),
    BadOverride(
      name: "a price that conflicts with the file's nodes",
      arguments: ["--set", "options.bare-metal.price=aws-p5-h100-on-demand"],
      expected:
        "--set 1: error: options.bare-metal.price=aws-p5-h100-on-demand conflicts with scenarios/borderline-growing-team.yaml:42:12: "
        + "field 'options[1].nodes': 'nodes' applies only to committed prices, but 'aws-p5-h100-on-demand' is billed per use (on_demand)\n"
        + "help: remove 'nodes', or choose a reserved or bare_metal price\n"
    ),
    BadOverride(
      name: "a sizing metric that conflicts with the file's target",
      arguments: ["--set", "seed=3", "--set", "options.bare-metal.sizing.metric=p95_wait_hours"],
      expected:
        "--set 2: error: options.bare-metal.sizing.metric=p95_wait_hours conflicts with scenarios/borderline-growing-team.yaml:43:51: "
        + "field 'options[1].sizing.at_least': 'p95_wait_hours' takes 'at_most', not 'at_least'\n"
        + "help: a wait must be at most a number of hours, e.g. 'at_most: 2'\n"
    ),
  ]

  @Test(arguments: badOverrides)
  func badOverrideIsOneClearError(_ bad: BadOverride) throws {
    for command in ["run", "recommend", "break-even", "sweep"] {
      let run = try CapsimExecutable.run(
        [command, "scenarios/borderline-growing-team.yaml", "--db", database] + bad.arguments
          + (command == "sweep" ? ["--vary", "workload.jobs_per_month=70,80"] : []))
      #expect(run.exitCode == 64, "\(command)")
      #expect(run.standardOutput.isEmpty)
      let stderr = run.standardError.split(separator: "\n", omittingEmptySubsequences: false)
        .filter { !$0.hasPrefix("capsim: created") }.joined(separator: "\n")
      #expect(stderr == bad.expected, "\(command) \(bad.name): got\n\(stderr)")
    }
  }
}

@Suite("capsim runs diff, end to end")
struct RunsDiffCommandTests {
  @Test func diffShowsOverriddenKeysAndChangedMetrics() throws {
    let database = try Fixtures.temporaryDirectory().appendingPathComponent("c.sqlite").path
    let base = ["scenarios/borderline-growing-team.yaml", "--db", database, "--trials", "60"]
    #expect(try CapsimExecutable.run(["run"] + base).exitCode == 0)
    let second = try CapsimExecutable.run(
      ["recommend"] + base + ["--set", "workload.jobs_per_month=120"])
    #expect(second.exitCode == 0, "\(second.standardError)")
    let diff = try CapsimExecutable.run(["runs", "diff", "1", "2", "--db", database])
    #expect(diff.exitCode == 0, "\(diff.standardError)")
    let keyRows = diff.standardOutput.split(separator: "\n").map {
      $0.split(separator: " ").joined(separator: " ")
    }
    #expect(keyRows.contains("workload.jobs_per_month 80 120"), "\(diff.standardOutput)")
    #expect(diff.standardOutput.contains("B: run 2 (recommend)"))
    // The sized option (nodes: auto in both) was sized anew: its count is listed from the stored results.
    #expect(keyRows.contains("options.bare-metal.nodes (simulated) 4 5"), "\(diff.standardOutput)")
    let csv = try CapsimExecutable.run([
      "runs", "diff", "1", "2", "--db", database, "--format", "csv",
    ])
    // The simulated count keeps the scenario's key path; the section says what it is.
    #expect(
      csv.standardOutput.split(separator: "\n").contains(
        "simulated,,options.bare-metal.nodes,4,5,,,"),
      "\(csv.standardOutput)")
    // 33% more jobs: the pay-per-use total cost rises far beyond its Monte Carlo interval.
    #expect(
      csv.standardOutput.split(separator: "\n").contains {
        $0.hasPrefix("metric,neocloud-on-demand,total_cost,") && $0.hasSuffix(",true")
      })
    let same = try CapsimExecutable.run(["runs", "diff", "1", "1", "--db", database])
    #expect(same.standardOutput.contains("Scenario: no key differs"))
    #expect(same.standardOutput.contains("  (none)"))
    let missing = try CapsimExecutable.run(["runs", "diff", "1", "9", "--db", database])
    #expect(missing.exitCode == 64)
    #expect(missing.standardError.contains("no saved run has id 9"))
  }
}
