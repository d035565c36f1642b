import Foundation
import Testing
import _CapsimTestSupport

@Suite("capsim sensitivity, end to end")
struct SensitivityCommandTests {
  /// A migration cost of 8 engineer-weeks at the default $100/h adds exactly 8 × 40 × 100 = $32,000 to
  /// the committed option (the documented migration cost line); with the same seed nothing else moves,
  /// so its swing of the saving is exactly 32,000. Volume moves both options and ranks first.
  @Test func tornadoRanksByExactSwings() throws {
    let database = try Fixtures.temporaryDirectory().appendingPathComponent("c.sqlite").path
    let arguments = [
      "sensitivity", "scenarios/borderline-growing-team.yaml", "--db", database, "--trials", "40",
      "--vary", "options.bare-metal.migration.engineer_weeks=0,8", "--vary",
      "workload.jobs_per_month=70,110",
    ]
    let csv = try CapsimExecutable.run(arguments + ["--format", "csv"])
    #expect(csv.exitCode == 0, "\(csv.standardError)")
    let rows = csv.standardOutput.split(separator: "\n").map { $0.split(separator: ",") }
    #expect(rows.count == 3)
    #expect(rows[1].first == "workload.jobs_per_month")
    #expect(rows[2].first == "options.bare-metal.migration.engineer_weeks")
    #expect(abs(Double(rows[2][9])! - 32_000) < 1e-6, "\(rows[2])")
    let oneThread = try CapsimExecutable.run(arguments + ["--format", "csv", "--threads", "1"])
    #expect(oneThread.standardOutput == csv.standardOutput)
    let table = try CapsimExecutable.run(arguments + ["--threads", "1"])
    #expect(table.standardOutput.contains("Tornado (< low end, > high end, | base"))
    for line in table.standardOutput.split(separator: "\n") where !line.hasPrefix("input") {
      #expect(line.count <= 100, "line of \(line.count) columns: \(line)")
    }
    let bad = try CapsimExecutable.run(
      [
        "sensitivity", "scenarios/borderline-growing-team.yaml", "--db", database, "--vary",
        "workload.jobs_per_month=70,90,110",
      ])
    #expect(bad.exitCode == 64)
    #expect(
      bad.standardError.hasSuffix(
        "--vary 1: error: workload.jobs_per_month has 3 values; a tornado input needs a low and a high value\nhelp: write PATH=LOW,HIGH, e.g. workload.jobs_per_month=70,110\n"
      ), "\(bad.standardError)")
  }

  /// A tornado's runs share one seed and trial count (its header says "seed S in every run"), so
  /// varying either is refused, as in a sweep.
  @Test(arguments: ["seed=1,2", "trials=10,20"])
  func seedAndTrialsCannotBeVaried(input: String) throws {
    let database = try Fixtures.temporaryDirectory().appendingPathComponent("c.sqlite").path
    let run = try CapsimExecutable.run([
      "sensitivity", "scenarios/borderline-growing-team.yaml", "--db", database, "--trials", "20",
      "--vary", "workload.jobs_per_month=70,110", "--vary", input,
    ])
    let key = input.prefix { $0 != "=" }
    #expect(run.exitCode == 64)
    #expect(run.standardOutput.isEmpty)
    #expect(
      run.standardError.contains("--vary 2: error: '\(key)' cannot be varied: "),
      "\(run.standardError)")
  }

  /// `--option` and `--metric` are never ignored: an unknown option, an option with the default
  /// `saving` (which measures no single option), a metric the measured option lacks and an unknown
  /// metric are each one error saying what exists.
  @Test(arguments: [
    (
      ["--option", "nope"],
      "--option: error: the scenario has no option named 'nope'\n"
        + "help: the scenario's options: neocloud-on-demand, bare-metal\n"
    ),
    (
      ["--option", "bare-metal"],
      "--option: error: --option applies to a metric of one option, but the metric is 'saving' (the "
        + "default), which compares the recommended option with the runner-up\n"
        + "help: remove --option, or name the metric to measure, e.g. --metric total_cost --option "
        + "bare-metal\n"
    ),
    (
      ["--metric", "total_cost", "--option", "bare-metl"],
      "--option: error: the scenario has no option named 'bare-metl'\n"
        + "help: did you mean 'bare-metal'?\n"
    ),
    (
      ["--metric", "utilisation"],
      "--metric: error: option 'neocloud-on-demand' (the cheapest at base) has no metric 'utilisation'\n"
        + "help: 'utilisation' is a metric of 'bare-metal': choose the option with --option, e.g. "
        + "--option bare-metal\n"
    ),
    (
      ["--metric", "nosuch"],
      "--metric: error: no option has a metric 'nosuch'\n"
        + "help: use 'saving' (the default) or a metric key of the scenario's options: "
        + "cost_billing_rounding, cost_commitment,"
    ),
  ])
  func metricAndOptionAreChecked(arguments: [String], expected: String) throws {
    let database = try Fixtures.temporaryDirectory().appendingPathComponent("c.sqlite").path
    let run = try CapsimExecutable.run(
      [
        "sensitivity", "scenarios/borderline-growing-team.yaml", "--db", database, "--trials", "20",
        "--vary", "workload.jobs_per_month=70,110",
      ] + arguments)
    #expect(run.exitCode == 64)
    #expect(run.standardOutput.isEmpty)
    let stderr = run.standardError.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.hasPrefix("capsim: created") }.joined(separator: "\n")
    #expect(stderr.hasPrefix(expected), "\(stderr)")
  }
}
