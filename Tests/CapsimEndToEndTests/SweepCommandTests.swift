import Foundation
import Testing
import _CapsimTestSupport

@Suite("capsim sweep, end to end")
struct SweepCommandTests {
  let directory: URL
  var database: String { directory.appendingPathComponent("capsim.sqlite").path }

  init() throws {
    directory = try Fixtures.temporaryDirectory()
  }

  /// A small scenario with a `sweep:` section over two inputs (2 × 2 points).
  static let scenario = """
    version: 1
    name: sweep-example
    horizon_months: 6
    trials: 60
    seed: 5
    workload: {jobs_per_month: 30, gpus_per_job: 8, steps_per_job: 20000}
    options:
      - name: cloud
        samples: h100-8gpu-step-time-shared
        price: lambda-h100-sxm5-8x-on-demand
      - name: metal
        samples: h100-8gpu-step-time-baremetal
        price: baremetal-h100-8x-commit-12m
        nodes: 1
    sweep:
      - vary: workload.jobs_per_month
        from: 20
        to: 40
        step: 20
      - vary: options.metal.nodes
        values: [1, 2]
    """

  @Test func theFileSectionDrivesTheSweepInEveryFormatOnAnyThreadCount() throws {
    let file = directory.appendingPathComponent("sweep.yaml")
    try Self.scenario.write(to: file, atomically: true, encoding: .utf8)
    let base = ["sweep", file.path, "--db", database]
    let csv = try CapsimExecutable.run(base + ["--format", "csv", "--threads", "1"])
    #expect(csv.exitCode == 0, "\(csv.standardError)")
    let rows = csv.standardOutput.split(separator: "\n")
    #expect(rows.count == 5)
    #expect(rows[0].hasPrefix("workload.jobs_per_month,options.metal.nodes,cloud.total_cost,"))
    #expect(rows[1].hasPrefix("20,1,") && rows[4].hasPrefix("40,2,"))
    #expect(rows.allSatisfy { fieldCount(of: String($0)) == fieldCount(of: String(rows[0])) })
    let again = try CapsimExecutable.run(base + ["--format", "csv", "--threads", "3"])
    #expect(again.standardOutput == csv.standardOutput)
    let json = try CapsimExecutable.run(base + ["--format", "json"])
    let document =
      try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
    #expect((document?["points"] as? [Any])?.count == 4)
    let markdown = try CapsimExecutable.run(base + ["--format", "md"])
    #expect(markdown.standardOutput.hasPrefix("# capsim sweep: sweep-example\n"))
    let table = try CapsimExecutable.run(base)
    for line in table.standardOutput.split(separator: "\n") {
      #expect(line.count <= 100, "line of \(line.count) columns: \(line)")
    }
  }

  struct BadSweep: CustomTestStringConvertible, Sendable {
    let name: String
    let arguments: [String]
    let expected: String
    var testDescription: String { name }
  }

  static let badSweeps: [BadSweep] = [
    BadSweep(
      name: "misspelt key", arguments: ["--vary", "workload.jobs_per_mnth=80,90"],
      expected:
        "--vary 1: error: workload.jobs_per_mnth: unknown key 'jobs_per_mnth'\nhelp: did you mean 'jobs_per_month'?\n"
    ),
    BadSweep(
      name: "empty range", arguments: ["--vary", "workload.jobs_per_month=90:80:5"],
      expected:
        "--vary 1: error: the range 90:80:5 is empty or its step is not positive\nhelp: write FROM ≤ TO and a step > 0, e.g. 60:120:10\n"
    ),
    BadSweep(
      name: "invalid value at a point", arguments: ["--vary", "workload.jobs_per_month=90,-1"],
      expected:
        "--vary 1: error: field 'workload.jobs_per_month': 'jobs_per_month' is -1; it must be between 0.1 and 1000000\n"
        + "help: mean jobs submitted per month: at least one job in ten months, at most a million (about one every 3 s)\n"
    ),
    BadSweep(
      name: "varying the seed",
      arguments: ["--vary", "workload.jobs_per_month=80,90", "--vary", "seed=1,2"],
      expected:
        "--vary 2: error: 'seed' cannot be varied: every point runs with one seed, so the points share their random numbers and differ only by the model\n"
        + "help: give the seed for every point with --seed; to see how much the seed matters, run 'capsim run --seed N' once per seed\n"
    ),
    BadSweep(
      name: "varying the trials", arguments: ["--vary", "trials=1,2"],
      expected:
        "--vary 1: error: 'trials' cannot be varied: every point runs the same number of trials with one seed (common random numbers)\n"
        + "help: give the trial count for every point with --trials\n"
    ),
    BadSweep(
      name: "varying the name", arguments: ["--vary", "name=a,b"],
      expected:
        "--vary 1: error: 'name' cannot be varied: it is the scenario's title, not an input of the model\n"
        + "help: rename the scenario with --set name=…\n"
    ),
    BadSweep(
      name: "a value that conflicts with the file",
      arguments: [
        "--vary", "options.bare-metal.price=baremetal-h100-8x-commit-12m,aws-p5-h100-on-demand",
      ],
      expected:
        "--vary 1: error: options.bare-metal.price=aws-p5-h100-on-demand conflicts with scenarios/production-training.yaml:54:12: "
        + "field 'options[2].nodes': 'nodes' applies only to committed prices, but 'aws-p5-h100-on-demand' is billed per use (on_demand)\n"
        + "help: remove 'nodes', or choose a reserved or bare_metal price\n"
    ),
    BadSweep(
      name: "one input varied twice",
      arguments: [
        "--vary", "workload.jobs_per_month=10,20", "--vary", "workload.jobs_per_month=30,40",
      ],
      expected:
        "--vary: error: --vary 1 and --vary 2 both vary 'workload.jobs_per_month'; every point would take --vary 2's value, so --vary 1 would be ignored\n"
        + "help: vary two different inputs; to sweep more values of one input, give them all in one --vary, e.g. 'workload.jobs_per_month=a,b,c,d' or FROM:TO:STEP\n"
    ),
    BadSweep(
      name: "one option's key varied by name and by position",
      arguments: [
        "--vary", "options.bare-metal.duration_scale=1,1.1", "--vary",
        "options[2].duration_scale=0.9",
      ],
      expected:
        "--vary: error: --vary 1 and --vary 2 both vary the same input ('options.bare-metal.duration_scale' and 'options[2].duration_scale'); every point would take --vary 2's value, so --vary 1 would be ignored\n"
        + "help: vary two different inputs; to sweep more values of one input, give them all in one --vary, e.g. 'options.bare-metal.duration_scale=a,b,c,d' or FROM:TO:STEP\n"
    ),
    BadSweep(
      name: "nothing to vary", arguments: [],
      expected:
        "--vary: error: nothing to vary\nhelp: give --vary PATH=FROM:TO:STEP (or PATH=a,b,c) once or twice, or a 'sweep:' section in the scenario\n"
    ),
  ]

  @Test(arguments: badSweeps)
  func badSweepIsOneClearError(_ bad: BadSweep) throws {
    let run = try CapsimExecutable.run(
      ["sweep", "scenarios/production-training.yaml", "--db", database, "--trials", "20"]
        + bad.arguments)
    #expect(run.exitCode == 64)
    #expect(run.standardOutput.isEmpty)
    let stderr = run.standardError.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.hasPrefix("capsim: created") }.joined(separator: "\n")
    #expect(stderr == bad.expected, "\(bad.name): got\n\(stderr)")
  }
}
