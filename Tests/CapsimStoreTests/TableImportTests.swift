import Testing

@testable import CapsimStore

@Suite struct TableImportTests {
  static func heliosOptions(_ filters: [String]) throws -> SampleImportOptions {
    var options = SampleImportOptions()
    options.valueColumn = "duration"
    options.sampleSetName = "helios-completed"
    options.platform = "cloud-a100"
    options.gpuCountColumn = "gpu_num"
    options.recordedAtColumn = "submit_time"
    options.runIDColumn = "job_id"
    options.filters = try filters.map(RowFilter.init(parsing:))
    return options
  }

  @Test func heliosTraceWithFilters() throws {
    let database = try databaseWithPlatforms()
    let trace = ImportSource(fileName: "cluster_log.csv", text: Fixtures.heliosClusterLog)
    let options = try Self.heliosOptions(["state=COMPLETED", "gpu_num>=1", "duration!="])
    #expect(CapsimDatabase.detectSampleFormat(trace, options: options) == .table)
    let summary = try database.importSamples(trace, options: options)
    // Rows 6227 (4200 s), 6229 (28800 s), 6232 (7200 s) pass; FAILED, CANCELLED (state), the
    // CPU-only job (gpu_num) and the job that never started (empty duration) are skipped.
    #expect(try database.sampleSet(named: "helios-completed").seconds == [4200, 28800, 7200])
    #expect(
      summary.skipped == [
        .init(reason: "filter state=COMPLETED", count: 2),
        .init(reason: "filter gpu_num>=1", count: 1),
        .init(reason: "filter duration!=", count: 1),
      ])
  }

  @Test func emptyValueSuggestsAFilter() throws {
    let database = try databaseWithPlatforms()
    let trace = ImportSource(fileName: "cluster_log.csv", text: Fixtures.heliosClusterLog)
    let error = try expectRejected(database) {
      try database.importSamples(trace, options: try Self.heliosOptions(["state=COMPLETED"]))
    }
    #expect(
      error
        == .emptyValue(
          SourceLocation(file: "cluster_log.csv", line: 8, column: 51, field: "duration"),
          help: "skip rows without a value with --where 'duration!='"))
  }

  @Test func everyFilterComparison() throws {
    let cases: [(String, String, Bool)] = [
      ("a=8", "8.0", true), ("a=x", "x", true), ("a!=x", "y", true), ("a!=", "", false),
      ("a<2", "1.5", true),
      ("a<=2", "2", true), ("a>2", "2", false), ("a>=2", "2", true), ("a>2", "text", false),
    ]
    for (text, cell, expected) in cases {
      #expect(try RowFilter(parsing: text).accepts(cell) == expected, "\(text) on '\(cell)'")
    }
    #expect(throws: ImportError.self) { _ = try RowFilter(parsing: "no operator") }
  }

  @Test func headerlessPAIJobTableWithDifferenceAndScale() throws {
    // Alibaba PAI pai_job_table.csv: job_name,inst_id,user,status,start_time,end_time (Unix seconds), no header.
    let table = """
      4f057009a5d481acec67b088,1d6dc4f2a4bf4e2e,58540f191766,Terminated,1.5872e6,1.5936e6
      6a5c8e0a2d0f4b39b3d0e9a1,2e8c0f1a3b4d5e6f,58540f191766,Failed,1.5872e6,1.5873e6
      bb2dc7c0a1d2e3f4a5b6c7d8,3f9d1e2b4c5a6d7e,a1b2c3d4e5f6,Terminated,1.5900e6,1.5901e6
      """
    var options = SampleImportOptions()
    options.format = .table
    options.columnNames = ["job_name", "inst_id", "user", "status", "start_time", "end_time"]
    options.valueColumn = "end_time"
    options.minusColumn = "start_time"
    options.unit = "s"
    options.sampleSetName = "pai"
    options.platform = "cloud-a100"
    options.filters = [try RowFilter(parsing: "status=Terminated")]
    let database = try databaseWithPlatforms()
    try database.importSamples(
      ImportSource(fileName: "pai_job_table.csv", text: table), options: options)
    let seconds = try database.sampleSet(named: "pai").seconds
    #expect(seconds.count == 2)
    #expect(abs(seconds[0] - 6400) < 1e-6 && abs(seconds[1] - 100) < 1e-6, "\(seconds)")

    options.unit = nil
    options.scale = 1.0 / 3600
    options.sampleSetName = "pai-hours-scale"
    try database.importSamples(
      ImportSource(fileName: "pai_job_table.csv", text: table), options: options)
    #expect(
      abs(try database.sampleSet(named: "pai-hours-scale").seconds[0] - 6400.0 / 3600) < 1e-12)
  }

  @Test func everyRowFilteredOutIsAnEmptySet() throws {
    let database = try databaseWithPlatforms()
    let trace = ImportSource(fileName: "cluster_log.csv", text: Fixtures.heliosClusterLog)
    let error = try expectRejected(database) {
      try database.importSamples(trace, options: try Self.heliosOptions(["state=RUNNING"]))
    }
    #expect(
      error == .emptySampleSet(SourceLocation(file: "cluster_log.csv"), name: "helios-completed"))
  }

  @Test func unknownValueColumnSuggests() throws {
    let database = try databaseWithPlatforms()
    var options = try Self.heliosOptions([])
    options.valueColumn = "durations"
    let error = try expectRejected(database) {
      try database.importSamples(
        ImportSource(fileName: "cluster_log.csv", text: Fixtures.heliosClusterLog), options: options
      )
    }
    #expect(error?.description.contains("did you mean 'duration'?") == true)
  }
}
