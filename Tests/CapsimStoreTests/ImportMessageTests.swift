import Testing

@testable import CapsimStore

/// Import errors name the real flag, say once that a file is not in the layout it is read as, and treat
/// a file without data rows alike for samples, prices and platforms.
@Suite struct ImportMessageTests {
  static let csv = """
    sample_set,platform,metric,unit,value
    fz,cloud-a100,step_time,s,1
    fz,cloud-a100,step_time,s,2
    """

  static let hyperfine = #"{"results": [{"command": "sleep 1", "times": [1]}]}"#

  func tableOptions() -> SampleImportOptions {
    var options = SampleImportOptions()
    options.format = .table
    options.valueColumn = "value"
    options.sampleSetName = "t"
    options.platform = "cloud-a100"
    return options
  }

  /// There is no `--name` flag: the set of a table import is named with `--set`.
  @Test func aTableImportWithoutASetNamesTheSetFlag() throws {
    let database = try databaseWithPlatforms()
    var options = tableOptions()
    options.sampleSetName = nil
    let error = try expectRejected(database) {
      try database.importSamples(source("t.csv", Self.csv), options: options)
    }
    #expect(
      error
        == .invalidOption(
          SourceLocation(file: "--set"), reason: "--set is required to import an arbitrary CSV",
          help: "name the sample set to create, e.g. --set helios-job-time"))
  }

  /// The timestamp column's flag is `--timestamp-column`, not `--recorded-at-column`.
  @Test func anUnknownTimestampColumnNamesItsFlag() throws {
    let database = try databaseWithPlatforms()
    var options = tableOptions()
    options.recordedAtColumn = "when"
    let error = try expectRejected(database) {
      try database.importSamples(source("t.csv", Self.csv), options: options)
    }
    #expect(error?.location.field == "--timestamp-column")
  }

  /// Each further error is on its own line: when the first has no help, the second used to be printed
  /// on its `help:` line.
  @Test func severalErrorsWithoutHelpEachStartALine() throws {
    let database = try databaseWithPlatforms()
    let text = "{\"sample_set\": tru}\n{\"sample_set\": \"x\",}\n"
    let error = try expectRejected(database) { try database.importSamples(source("t.jsonl", text)) }
    #expect(
      error?.description == """
        t.jsonl:1:16: error: invalid JSON: expected a value
        t.jsonl:2:20: error: invalid JSON: expected a string key in quotes
        """)
  }

  @Test func severalErrorsWithHelpKeepTheirHelpLines() throws {
    let database = try databaseWithPlatforms()
    let text = Self.csv + "\nfz,cloud-a100,step_time,s,-1\nfz,cloud-a100,step_time,s,-2\n"
    let error = try expectRejected(database) { try database.importSamples(source("n.csv", text)) }
    #expect(
      error?.description == """
        n.csv:4:27: error: field 'value' is -1; durations must be ≥ 0
        help: remove the row or correct the value
        n.csv:5:27: error: field 'value' is -2; durations must be ≥ 0
        help: remove the row or correct the value
        """)
  }

  /// The tester's case: a CSV file given `--format jsonl` was one error per line, the second on the
  /// first one's `help:` line.
  @Test func aCSVFileReadAsJSONLinesIsOneError() throws {
    let database = try databaseWithPlatforms()
    var options = SampleImportOptions()
    options.format = .jsonLines
    let error = try expectRejected(database) {
      try database.importSamples(source("s_ok.csv", Self.csv), options: options)
    }
    #expect(
      error
        == .wrongLayout(
          SourceLocation(file: "s_ok.csv", line: 1, column: 1),
          reason:
            "the file is not JSON Lines: no line of it is a JSON object (line 1 starts "
            + "'sample_set,platform,metric,uni…')",
          help:
            "it was read as jsonl because of --format jsonl: leave --format out to detect the "
            + "layout, or give the file's own (csv, hyperfine or table)"))
  }

  /// Without --format, the extension chose the layout, and the help says so.
  @Test func aCSVFileNamedJSONLIsOneError() throws {
    let database = try databaseWithPlatforms()
    let error = try expectRejected(database) {
      try database.importSamples(source("s.jsonl", "\n\n" + Self.csv))
    }
    #expect(error?.location == SourceLocation(file: "s.jsonl", line: 3, column: 1))
    #expect(
      error?.diagnostic.help
        == "a .jsonl or .ndjson file is read as JSON Lines, one JSON object per line; if this file "
        + "has another layout, name it with --format (csv, hyperfine or table)")
  }

  /// A JSON Lines file whose every line is broken is still reported line by line.
  @Test func brokenJSONLinesAreStillReportedOneByOne() throws {
    let database = try databaseWithPlatforms()
    let error = try expectRejected(database) {
      try database.importSamples(source("b.jsonl", "{\"value\": NaN}\n{\"value\": NaN}\n"))
    }
    guard case .several(let errors, 0) = error else {
      Issue.record("expected two errors, got \(String(describing: error))")
      return
    }
    #expect(errors.map(\.location.line) == [1, 2])
  }

  @Test func aCSVFileReadAsHyperfineIsOneClearError() throws {
    let database = try databaseWithPlatforms()
    var options = SampleImportOptions()
    options.format = .hyperfine
    options.platform = "cloud-a100"
    let error = try expectRejected(database) {
      try database.importSamples(source("s.csv", Self.csv), options: options)
    }
    #expect(
      error
        == .wrongLayout(
          SourceLocation(file: "s.csv", line: 1, column: 1),
          reason:
            "the file is not hyperfine JSON: it does not start with '{' (line 1 starts "
            + "'sample_set,platform,metric,uni…')",
          help:
            "it was read as hyperfine because of --format hyperfine: leave --format out to detect "
            + "the layout, or give the file's own (csv, jsonl or table)"))
  }

  /// JSON given `--format csv` used to be "a quote appears inside an unquoted field" with advice on
  /// quoting.
  @Test func aJSONFileReadAsCSVIsOneClearError() throws {
    let database = try databaseWithPlatforms()
    var options = SampleImportOptions()
    options.format = .csv
    let error = try expectRejected(database) {
      try database.importSamples(source("h.json", Self.hyperfine), options: options)
    }
    #expect(
      error
        == .wrongLayout(
          SourceLocation(file: "h.json", line: 1, column: 1),
          reason: "the file is not CSV: it starts with '{', like JSON",
          help:
            "it was read as csv because of --format csv: leave --format out to detect the layout, "
            + "or give the file's own (jsonl, hyperfine or table)"))
  }

  /// A header without rows is an error for prices and platforms too (it used to exit 0 silently), as
  /// it is for samples.
  @Test func aFileWithOnlyAHeaderIsAnErrorForEveryImporter() throws {
    let database = try databaseWithPlatforms()
    let prices = try expectRejected(database) {
      try database.importPrices(
        source("p.csv", PriceImportTests.header + "\n"))
    }
    #expect(prices == .noDataRows(SourceLocation(file: "p.csv"), kind: "price"))
    #expect(
      prices?.description == """
        p.csv: error: the file has no data rows
        help: a price file needs at least one row below its header
        """)
    let platforms = try expectRejected(database) {
      try database.importPlatforms(csv: source("pl.csv", "name,kind,gpu_model,provider\n\n"))
    }
    #expect(platforms == .noDataRows(SourceLocation(file: "pl.csv"), kind: "platform"))
    var options = PriceImportOptions()
    options.effectiveDate = "2026-01-01"
    options.provider = "lambda"
    let catalog = try expectRejected(database) {
      try database.importPrices(
        source("vms.csv", "InstanceType,AcceleratorName,AcceleratorCount,Price,Region\n"),
        options: options)
    }
    #expect(catalog == .noDataRows(SourceLocation(file: "vms.csv"), kind: "SkyPilot catalog"))
    let samples = try expectRejected(database) {
      try database.importSamples(source("s.csv", "sample_set,platform,metric,unit,value\n"))
    }
    #expect(samples?.diagnostic.message == "the file has no data rows")
  }
}
