import GRDB
import Testing

@testable import CapsimStore

/// Durations from two timestamp columns, filters on the derived value, and per-worker step logs.
@Suite struct TraceTimestampTests {
  func tableOptions(value: String, minus: String?, name: String = "t") -> SampleImportOptions {
    var options = SampleImportOptions()
    options.valueColumn = value
    options.minusColumn = minus
    options.sampleSetName = name
    options.platform = "cloud-a100"
    options.metric = "queue_wait"
    return options
  }

  @Test func heliosQueueWaitFromTimestamps() throws {
    let database = try databaseWithPlatforms()
    var options = tableOptions(value: "start_time", minus: "submit_time")
    options.filters = [
      try RowFilter(parsing: "start_time!="), try RowFilter(parsing: "value>0"),
    ]
    let summary = try database.importSamples(
      source("cluster_log.csv", Fixtures.heliosClusterLog), options: options)
    // By hand from the fixture rows (start − submit): 6227 1 s, 6228 1 s, 6229 00:05:00 − 00:02:14
    // = 166 s, 6230 0 s (dropped by value>0), 6231 5 s, 6232 00:07:00 − 00:05:40 = 80 s; 6233 has
    // no start time.
    #expect(try database.sampleSet(named: "t").seconds == [1, 1, 166, 5, 80])
    #expect(
      summary.skipped == [
        .init(reason: "filter start_time!=", count: 1), .init(reason: "filter value>0", count: 1),
      ])
    #expect(
      summary.notes == [
        "values = start_time − submit_time in seconds; start_time read as ISO 8601 without zone (read as UTC), submit_time as ISO 8601 without zone (read as UTC)"
      ])
  }

  /// Real Acme rows (see `Fixtures.acmeSerenRows`). Expected values by hand, checked with Python:
  /// `(datetime.fromisoformat(end) - datetime.fromisoformat(start)).total_seconds()` and likewise
  /// start − submit. Seren: run 117 s and 2693 s, queue 32 s and 13 s, equal to the trace's own
  /// `duration` and `queue` columns. Kalos: run 8 s and 70 s, queue 10 s and 12 s; the trace's
  /// Kalos `duration` column (18, 82) is end − submit, not end − start as the README's note says,
  /// so the derived run time is the one to use.
  @Test func acmeRealRowsGiveHandComputedDurations() throws {
    let database = try databaseWithPlatforms()
    var run = tableOptions(value: "end_time", minus: "start_time", name: "seren-run")
    run.metric = "job_time"
    let summary = try database.importSamples(
      source("trace_seren.csv", Fixtures.acmeSerenRows), options: run)
    #expect(try database.sampleSet(named: "seren-run").seconds == [117, 2693])
    #expect(
      summary.notes == [
        "values = end_time − start_time in seconds; end_time read as ISO 8601 with zone, start_time as ISO 8601 with zone"
      ])
    try database.importSamples(
      source("trace_seren.csv", Fixtures.acmeSerenRows),
      options: tableOptions(value: "start_time", minus: "submit_time", name: "seren-queue"))
    #expect(try database.sampleSet(named: "seren-queue").seconds == [32, 13])

    run.sampleSetName = "kalos-run"
    try database.importSamples(source("trace_kalos.csv", Fixtures.acmeKalosRows), options: run)
    #expect(try database.sampleSet(named: "kalos-run").seconds == [8, 70])
    try database.importSamples(
      source("trace_kalos.csv", Fixtures.acmeKalosRows),
      options: tableOptions(value: "start_time", minus: "submit_time", name: "kalos-queue"))
    #expect(try database.sampleSet(named: "kalos-queue").seconds == [10, 12])
  }

  @Test func zonedTimestampsAndEpochColumns() throws {
    let database = try databaseWithPlatforms()
    // Python: (datetime.fromisoformat("2024-03-01T01:00:00+01:00")
    //          - datetime.fromisoformat("2024-02-29T23:30:00Z")).total_seconds() == 1800.0
    let iso = """
      id,begin,end
      1,2024-02-29T23:30:00Z,2024-03-01T01:00:00+01:00
      2,2024-12-31T23:59:59.5Z,2025-01-01T00:00:01.25Z
      """
    try database.importSamples(
      source("z.csv", iso), options: tableOptions(value: "end", minus: "begin"))
    #expect(try database.sampleSet(named: "t").seconds == [1800, 1.75])

    let epoch = """
      begin_s,end_ms
      1700000000,1700000090500
      1700000100,1700000100250
      """
    let summary = try database.importSamples(
      source("e.csv", epoch), options: tableOptions(value: "end_ms", minus: "begin_s", name: "e"))
    #expect(try database.sampleSet(named: "e").seconds == [90.5, 0.25])
    #expect(
      summary.notes.first?.contains("end_ms read as epoch milliseconds, begin_s as epoch seconds")
        == true)
  }

  @Test func timestampMistakesAreLocated() throws {
    let database = try databaseWithPlatforms()
    let text = """
      begin,end
      2024-01-01 00:00:00,2024-01-01 00:01:00
      2024-01-01 00:00:00,2024-02-30 00:01:00
      """
    let error = try expectRejected(database) {
      try database.importSamples(
        source("m.csv", text), options: tableOptions(value: "end", minus: "begin"))
    }
    #expect(error?.location == SourceLocation(file: "m.csv", line: 3, column: 21, field: "end"))
    let lone = try expectRejected(database) {
      try database.importSamples(
        source("m.csv", text), options: tableOptions(value: "end", minus: nil))
    }
    #expect(lone?.description.contains("a timestamp is not a duration") == true)
  }

  @Test func isoParserAgainstCalendarFacts() {
    // 2000-03-01 is day 11017 after 1970-01-01 (Python: date(2000,3,1).toordinal() − date(1970,1,1).toordinal()).
    #expect(TraceTime.daysFromCivil(year: 2000, month: 3, day: 1) == 11017)
    #expect(TraceTime.parseISO8601("1970-01-01T00:00:00Z")?.seconds == 0)
    #expect(TraceTime.parseISO8601("1969-12-31 23:59:59")?.seconds == -1)
    #expect(TraceTime.parseISO8601("2023-02-29 00:00:00") == nil)
    #expect(TraceTime.parseISO8601("2024-01-01") == nil)
  }

  static let stepLog = """
    worker,step,duration
    0,1,1.0
    1,1,1.5
    2,1,1.1
    0,2,2.0
    1,2,1.2
    2,2,1.3
    """

  @Test func perWorkerStepLogGivesSynchronousStepTimes() throws {
    let database = try databaseWithPlatforms()
    var options = tableOptions(value: "duration", minus: nil, name: "job")
    options.metric = "step_time"
    options.groupByColumn = "step"
    options.reduce = .max
    let summary = try database.importSamples(source("steps.csv", Self.stepLog), options: options)
    #expect(try database.sampleSet(named: "job").seconds == [1.5, 2.0])
    #expect(
      try database.sampleSet(named: "job-per-worker").seconds == [1.0, 1.5, 1.1, 2.0, 1.2, 1.3])
    let runIDs = try database.dbQueue.read { db in
      try String?.fetchAll(
        db,
        sql: """
          SELECT run_id FROM sample JOIN sample_set ON sample.sample_set_id = sample_set.id
          WHERE sample_set.name = 'job-per-worker' ORDER BY sample.rowid
          """)
    }
    #expect(runIDs == ["1", "1", "1", "2", "2", "2"])
    #expect(summary.notes.last?.contains("the max of each step (2 groups)") == true)
    options.reduce = nil
    let error = try expectRejected(database) {
      try database.importSamples(source("steps.csv", Self.stepLog), options: options)
    }
    #expect(error?.location.file == "--reduce")
  }
}
