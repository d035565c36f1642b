import GRDB
import Testing

@testable import CapsimStore

/// Regressions from issue #12: JSON 0/1 taken for booleans, hexadecimal floats read as numbers, a
/// byte-order mark in the middle of a file, only the first bad row reported, JSON errors without
/// line and column. Each rejected import must leave the database as it was.
@Suite struct ImporterHardeningTests {
  static let line =
    #"{"sample_set": "j", "platform": "cloud-a100", "metric": "step_time", "unit": "s", "value": VALUE, "gpu_count": GPUS}"#

  func jsonLine(value: String, gpus: String = "1") -> String {
    Self.line.replacingOccurrences(of: "VALUE", with: value).replacingOccurrences(
      of: "GPUS", with: gpus)
  }

  @Test func jsonZeroAndOneAreNumbers() throws {
    let database = try databaseWithPlatforms()
    let text = [jsonLine(value: "1"), jsonLine(value: "0.5", gpus: "0"), jsonLine(value: "2")]
      .joined(separator: "\n")
    try database.importSamples(source("s.jsonl", text))
    #expect(try database.sampleSet(named: "j").seconds == [1, 0.5, 2])
    let counts = try database.dbQueue.read { db in
      try Int64?.fetchAll(db, sql: "SELECT gpu_count FROM sample ORDER BY rowid")
    }
    #expect(counts == [1, 0, 1])
  }

  @Test func jsonBooleanIsStillNotADuration() throws {
    let database = try databaseWithPlatforms()
    let error = try expectRejected(database) {
      try database.importSamples(source("s.jsonl", jsonLine(value: "true")))
    }
    #expect(
      error
        == .invalidValue(
          SourceLocation(file: "s.jsonl", line: 1, column: 1, field: "value"), value: "true",
          reason: "a duration must be a number", help: "remove the row or correct the value"))
  }

  @Test func hyperfineTimesOfWholeSeconds() throws {
    let database = try databaseWithPlatforms()
    var options = SampleImportOptions()
    options.platform = "metal-a100"
    options.sampleSetName = "sleepy"
    try database.importSamples(
      source("hf.json", #"{"results": [{"command": "sleep 1", "times": [1, 1, 2]}]}"#),
      options: options)
    #expect(try database.sampleSet(named: "sleepy").seconds == [1, 1, 2])
  }

  @Test func hexadecimalFloatIsNotADecimalNumber() throws {
    let database = try databaseWithPlatforms()
    let csv = "sample_set,platform,metric,unit,value\nx,cloud-a100,job_time,s,0x1p3\n"
    let error = try expectRejected(database) { try database.importSamples(source("h.csv", csv)) }
    #expect(
      error
        == .invalidValue(
          SourceLocation(file: "h.csv", line: 2, column: 25, field: "value"), value: "0x1p3",
          reason: "a duration must be a number", help: "remove the row or correct the value"))
    let json = jsonLine(value: "\"0x1p3\"")
    let jsonError = try expectRejected(database) {
      try database.importSamples(source("h.jsonl", json))
    }
    #expect(jsonError?.location.field == "value")
    #expect(DecimalNumber.parse("-0X10") == nil && DecimalNumber.parse("1e3") == 1000)
  }

  @Test func byteOrderMarkInTheMiddleIsRejectedWithItsLine() throws {
    let database = try databaseWithPlatforms()
    let bom = "\u{FEFF}"
    let csv =
      bom + "sample_set,platform,metric,unit,value\nx,cloud-a100,job_time,s,1\n" + bom
      + "x,cloud-a100,job_time,s,2\n"
    let error = try expectRejected(database) { try database.importSamples(source("b.csv", csv)) }
    #expect(error == .strayByteOrderMark(SourceLocation(file: "b.csv", line: 3, column: 1)))
    let jsonl = bom + jsonLine(value: "1") + "\n" + bom + jsonLine(value: "2")
    let jsonError = try expectRejected(database) {
      try database.importSamples(source("b.jsonl", jsonl))
    }
    #expect(jsonError == .strayByteOrderMark(SourceLocation(file: "b.jsonl", line: 2, column: 1)))
    #expect(try database.sampleSetNames().isEmpty)
  }

  @Test func nulByteIsRejectedWhereItStands() throws {
    let database = try databaseWithPlatforms()
    // Unquoted and quoted: both would otherwise store a run id cut short at the NUL.
    let csv =
      "sample_set,platform,metric,unit,value,run_id\nx,cloud-a100,job_time,s,1,ab\u{0}cd\n"
    let error = try expectRejected(database) { try database.importSamples(source("n.csv", csv)) }
    #expect(error == .nulByte(SourceLocation(file: "n.csv", line: 2, column: 29)))
    let quoted =
      "sample_set,platform,metric,unit,value,run_id\nx,cloud-a100,job_time,s,1,\"a\u{0}\"\n"
    let quotedError = try expectRejected(database) {
      try database.importSamples(source("q.csv", quoted))
    }
    #expect(quotedError == .nulByte(SourceLocation(file: "q.csv", line: 2, column: 29)))
    let json =
      #"{"sample_set":"x","platform":"cloud-a100","metric":"job_time","unit":"s","value":1,"run_id":"a\u0000b"}"#
    let jsonError = try expectRejected(database) {
      try database.importSamples(source("n.jsonl", json))
    }
    #expect(
      jsonError == .nulByte(SourceLocation(file: "n.jsonl", line: 1, column: 1, field: "run_id")))
    #expect(try database.sampleSetNames().isEmpty)
  }

  /// A Latin-1 é (0xE9) used to be decoded as U+FFFD and stored so; now the file is refused where the
  /// byte stands, in CSV (quoted or not) and JSON Lines alike.
  @Test func bytesThatAreNotUTF8AreRejectedWhereTheyStand() throws {
    let database = try databaseWithPlatforms()
    let header = Array("sample_set,platform,metric,unit,value,recorded_at\n".utf8)
    let row = Array("x,cloud-a100,job_time,s,1,caf".utf8) + [0xE9] + Array(",\n".utf8)
    let error = try expectRejected(database) {
      try database.importSamples(ImportSource(fileName: "l.csv", bytes: header + row))
    }
    #expect(error == .invalidUTF8(SourceLocation(file: "l.csv", line: 2, column: 30), byte: 0xE9))
    #expect(
      error?.description
        == """
        l.csv:2:30: error: byte 0xE9 is not UTF-8; capsim reads text files as UTF-8
        help: re-save the file as UTF-8 (from Latin-1: iconv -f latin1 -t utf-8 FILE > NEW); nothing was imported
        """)
    // Valid multi-byte text before the bad byte counts as one column per character.
    let quoted =
      header + Array("x,cloud-a100,job_time,s,1,\"é\u{2014}".utf8) + [0xC3, 0x28]
      + Array("\"\n".utf8)
    let quotedError = try expectRejected(database) {
      try database.importSamples(ImportSource(fileName: "q.csv", bytes: quoted))
    }
    #expect(
      quotedError == .invalidUTF8(SourceLocation(file: "q.csv", line: 2, column: 30), byte: 0xC3))
    let json =
      Array(
        #"{"sample_set":"x","platform":"cloud-a100","metric":"job_time","unit":"s","value":1,"run_id":"a"#
          .utf8)
      + [0xFF] + Array(#""}"#.utf8)
    let jsonError = try expectRejected(database) {
      try database.importSamples(ImportSource(fileName: "n.jsonl", bytes: json))
    }
    #expect(
      jsonError == .invalidUTF8(SourceLocation(file: "n.jsonl", line: 1, column: 95), byte: 0xFF))
    #expect(try database.sampleSetNames().isEmpty)
  }

  @Test func everyBadRowIsReportedUpToTheLimit() throws {
    let database = try databaseWithPlatforms()
    var csv = "sample_set,platform,metric,unit,value\nx,cloud-a100,job_time,s,1\n"
    for row in 0..<25 { csv += "x,cloud-a100,job_time,s,-\(row + 1)\n" }
    let error = try expectRejected(database) { try database.importSamples(source("m.csv", csv)) }
    guard case .several(let errors, let omitted) = error else {
      Issue.record("expected several errors, got \(String(describing: error))")
      return
    }
    #expect(errors.count == RowErrors.limit && omitted == 5)
    #expect(errors.map(\.location.line) == Array(3..<23))
    let text = error?.description ?? ""
    #expect(text.hasPrefix("m.csv:3:25: error: field 'value' is -1; durations must be ≥ 0"))
    #expect(text.contains("m.csv:22:25: error: field 'value' is -20"))
    #expect(text.hasSuffix("and 5 more errors"))
  }

  @Test func twoBadJSONLinesAreBothReported() throws {
    let database = try databaseWithPlatforms()
    let text = [jsonLine(value: "-1"), jsonLine(value: "1"), jsonLine(value: "\"x\"")]
      .joined(separator: "\n")
    let error = try expectRejected(database) { try database.importSamples(source("t.jsonl", text)) }
    guard case .several(let errors, 0) = error else {
      Issue.record("expected two errors, got \(String(describing: error))")
      return
    }
    #expect(errors.map(\.location.line) == [1, 3])
  }

  @Test func invalidJSONCarriesLineAndColumn() throws {
    let database = try databaseWithPlatforms()
    var options = SampleImportOptions()
    options.platform = "metal-a100"
    options.format = .hyperfine
    let text = "{\"results\": [\n  {\"command\": \"x\",\n   \"times\": [1.0, 2.0,]}\n]}"
    let error = try expectRejected(database) {
      try database.importSamples(source("hf.json", text), options: options)
    }
    #expect(
      error
        == .invalidJSON(
          SourceLocation(file: "hf.json", line: 3, column: 23), reason: "expected a value"))
    let lineError = try expectRejected(database) {
      try database.importSamples(
        source("l.jsonl", jsonLine(value: "1") + "\n{\"sample_set\": tru}"))
    }
    #expect(
      lineError
        == .invalidJSON(
          SourceLocation(file: "l.jsonl", line: 2, column: 16), reason: "expected a value"))
  }

  /// A number beyond the largest double (1e309; the largest is about 1.8e308) is named where it stands;
  /// it used to be reported as "not hyperfine output" with advice to name the format already named.
  @Test func aNumberBeyondTheLargestDoubleIsNamedWhereItStands() throws {
    let database = try databaseWithPlatforms()
    var options = SampleImportOptions()
    options.platform = "metal-a100"
    options.format = .hyperfine
    let text = #"{"results":[{"command":"sleep 1","times":[1.0, 1e309]}]}"#
    let error = try expectRejected(database) {
      try database.importSamples(source("hf.json", text), options: options)
    }
    #expect(
      error
        == .invalidJSON(
          SourceLocation(file: "hf.json", line: 1, column: 48),
          reason:
            "the number 1e309 is out of range: beyond the largest number a double holds (about 1.8e308)"
        ))
  }

  @Test func jsonSyntaxReferenceCases() {
    // RFC 8259 examples: valid texts pass, each broken one fails at the stated byte.
    for valid in [#"{"a": [1, -0.5e+3, "x\u00e9\n", true, false, null, {}]}"#, "  3 ", "[]"] {
      #expect(JSONSyntax.firstError(in: Array(valid.utf8)[...]) == nil, "\(valid)")
    }
    let broken: [(String, Int)] = [
      ("[1,]", 3), ("{\"a\" 1}", 5), ("01", 0), ("[1] x", 4), ("\"a", 2),
    ]
    for (text, offset) in broken {
      #expect(JSONSyntax.firstError(in: Array(text.utf8)[...])?.offset == offset, "\(text)")
    }
    let deep = String(repeating: "[", count: 100_000)
    #expect(JSONSyntax.firstError(in: Array(deep.utf8)[...])?.reason == "unexpected end of input")
  }

  @Test func jsonNumbersAreReadExactly() throws {
    // Foundation's JSONSerialization on Linux reads about half of all 17-digit decimals as a
    // neighbouring Double; these came from a real `capsim measure` run and were misread.
    let values = [
      0.10562861400000001, 0.10155322000000001, 0.10295509600000001, 1.2345678901234567e-5,
      123456.78901234567,
    ]
    let database = try databaseWithPlatforms()
    var options = SampleImportOptions()
    options.platform = "metal-a100"
    options.sampleSetName = "exact"
    let times = values.map { "\($0)" }.joined(separator: ", ")
    try database.importSamples(
      source("hf.json", #"{"results": [{"command": "x", "times": [\#(times)]}]}"#), options: options
    )
    #expect(try database.sampleSet(named: "exact").seconds == values)
    let lines = values.map { jsonLine(value: "\($0)") }.joined(separator: "\n")
    try database.importSamples(source("e.jsonl", lines))
    #expect(try database.sampleSet(named: "j").seconds == values)
  }
}
