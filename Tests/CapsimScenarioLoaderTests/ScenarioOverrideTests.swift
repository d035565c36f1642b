import CapsimCore
import CapsimScenarioLoader
import Testing

@Suite("Scenario overrides (--set)")
struct ScenarioOverrideTests {
  static let valid = ScenarioLoaderTests.valid

  static func overrides(_ texts: String...) throws -> [ScenarioOverride] {
    try texts.enumerated().map { try ScenarioOverride(parsing: $1, number: $0 + 1) }
  }

  struct EditCase: CustomTestStringConvertible, Sendable {
    let name: String
    let overrides: [String]
    /// The same change made to the file's text.
    let edit: @Sendable (String) -> String
    var testDescription: String { name }
  }

  /// Each override gives the scenario that editing the file the same way gives (the reference).
  static let editCases: [EditCase] = [
    EditCase(
      name: "a workload number", overrides: ["workload.jobs_per_month=120"],
      edit: { $0.replacingOccurrences(of: "jobs_per_month: 40", with: "jobs_per_month: 120") }),
    EditCase(
      name: "an option addressed by name", overrides: ["options.metal.nodes=6"],
      edit: { $0.replacingOccurrences(of: "nodes: 2", with: "nodes: 6") }),
    EditCase(
      name: "an option addressed by position", overrides: ["options[1].duration_scale=0.8"],
      edit: { $0.replacingOccurrences(of: "duration_scale: 0.95", with: "duration_scale: 0.8") }),
    EditCase(
      name: "a section the file does not have",
      overrides: ["options.cloud.interruptions.preemptions_per_gpu_hour=0.001"],
      edit: {
        $0.replacingOccurrences(
          of: "price: od", with: "price: od\n    interruptions: {preemptions_per_gpu_hour: 0.001}")
      }),
    EditCase(
      name: "a mapping value and a top-level key",
      overrides: ["costs={engineer_hourly_rate: 150}", "seed=9"],
      edit: {
        $0.replacingOccurrences(of: "seed: 42", with: "seed: 9")
          + "\ncosts:\n  engineer_hourly_rate: 150\n"
      }),
    EditCase(
      name: "a later override of the same key wins",
      overrides: ["workload.jobs_per_month=50", "workload.jobs_per_month=70"],
      edit: { $0.replacingOccurrences(of: "jobs_per_month: 40", with: "jobs_per_month: 70") }),
  ]

  @Test(arguments: editCases)
  func overrideEqualsEditingTheFile(_ editCase: EditCase) throws {
    let overrides = try editCase.overrides.enumerated().map {
      try ScenarioOverride(parsing: $1, number: $0 + 1)
    }
    let overridden = try ScenarioLoader.parse(
      yaml: Self.valid, file: "s.yaml", overrides: overrides)
    let edited = try ScenarioLoader.parse(yaml: editCase.edit(Self.valid), file: "s.yaml")
    #expect(overridden.scenario == edited.scenario)
    #expect(
      edited.scenario != (try ScenarioLoader.parse(yaml: Self.valid, file: "s.yaml").scenario))
    #expect(overridden.overrides == overrides)
    #expect(overridden.text == Self.valid)
  }

  struct BadCase: CustomTestStringConvertible, Sendable {
    let name: String
    let overrides: [String]
    let expected: String
    var testDescription: String { name }
  }

  static let badCases: [BadCase] = [
    BadCase(
      name: "misspelt option", overrides: ["seed=3", "options.metl.nodes=3"],
      expected: "--set 2: error: options.metl: no option named 'metl'\nhelp: did you mean 'metal'?"),
    BadCase(
      name: "misspelt key", overrides: ["workload.jobs_per_mont=3"],
      expected:
        "--set 1: error: workload.jobs_per_mont: unknown key 'jobs_per_mont'\nhelp: did you mean 'jobs_per_month'?"
    ),
    BadCase(
      name: "value out of range", overrides: ["workload.jobs_per_month=-5"],
      expected:
        "--set 1: error: field 'workload.jobs_per_month': 'jobs_per_month' is -5; it must be between 0.1 and 1000000\n"
        + "help: mean jobs submitted per month: at least one job in ten months, at most a million (about one every 3 s)"
    ),
    BadCase(
      name: "wrong type inside a new section",
      overrides: ["options.cloud.interruptions={preemptions_per_gpu_hour: lots}"],
      expected:
        "--set 1: error: field 'options.cloud.interruptions': expected a number, found 'lots'"),
    BadCase(
      name: "no equals sign", overrides: ["workload.jobs_per_month"],
      expected: "--set 1: error: 'workload.jobs_per_month' is not PATH=VALUE"),
    BadCase(
      name: "a path through a value", overrides: ["workload.jobs_per_month.low=3"],
      expected:
        "--set 1: error: workload.jobs_per_month.low: 'workload.jobs_per_month' is a value, not a section"
    ),
    BadCase(
      name: "renaming an option to a later option's name", overrides: ["options[0].name=metal"],
      expected:
        "--set 1: error: field 'options[0].name': option name 'metal' is used twice: by options[0] and "
        + "options[1]\nhelp: give each option a distinct name"),
    BadCase(
      name: "renaming an option to an earlier option's name",
      overrides: ["options.metal.name=cloud"],
      expected:
        "--set 1: error: field 'options.metal.name': option name 'cloud' is used twice: by options[0] "
        + "and options[1]\nhelp: give each option a distinct name"),
    BadCase(
      name: "an option index past the end", overrides: ["options[5].nodes=3"],
      expected: "--set 1: error: options[5].nodes: there is no options[5]"),
  ]

  @Test(arguments: badCases)
  func badOverrideIsOneClearError(_ bad: BadCase) {
    let error = #expect(throws: ScenarioError.self) {
      let overrides = try bad.overrides.enumerated().map {
        try ScenarioOverride(parsing: $1, number: $0 + 1)
      }
      _ = try ScenarioLoader.parse(yaml: Self.valid, file: "s.yaml", overrides: overrides)
    }
    let text = error?.description ?? ""
    #expect(error?.problems.count == 1, "\(bad.name): \(text)")
    #expect(text.hasPrefix(bad.expected), "\(bad.name): got\n\(text)")
  }

  /// A later check (name resolution) locates an overridden key at its override.
  /// A problem in the file that an override caused (here a missing `sizing` once `nodes` is `auto`)
  /// names the override and its value, and keeps the file position it conflicts with.
  @Test func aProblemAnOverrideCausesInTheFileNamesTheOverride() throws {
    let error = #expect(throws: ScenarioError.self) {
      try ScenarioLoader.parse(
        yaml: Self.valid, file: "s.yaml",
        overrides: try Self.overrides("seed=1", "options.metal.nodes=auto"))
    }
    let text = error?.description ?? ""
    #expect(
      text.hasPrefix(
        "--set 2: error: options.metal.nodes=auto conflicts with s.yaml:"),
      "\(text)")
    #expect(text.contains(": field 'options[1].sizing': missing required key 'sizing'"), "\(text)")
  }

  /// Only the overridden option's (or section's) own problems are attributed: `options[1]` is not
  /// `options[10]`, and a top-level key is no section of `seed`.
  @Test func attributionStaysWithinTheOverriddenSection() {
    var map = ScenarioSourceMap(file: "f.yaml")
    map.record("options[1].nodes", line: 3, column: 5)
    map.record("options[10].nodes", line: 30, column: 5)
    map.record("trials", line: 2, column: 9)
    map.recordOverride(
      ScenarioOverride(number: 1, path: "options.a.price", value: "p"), at: "options[1].price")
    map.recordOverride(ScenarioOverride(number: 2, path: "seed", value: "3"), at: "seed")
    var expected = SourceLocation(file: "--set 1", field: "options[1].nodes")
    expected.context = "options.a.price=p conflicts with f.yaml:3:5"
    #expect(map.location(of: "options[1].nodes") == expected)
    #expect(
      map.location(of: "options[1].price")
        == SourceLocation(file: "--set 1", field: "options.a.price"))
    #expect(map.location(of: "options[10].nodes").description == "f.yaml:30:5")
    #expect(map.location(of: "options[10].nodes").context == nil)
    #expect(map.location(of: "trials").description == "f.yaml:2:9")
    #expect(map.location(of: "seed").file == "--set 2")
  }

  @Test func sourceMapPointsAtTheOverride() throws {
    let loaded = try ScenarioLoader.parse(
      yaml: Self.valid, file: "s.yaml",
      overrides: try Self.overrides("seed=1", "options.metal.price=nonexistent"))
    #expect(loaded.sourceMap.location(of: "options[1].price").file == "--set 2")
    #expect(loaded.sourceMap.location(of: "options[0].price").file == "s.yaml")
  }
}
