import Foundation
import Testing
import _CapsimTestSupport

@Suite("capsim break-even, end to end")
struct BreakEvenCommandTests {
  /// The borderline scenario starts at 80 jobs a month (growing) and its comment says shared is cheaper
  /// starting at 70 and bare metal starting at 90 (checked by ExampleScenarioClaimsTests): the break-even
  /// starting volume must lie between them.
  @Test func borderlineBreakEvenLiesBetweenItsTippingVolumes() throws {
    let database = try Fixtures.temporaryDirectory().appendingPathComponent("capsim.sqlite").path
    let run = try CapsimExecutable.run([
      "break-even", "scenarios/borderline-growing-team.yaml", "--db", database, "--trials", "200",
      "--format", "json",
    ])
    #expect(run.exitCode == 0, "\(run.standardError)")
    let json =
      try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
    // What stands behind the numbers: every evaluation's trials and the seed (the JSON had neither).
    #expect(json?["trials"] as? Int == 200)
    #expect(json?["seed"] as? Int == 7)
    #expect(json?["currency"] as? String == "USD")
    let analysis = try #require(json?["break_even"] as? [String: Any])
    let jobs = try #require(analysis["break_even_jobs_per_month"] as? Double)
    let ninety = try #require(analysis["jobs_for_ninety_percent"] as? Double)
    #expect(jobs > 70 && jobs < 90, "break-even at \(jobs) jobs a month")
    #expect(ninety > jobs, "90% level \(ninety) above the break-even \(jobs)")
    #expect(analysis["committed_nodes"] as? Int == 4)
  }

  /// A precision target in the file is dropped, with a note: every evaluation of the search runs the
  /// scenario's 300 trials. (It used to run batches of 1,024 until the target while reporting 300 trials:
  /// each share of trials, k/300, is the evidence.)
  @Test func aPrecisionTargetInTheFileIsDroppedWithANote() throws {
    let directory = try Fixtures.temporaryDirectory()
    let text = try String(
      contentsOf: CapsimExecutable.packageRoot.appendingPathComponent(
        "scenarios/borderline-growing-team.yaml"), encoding: .utf8
    ).replacingOccurrences(of: "\ntrials: 2000\n", with: "\ntrials: 300\nprecision: 0.02\n")
    #expect(text.contains("precision: 0.02"))
    let file = directory.appendingPathComponent("with-precision.yaml")
    try text.write(to: file, atomically: true, encoding: .utf8)
    let run = try CapsimExecutable.run([
      "break-even", file.path, "--db", directory.appendingPathComponent("capsim.sqlite").path,
      "--format", "csv",
    ])
    #expect(run.exitCode == 0, "\(run.standardError)")
    #expect(run.standardError.contains("precision target (2%) is not used here"))
    let rows = run.standardOutput.split(separator: "\n").map { $0.split(separator: ",") }
    let header = try #require(rows.first)
    let share = try #require(header.firstIndex(of: "committed_cheaper_fraction"))
    let trials = try #require(header.firstIndex(of: "trials"))
    for row in rows.dropFirst() {
      #expect(row[trials] == "300")
      let k = (Double(row[share]) ?? .nan) * 300
      #expect(abs(k - k.rounded()) < 1e-6, "share \(row[share]) is not k/300")
    }
  }

  @Test func unknownOptionIsOneClearError() throws {
    let database = try Fixtures.temporaryDirectory().appendingPathComponent("capsim.sqlite").path
    let run = try CapsimExecutable.run([
      "break-even", "scenarios/borderline-growing-team.yaml", "--db", database, "--shared",
      "neocloud",
    ])
    #expect(run.exitCode == 64)
    #expect(run.standardError.contains("neocloud-on-demand"))
  }

  /// Without a committed (or a pay-per-use) option there is nothing to break even against: one error
  /// naming the file and what kind of option is missing, as 'capsim recommend' gives, instead of
  /// "no option named ''".
  @Test(arguments: [
    (
      "lambda-h100-sxm5-8x-on-demand", "",
      "$FILE:6:3: error: field 'options': break-even compares a pay-per-use option with a committed "
        + "one, but no option is committed (reserved or bare_metal) (options: 'only')\n"
        + "help: add a committed (reserved or bare_metal) option to the scenario, with 'nodes'; "
        + "'capsim run' compares options of one kind\n"
    ),
    (
      "baremetal-h100-8x-commit-12m", "\n    nodes: 1",
      "$FILE:6:3: error: field 'options': break-even compares a pay-per-use option with a committed "
        + "one, but no option is pay-per-use (on_demand or spot) (options: 'only')\n"
        + "help: add a pay-per-use (on_demand or spot) option to the scenario; "
        + "'capsim run' compares options of one kind\n"
    ),
  ])
  func aScenarioWithoutBothKindsIsOneClearError(price: String, extra: String, expected: String)
    throws
  {
    let directory = try Fixtures.temporaryDirectory()
    let file = directory.appendingPathComponent("one-kind.yaml")
    let scenario = """
      version: 1
      name: one-kind
      horizon_months: 3
      workload: {jobs_per_month: 20, gpus_per_job: 8, steps_per_job: 72000}
      options:
        - name: only
          samples: h100-8gpu-step-time-shared
          price: \(price)\(extra)

      """
    try scenario.write(to: file, atomically: true, encoding: .utf8)
    let run = try CapsimExecutable.run([
      "break-even", file.path, "--db", directory.appendingPathComponent("c.sqlite").path,
      "--trials", "20",
    ])
    #expect(run.exitCode == 64)
    #expect(run.standardOutput.isEmpty)
    let stderr = run.standardError.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.hasPrefix("capsim: created") }.joined(separator: "\n")
    #expect(stderr == expected.replacingOccurrences(of: "$FILE", with: file.path), "\(stderr)")
  }
}
