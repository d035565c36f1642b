import Testing

@testable import CapsimStore

@Suite struct SampleImportTests {
  static let twoSets = """
    value,unit,metric,platform,sample_set,gpu_count,run_id
    1500,ms,step_time,cloud-a100,cloud-steps,8,r1
    1.25,s,job_time,metal-a100,metal-jobs,,
    2500,ms,step_time,cloud-a100,cloud-steps,8,r2
    0.5,min,job_time,metal-a100,metal-jobs,16,
    """

  @Test func documentedCSVInAnyColumnOrderConvertsToSeconds() throws {
    let database = try databaseWithPlatforms()
    let summary = try database.importSamples(source("steps.csv", Self.twoSets))
    #expect(summary.count("sample set", .added) == 2)
    #expect(summary.valuesStored == 4)
    let cloud = try database.sampleSet(named: "cloud-steps")
    #expect(
      cloud
        == SampleSet(
          name: "cloud-steps", platform: "cloud-a100", metric: "step_time", seconds: [1.5, 2.5]))
    #expect(try database.sampleSet(named: "metal-jobs").seconds == [1.25, 30])
    let info = try database.sampleSets()
    #expect(info.map(\.name) == ["cloud-steps", "metal-jobs"])
    #expect(
      info[0].unit == "ms" && info[0].count == 2 && info[0].source == "steps.csv (csv importer)")
    #expect(info[1].unit == "mixed")
  }

  @Test(arguments: [
    ("ns", 1e-9), ("us", 1e-6), ("ms", 1e-3), ("s", 1.0), ("min", 60.0), ("h", 3600.0),
  ])
  func everyUnitConverts(unit: String, factor: Double) throws {
    let database = try databaseWithPlatforms()
    try database.importSamples(
      source("u.csv", "sample_set,platform,metric,unit,value\nx,cloud-a100,job_time,\(unit),2\n"))
    #expect(try database.sampleSet(named: "x").seconds == [2 * factor])
  }

  @Test func jsonLinesAndHyperfine() throws {
    let database = try databaseWithPlatforms()
    try database.importSamples(
      source(
        "s.jsonl",
        """
        {"sample_set": "j", "platform": "cloud-a100", "metric": "step_time", "unit": "ms", "value": 120, "gpu_count": 8}

        {"sample_set": "j", "platform": "cloud-a100", "metric": "step_time", "unit": "ms", "value": "80", "gpu_count": 8}
        """))
    #expect(try database.sampleSet(named: "j").seconds == [0.12, 0.08])

    var options = SampleImportOptions()
    options.platform = "metal-a100"
    options.sampleSetName = "bench"
    let summary = try database.importSamples(
      source(
        "hf.json",
        """
        {"results": [
          {"command": "python train.py --steps 10", "mean": 2.0, "times": [1.9, 2.0, 2.1]},
          {"command": "sleep 1", "times": [1.001, 1.002]}
        ]}
        """), options: options)
    #expect(summary.items.map(\.name) == ["bench-python-train-py-steps-10", "bench-sleep-1"])
    #expect(try database.sampleSet(named: "bench-sleep-1").seconds == [1.001, 1.002])
    #expect(try database.sampleSet(named: "bench-sleep-1").metric == "job_time")
  }

  @Test func reimportIsUnchangedDifferentIsErrorReplaceOverwrites() throws {
    let database = try databaseWithPlatforms()
    try database.importSamples(source("steps.csv", Self.twoSets))
    let again = try database.importSamples(source("steps.csv", Self.twoSets))
    #expect(again.count("sample set", .unchanged) == 2)
    #expect(again.lines.first == "skipped sample set 'cloud-steps': already imported, unchanged")

    let changed = Self.twoSets.replacingOccurrences(of: "2500,ms", with: "2600,ms")
    let error = try expectRejected(database) {
      try database.importSamples(source("steps.csv", changed))
    }
    #expect(
      error
        == .alreadyExists(
          SourceLocation(file: "steps.csv", line: 2, column: 1), kind: "sample set",
          name: "cloud-steps"))
    #expect(error?.description.contains("help: use --replace to overwrite it") == true)

    var options = SampleImportOptions()
    options.replace = true
    let replaced = try database.importSamples(source("steps.csv", changed), options: options)
    #expect(replaced.items.map(\.outcome) == [.replaced, .unchanged])
    #expect(try database.sampleSet(named: "cloud-steps").seconds == [1.5, 2.6])
    #expect(try rowCount(database, "sample") == 4)
  }

  @Test func unknownPlatformSuggestsOrIsCreatedOnRequest() throws {
    let database = try databaseWithPlatforms()
    let text = "sample_set,platform,metric,unit,value\nx,cloud-a10,job_time,s,1\n"
    let error = try expectRejected(database) { try database.importSamples(source("x.csv", text)) }
    #expect(error?.description.contains("help: did you mean 'cloud-a100'") == true)

    var options = SampleImportOptions()
    options.createMissingPlatforms = PlatformDefaults(
      kind: .shared, gpuModel: "A10", provider: "aws")
    let summary = try database.importSamples(source("x.csv", text), options: options)
    #expect(
      summary.items.first
        == ImportSummary.Item(kind: "platform", name: "cloud-a10", outcome: .created, valueCount: 0)
    )
    #expect(try database.platform(named: "cloud-a10").kind == .shared)
  }

  @Test func unknownSampleSetNameSuggests() throws {
    let database = try databaseWithPlatforms()
    try database.importSamples(source("steps.csv", Self.twoSets))
    #expect(
      throws: StoreError.unknownName(
        kind: "sample set", name: "cloud-step", known: ["cloud-steps", "metal-jobs"])
    ) {
      _ = try database.sampleSet(named: "cloud-step")
    }
    let error = StoreError.unknownName(
      kind: "sample set", name: "cloud-step", known: ["cloud-steps", "metal-jobs"])
    #expect(
      error.description
        == "error: unknown sample set 'cloud-step'\nhelp: did you mean 'cloud-steps'?")
  }
}
