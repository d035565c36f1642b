import Foundation
import Testing
import _CapsimTestSupport

/// `capsim import` as a user runs it: every problem is one diagnostic naming the flag, file or
/// database, exit 64, and the database is left byte-identical.
@Suite("capsim import, end to end")
struct ImportCommandTests {
  /// A fresh database from the bundled data, and a directory for input files.
  static func setUp() throws -> (directory: URL, database: String) {
    let directory = try Fixtures.temporaryDirectory()
    let database = directory.appendingPathComponent("capsim.sqlite").path
    let created = try CapsimExecutable.run(["data", "list", "--db", database])
    #expect(created.exitCode == 0, "\(created.standardError)")
    return (directory, database)
  }

  /// Writes `text` to `name` in `directory` and returns its path.
  static func file(_ name: String, _ text: String, in directory: URL) throws -> String {
    let path = directory.appendingPathComponent(name).path
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  /// Runs `arguments` and expects exactly `expected` on standard error, exit 64, nothing on standard
  /// output and an unchanged database.
  static func expectRefused(
    _ arguments: [String], database: String, expected: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let before = try Data(contentsOf: URL(fileURLWithPath: database))
    let result = try CapsimExecutable.run(arguments)
    #expect(result.standardError == expected, sourceLocation: sourceLocation)
    #expect(result.exitCode == 64, sourceLocation: sourceLocation)
    #expect(result.standardOutput.isEmpty, sourceLocation: sourceLocation)
    #expect(
      try Data(contentsOf: URL(fileURLWithPath: database)) == before,
      "the database changed", sourceLocation: sourceLocation)
  }

  static let samples = """
    sample_set,platform,metric,unit,value
    fz,cloud-h100-shared,step_time,s,1
    """

  /// `--gpu-model` and `--provider` describe the platforms `--create-platform` creates; without it
  /// they used to be ignored.
  @Test(arguments: ["--gpu-model", "--provider"])
  func platformDetailsWithoutCreatePlatformAreRefused(_ flag: String) throws {
    let (directory, database) = try Self.setUp()
    let csv = try Self.file("s.csv", Self.samples, in: directory)
    try Self.expectRefused(
      ["import", "samples", csv, flag, "x", "--db", database], database: database,
      expected: """
        \(flag): error: \(flag) describes the platforms --create-platform creates, and it is not given
        help: add --create-platform shared (or dedicated) to create missing platforms, or leave \(flag) out

        """)
  }

  /// The tester's case: `--where 'value>1'` on capsim's own CSV stored all three values.
  @Test func aFilterOnCapsimCSVIsRefused() throws {
    let (directory, database) = try Self.setUp()
    let csv = try Self.file(
      "s_ok.csv", Self.samples + "\nfz,cloud-h100-shared,step_time,s,2\n", in: directory)
    try Self.expectRefused(
      ["import", "samples", csv, "--where", "value>1", "--db", database], database: database,
      expected: """
        --where: error: --where does not apply to \(csv), read as capsim's sample CSV: --where applies \
        only to table imports
        help: leave it out: a capsim sample CSV names its sample sets, platforms, metrics and units in \
        its own columns; to filter or rename its rows, import it as a table instead (--format table \
        --value-column value --set NAME --platform NAME --unit UNIT; see docs/data-formats.md)

        """)
  }

  /// The second error used to be printed on the first one's `help:` line; a CSV file read as JSON
  /// Lines is now one error.
  @Test func aCSVFileGivenFormatJSONLIsOneError() throws {
    let (directory, database) = try Self.setUp()
    let csv = try Self.file(
      "s_ok.csv", Self.samples + "\nfz,cloud-h100-shared,step_time,s,2\n", in: directory)
    try Self.expectRefused(
      ["import", "samples", csv, "--format", "jsonl", "--db", database], database: database,
      expected: """
        \(csv):1:1: error: the file is not JSON Lines: no line of it is a JSON object (line 1 starts \
        'sample_set,platform,metric,uni…')
        help: it was read as jsonl because of --format jsonl: leave --format out to detect the layout, \
        or give the file's own (csv, hyperfine or table)

        """)
  }

  /// There is no `--name` flag.
  @Test func aTableImportWithoutSetNamesTheSetFlag() throws {
    let (directory, database) = try Self.setUp()
    let csv = try Self.file("t.csv", "duration\n1\n", in: directory)
    try Self.expectRefused(
      [
        "import", "samples", csv, "--value-column", "duration", "--platform", "cloud-h100-shared",
        "--db", database,
      ], database: database,
      expected: """
        --set: error: --set is required to import an arbitrary CSV
        help: name the sample set to create, e.g. --set helios-job-time

        """)
  }

  /// A header without rows exited 0 with no output for prices and platforms.
  @Test(arguments: [
    (
      "prices", "price",
      "name,provider,gpu_model,pricing_model,amount,unit,gpus_per_unit,"
        + "minimum_term_months,setup_fee,currency,effective_date,source,region\n"
    ),
    ("platforms", "platform", "name,kind,gpu_model,provider,description\n"),
    ("samples", "sample", "sample_set,platform,metric,unit,value,gpu_count,recorded_at,run_id\n"),
  ])
  func aHeaderOnlyFileIsAnError(command: String, kind: String, header: String) throws {
    let (directory, database) = try Self.setUp()
    let csv = try Self.file("h.csv", header, in: directory)
    let help =
      kind == "sample"
      ? "a sample file needs at least one value"
      : "a \(kind) file needs at least one row below its header"
    try Self.expectRefused(
      ["import", command, csv, "--db", database], database: database,
      expected: "\(csv): error: the file has no data rows\nhelp: \(help)\n")
  }
}
