import Foundation

extension SampleParser {
  // MARK: - JSON Lines

  /// JSON Lines: one object per non-blank line with the keys of the CSV format; `value` and
  /// `gpu_count` are numbers (or numeric strings), the rest strings.
  ///
  /// A file none of whose lines starts with `{` (a CSV file given `--format jsonl`) is one
  /// ``ImportError/wrongLayout(_:reason:help:)``, not an error per line; `forced` says whether the
  /// layout was named with `--format`.
  static func parseJSONLines(_ source: ImportSource, forced: Bool = false) throws
    -> [PendingSampleSet]
  {
    var collector = SampleSetCollector()
    var lineNumber = 0
    var scales: [String: Double] = [:]
    var rowErrors = RowErrors()
    var firstLine: (number: Int, text: ArraySlice<UInt8>)?
    var anObject = false
    for rawLine in source.bytes.split(
      separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    {
      lineNumber += 1
      var line = rawLine
      if line.starts(with: [0xEF, 0xBB, 0xBF]) {
        guard lineNumber == 1 else {
          rowErrors.record(
            .strayByteOrderMark(SourceLocation(file: source.fileName, line: lineNumber, column: 1)))
          continue
        }
        line = line.dropFirst(3)
      }
      if let first = line.first(where: { $0 != 32 && $0 != 9 && $0 != 13 }) {
        if firstLine == nil { firstLine = (lineNumber, line) }
        if first == UInt8(ascii: "{") { anObject = true }
      }
      if let offset = UTF8Text.firstInvalidByte(in: line) {
        let (_, column) = JSONSyntax.lineAndColumn(of: offset - line.startIndex, in: line)
        rowErrors.record(
          .invalidUTF8(
            SourceLocation(file: source.fileName, line: lineNumber, column: column),
            byte: line[offset]))
        continue
      }
      try rowErrors.collecting {
        try parseJSONLine(
          line, number: lineNumber, file: source.fileName, into: &collector, scales: &scales)
      }
    }
    if !anObject, let (number, text) = firstLine {
      throw ImportError.wrongLayout(
        SourceLocation(file: source.fileName, line: number, column: 1),
        reason:
          "the file is not JSON Lines: no line of it is a JSON object (line \(number) starts "
          + "\(snippet(text)))",
        help: layoutHelp(.jsonLines, forced: forced))
    }
    try rowErrors.throwIfAny()
    let sets = try nonEmpty(collector.sets, file: source.fileName)
    for set in sets where !set.gpuCounts.isEmpty && set.gpuCounts.count != set.seconds.count {
      throw ImportError.invalidValue(
        set.location, value: set.name,
        reason: "some lines of this set have 'gpu_count' and others do not",
        help: "give every line of a sample set the same keys")
    }
    return sets
  }

  /// One JSON Lines record (`line`, without its line break) into `collector`.
  private static func parseJSONLine(
    _ line: ArraySlice<UInt8>, number lineNumber: Int, file: String,
    into collector: inout SampleSetCollector, scales: inout [String: Double]
  ) throws {
    let lineLocation = SourceLocation(file: file, line: lineNumber, column: 1)
    guard line.contains(where: { $0 != 32 && $0 != 9 && $0 != 13 }) else { return }
    if let failure = JSONSyntax.firstError(in: line) {
      let (_, column) = JSONSyntax.lineAndColumn(of: failure.offset, in: line)
      throw ImportError.invalidJSON(
        SourceLocation(file: file, line: lineNumber, column: column), reason: failure.reason)
    }
    guard let object = JSONValue.decode(line)?.object else {
      throw ImportError.invalidJSON(lineLocation, reason: "each line must be one JSON object")
    }
    func at(_ key: String) -> SourceLocation {
      SourceLocation(file: file, line: lineNumber, column: 1, field: key)
    }
    for key in object.keys.sorted() where !documentedColumns.contains(key) {
      throw ImportError.unknownColumn(at(key), column: key, expected: documentedColumns)
    }
    for key in object.keys.sorted() where object[key]?.text?.contains("\u{0}") == true {
      throw ImportError.nulByte(at(key))
    }
    var texts: [String] = []
    for key in requiredColumns.prefix(4) {
      guard case .string? = object[key], let text = object[key]?.text, !text.isEmpty else {
        throw ImportError.emptyValue(
          at(key), help: "every line needs a non-empty string '\(key)'")
      }
      texts.append(text)
    }
    let unit = try TimeUnit.parse(texts[3], at: at("unit"))
    let index = try collector.index(
      name: texts[0], platform: texts[1], metric: texts[2], unit: texts[3],
      location: lineLocation,
      fieldLocation: at)
    scales[texts[0]] = unit.seconds
    guard let raw = object["value"], raw != .null else {
      throw ImportError.emptyValue(at("value"), help: "every line needs a numeric 'value'")
    }
    let seconds = try parseSeconds(
      raw.number, text: raw.display, scale: unit.seconds, at: at("value"))
    let hasGPU = object.keys.contains("gpu_count")
    collector.append(
      seconds, to: index,
      gpuCount: hasGPU
        ? try parseGPUCount(object["gpu_count"]?.text ?? "", at: at("gpu_count"))
        : nil,
      recordedAt: object.keys.contains("recorded_at")
        ? object["recorded_at"]?.text : nil,
      runID: object.keys.contains("run_id") ? object["run_id"]?.text : nil)
  }

  // MARK: - hyperfine

  /// `hyperfine --export-json` output: `{"results": [{"command": "…", "times": [seconds…]}, …]}`.
  static func parseHyperfine(_ source: ImportSource, options: SampleImportOptions) throws
    -> [PendingSampleSet]
  {
    let file = source.fileName
    var bytes = source.bytes[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    if let failure = JSONSyntax.firstError(in: bytes) {
      let (line, column) = JSONSyntax.lineAndColumn(of: failure.offset, in: bytes)
      let start = bytes.firstIndex { $0 != 32 && $0 != 9 && $0 != 10 && $0 != 13 }
      if let start, bytes[start] != UInt8(ascii: "{") {
        let lineEnd = bytes[start...].firstIndex(of: 10) ?? bytes.endIndex
        throw ImportError.wrongLayout(
          SourceLocation(file: file, line: line, column: column),
          reason:
            "the file is not hyperfine JSON: it does not start with '{' (line \(line) starts "
            + "\(snippet(bytes[start..<lineEnd])))",
          help: layoutHelp(.hyperfine, forced: options.format != nil))
      }
      throw ImportError.invalidJSON(
        SourceLocation(file: file, line: line, column: column), reason: failure.reason)
    }
    guard let results = JSONValue.decode(bytes)?.object?["results"]?.array else {
      throw ImportError.unrecognisedFormat(
        SourceLocation(file: file, field: "results"),
        reason: "expected hyperfine --export-json output: an object with a 'results' array")
    }
    guard let platform = options.platform, !platform.isEmpty else {
      throw ImportError.invalidOption(
        SourceLocation(file: "--platform"),
        reason: "hyperfine output does not say which platform it ran on",
        help: "pass --platform NAME")
    }
    let metric = options.metric ?? "job_time"
    var collector = SampleSetCollector()
    var rowErrors = RowErrors()
    // The first result that named each set: two different commands whose slugs coincide (`--lr 0.1`
    // and `--lr 0-1`) are refused rather than merged; the same command twice is pooled, with a note.
    var firstResult: [String: (command: String, field: String)] = [:]
    var pooled: [(name: String, command: String, fields: [String])] = []
    for (position, result) in results.enumerated() {
      let field = "results[\(position)]"
      guard case .string(let command)? = result.object?["command"],
        let times = result.object?["times"]?.array
      else {
        throw ImportError.invalidJSON(
          SourceLocation(file: file, field: field),
          reason: "each result needs a 'command' string and a 'times' array")
      }
      let name: String
      switch (options.sampleSetName, results.count) {
      case (let given?, 1): name = given
      case (let prefix?, _): name = prefix + "-" + slug(command)
      case (nil, _): name = slug(command)
      }
      if let first = firstResult[name] {
        guard first.command == command else {
          throw ImportError.invalidValue(
            SourceLocation(file: file, field: "\(field).command"), value: command,
            reason:
              "it and \(first.field).command '\(escapingControlCharacters(first.command))' would "
              + "both be sample set '\(name)'; two different commands are never merged into one set",
            help:
              "give the commands names that differ in letters or digits (a name keeps only lower-case "
              + "letters, digits and dashes): run hyperfine with --command-name NAME for each command, "
              + "or edit the 'command' strings in the file")
        }
        if let index = pooled.firstIndex(where: { $0.name == name }) {
          pooled[index].fields.append(field)
        } else {
          pooled.append((name, command, [first.field, field]))
        }
      } else {
        firstResult[name] = (command, field)
      }
      let index = try collector.index(
        name: name, platform: platform, metric: metric, unit: "s",
        location: SourceLocation(file: file, field: field),
        fieldLocation: { SourceLocation(file: file, field: "\(field).\($0)") })
      for (timeIndex, time) in times.enumerated() {
        let location = SourceLocation(file: file, field: "\(field).times[\(timeIndex)]")
        try rowErrors.collecting {
          let seconds = try parseSeconds(time.number, text: time.display, scale: 1, at: location)
          collector.append(seconds, to: index)
        }
      }
    }
    try rowErrors.throwIfAny()
    for set in collector.sets where set.seconds.isEmpty {
      throw ImportError.emptySampleSet(set.location, name: set.name)
    }
    var sets = try nonEmpty(collector.sets, file: file)
    for entry in pooled {
      guard let index = sets.firstIndex(where: { $0.name == entry.name }) else { continue }
      sets[index].notes.append(
        "\(entry.fields.dropLast().joined(separator: ", ")) and \(entry.fields.last ?? "") run the same command "
          + "'\(escapingControlCharacters(entry.command))': their times are pooled in '\(entry.name)'"
      )
    }
    return sets
  }

  /// Lower-case letters, digits and single dashes: `python train.py --bs 8` → `python-train-py-bs-8`.
  static func slug(_ text: String) -> String {
    var result = ""
    var pendingDash = false
    for scalar in text.lowercased().unicodeScalars {
      if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
        if pendingDash, !result.isEmpty { result.append("-") }
        pendingDash = false
        result.unicodeScalars.append(scalar)
      } else {
        pendingDash = true
      }
    }
    return result.isEmpty ? "unnamed" : result
  }
}
