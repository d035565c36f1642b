import Foundation
import Testing
import _CapsimTestSupport

/// One bad input: what is run, and the whole diagnostic it must print.
struct BadInput: Sendable, CustomTestStringConvertible {
  var name: String
  /// Scenario YAML written to a file whose path replaces `$FILE` in the arguments and the expected text.
  var scenario: String?
  /// The command line; `$DB` is the suite's database, `$DIR` a fresh directory.
  var arguments: [String]
  /// The whole standard error.
  var expected: String

  init(
    _ name: String, scenario: String? = nil,
    arguments: [String] = ["run", "$FILE", "--db", "$DB", "--no-save"], expected: String
  ) {
    self.name = name
    self.scenario = scenario
    self.arguments = arguments
    self.expected = expected
  }

  var testDescription: String { name }
}

/// Named bad inputs run through the built `capsim`: each prints exactly one located diagnostic with a
/// help line (asserted whole), exits 64, prints nothing on standard output and leaves the database
/// byte-identical. The scenario rows are mutations of one valid scenario, one key at a time; they
/// include every input that crashed or hung capsim 0.1.0 (issue #12), marked "(crash)" or "(hang)".
@Suite("Bad inputs, end to end")
struct BadInputTests {
  /// A valid scenario over the bundled data.
  static let base = """
    version: 1
    name: bad-input
    horizon_months: 12
    trials: 200
    seed: 3
    workload:
      jobs_per_month: 40
      arrivals: poisson
      gpus_per_job: 8
      steps_per_job: 72000
      deadline_hours: 48
    options:
      - name: cloud
        samples: h100-8gpu-step-time-shared
        price: lambda-h100-sxm5-8x-on-demand
      - name: metal
        samples: h100-8gpu-step-time-baremetal
        price: baremetal-h100-8x-commit-12m
        nodes: 4

    """

  /// One database shared by every row (created once from the bundled data); no row may change it.
  static let database: String = {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "capsim-bad-inputs-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let path = directory.appendingPathComponent("capsim.sqlite").path
    _ = try? CapsimExecutable.run(["data", "list", "--db", path])
    return path
  }()

  static func contents(_ path: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: path))
  }

  @Test(arguments: scenarioCases + commandLineCases)
  func printsOneLocatedDiagnosticAndChangesNothing(_ bad: BadInput) throws {
    let directory = try Fixtures.temporaryDirectory()
    let file = directory.appendingPathComponent("scenario.yaml").path
    if let scenario = bad.scenario {
      try scenario.write(toFile: file, atomically: true, encoding: .utf8)
    }
    let database = Self.database
    let before = try Self.contents(database)
    func substitute(_ text: String) -> String {
      text.replacingOccurrences(of: "$FILE", with: file)
        .replacingOccurrences(of: "$DB", with: database)
        .replacingOccurrences(of: "$DIR", with: directory.path)
    }
    let result = try CapsimExecutable.run(bad.arguments.map(substitute))
    #expect(
      Self.synopsisElided(result.standardError) == Self.synopsisElided(substitute(bad.expected)))
    #expect(result.exitCode == 64)
    #expect(result.standardOutput.isEmpty)
    #expect(try Self.contents(database) == before)
  }

  /// `text` with the option list of a `Usage:` line replaced by `…`: the whole diagnostic is compared,
  /// but adding an option to a command does not rewrite every expected message.
  static func synopsisElided(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      guard line.hasPrefix("Usage: capsim "),
        let cut = line.firstIndex(where: { $0 == "<" || $0 == "[" })
      else { return String(line) }
      return line[..<cut] + "…"
    }.joined(separator: "\n")
  }

  // MARK: - Command-line arguments, database paths and names

  static let runUsage =
    "Usage: capsim run <scenario> [--trials <trials>] [--seed <seed>] [--threads <threads>] [--force] "
    + "[--db <path>] [--format <format>] [--output <file>] [--width <width>] [--no-save]\n"
    + "  See 'capsim run --help' for more information.\n"

  static let commandLineCases: [BadInput] = [
    BadInput(
      "sweep with a step of 1e-23 (crash)", scenario: base,
      arguments: [
        "sweep", "$FILE", "--db", "$DB", "--vary", "workload.jobs_per_month=10:20:1e-23",
      ],
      expected:
        "--vary 1: error: the range 10:20:1e-23 has 1.000000000001e+24 values; at most 1000 are allowed\nhelp: use a larger step\n"
    ),
    BadInput(
      "--width 0", scenario: base,
      arguments: ["run", "$FILE", "--db", "$DB", "--no-save", "--width", "0"],
      expected:
        "Error: --width must be between 60 and 1000 columns (got 0); 100 suits a standard terminal\n"
        + runUsage),
    BadInput(
      "--width 100000", scenario: base,
      arguments: ["run", "$FILE", "--db", "$DB", "--no-save", "--width", "100000"],
      expected:
        "Error: --width must be between 60 and 1000 columns (got 100000); 100 suits a standard terminal\n"
        + runUsage),
    BadInput(
      "recommend --width 0", scenario: base,
      arguments: ["recommend", "$FILE", "--db", "$DB", "--width", "0"],
      expected:
        "Error: --width must be between 60 and 1000 columns (got 0); 100 suits a standard terminal\n"
        + "Usage: capsim recommend <scenario> [--trials <trials>] [--seed <seed>] [--threads <threads>] "
        + "[--force] [--db <path>] [--format <format>] [--output <file>] [--width <width>]\n"
        + "  See 'capsim recommend --help' for more information.\n"),
    BadInput(
      "--trials 0", scenario: base,
      arguments: ["run", "$FILE", "--db", "$DB", "--no-save", "--trials", "0"],
      expected: "Error: --trials must be between 1 and 10,000,000 (got 0)\n" + runUsage),
    BadInput(
      "--width -5 (a negative number is a value, not an option)", scenario: base,
      arguments: ["run", "$FILE", "--db", "$DB", "--no-save", "--width", "-5"],
      expected:
        "Error: --width must be between 60 and 1000 columns (got -5); 100 suits a standard terminal\n"
        + runUsage),
    BadInput(
      "--trials -3", scenario: base,
      arguments: ["run", "$FILE", "--db", "$DB", "--no-save", "--trials", "-3"],
      expected: "Error: --trials must be between 1 and 10,000,000 (got -3)\n" + runUsage),
    BadInput(
      "--precision 150%", scenario: base,
      arguments: ["run", "$FILE", "--db", "$DB", "--no-save", "--precision", "150%"],
      expected:
        "Error: --precision must be above 0% and at most 50% (got 150%); 1% (or 0.01) is typical\n"
        + runUsage),
    // The file key allows at most 0.5; the option took up to 100% (QA round 7).
    BadInput(
      "--precision 60%", scenario: base,
      arguments: ["run", "$FILE", "--db", "$DB", "--no-save", "--precision", "60%"],
      expected:
        "Error: --precision must be above 0% and at most 50% (got 60%); 1% (or 0.01) is typical\n"
        + runUsage),
    BadInput(
      "--max-trials without a target", scenario: base,
      arguments: ["run", "$FILE", "--db", "$DB", "--no-save", "--max-trials", "5000"],
      expected:
        "error: --max-trials 5000 applies only with a precision target, and this run has none\n"
        + "help: add --precision (e.g. --precision 1%) or the scenario key precision, or use --trials\n"
    ),
    BadInput(
      "-o ''", scenario: base, arguments: ["run", "$FILE", "--db", "$DB", "--no-save", "-o", ""],
      expected:
        "Error: -o/--output needs a file name (got an empty one): give -o FILE, or leave it out to "
        + "write to standard output\n" + runUsage),
    BadInput(
      "--threads 0", scenario: base,
      arguments: ["run", "$FILE", "--db", "$DB", "--no-save", "--threads", "0"],
      expected: "Error: --threads must be at least 1 (got 0)\n" + runUsage),
    BadInput(
      "--trials over the work budget (break-even)", scenario: base,
      arguments: ["break-even", "$FILE", "--db", "$DB", "--trials", "2000000"],
      expected: """
        $FILE:4:9: error: field 'trials': this run would simulate about 1.92e9 jobs (2000000 trials × 480 jobs over the horizon × 2 passes over the options), more than the budget of 2.0e8
        help: lower --trials, jobs_per_month, horizon_months or sizing.max_nodes, or pass --force to run it anyway

        """),
    BadInput(
      "--db ''", scenario: base, arguments: ["run", "$FILE", "--db", "", "--no-save"],
      expected: """
        --db: error: the database path is empty
        help: give --db a file name, e.g. --db capsim.sqlite, or leave --db out to use the default

        """),
    BadInput(
      "--db in a missing directory", scenario: base,
      arguments: ["run", "$FILE", "--db", "$DIR/missing/capsim.sqlite", "--no-save"],
      expected: """
        $DIR/missing/capsim.sqlite: error: directory '$DIR/missing' does not exist
        help: create it first (mkdir -p '$DIR/missing') or give --db a path in an existing directory

        """),
    BadInput(
      "--db names a file that is not SQLite", scenario: base,
      arguments: ["data", "list", "--db", "$FILE"],
      expected: """
        $FILE: error: not a capsim database: it is not an SQLite database file; it was left unchanged
        help: give --db a capsim database, or a new file name to create one

        """),
    BadInput(
      "unknown run id", arguments: ["runs", "show", "999", "--db", "$DB"],
      expected: """
        error: no saved run has id 999
        help: run 'capsim runs list' to see the saved runs

        """),
    BadInput(
      "missing scenario file", arguments: ["run", "$DIR/none.yaml", "--db", "$DB"],
      expected: """
        $DIR/none.yaml: error: cannot read the scenario file
        help: check the path; example scenarios are in scenarios/

        """),
    BadInput(
      "empty scenario file", scenario: "",
      expected: """
        $FILE:1: error: the scenario file is empty
        help: start from one of the examples in scenarios/

        """),
    BadInput(
      "YAML syntax error", scenario: "name: x\n  bad: [1, 2\n",
      expected: """
        $FILE:2:6: error: invalid YAML: mapping values are not allowed in this context
        help: check indentation and that every 'key: value' pair has a space after the colon

        """),
    BadInput(
      "misspelt key", scenario: base.replacing("jobs_per_month", with: "jobs_per_mnth"),
      expected: """
        $FILE:7:3: error: field 'workload.jobs_per_mnth': unknown key 'jobs_per_mnth'
        help: did you mean 'jobs_per_month'?
        $FILE:7:3: error: field 'workload.jobs_per_month': missing required key 'jobs_per_month'
        help: add 'jobs_per_month: 40'
        2 problems found

        """),
    BadInput(
      "unknown sample set",
      scenario: base.replacing("h100-8gpu-step-time-shared", with: "h100-8gpu-step-time-sharde"),
      expected: """
        $FILE:14:14: error: field 'options[0].samples': no sample set named 'h100-8gpu-step-time-sharde' in the database
        help: did you mean 'h100-8gpu-step-time-shared' or 'h100-1gpu-step-time-shared'?

        """),
    BadInput(
      "unknown price",
      scenario: base.replacing(
        "lambda-h100-sxm5-8x-on-demand", with: "lambda-h100-sxm5-8x-on-demnd"),
      expected: """
        $FILE:15:12: error: field 'options[0].price': no price named 'lambda-h100-sxm5-8x-on-demnd' in the database
        help: did you mean 'lambda-h100-sxm5-8x-on-demand' or 'lambda-h100-sxm5-1x-on-demand'?

        """),
  ]

  // MARK: - Scenario keys out of range, one at a time

  static let scenarioCases: [BadInput] = [
    BadInput(
      "horizon_months zero",
      scenario: base.replacing("horizon_months: 12", with: "horizon_months: 0"),
      expected:
        "$FILE:3:17: error: 'horizon_months' is 0; it must be a whole number between 1 and 600\nhelp: months to simulate; 600 (50 years) is far beyond any hardware's life\n"
    ),
    BadInput(
      "horizon_months above 600",
      scenario: base.replacing("horizon_months: 12", with: "horizon_months: 601"),
      expected:
        "$FILE:3:17: error: 'horizon_months' is 601; it must be a whole number between 1 and 600\nhelp: months to simulate; 600 (50 years) is far beyond any hardware's life\n"
    ),
    BadInput(
      "horizon_months fraction",
      scenario: base.replacing("horizon_months: 12", with: "horizon_months: 12.5"),
      expected:
        "$FILE:3:17: error: 'horizon_months' is 12.5; it must be a whole number between 1 and 600\nhelp: months to simulate; 600 (50 years) is far beyond any hardware's life\n"
    ),
    BadInput(
      "an escape sequence in the name",
      scenario: base.replacing("name: bad-input", with: #"name: "bad\x1b[31m-input""#),
      expected:
        "$FILE:2:7: error: 'name' contains the control character U+001B\nhelp: remove it: 'name' is one line of printable text\n"
    ),
    BadInput(
      "horizon_months negative",
      scenario: base.replacing("horizon_months: 12", with: "horizon_months: -3"),
      expected:
        "$FILE:3:17: error: 'horizon_months' is -3; it must be a whole number between 1 and 600\nhelp: months to simulate; 600 (50 years) is far beyond any hardware's life\n"
    ),
    BadInput(
      "trials zero",
      scenario: base.replacing("trials: 200", with: "trials: 0"),
      expected:
        "$FILE:4:9: error: 'trials' is 0; it must be a whole number between 1 and 10000000\nhelp: Monte Carlo trials; 2,000 give about 2% relative error on a mean\n"
    ),
    BadInput(
      "trials negative",
      scenario: base.replacing("trials: 200", with: "trials: -5"),
      expected:
        "$FILE:4:9: error: 'trials' is -5; it must be a whole number between 1 and 10000000\nhelp: Monte Carlo trials; 2,000 give about 2% relative error on a mean\n"
    ),
    BadInput(
      "trials above ten million",
      scenario: base.replacing("trials: 200", with: "trials: 10000001"),
      expected:
        "$FILE:4:9: error: 'trials' is 10000001; it must be a whole number between 1 and 10000000\nhelp: Monte Carlo trials; 2,000 give about 2% relative error on a mean\n"
    ),
    BadInput(
      "trials 1e300",
      scenario: base.replacing("trials: 200", with: "trials: 1e300"),
      expected:
        "$FILE:4:9: error: 'trials' is 1e300; it must be a whole number between 1 and 10000000\nhelp: Monte Carlo trials; 2,000 give about 2% relative error on a mean\n"
    ),
    BadInput(
      "trials text",
      scenario: base.replacing("trials: 200", with: "trials: many"),
      expected:
        "$FILE:4:9: error: field 'trials': expected a whole number, found 'many'\nhelp: write a whole number here (docs/scenarios.md lists every key and its valid range)\n"
    ),
    BadInput(
      "trials hexadecimal",
      scenario: base.replacing("trials: 200", with: "trials: 0x10"),
      expected:
        "$FILE:4:9: error: field 'trials': expected a whole number, found '0x10'\nhelp: write a whole number here (docs/scenarios.md lists every key and its valid range)\n"
    ),
    BadInput(
      "version zero",
      scenario: base.replacing("version: 1", with: "version: 0"),
      expected:
        "$FILE:1:10: error: 'version' is 0; it must be a whole number between 1 and 1000\nhelp: the format version; 1 is current\n"
    ),
    BadInput(
      "negative seed",
      scenario: base.replacing("seed: 3", with: "seed: -1"),
      expected:
        "$FILE:5:7: error: field 'seed': expected a whole number from 0 to 2^64−1, found '-1'\nhelp: write a whole number from 0 to 2^64−1 here (docs/scenarios.md lists every key and its valid range)\n"
    ),
    BadInput(
      "jobs_per_month 1e308",
      scenario: base.replacing("jobs_per_month: 40", with: "jobs_per_month: 1e308"),
      expected:
        "$FILE:7:19: error: field 'workload.jobs_per_month': 'jobs_per_month' is 1e308; it must be between 0.1 and 1000000\nhelp: mean jobs submitted per month: at least one job in ten months, at most a million (about one every 3 s)\n"
    ),
    BadInput(
      "jobs_per_month 1e8 (hang)",
      scenario: base.replacing("jobs_per_month: 40", with: "jobs_per_month: 1e8"),
      expected:
        "$FILE:7:19: error: field 'workload.jobs_per_month': 'jobs_per_month' is 1e8; it must be between 0.1 and 1000000\nhelp: mean jobs submitted per month: at least one job in ten months, at most a million (about one every 3 s)\n"
    ),
    BadInput(
      "jobs_per_month 0.0000001 (sized nodes for no jobs)",
      scenario: base.replacing("jobs_per_month: 40", with: "jobs_per_month: 0.0000001"),
      expected:
        "$FILE:7:19: error: field 'workload.jobs_per_month': 'jobs_per_month' is 0.0000001; it must be between 0.1 and 1000000\nhelp: mean jobs submitted per month: at least one job in ten months, at most a million (about one every 3 s)\n"
    ),
    BadInput(
      "jobs_per_month negative",
      scenario: base.replacing("jobs_per_month: 40", with: "jobs_per_month: -3"),
      expected:
        "$FILE:7:19: error: field 'workload.jobs_per_month': 'jobs_per_month' is -3; it must be between 0.1 and 1000000\nhelp: mean jobs submitted per month: at least one job in ten months, at most a million (about one every 3 s)\n"
    ),
    BadInput(
      "jobs_per_month NaN",
      scenario: base.replacing("jobs_per_month: 40", with: "jobs_per_month: .nan"),
      expected:
        "$FILE:7:19: error: field 'workload.jobs_per_month': 'jobs_per_month' is nan; it must be between 0.1 and 1000000\nhelp: mean jobs submitted per month: at least one job in ten months, at most a million (about one every 3 s)\n"
    ),
    BadInput(
      "jobs_per_month infinity",
      scenario: base.replacing("jobs_per_month: 40", with: "jobs_per_month: .inf"),
      expected:
        "$FILE:7:19: error: field 'workload.jobs_per_month': 'jobs_per_month' is inf; it must be between 0.1 and 1000000\nhelp: mean jobs submitted per month: at least one job in ten months, at most a million (about one every 3 s)\n"
    ),
    BadInput(
      "jobs_per_month hexadecimal float",
      scenario: base.replacing("jobs_per_month: 40", with: "jobs_per_month: 0x1p3"),
      expected:
        "$FILE:7:19: error: field 'workload.jobs_per_month': expected a number, found '0x1p3'\nhelp: write a number here (docs/scenarios.md lists every key and its valid range)\n"
    ),
    BadInput(
      "jobs_per_month text",
      scenario: base.replacing("jobs_per_month: 40", with: "jobs_per_month: forty"),
      expected:
        "$FILE:7:19: error: field 'workload.jobs_per_month': expected a number, found 'forty'\nhelp: write a number here (docs/scenarios.md lists every key and its valid range)\n"
    ),
    BadInput(
      "fixed arrivals with jobs_per_month 1e308 (crash)",
      scenario: base.replacing("jobs_per_month: 40", with: "jobs_per_month: 1e308").replacing(
        "arrivals: poisson", with: "arrivals: fixed"),
      expected:
        "$FILE:7:19: error: field 'workload.jobs_per_month': 'jobs_per_month' is 1e308; it must be between 0.1 and 1000000\nhelp: mean jobs submitted per month: at least one job in ten months, at most a million (about one every 3 s)\n"
    ),
    BadInput(
      "gpus_per_job zero",
      scenario: base.replacing("gpus_per_job: 8", with: "gpus_per_job: 0"),
      expected:
        "$FILE:9:17: error: field 'workload.gpus_per_job': 'gpus_per_job' is 0; it must be a whole number between 1 and 100000\nhelp: GPUs one job holds at once (the largest clusters have about 100,000)\n"
    ),
    BadInput(
      "gpus_per_job above 100000",
      scenario: base.replacing("gpus_per_job: 8", with: "gpus_per_job: 100001"),
      expected:
        "$FILE:9:17: error: field 'workload.gpus_per_job': 'gpus_per_job' is 100001; it must be a whole number between 1 and 100000\nhelp: GPUs one job holds at once (the largest clusters have about 100,000)\n"
    ),
    BadInput(
      "gpus_per_job fraction",
      scenario: base.replacing("gpus_per_job: 8", with: "gpus_per_job: 7.5"),
      expected:
        "$FILE:9:17: error: field 'workload.gpus_per_job': 'gpus_per_job' is 7.5; it must be a whole number between 1 and 100000\nhelp: GPUs one job holds at once (the largest clusters have about 100,000)\n"
    ),
    BadInput(
      "steps_per_job 1e300 (crash)",
      scenario: base.replacing("steps_per_job: 72000", with: "steps_per_job: 1e300"),
      expected:
        "$FILE:10:18: error: field 'workload.steps_per_job': 'steps_per_job' is 1e300; it must be > 0 and ≤ 1000000000\nhelp: steps (or units of the job-time sample) per job; a billion steps is beyond any training run\n"
    ),
    BadInput(
      "steps_per_job zero",
      scenario: base.replacing("steps_per_job: 72000", with: "steps_per_job: 0"),
      expected:
        "$FILE:10:18: error: field 'workload.steps_per_job': 'steps_per_job' is 0; it must be > 0 and ≤ 1000000000\nhelp: steps (or units of the job-time sample) per job; a billion steps is beyond any training run\n"
    ),
    BadInput(
      "steps_per_job 2e9",
      scenario: base.replacing("steps_per_job: 72000", with: "steps_per_job: 2e9"),
      expected:
        "$FILE:10:18: error: field 'workload.steps_per_job': 'steps_per_job' is 2e9; it must be > 0 and ≤ 1000000000\nhelp: steps (or units of the job-time sample) per job; a billion steps is beyond any training run\n"
    ),
    BadInput(
      "steps_per_job negative",
      scenario: base.replacing("steps_per_job: 72000", with: "steps_per_job: -1"),
      expected:
        "$FILE:10:18: error: field 'workload.steps_per_job': 'steps_per_job' is -1; it must be > 0 and ≤ 1000000000\nhelp: steps (or units of the job-time sample) per job; a billion steps is beyond any training run\n"
    ),
    BadInput(
      "deadline_hours zero",
      scenario: base.replacing("deadline_hours: 48", with: "deadline_hours: 0"),
      expected:
        "$FILE:11:19: error: field 'workload.deadline_hours': 'deadline_hours' is 0; it must be > 0 and ≤ 87600\nhelp: hours from submission to the deadline, at most ten years\n"
    ),
    BadInput(
      "deadline_hours a century",
      scenario: base.replacing("deadline_hours: 48", with: "deadline_hours: 1e6"),
      expected:
        "$FILE:11:19: error: field 'workload.deadline_hours': 'deadline_hours' is 1e6; it must be > 0 and ≤ 87600\nhelp: hours from submission to the deadline, at most ten years\n"
    ),
    BadInput(
      "growth rate −100%",
      scenario: base.replacing(
        "  deadline_hours: 48\n",
        with: "  deadline_hours: 48\n  growth: {model: compound, rate_per_month: -1}\n"),
      expected:
        "$FILE:12:45: error: field 'workload.growth.rate_per_month': 'rate_per_month' is -1; it must be > -1 and ≤ 1\nhelp: the monthly growth rate: more than −1 (−100%) and at most 1 (doubling every month)\n"
    ),
    BadInput(
      "growth rate 150% a month",
      scenario: base.replacing(
        "  deadline_hours: 48\n",
        with: "  deadline_hours: 48\n  growth: {model: compound, rate_per_month: 1.5}\n"),
      expected:
        "$FILE:12:45: error: field 'workload.growth.rate_per_month': 'rate_per_month' is 1.5; it must be > -1 and ≤ 1\nhelp: the monthly growth rate: more than −1 (−100%) and at most 1 (doubling every month)\n"
    ),
    BadInput(
      "compound growth past a million jobs a month",
      scenario: base.replacing("horizon_months: 12", with: "horizon_months: 120").replacing(
        "  deadline_hours: 48\n",
        with: "  deadline_hours: 48\n  growth: {model: compound, rate_per_month: 0.5}\n"),
      expected:
        "$FILE:12:45: error: field 'workload.growth.rate_per_month': growth takes the mean to 3.61e+22 jobs in a month within the 120-month horizon; it must stay ≤ 1000000\nhelp: lower 'rate_per_month' or shorten 'horizon_months'\n"
    ),
    BadInput(
      "monthly_jobs above a million",
      scenario: base.replacing("  jobs_per_month: 40\n", with: "  monthly_jobs: [40, 2e6]\n"),
      expected:
        "$FILE:7:22: error: field 'workload.monthly_jobs[1]': monthly_jobs[1] is '2e6'; it must be a number between 0 and 1000000\nhelp: each month's mean job count: at most a million (about one every 3 s)\n"
    ),
    BadInput(
      "monthly_jobs negative",
      scenario: base.replacing("  jobs_per_month: 40\n", with: "  monthly_jobs: [40, -1]\n"),
      expected:
        "$FILE:7:22: error: field 'workload.monthly_jobs[1]': monthly_jobs[1] is '-1'; it must be a number between 0 and 1000000\nhelp: each month's mean job count: at most a million (about one every 3 s)\n"
    ),
    BadInput(
      "duration_scale zero",
      scenario: base.replacing(
        "    price: lambda-h100-sxm5-8x-on-demand\n",
        with: "    price: lambda-h100-sxm5-8x-on-demand\n    duration_scale: 0\n"),
      expected:
        "$FILE:16:21: error: field 'options[0].duration_scale': 'duration_scale' is 0; it must be between 0.001 and 1000\nhelp: a factor on every duration, from 1/1000 to 1000 (e.g. 1.2 for 20% slower)\n"
    ),
    BadInput(
      "duration_scale 5000",
      scenario: base.replacing(
        "    price: lambda-h100-sxm5-8x-on-demand\n",
        with: "    price: lambda-h100-sxm5-8x-on-demand\n    duration_scale: 5000\n"),
      expected:
        "$FILE:16:21: error: field 'options[0].duration_scale': 'duration_scale' is 5000; it must be between 0.001 and 1000\nhelp: a factor on every duration, from 1/1000 to 1000 (e.g. 1.2 for 20% slower)\n"
    ),
    BadInput(
      "nodes zero",
      scenario: base.replacing("    nodes: 4\n", with: "    nodes: 0\n"),
      expected:
        "$FILE:19:12: error: field 'options[1].nodes': 'nodes' is 0; it must be a whole number between 1 and 100000\nhelp: committed nodes, at most 100,000\n"
    ),
    BadInput(
      "nodes above 100000",
      scenario: base.replacing("    nodes: 4\n", with: "    nodes: 100001\n"),
      expected:
        "$FILE:19:12: error: field 'options[1].nodes': 'nodes' is 100001; it must be a whole number between 1 and 100000\nhelp: committed nodes, at most 100,000\n"
    ),
    BadInput(
      "sizing max_nodes zero",
      scenario: base.replacing(
        "    nodes: 4\n",
        with: "    nodes: auto\n    sizing: {metric: p95_wait_hours, at_most: 2, max_nodes: 0}\n"),
      expected:
        "$FILE:20:61: error: field 'options[1].sizing.max_nodes': 'max_nodes' is 0; it must be a whole number between 1 and 100000\nhelp: the largest node count the sizing search tries, at most 100,000\n"
    ),
    BadInput(
      "sizing at_most negative",
      scenario: base.replacing(
        "    nodes: 4\n",
        with: "    nodes: auto\n    sizing: {metric: p95_wait_hours, at_most: -1}\n"),
      expected:
        "$FILE:20:47: error: field 'options[1].sizing.at_most': 'at_most' is -1; it must be between 0 and 87600\nhelp: a wait in hours, from 0 to ten years\n"
    ),
    BadInput(
      "sizing at_least above 1",
      scenario: base.replacing(
        "    nodes: 4\n",
        with: "    nodes: auto\n    sizing: {metric: deadline_hit_rate, at_least: 1.5}\n"),
      expected:
        "$FILE:20:51: error: field 'options[1].sizing.at_least': 'at_least' is 1.5; it must be between 0 and 1\nhelp: a share of jobs, from 0 to 1 (e.g. 0.95)\n"
    ),
    BadInput(
      "contention episodes_per_hour -1",
      scenario: base.replacing(
        "    price: lambda-h100-sxm5-8x-on-demand\n",
        with:
          "    price: lambda-h100-sxm5-8x-on-demand\n    contention: {episodes_per_hour: -1, mean_duration_hours: 2, slowdown: 1.3}\n"
      ),
      expected:
        "$FILE:16:37: error: field 'options[0].contention.episodes_per_hour': 'episodes_per_hour' is -1; it must be between 0 and 100\nhelp: contention episodes per hour, at most 100 (one every 36 s)\n"
    ),
    BadInput(
      "contention episodes_per_hour 1000",
      scenario: base.replacing(
        "    price: lambda-h100-sxm5-8x-on-demand\n",
        with:
          "    price: lambda-h100-sxm5-8x-on-demand\n    contention: {episodes_per_hour: 1000, mean_duration_hours: 2, slowdown: 1.3}\n"
      ),
      expected:
        "$FILE:16:37: error: field 'options[0].contention.episodes_per_hour': 'episodes_per_hour' is 1000; it must be between 0 and 100\nhelp: contention episodes per hour, at most 100 (one every 36 s)\n"
    ),
    BadInput(
      "contention mean_duration_hours 0",
      scenario: base.replacing(
        "    price: lambda-h100-sxm5-8x-on-demand\n",
        with:
          "    price: lambda-h100-sxm5-8x-on-demand\n    contention: {episodes_per_hour: 0.05, mean_duration_hours: 0, slowdown: 1.3}\n"
      ),
      expected:
        "$FILE:16:64: error: field 'options[0].contention.mean_duration_hours': 'mean_duration_hours' is 0; it must be > 0 and ≤ 87600\nhelp: the mean episode length in hours, at most ten years\n"
    ),
    BadInput(
      "contention slowdown 0.5",
      scenario: base.replacing(
        "    price: lambda-h100-sxm5-8x-on-demand\n",
        with:
          "    price: lambda-h100-sxm5-8x-on-demand\n    contention: {episodes_per_hour: 0.05, mean_duration_hours: 2, slowdown: 0.5}\n"
      ),
      expected:
        "$FILE:16:77: error: field 'options[0].contention.slowdown': 'slowdown' is 0.5; it must be between 1 and 100\nhelp: the factor by which an episode slows work, from 1 (none) to 100\n"
    ),
    BadInput(
      "contention slowdown 500",
      scenario: base.replacing(
        "    price: lambda-h100-sxm5-8x-on-demand\n",
        with:
          "    price: lambda-h100-sxm5-8x-on-demand\n    contention: {episodes_per_hour: 0.05, mean_duration_hours: 2, slowdown: 500}\n"
      ),
      expected:
        "$FILE:16:77: error: field 'options[0].contention.slowdown': 'slowdown' is 500; it must be between 1 and 100\nhelp: the factor by which an episode slows work, from 1 (none) to 100\n"
    ),
    BadInput(
      "contention slowdown low below 1",
      scenario: base.replacing(
        "    price: lambda-h100-sxm5-8x-on-demand\n",
        with:
          "    price: lambda-h100-sxm5-8x-on-demand\n    contention: {episodes_per_hour: 0.05, mean_duration_hours: 2, slowdown: {low: 0.9, high: 1.5}}\n"
      ),
      expected:
        "$FILE:16:83: error: field 'options[0].contention.slowdown.low': 'low' is 0.9; it must be between 1 and 100\nhelp: a slowdown factor from 1 (none) to 100\n"
    ),
    BadInput(
      "contention slowdown high above 100",
      scenario: base.replacing(
        "    price: lambda-h100-sxm5-8x-on-demand\n",
        with:
          "    price: lambda-h100-sxm5-8x-on-demand\n    contention: {episodes_per_hour: 0.05, mean_duration_hours: 2, slowdown: {low: 1.1, high: 101}}\n"
      ),
      expected:
        "$FILE:16:94: error: field 'options[0].contention.slowdown.high': 'high' is 101; it must be between 1 and 100\nhelp: a slowdown factor from 1 (none) to 100\n"
    ),
    BadInput(
      "interruptions preemptions_per_gpu_hour negative",
      scenario: base.replacing(
        "    price: lambda-h100-sxm5-8x-on-demand\n",
        with:
          "    price: lambda-h100-sxm5-8x-on-demand\n    interruptions: {preemptions_per_gpu_hour: -0.1}\n"
      ),
      expected:
        "$FILE:16:47: error: field 'options[0].interruptions.preemptions_per_gpu_hour': 'preemptions_per_gpu_hour' is -0.1; it must be between 0 and 10\nhelp: preemptions per GPU-hour, at most 10 (one every 6 minutes on each GPU)\n"
    ),
    BadInput(
      "interruptions preemptions_per_gpu_hour above 10",
      scenario: base.replacing(
        "    price: lambda-h100-sxm5-8x-on-demand\n",
        with:
          "    price: lambda-h100-sxm5-8x-on-demand\n    interruptions: {preemptions_per_gpu_hour: 11}\n"
      ),
      expected:
        "$FILE:16:47: error: field 'options[0].interruptions.preemptions_per_gpu_hour': 'preemptions_per_gpu_hour' is 11; it must be between 0 and 10\nhelp: preemptions per GPU-hour, at most 10 (one every 6 minutes on each GPU)\n"
    ),
    BadInput(
      "interruptions failures_per_gpu_hour huge (hang)",
      scenario: base.replacing(
        "    price: lambda-h100-sxm5-8x-on-demand\n",
        with:
          "    price: lambda-h100-sxm5-8x-on-demand\n    interruptions: {failures_per_gpu_hour: 1e9}\n"
      ),
      expected:
        "$FILE:16:44: error: field 'options[0].interruptions.failures_per_gpu_hour': 'failures_per_gpu_hour' is 1e9; it must be between 0 and 10\nhelp: failures per GPU-hour, at most 10 (one every 6 minutes on each GPU)\n"
    ),
    BadInput(
      "interruptions failures_per_gpu_hour NaN",
      scenario: base.replacing(
        "    price: lambda-h100-sxm5-8x-on-demand\n",
        with:
          "    price: lambda-h100-sxm5-8x-on-demand\n    interruptions: {failures_per_gpu_hour: .nan}\n"
      ),
      expected:
        "$FILE:16:44: error: field 'options[0].interruptions.failures_per_gpu_hour': 'failures_per_gpu_hour' is nan; it must be between 0 and 10\nhelp: failures per GPU-hour, at most 10 (one every 6 minutes on each GPU)\n"
    ),
    BadInput(
      "interruptions checkpoint_hours 1e9 (hang)",
      scenario: base.replacing(
        "    price: lambda-h100-sxm5-8x-on-demand\n",
        with:
          "    price: lambda-h100-sxm5-8x-on-demand\n    interruptions: {checkpoint_hours: 1e9}\n"),
      expected:
        "$FILE:16:39: error: field 'options[0].interruptions.checkpoint_hours': 'checkpoint_hours' is 1e9; it must be between 0 and 720\nhelp: hours one checkpoint takes, at most 720 (30 days)\n"
    ),
    BadInput(
      "interruptions checkpoint_hours negative",
      scenario: base.replacing(
        "    price: lambda-h100-sxm5-8x-on-demand\n",
        with:
          "    price: lambda-h100-sxm5-8x-on-demand\n    interruptions: {checkpoint_hours: -1}\n"),
      expected:
        "$FILE:16:39: error: field 'options[0].interruptions.checkpoint_hours': 'checkpoint_hours' is -1; it must be between 0 and 720\nhelp: hours one checkpoint takes, at most 720 (30 days)\n"
    ),
    BadInput(
      "interruptions restart_hours 100000 (hang)",
      scenario: base.replacing(
        "    price: lambda-h100-sxm5-8x-on-demand\n",
        with:
          "    price: lambda-h100-sxm5-8x-on-demand\n    interruptions: {restart_hours: 100000}\n"),
      expected:
        "$FILE:16:36: error: field 'options[0].interruptions.restart_hours': 'restart_hours' is 100000; it must be between 0 and 720\nhelp: hours one restart takes, at most 720 (30 days)\n"
    ),
    BadInput(
      "interruptions restart_hours negative",
      scenario: base.replacing(
        "    price: lambda-h100-sxm5-8x-on-demand\n",
        with: "    price: lambda-h100-sxm5-8x-on-demand\n    interruptions: {restart_hours: -2}\n"),
      expected:
        "$FILE:16:36: error: field 'options[0].interruptions.restart_hours': 'restart_hours' is -2; it must be between 0 and 720\nhelp: hours one restart takes, at most 720 (30 days)\n"
    ),
    BadInput(
      "interruptions checkpoint_every_hours zero",
      scenario: base.replacing(
        "    price: lambda-h100-sxm5-8x-on-demand\n",
        with:
          "    price: lambda-h100-sxm5-8x-on-demand\n    interruptions: {checkpoint_every_hours: 0}\n"
      ),
      expected:
        "$FILE:16:45: error: field 'options[0].interruptions.checkpoint_every_hours': 'checkpoint_every_hours' is 0; it must be between 0.0001 and 87600\nhelp: hours of work between checkpoints, from 0.0001 (0.36 s) to ten years\n"
    ),
    BadInput(
      "interruptions checkpoint_every_hours 1e-18 (crash)",
      scenario: base.replacing(
        "    price: lambda-h100-sxm5-8x-on-demand\n",
        with:
          "    price: lambda-h100-sxm5-8x-on-demand\n"
          + "    interruptions: {preemptions_per_gpu_hour: 0.001, checkpoint_every_hours: 1e-18}\n"),
      expected:
        "$FILE:16:78: error: field 'options[0].interruptions.checkpoint_every_hours': 'checkpoint_every_hours' is 1e-18; it must be between 0.0001 and 87600\nhelp: hours of work between checkpoints, from 0.0001 (0.36 s) to ten years\n"
    ),
    BadInput(
      "interruptions checkpoint_hours 1e-300 under Daly (crash)",
      scenario: base.replacing(
        "    price: lambda-h100-sxm5-8x-on-demand\n",
        with:
          "    price: lambda-h100-sxm5-8x-on-demand\n"
          + "    interruptions: {preemptions_per_gpu_hour: 0.01, checkpoint_hours: 1e-300}\n"),
      expected:
        "$FILE:16:20: error: field 'options[0].interruptions': interruptions: 'checkpoint_hours' is 1e-300; it gives a checkpoint interval of 5e-150 h, under 0.0001 h (0.36 s): give a checkpoint that takes at least a second, or a fixed checkpoint_every_hours\nhelp: correct 'checkpoint_hours' in the scenario's interruptions section\n"
    ),
    BadInput(
      "interruptions checkpoint_every_hours a century",
      scenario: base.replacing(
        "    price: lambda-h100-sxm5-8x-on-demand\n",
        with:
          "    price: lambda-h100-sxm5-8x-on-demand\n    interruptions: {checkpoint_every_hours: 1e6}\n"
      ),
      expected:
        "$FILE:16:45: error: field 'options[0].interruptions.checkpoint_every_hours': 'checkpoint_every_hours' is 1e6; it must be between 0.0001 and 87600\nhelp: hours of work between checkpoints, from 0.0001 (0.36 s) to ten years\n"
    ),
    BadInput(
      "interruptions rerun_probability one",
      scenario: base.replacing(
        "    price: lambda-h100-sxm5-8x-on-demand\n",
        with:
          "    price: lambda-h100-sxm5-8x-on-demand\n    interruptions: {rerun_probability: 1}\n"),
      expected:
        "$FILE:16:40: error: field 'options[0].interruptions.rerun_probability': 'rerun_probability' is 1; it must be between 0 and 0.99\nhelp: the probability that an attempt fails fatally, from 0 to 0.99\n"
    ),
    BadInput(
      "interruptions rerun_probability negative",
      scenario: base.replacing(
        "    price: lambda-h100-sxm5-8x-on-demand\n",
        with:
          "    price: lambda-h100-sxm5-8x-on-demand\n    interruptions: {rerun_probability: -0.5}\n"
      ),
      expected:
        "$FILE:16:40: error: field 'options[0].interruptions.rerun_probability': 'rerun_probability' is -0.5; it must be between 0 and 0.99\nhelp: the probability that an attempt fails fatally, from 0 to 0.99\n"
    ),
    BadInput(
      "interruptions max_reruns above 1000",
      scenario: base.replacing(
        "    price: lambda-h100-sxm5-8x-on-demand\n",
        with: "    price: lambda-h100-sxm5-8x-on-demand\n    interruptions: {max_reruns: 1001}\n"),
      expected:
        "$FILE:16:33: error: field 'options[0].interruptions.max_reruns': 'max_reruns' is 1001; it must be a whole number between 0 and 1000\nhelp: full reruns after fatal failures, at most 1000\n"
    ),
    BadInput(
      "interruptions max_reruns fraction",
      scenario: base.replacing(
        "    price: lambda-h100-sxm5-8x-on-demand\n",
        with: "    price: lambda-h100-sxm5-8x-on-demand\n    interruptions: {max_reruns: 2.5}\n"),
      expected:
        "$FILE:16:33: error: field 'options[0].interruptions.max_reruns': 'max_reruns' is 2.5; it must be a whole number between 0 and 1000\nhelp: full reruns after fatal failures, at most 1000\n"
    ),
    BadInput(
      "billing minimum_hours -1",
      scenario: base.replacing(
        "    price: lambda-h100-sxm5-8x-on-demand\n",
        with: "    price: lambda-h100-sxm5-8x-on-demand\n    billing: {minimum_hours: -1}\n"),
      expected:
        "$FILE:16:30: error: field 'options[0].billing.minimum_hours': 'minimum_hours' is -1; it must be between 0 and 8760\nhelp: the minimum billed hours per job, at most a year\n"
    ),
    BadInput(
      "billing minimum_hours 9000",
      scenario: base.replacing(
        "    price: lambda-h100-sxm5-8x-on-demand\n",
        with: "    price: lambda-h100-sxm5-8x-on-demand\n    billing: {minimum_hours: 9000}\n"),
      expected:
        "$FILE:16:30: error: field 'options[0].billing.minimum_hours': 'minimum_hours' is 9000; it must be between 0 and 8760\nhelp: the minimum billed hours per job, at most a year\n"
    ),
    BadInput(
      "billing storage_per_job -5",
      scenario: base.replacing(
        "    price: lambda-h100-sxm5-8x-on-demand\n",
        with: "    price: lambda-h100-sxm5-8x-on-demand\n    billing: {storage_per_job: -5}\n"),
      expected:
        "$FILE:16:32: error: field 'options[0].billing.storage_per_job': 'storage_per_job' is -5; it must be between 0 and 1000000000\nhelp: storage charged per job in the price's currency, at most 10^9\n"
    ),
    BadInput(
      "billing egress_per_job 1e10",
      scenario: base.replacing(
        "    price: lambda-h100-sxm5-8x-on-demand\n",
        with: "    price: lambda-h100-sxm5-8x-on-demand\n    billing: {egress_per_job: 1e10}\n"),
      expected:
        "$FILE:16:31: error: field 'options[0].billing.egress_per_job': 'egress_per_job' is 1e10; it must be between 0 and 1000000000\nhelp: egress charged per job in the price's currency, at most 10^9\n"
    ),
    BadInput(
      "migration engineer_weeks -1",
      scenario: base.replacing(
        "    price: lambda-h100-sxm5-8x-on-demand\n",
        with: "    price: lambda-h100-sxm5-8x-on-demand\n    migration: {engineer_weeks: -1}\n"),
      expected:
        "$FILE:16:33: error: field 'options[0].migration.engineer_weeks': 'engineer_weeks' is -1; it must be between 0 and 10000\nhelp: engineer-weeks of migration work, at most 10,000\n"
    ),
    BadInput(
      "migration engineer_weeks 20000",
      scenario: base.replacing(
        "    price: lambda-h100-sxm5-8x-on-demand\n",
        with: "    price: lambda-h100-sxm5-8x-on-demand\n    migration: {engineer_weeks: 20000}\n"),
      expected:
        "$FILE:16:33: error: field 'options[0].migration.engineer_weeks': 'engineer_weeks' is 20000; it must be between 0 and 10000\nhelp: engineer-weeks of migration work, at most 10,000\n"
    ),
    BadInput(
      "migration other_costs 1e13",
      scenario: base.replacing(
        "    price: lambda-h100-sxm5-8x-on-demand\n",
        with: "    price: lambda-h100-sxm5-8x-on-demand\n    migration: {other_costs: 1e13}\n"),
      expected:
        "$FILE:16:30: error: field 'options[0].migration.other_costs': 'other_costs' is 1e13; it must be between 0 and 1000000000000\nhelp: one-off migration costs in the price's currency, at most 10^12\n"
    ),
    BadInput(
      "overflow max_wait_hours negative",
      scenario: base.replacing(
        "    nodes: 4\n", with: "    nodes: 4\n    overflow: {to: cloud, max_wait_hours: -1}\n"),
      expected:
        "$FILE:20:43: error: field 'options[1].overflow.max_wait_hours': 'max_wait_hours' is -1; it must be between 0 and 87600\nhelp: hours a job may wait before it overflows, from 0 to ten years\n"
    ),
    BadInput(
      "provisioning lead_time_months above 600",
      scenario: base.replacing(
        "    nodes: 4\n",
        with: "    nodes: 4\n    provisioning: {lead_time_months: 700, interim: cloud}\n"),
      expected:
        "$FILE:20:38: error: field 'options[1].provisioning.lead_time_months': 'lead_time_months' is 700; it must be a whole number between 0 and 600\nhelp: months until committed nodes exist, from 0 to 600\n"
    ),
    BadInput(
      "provisioning lead_time_months fraction",
      scenario: base.replacing(
        "    nodes: 4\n",
        with: "    nodes: 4\n    provisioning: {lead_time_months: 1.5, interim: cloud}\n"),
      expected:
        "$FILE:20:38: error: field 'options[1].provisioning.lead_time_months': 'lead_time_months' is 1.5; it must be a whole number between 0 and 600\nhelp: months until committed nodes exist, from 0 to 600\n"
    ),
    BadInput(
      "costs engineer_hourly_rate -100",
      scenario: base + "costs: {engineer_hourly_rate: -100}\n",
      expected:
        "$FILE:20:31: error: field 'costs.engineer_hourly_rate': 'engineer_hourly_rate' is -100; it must be between 0 and 10000\nhelp: what an engineer-hour costs, at most 10,000\n"
    ),
    BadInput(
      "costs engineer_hourly_rate 1e5",
      scenario: base + "costs: {engineer_hourly_rate: 1e5}\n",
      expected:
        "$FILE:20:31: error: field 'costs.engineer_hourly_rate': 'engineer_hourly_rate' is 1e5; it must be between 0 and 10000\nhelp: what an engineer-hour costs, at most 10,000\n"
    ),
    BadInput(
      "costs penalty_per_missed_deadline -1",
      scenario: base + "costs: {penalty_per_missed_deadline: -1}\n",
      expected:
        "$FILE:20:38: error: field 'costs.penalty_per_missed_deadline': 'penalty_per_missed_deadline' is -1; it must be between 0 and 1000000000\nhelp: the cost of one missed deadline, at most 10^9\n"
    ),
    BadInput(
      "costs penalty_per_hour_late 1e10",
      scenario: base + "costs: {penalty_per_hour_late: 1e10}\n",
      expected:
        "$FILE:20:32: error: field 'costs.penalty_per_hour_late': 'penalty_per_hour_late' is 1e10; it must be between 0 and 1000000000\nhelp: the cost of an hour late, at most 10^9\n"
    ),
    BadInput(
      "costs investigation_threshold 0.5",
      scenario: base + "costs: {investigation_threshold: 0.5}\n",
      expected:
        "$FILE:20:34: error: field 'costs.investigation_threshold': 'investigation_threshold' is 0.5; it must be between 1 and 1000\nhelp: a job slower than this multiple of its typical time is investigated (≥ 1)\n"
    ),
    BadInput(
      "costs investigation_hours -3",
      scenario: base + "costs: {investigation_hours: -3}\n",
      expected:
        "$FILE:20:30: error: field 'costs.investigation_hours': 'investigation_hours' is -3; it must be between 0 and 10000\nhelp: engineer-hours spent per investigation, at most 10,000\n"
    ),
    BadInput(
      "costs engineers_blocked_per_waiting_job 5000",
      scenario: base + "costs: {engineers_blocked_per_waiting_job: 5000}\n",
      expected:
        "$FILE:20:44: error: field 'costs.engineers_blocked_per_waiting_job': 'engineers_blocked_per_waiting_job' is 5000; it must be between 0 and 1000\nhelp: engineers idle while a job waits, at most 1000\n"
    ),
    BadInput(
      "lognormal mu 700",
      scenario: base.replacing(
        "    samples: h100-8gpu-step-time-shared\n",
        with: "    distribution: {family: lognormal, mu: 700, sigma: 1}\n"),
      expected:
        "$FILE:14:43: error: field 'options[0].distribution.mu': 'mu' is 700; it must be between -50 and 20\nhelp: the mean of ln(seconds): e^20 s is about 15 years, so larger values describe no real job\n"
    ),
    BadInput(
      "lognormal sigma 9",
      scenario: base.replacing(
        "    samples: h100-8gpu-step-time-shared\n",
        with: "    distribution: {family: lognormal, mu: -0.5, sigma: 9}\n"),
      expected:
        "$FILE:14:56: error: field 'options[0].distribution.sigma': 'sigma' is 9; it must be > 0 and ≤ 5\nhelp: the standard deviation of ln(seconds); 5 already spans a factor of 10^8 at ±2σ\n"
    ),
    BadInput(
      "lognormal sigma zero",
      scenario: base.replacing(
        "    samples: h100-8gpu-step-time-shared\n",
        with: "    distribution: {family: lognormal, mu: -0.5, sigma: 0}\n"),
      expected:
        "$FILE:14:56: error: field 'options[0].distribution.sigma': 'sigma' is 0; it must be > 0 and ≤ 5\nhelp: the standard deviation of ln(seconds); 5 already spans a factor of 10^8 at ±2σ\n"
    ),
    BadInput(
      "normal with a huge mean",
      scenario: base.replacing(
        "    samples: h100-8gpu-step-time-shared\n",
        with: "    distribution: {family: normal, mean: 1e300, sd: 1}\n"),
      expected:
        "$FILE:14:42: error: field 'options[0].distribution.mean': 'mean' is 1e300; it must be between -315360000 and 315360000\nhelp: the mean in seconds, at most ten years\n"
    ),
    BadInput(
      "normal with a huge sd",
      scenario: base.replacing(
        "    samples: h100-8gpu-step-time-shared\n",
        with: "    distribution: {family: normal, mean: 0.6, sd: 1e12}\n"),
      expected:
        "$FILE:14:51: error: field 'options[0].distribution.sd': 'sd' is 1e12; it must be > 0 and ≤ 315360000\nhelp: the standard deviation in seconds, at most ten years\n"
    ),
    BadInput(
      // The check must see the mean of the draws, which are cut off at 0: about sd/√(2π) = 1.26e8 s a
      // step, not the distribution's 1 s.
      "normal whose draws, cut off at 0, average 1.26e8 s",
      scenario: base.replacing(
        "    samples: h100-8gpu-step-time-shared\n",
        with: "    distribution: {family: normal, mean: 1, sd: 315360000}\n"),
      expected:
        "$FILE:14:19: error: field 'options[0].distribution': option 'cloud': a job's failure-free time (steps_per_job × mean duration × duration_scale) is 2.52e9 h on average; it must be at most 87600 h\nhelp: check the duration's unit (seconds per step), its parameters, steps_per_job and duration_scale\n"
    ),
    BadInput(
      "growth whose drawn rate doubles the jobs every month (hang)",
      scenario: base.replacing(
        "  arrivals: poisson\n",
        with:
          "  arrivals: poisson\n  growth: {model: compound, rate_per_month: {uniform: [-0.99, 1]}}\n"
      ).replacing("horizon_months: 12\n", with: "horizon_months: 60\n").replacing(
        "trials: 200\n", with: "trials: 100\n"),
      expected:
        "$FILE:4:9: error: field 'trials': this run would simulate about 2.85e8 jobs (100 trials × 1.43e6 jobs over the horizon × 2 passes over the options), more than the budget of 2.0e8\nhelp: lower --trials, jobs_per_month, horizon_months or sizing.max_nodes, or pass --force to run it anyway\n"
    ),
    BadInput(
      "normal with a negative sd",
      scenario: base.replacing(
        "    samples: h100-8gpu-step-time-shared\n",
        with: "    distribution: {family: normal, mean: 0.6, sd: -1}\n"),
      expected:
        "$FILE:14:51: error: field 'options[0].distribution.sd': 'sd' is -1; it must be > 0 and ≤ 315360000\nhelp: the standard deviation in seconds, at most ten years\n"
    ),
    BadInput(
      "gamma shape zero",
      scenario: base.replacing(
        "    samples: h100-8gpu-step-time-shared\n",
        with: "    distribution: {family: gamma, shape: 0, scale: 0.1}\n"),
      expected:
        "$FILE:14:42: error: field 'options[0].distribution.shape': 'shape' is 0; it must be > 0 and ≤ 1000000\nhelp: the gamma shape k, at most 10^6\n"
    ),
    BadInput(
      "gamma scale 1e20",
      scenario: base.replacing(
        "    samples: h100-8gpu-step-time-shared\n",
        with: "    distribution: {family: gamma, shape: 2, scale: 1e20}\n"),
      expected:
        "$FILE:14:52: error: field 'options[0].distribution.scale': 'scale' is 1e20; it must be > 0 and ≤ 315360000\nhelp: the gamma scale θ in seconds, at most ten years\n"
    ),
    BadInput(
      "weibull shape 0.01",
      scenario: base.replacing(
        "    samples: h100-8gpu-step-time-shared\n",
        with: "    distribution: {family: weibull, shape: 0.01, scale: 1}\n"),
      expected:
        "$FILE:14:44: error: field 'options[0].distribution.shape': 'shape' is 0.01; it must be between 0.1 and 1000\nhelp: the Weibull shape k, from 0.1 (mean = 10!·scale) to 1000\n"
    ),
    BadInput(
      "exponential rate zero",
      scenario: base.replacing(
        "    samples: h100-8gpu-step-time-shared\n",
        with: "    distribution: {family: exponential, rate: 0}\n"),
      expected:
        "$FILE:14:47: error: field 'options[0].distribution.rate': 'rate' is 0; it must be between 1e-09 and 1000000000\nhelp: the rate per second: a mean from 1 ns to about 30 years\n"
    ),
    BadInput(
      "shift 1e12",
      scenario: base.replacing(
        "    samples: h100-8gpu-step-time-shared\n",
        with: "    distribution: {family: lognormal, mu: -0.5, sigma: 0.2, shift: 1e12}\n"),
      expected:
        "$FILE:14:68: error: field 'options[0].distribution.shift': 'shift' is 1e12; it must be between -315360000 and 315360000\nhelp: seconds added to every draw, at most ten years\n"
    ),
    BadInput(
      "lognormal sigma infinity",
      scenario: base.replacing(
        "    samples: h100-8gpu-step-time-shared\n",
        with: "    distribution: {family: lognormal, mu: -0.5, sigma: .inf}\n"),
      expected:
        "$FILE:14:56: error: field 'options[0].distribution.sigma': 'sigma' is inf; it must be > 0 and ≤ 5\nhelp: the standard deviation of ln(seconds); 5 already spans a factor of 10^8 at ±2σ\n"
    ),
    BadInput(
      "normal mean 1e7 s per step: job of 200 million hours",
      scenario: base.replacing(
        "    samples: h100-8gpu-step-time-shared\n",
        with: "    distribution: {family: normal, mean: 1e7, sd: 1}\n"),
      expected:
        "$FILE:14:19: error: field 'options[0].distribution': option 'cloud': a job's failure-free time (steps_per_job × mean duration × duration_scale) is 2.0e8 h on average; it must be at most 87600 h\nhelp: check the duration's unit (seconds per step), its parameters, steps_per_job and duration_scale\n"
    ),
    BadInput(
      "lognormal whose mean job is centuries",
      scenario: base.replacing(
        "    samples: h100-8gpu-step-time-shared\n",
        with: "    distribution: {family: lognormal, mu: 19, sigma: 4}\n"),
      expected:
        "$FILE:14:19: error: field 'options[0].distribution': option 'cloud': a job's failure-free time (steps_per_job × mean duration × duration_scale) is 1.06e13 h on average; it must be at most 87600 h\nhelp: check the duration's unit (seconds per step), its parameters, steps_per_job and duration_scale\n"
    ),
    BadInput(
      "failures so frequent a job never finishes",
      scenario: base.replacing(
        "    price: lambda-h100-sxm5-8x-on-demand\n",
        with:
          "    price: lambda-h100-sxm5-8x-on-demand\n    interruptions: {failures_per_gpu_hour: 5}\n"
      ),
      expected:
        "$FILE:16:20: error: field 'options[0].interruptions': option 'cloud': a job of 21.6 h of work is interrupted every 0.025 h on average (8 GPUs × the per-GPU-hour rates); with no checkpoints and restarts of 0 h its expected wall time (Daly 2006) is ∞ h, more than 100 times its work: it would never finish\nhelp: checkpoint plus restart must be well below the mean time between interruptions: lower the rates, shorten checkpoint_hours or restart_hours, or checkpoint more often\n"
    ),
    BadInput(
      "checkpoint plus restart longer than the mean time between interruptions",
      scenario: base.replacing(
        "    price: lambda-h100-sxm5-8x-on-demand\n",
        with:
          "    price: lambda-h100-sxm5-8x-on-demand\n    interruptions: {failures_per_gpu_hour: 0.01, checkpoint_hours: 500, restart_hours: 700}\n"
      ),
      expected:
        "$FILE:16:20: error: field 'options[0].interruptions': option 'cloud': a job of 21.6 h of work is interrupted every 12.5 h on average (8 GPUs × the per-GPU-hour rates); with checkpoints of 500 h every 12.5 h and restarts of 700 h its expected wall time (Daly 2006) is 2.89e43 h, more than 100 times its work: it would never finish\nhelp: checkpoint plus restart must be well below the mean time between interruptions: lower the rates, shorten checkpoint_hours or restart_hours, or checkpoint more often\n"
    ),
    BadInput(
      "more than 10000 interruptions per job",
      scenario: base.replacing("steps_per_job: 72000", with: "steps_per_job: 720000").replacing(
        "    price: lambda-h100-sxm5-8x-on-demand\n",
        with:
          "    price: lambda-h100-sxm5-8x-on-demand\n    interruptions: {preemptions_per_gpu_hour: 10, checkpoint_hours: 0.0001, checkpoint_every_hours: 0.001}\n"
      ),
      expected:
        "$FILE:16:20: error: field 'options[0].interruptions': option 'cloud': a job of 216 h of work is interrupted every 0.0125 h on average (8 GPUs × the per-GPU-hour rates); with checkpoints of 0.0001 h every 0.001 h and restarts of 0 h its expected wall time (Daly 2006) is 248 h, with 19837 interruptions; at most 10000 are simulated per job\nhelp: checkpoint plus restart must be well below the mean time between interruptions: lower the rates, shorten checkpoint_hours or restart_hours, or checkpoint more often\n"
    ),
    BadInput(
      "work budget exceeded",
      scenario: base.replacing("trials: 200", with: "trials: 2000000"),
      expected:
        "$FILE:4:9: error: field 'trials': this run would simulate about 1.92e9 jobs (2000000 trials × 480 jobs over the horizon × 2 passes over the options), more than the budget of 2.0e8\nhelp: lower --trials, jobs_per_month, horizon_months or sizing.max_nodes, or pass --force to run it anyway\n"
    ),
    BadInput(
      "a million jobs a month above the work budget",
      scenario: base.replacing("jobs_per_month: 40", with: "jobs_per_month: 1000000"),
      expected:
        "$FILE:4:9: error: field 'trials': this run would simulate about 4.8e9 jobs (200 trials × 1.2e7 jobs over the horizon × 2 passes over the options), more than the budget of 2.0e8\nhelp: lower --trials, jobs_per_month, horizon_months or sizing.max_nodes, or pass --force to run it anyway\n"
    ),
  ]
}

extension String {
  /// The text with the first `old` replaced by `new`.
  func replacing(_ old: String, with new: String) -> String {
    guard let range = range(of: old) else { return self }
    return replacingCharacters(in: range, with: new)
  }
}
