import Testing

@testable import CapsimStore

/// Options that only some layouts understand are refused for the others, never ignored: `--where` and
/// `--set` on capsim's own CSV used to be dropped silently (every row stored, under the file's own
/// set name).
@Suite struct SampleOptionScopeTests {
  static let csv = """
    sample_set,platform,metric,unit,value
    fz,cloud-a100,step_time,s,1
    fz,cloud-a100,step_time,s,2
    fz,cloud-a100,step_time,s,3
    """

  static let csvHelp =
    "leave it out: a capsim sample CSV names its sample sets, platforms, metrics and units in its "
    + "own columns; to filter or rename its rows, import it as a table instead (--format table "
    + "--value-column value --set NAME --platform NAME --unit UNIT; see docs/data-formats.md)"

  @Test func aFilterOnCapsimCSVIsRefused() throws {
    let database = try databaseWithPlatforms()
    var options = SampleImportOptions()
    options.filters = [try RowFilter(parsing: "value>1")]
    let error = try expectRejected(database) {
      try database.importSamples(source("s_ok.csv", Self.csv), options: options)
    }
    #expect(
      error
        == .invalidOption(
          SourceLocation(file: "--where"),
          reason:
            "--where does not apply to s_ok.csv, read as capsim's sample CSV: --where applies only "
            + "to table imports",
          help: Self.csvHelp))
  }

  @Test func aSetNameOnCapsimCSVIsRefused() throws {
    let database = try databaseWithPlatforms()
    var options = SampleImportOptions()
    options.sampleSetName = "othername"
    let error = try expectRejected(database) {
      try database.importSamples(source("s_ok.csv", Self.csv), options: options)
    }
    #expect(
      error?.diagnostic.message
        == "--set does not apply to s_ok.csv, read as capsim's sample CSV: --set applies only to "
        + "table and hyperfine imports")
  }

  /// Every misplaced option is named in one error, grouped by where they apply.
  @Test func severalMisplacedOptionsAreOneError() throws {
    let database = try databaseWithPlatforms()
    var options = SampleImportOptions()
    options.sampleSetName = "x"
    options.unit = "ms"
    options.filters = [try RowFilter(parsing: "value>1")]
    let error = try expectRejected(database) {
      try database.importSamples(source("s.jsonl", ""), options: options)
    }
    #expect(
      error
        == .invalidOption(
          SourceLocation(file: "--set"),
          reason:
            "--set, --unit and --where do not apply to s.jsonl, read as JSON Lines: --set applies "
            + "only to table and hyperfine imports, --unit and --where only to table imports",
          help:
            "leave them out: JSON Lines records name their sample sets, platforms, metrics and units "
            + "in their own keys"))
  }

  @Test func tableOptionsOnHyperfineAreRefused() throws {
    let database = try databaseWithPlatforms()
    var options = SampleImportOptions()
    options.platform = "metal-a100"
    options.valueColumn = "times"
    options.format = .hyperfine
    let text = #"{"results": [{"command": "sleep 1", "times": [1]}]}"#
    let error = try expectRejected(database) {
      try database.importSamples(source("h.json", text), options: options)
    }
    #expect(
      error
        == .invalidOption(
          SourceLocation(file: "--value-column"),
          reason:
            "--value-column does not apply to h.json, read as hyperfine JSON: --value-column "
            + "applies only to table imports",
          help: "leave it out: hyperfine output takes only --set, --platform and --metric"))
  }

  /// The advice works: the same file read as a table applies the filter and the name.
  @Test func theSameFileAsATableTakesTheFilterAndTheName() throws {
    let database = try databaseWithPlatforms()
    var options = SampleImportOptions()
    options.format = .table
    options.valueColumn = "value"
    options.sampleSetName = "othername"
    options.platform = "cloud-a100"
    options.filters = [try RowFilter(parsing: "value>1")]
    let summary = try database.importSamples(source("s_ok.csv", Self.csv), options: options)
    #expect(try database.sampleSet(named: "othername").seconds == [2, 3])
    #expect(summary.skipped == [ImportSummary.Skip(reason: "filter value>1", count: 1)])
  }
}
