import Testing

@testable import CapsimStore

/// Every class of bad sample input: the error names file, line, column and field, and the database
/// is exactly as it was before (a first file is imported so "as before" is not trivially empty).
@Suite struct SampleImportErrorTests {
  static let header = "sample_set,platform,metric,unit,value\n"
  static let good = "ok,cloud-a100,job_time,s,1\n"

  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var expected: ImportError
    var testDescription: String { name }
  }

  static func at(_ line: Int, _ column: Int, _ field: String?) -> SourceLocation {
    SourceLocation(file: "bad.csv", line: line, column: column, field: field)
  }

  static let cases: [Case] = [
    Case(
      name: "NaN", text: header + good + "ok,cloud-a100,job_time,s,NaN\n",
      expected: .invalidValue(
        at(3, 26, "value"), value: "NaN", reason: "a duration must be a number",
        help: "remove the row or correct the value")),
    Case(
      name: "infinity", text: header + good + "ok,cloud-a100,job_time,s,inf\n",
      expected: .invalidValue(
        at(3, 26, "value"), value: "inf", reason: "a duration must be finite",
        help: "remove the row or correct the value")),
    Case(
      name: "negative", text: header + good + "ok,cloud-a100,job_time,s,-2.5\n",
      expected: .invalidValue(
        at(3, 26, "value"), value: "-2.5", reason: "durations must be ≥ 0",
        help: "remove the row or correct the value")),
    Case(
      name: "more than ten years", text: header + good + "ok,cloud-a100,job_time,s,1e308\n",
      expected: .invalidValue(
        at(3, 26, "value"), value: "1e308",
        reason: "a duration must be at most 315360000 s (ten years)",
        help: "check the unit (s, ms, us, ns, min, h); no job, step or wait lasts longer")),
    Case(
      name: "more than ten years once converted",
      text: header + good + "ok,cloud-a100,job_time,h,1e6\n",
      expected: .invalidValue(
        at(3, 26, "value"), value: "1e6",
        reason: "that is 3600000000.0 s; a duration must be at most 315360000 s (ten years)",
        help: "check the unit (s, ms, us, ns, min, h); no job, step or wait lasts longer")),
    Case(
      name: "below a nanosecond", text: header + good + "ok,cloud-a100,job_time,s,1e-12\n",
      expected: .invalidValue(
        at(3, 26, "value"), value: "1e-12",
        reason: "a duration above 0 must be at least 1 ns",
        help: "check the unit (s, ms, us, ns, min, h), or write 0 for no time at all")),
    Case(
      name: "0 s once converted", text: header + good + "ok,cloud-a100,job_time,ns,1e-320\n",
      expected: .invalidValue(
        at(3, 27, "value"), value: "1e-320",
        reason: "that is 0.0 s; a duration above 0 must be at least 1 ns",
        help: "check the unit (s, ms, us, ns, min, h), or write 0 for no time at all")),
    Case(
      name: "line break inside quotes",
      text: header + good + "ok,cloud-a100,job_time,s,\"1.0\n\"\n",
      expected: .invalidValue(
        at(3, 26, "value"), value: "1.0\n", reason: "a duration must be a number",
        help: "remove the row or correct the value")),
    Case(
      name: "not a number", text: header + good + "ok,cloud-a100,job_time,s,fast\n",
      expected: .invalidValue(
        at(3, 26, "value"), value: "fast", reason: "a duration must be a number",
        help: "remove the row or correct the value")),
    Case(
      name: "malformed quoting", text: header + good + "\"ok,cloud-a100,job_time,s,1\n",
      expected: .malformedCSV(at(3, 1, nil), reason: "a quoted field is never closed")),
    Case(
      name: "missing column", text: "sample_set,platform,metric,value\nok,cloud-a100,job_time,1\n",
      expected: .missingColumn(
        at(1, 1, nil), column: "unit", available: ["sample_set", "platform", "metric", "value"])),
    Case(
      name: "unknown column",
      text: "sample_set,platform,metric,unit,value,gpus\nok,cloud-a100,job_time,s,1,8\n",
      expected: .unknownColumn(
        at(1, 39, "gpus"), column: "gpus", expected: SampleParser.documentedColumns)),
    Case(
      name: "field count", text: header + good + "ok,cloud-a100,job_time,s\n",
      expected: .fieldCount(at(3, 1, nil), found: 4, expected: 5)),
    Case(
      name: "unknown unit", text: header + "ok,cloud-a100,job_time,sec,1\n",
      expected: .unknownName(
        at(2, 24, "unit"), kind: "time unit", name: "sec", known: TimeUnit.names)),
    Case(
      name: "unknown platform", text: header + "ok,cloud-a10,job_time,s,1\n",
      expected: .unknownName(
        SourceLocation(file: "bad.csv", line: 2, column: 1, field: "platform"), kind: "platform",
        name: "cloud-a10",
        known: ["cloud-a100", "metal-a100"])),
    Case(
      name: "empty file", text: header,
      expected: .emptySampleSet(SourceLocation(file: "bad.csv"), name: "")),
  ]

  @Test(arguments: cases)
  func rejectedWithLocationAndNothingWritten(_ example: Case) throws {
    let database = try databaseWithPlatforms()
    try database.importSamples(
      source("first.csv", "sample_set,platform,metric,unit,value\nfirst,metal-a100,job_time,s,3\n"))
    let error = try expectRejected(database) {
      try database.importSamples(source("bad.csv", example.text))
    }
    #expect(error == example.expected)
    #expect(try database.sampleSetNames() == ["first"])
  }

  /// A line break or other control character that makes a value unreadable is shown escaped: it used
  /// to print as "field 'value' is 1.0; a duration must be a number", the line break invisible.
  @Test func invisibleCharactersAreShownEscaped() {
    let error = ImportError.invalidValue(
      SourceLocation(file: "bad.csv", line: 2, column: 34, field: "value"),
      value: "1.0\n\t\u{1B}", reason: "a duration must be a number",
      help: "remove the row or correct the value")
    #expect(
      error.description
        == #"bad.csv:2:34: error: field 'value' is '1.0\n\t\u{1B}'; a duration must be a number"#
        + "\nhelp: remove the row or correct the value")
  }

  @Test func renderedDiagnostic() {
    let error = ImportError.invalidValue(
      SourceLocation(file: "bad.csv", line: 3, column: 27, field: "value"), value: "-2.5",
      reason: "durations must be ≥ 0",
      help: "remove the row or correct the value")
    #expect(
      error.description
        == "bad.csv:3:27: error: field 'value' is -2.5; durations must be ≥ 0\nhelp: remove the row or correct the value"
    )
  }
}
