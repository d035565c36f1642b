import Foundation
import Testing
import Yams
import _CapsimTestSupport

@testable import CapsimScenarioLoader

@Suite("Scenario loader")
struct ScenarioLoaderTests {
  static let valid = """
    version: 1
    name: prod
    description: A production team.
    horizon_months: 12
    trials: 500
    seed: 42
    workload:
      jobs_per_month: 40
      arrivals: fixed
      gpus_per_job: 8
      steps_per_job: 20_000
      deadline_hours: 30
    options:
      - name: cloud
        samples: shared-steps
        price: od
      - name: metal
        samples: metal-steps
        price: bm
        nodes: 2
        duration_scale: 0.95
    """

  @Test func readsEveryKey() throws {
    let loaded = try ScenarioLoader.parse(yaml: Self.valid, file: "prod.yaml")
    let scenario = loaded.scenario
    #expect(scenario.name == "prod")
    #expect(scenario.horizonMonths == 12)
    #expect(scenario.trials == 500)
    #expect(scenario.seed == 42)
    #expect(
      scenario.workload
        == Workload(
          jobsPerMonth: 40, arrivals: .fixed, gpusPerJob: 8, stepsPerJob: 20_000, deadlineHours: 30)
    )
    #expect(scenario.options.map(\.name) == ["cloud", "metal"])
    #expect(scenario.options[1].nodes == .fixed(2))
    #expect(scenario.options[1].durationScale == 0.95)
    #expect(loaded.sourceMap.location(of: "options[1].price").line == 19)
  }

  @Test func defaultsApply() throws {
    let yaml = """
      name: minimal
      horizon_months: 3
      workload: {jobs_per_month: 5}
      options: [{name: a, samples: s, price: p}]
      """
    let scenario = try ScenarioLoader.parse(yaml: yaml, file: "m.yaml").scenario
    #expect(scenario.version == 1)
    #expect(scenario.trials == 2_000)
    #expect(scenario.seed == 1)
    #expect(scenario.workload.arrivals == .poisson)
    #expect(scenario.workload.gpusPerJob == 1)
    #expect(scenario.workload.stepsPerJob == 1)
    #expect(scenario.workload.deadlineHours == nil)
  }

  struct BadCase: CustomTestStringConvertible, Sendable {
    let name: String
    let yaml: String
    let expected: [String]
    var testDescription: String { name }
  }

  static let badCases: [BadCase] = [
    BadCase(
      name: "misspelt key",
      yaml: valid.replacingOccurrences(of: "horizon_months", with: "horizon_month"),
      expected: [
        "bad.yaml:4:1: error: unknown key 'horizon_month'", "help: did you mean 'horizon_months'?",
        "missing required key 'horizon_months'",
      ]),
    BadCase(
      name: "negative jobs",
      yaml: valid.replacingOccurrences(of: "jobs_per_month: 40", with: "jobs_per_month: -3"),
      expected: [
        "bad.yaml:8:19: error: field 'workload.jobs_per_month': 'jobs_per_month' is -3; it must be between 0.1 and 1000000",
        "help: mean jobs submitted per month: at least one job in ten months, at most a million",
      ]),
    BadCase(
      name: "NaN scale",
      yaml: valid.replacingOccurrences(of: "duration_scale: 0.95", with: "duration_scale: .nan"),
      expected: ["bad.yaml:21:21:", "'duration_scale' is nan; it must be between 0.001 and 1000"]),
    BadCase(
      name: "text where a number belongs",
      yaml: valid.replacingOccurrences(of: "trials: 500", with: "trials: many"),
      expected: ["bad.yaml:5:9: error: field 'trials': expected a whole number, found 'many'"]),
    BadCase(
      name: "newer version", yaml: valid.replacingOccurrences(of: "version: 1", with: "version: 9"),
      expected: ["scenario format version 9 is newer than this capsim supports (1)"]),
    BadCase(
      name: "syntax error", yaml: "name: x\n  bad: [1, 2\n",
      expected: ["bad.yaml:2:", "error: invalid YAML"]),
    BadCase(
      name: "duplicate option names",
      yaml: valid.replacingOccurrences(of: "name: metal", with: "name: cloud"),
      expected: ["option name 'cloud' is used twice"]),
    BadCase(
      name: "options not a list",
      yaml: "name: x\nhorizon_months: 1\nworkload: {jobs_per_month: 1}\noptions: 3\n",
      expected: ["bad.yaml:4:10: error: field 'options': expected a non-empty list of options"]),
    BadCase(
      name: "several problems at once",
      yaml: valid.replacingOccurrences(of: "trials: 500", with: "trials: 0").replacingOccurrences(
        of: "gpus_per_job: 8", with: "gpus: 8"),
      expected: ["'trials' is 0", "unknown key 'gpus'", "2 problems found"]),
    BadCase(
      name: "sweep item with both values and a range",
      yaml: valid + "\nsweep:\n  - vary: workload.jobs_per_month\n    values: [1]\n    from: 1\n"
        + "    to: 2\n    step: 1\n",
      expected: [
        "bad.yaml:25:11: error: field 'sweep[0].from': give either 'values' or 'from', 'to' and 'step', not both",
        "help: remove 'values' to sweep the range, or remove 'from', 'to', 'step' to sweep the list",
      ]),
    BadCase(
      name: "empty sweep",
      yaml: valid + "\nsweep: []\n",
      expected: [
        "bad.yaml:22:8: error: 'sweep' is an empty list",
        "help: list one or two inputs to vary",
      ]),
    BadCase(
      name: "three sweep inputs",
      yaml: valid + "\nsweep: [{vary: a, values: [1]}, {vary: b, values: [1]},"
        + " {vary: c, values: [1]}]\n",
      expected: ["bad.yaml:22:8: error: 'sweep' lists 3 inputs; a sweep varies one or two"]),
    BadCase(
      name: "empty sweep values",
      yaml: valid + "\nsweep:\n  - vary: workload.jobs_per_month\n    values: []\n",
      expected: [
        "bad.yaml:24:13: error: field 'sweep[0].values': 'values' is an empty list",
        "help: list at least one value, e.g. 'values: [60, 80, 100]'",
      ]),
    BadCase(
      name: "two sweep items on one input, by name and by position",
      yaml: valid
        + "\nsweep:\n  - vary: options.metal.nodes\n    values: [1, 2]\n"
        + "  - vary: options[1].nodes\n    values: [3]\n",
      expected: [
        "bad.yaml:25:11: error: field 'sweep[1].vary': sweep[0] and sweep[1] both vary the same input "
          + "('options.metal.nodes' and 'options[1].nodes'); every point would take sweep[1]'s value, so "
          + "sweep[0] would be ignored",
        "help: vary two different inputs; to sweep more values of one input, list them all in one "
          + "item's 'values' (or its 'from', 'to' and 'step')",
      ]),
    BadCase(
      name: "a number too small to hold, where 0 is allowed",
      yaml: valid + "\ncosts: {engineer_hourly_rate: 1e-400}\n",
      expected: [
        "bad.yaml:22:31: error: field 'costs.engineer_hourly_rate': 'engineer_hourly_rate' is 1e-400, too "
          + "small to hold: it would be read as 0",
        "help: write 0 for zero; a number other than zero must be at least about 5e-324 in size",
      ]),
    BadCase(
      name: "a monthly count too small to hold",
      yaml: valid.replacingOccurrences(
        of: "jobs_per_month: 40", with: "monthly_jobs: [1_000, 1e-400]"),
      expected: [
        "bad.yaml:8:25: error: field 'workload.monthly_jobs[1]': monthly_jobs[1] is 1e-400, too small "
          + "to hold: it would be read as 0"
      ]),
    BadCase(
      name: "hexadecimal ends of an uncertain input",
      yaml: valid.replacingOccurrences(
        of: "jobs_per_month: 40", with: "jobs_per_month: 0x10 to 0x20"),
      expected: [
        "bad.yaml:8:19: error: 'workload.jobs_per_month' is not a valid distribution",
        "help: write it as \"a to b\" with finite numbers",
      ]),
    BadCase(
      name: "a precision that is neither a share nor a percentage",
      yaml: valid + "\nprecision: one percent\n",
      expected: [
        "bad.yaml:22:12: error: field 'precision': expected a share or a percentage (0.01 or 1%), "
          + "found 'one percent'"
      ]),
    BadCase(
      name: "a precision percentage above 50%",
      yaml: valid + "\nprecision: 150%\n",
      expected: ["bad.yaml:22:12: error: 'precision' is 150%; it must be > 0 and ≤ 0.5"]),
    BadCase(
      name: "a section among sweep values",
      yaml: valid + "\nsweep:\n  - vary: workload.jobs_per_month\n    values: [1, {a: 2}]\n",
      expected: [
        "bad.yaml:24:17: error: field 'sweep[0].values': expected a plain value (a number or a name), found a mapping"
      ]),
  ]

  @Test(arguments: badCases)
  func rejectsBadInputWithLocation(_ bad: BadCase) {
    let error = #expect(throws: ScenarioError.self) {
      try ScenarioLoader.parse(yaml: bad.yaml, file: "bad.yaml")
    }
    let text = error?.description ?? ""
    for fragment in bad.expected {
      #expect(text.contains(fragment), "\(bad.name): missing «\(fragment)» in:\n\(text)")
    }
  }

  /// `precision` takes the forms `--precision` takes: a share or a percentage (`1%` was "expected a
  /// number").
  @Test(arguments: ["0.01", "1%", "1.0%"])
  func precisionIsAShareOrAPercentage(written: String) throws {
    let scenario = try ScenarioLoader.parse(
      yaml: Self.valid + "\nprecision: \(written)\n", file: "p.yaml"
    ).scenario
    #expect(scenario.precision?.relativeHalfWidth == 0.01)
  }

  /// At most 1,000 options with names of at most 200 characters: a generated file with 10,000 options
  /// took 39 s to refuse nothing, and a 200,000-character name a minute to print.
  @Test func optionCountAndNameLengthAreLimited() throws {
    func scenario(options count: Int, nameLength: Int = 2) -> String {
      let options = (0..<count).map { index in
        let name = "o\(index)" + String(repeating: "x", count: Swift.max(0, nameLength - 2))
        return "  - {name: \(name), samples: s, price: p}"
      }
      return "name: n\nhorizon_months: 3\nworkload: {jobs_per_month: 5}\noptions:\n"
        + options.joined(separator: "\n") + "\n"
    }
    #expect(
      try ScenarioLoader.parse(yaml: scenario(options: 1_000), file: "m.yaml").scenario.options
        .count == 1_000)
    #expect(
      try ScenarioLoader.parse(yaml: scenario(options: 1, nameLength: 200), file: "m.yaml").scenario
        .options[0].name.count == 200)
    let many = #expect(throws: ScenarioError.self) {
      try ScenarioLoader.parse(yaml: scenario(options: 1_001), file: "m.yaml")
    }
    #expect(
      many?.description
        == "m.yaml:5:3: error: 'options' lists 1001 options; at most 1000 are allowed\n"
        + "help: compare fewer options at once, over several scenarios if need be: each option is "
        + "simulated on every trial and shown in every report")
    let long = #expect(throws: ScenarioError.self) {
      try ScenarioLoader.parse(yaml: scenario(options: 1, nameLength: 201), file: "m.yaml")
    }
    #expect(
      long?.description
        == "m.yaml:5:12: error: field 'options[0].name': the option name is 201 characters long; at "
        + "most 200 are allowed\nhelp: use a short name: it labels the option's rows and columns in "
        + "every report")
  }

  /// A `sweep:` range's bounds are read like every number of the file: with `_` separators (the bounds'
  /// text used to reach the range parser as written, and `1_000` was "not FROM:TO:STEP").
  @Test func sweepRangeBoundsMayHaveDigitSeparators() throws {
    let yaml =
      Self.valid + "\nsweep:\n  - vary: workload.jobs_per_month\n"
      + "    from: 1_000\n    to: 2_000\n    step: 500\n"
    let sweep = try ScenarioLoader.parse(yaml: yaml, file: "s.yaml").scenario.sweep
    #expect(sweep.map(\.values) == [["1000", "1500", "2000"]])
  }

  /// A `sweep:` range shares `--vary`'s grid: written with exponents, it is still FROM + k·STEP.
  @Test func sweepRangeWithExponentsGivesTheWrittenGrid() throws {
    let yaml =
      Self.valid + "\nsweep:\n  - vary: options.cloud.interruptions.failures_per_gpu_hour\n"
      + "    from: 1e-5\n    to: 0.00005\n    step: 1e-5\n"
    let sweep = try ScenarioLoader.parse(yaml: yaml, file: "s.yaml").scenario.sweep
    #expect(sweep.map(\.values) == [["1e-5", "2e-5", "3e-5", "4e-5", "5e-5"]])
  }

  /// A `sweep:` list keeps each value whole: a quoted name with a comma or colons is one value, not several
  /// (joined and split again, "a,b" became two values and "1:2:3" a range). A value that would read back
  /// as something else when its text is applied as YAML (a mapping, a list, a number and a comment) is
  /// quoted; an empty one is an error at its line.
  @Test func sweepListKeepsEachValueWhole() throws {
    let yaml =
      Self.valid + "\nsweep:\n  - vary: options.cloud.samples\n"
      + "    values: [\"set-a,v2\", \"1:2:3\", plain, \"a: b\", \"80 # note\", \"[x, y]\"]\n"
    let sweep = try ScenarioLoader.parse(yaml: yaml, file: "s.yaml").scenario.sweep
    #expect(
      sweep.map(\.values) == [
        ["set-a,v2", "1:2:3", "plain", "\"a: b\"", "\"80 # note\"", "\"[x, y]\""]
      ])
    // Applied as an override, the quoted text reads back as the string written.
    for value in ["a: \"b\"\\c", "- x", "{k: v}", "tab\there", "120", "plain name"] {
      let text = ScenarioLoader.yamlText(value)
      #expect(try Yams.compose(yaml: text)?.scalar?.string == value, "\(value) → \(text)")
    }
    #expect(ScenarioLoader.yamlText("120") == "120")
    let empty =
      Self.valid + "\nsweep:\n  - vary: workload.jobs_per_month\n    values: [80, \"\", 90]\n"
    let emptyError = #expect(throws: ScenarioError.self) {
      try ScenarioLoader.parse(yaml: empty, file: "s.yaml")
    }
    #expect(
      emptyError?.description.contains(
        "s.yaml:24:18: error: field 'sweep[0].values': 'values' has an empty value") == true,
      "\(emptyError?.description ?? "")")
    #expect(sweep.map(\.path) == ["options.cloud.samples"])
    // The checks of --vary's lists still hold: a fixed key cannot be varied.
    let fixed = Self.valid + "\nsweep:\n  - vary: seed\n    values: [1, 2]\n"
    let error = #expect(throws: ScenarioError.self) {
      try ScenarioLoader.parse(yaml: fixed, file: "s.yaml")
    }
    #expect(error?.description.contains("'seed' cannot be varied") == true)
  }

  /// A file that is not UTF-8 is one error at the line and column of its first bad byte (it was "cannot
  /// read the scenario file" with no position); a UTF-16 file is named as such. A UTF-8 byte-order mark
  /// is allowed.
  static let notUTF8: [(bytes: [UInt8], expected: String)] = {
    let latin1: [UInt8] = Array("version: 1\nname: caf".utf8) + [0xE9, 0x0A]
    let utf16: [UInt8] = [0xFF, 0xFE, 0x76, 0x00, 0x65, 0x00]
    let truncated: [UInt8] = Array("name: \u{2603}\r\nx: \u{E9}".utf8) + [0xC3]
    return [
      (
        latin1,
        "x.yaml:2:10: error: the scenario file is not UTF-8 text: byte 0xE9 here is not valid UTF-8\n"
          + "help: save the file as UTF-8; from Latin-1, e.g. 'iconv -f LATIN1 -t UTF-8'"
      ),
      (
        utf16,
        "x.yaml:1:1: error: the scenario file is not UTF-8 text: byte 0xFF here is not valid UTF-8\n"
          + "help: the file is UTF-16 (it starts with a byte-order mark): save it as UTF-8, e.g. "
          + "'iconv -f UTF-16 -t UTF-8'"
      ),
      (
        truncated,
        "x.yaml:2:5: error: the scenario file is not UTF-8 text: byte 0xC3 here is not valid UTF-8"
      ),
    ]
  }()

  @Test(arguments: notUTF8)
  func aFileThatIsNotUTF8IsLocated(bytes: [UInt8], expected: String) throws {
    let file = try Fixtures.temporaryDirectory().appendingPathComponent("x.yaml")
    try Data(bytes).write(to: file)
    let error = #expect(throws: ScenarioError.self) {
      try ScenarioLoader.load(path: file.path)
    }
    let text = (error?.description ?? "").replacingOccurrences(of: file.path, with: "x.yaml")
    #expect(text.hasPrefix(expected), "\(text)")
  }

  @Test func aByteOrderMarkIsAllowed() throws {
    let file = try Fixtures.temporaryDirectory().appendingPathComponent("bom.yaml")
    try Data([0xEF, 0xBB, 0xBF] + Array(Self.valid.utf8)).write(to: file)
    #expect(try ScenarioLoader.load(path: file.path).scenario.name == "prod")
  }

  /// A NUL byte or another control character YAML refuses is one error at its line and column saying
  /// so, without the indentation hint of a syntax error (it was "invalid YAML: 2:9: error: reader: …").
  @Test(arguments: [
    (
      "version: 1\nname: ba\0se\n",
      "n.yaml:2:9: error: a NUL byte (U+0000) is not allowed in a scenario file\n"
        + "help: remove it: YAML text holds no NUL bytes (a file full of them is binary, or UTF-16 text)"
    ),
    (
      "version: 1\r\nname: \"\u{2603}\u{7}\"\r\n",
      "n.yaml:2:9: error: the control character U+0007 is not allowed in a scenario file\n"
        + "help: remove it: YAML text may hold tabs and line breaks but no other control characters"
    ),
  ])
  func aControlCharacterIsLocated(yaml: String, expected: String) {
    let error = #expect(throws: ScenarioError.self) {
      try ScenarioLoader.parse(yaml: yaml, file: "n.yaml")
    }
    #expect(error?.description == expected, "\(error?.description ?? "")")
  }

  @Test func missingFileIsOneClearError() {
    let error = #expect(throws: ScenarioError.self) {
      try ScenarioLoader.load(path: "/nonexistent/x.yaml")
    }
    #expect(
      error?.description.contains("/nonexistent/x.yaml: error: cannot read the scenario file")
        == true)
  }
}
