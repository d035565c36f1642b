/// Parsers that turn a sample file into ``PendingSampleSet`` values, one per format.
enum SampleParser {
  /// The columns of capsim's own sample CSV and JSON Lines formats.
  static let documentedColumns = [
    "sample_set", "platform", "metric", "unit", "value", "gpu_count", "recorded_at", "run_id",
  ]
  static let requiredColumns = Array(documentedColumns.prefix(5))

  /// capsim's CSV: `sample_set,platform,metric,unit,value[,gpu_count,recorded_at,run_id]`, any order.
  ///
  /// Consecutive rows of one set are recognised by comparing bytes, so a million-row file decodes
  /// each name once and allocates nothing per row beyond the value itself.
  static func parseDocumentedCSV(_ source: ImportSource) throws -> [PendingSampleSet] {
    var table = try CSVTable(source)
    try table.rejectUnknownColumns(known: documentedColumns)
    let setColumn = try table.require("sample_set")
    let platformColumn = try table.require("platform")
    let metricColumn = try table.require("metric")
    let unitColumn = try table.require("unit")
    let valueColumn = try table.require("value")
    let gpuColumn = table.index(of: "gpu_count")
    let recordedColumn = table.index(of: "recorded_at")
    let runColumn = table.index(of: "run_id")
    let keyColumns = [setColumn, platformColumn, metricColumn, unitColumn]
    let columns = table.columns

    var collector = SampleSetCollector()
    var lastKey: [[UInt8]] = []
    var lastIndex = 0
    var lastScale = 1.0
    try table.forEachRow { fields, start, reader in
      func location(_ column: Int) -> SourceLocation {
        reader.location(of: fields[column], record: start, name: columns[column])
      }
      let sameKey =
        lastKey.count == 4 && reader.bytesEqual(fields[setColumn], lastKey[0])
        && reader.bytesEqual(fields[platformColumn], lastKey[1])
        && reader.bytesEqual(fields[metricColumn], lastKey[2])
        && reader.bytesEqual(fields[unitColumn], lastKey[3])
      if !sameKey {
        var texts: [String] = []
        for column in keyColumns {
          let text = reader.trimmedString(fields[column])
          if text.isEmpty {
            throw ImportError.emptyValue(
              location(column), help: "every row needs a \(columns[column])")
          }
          texts.append(text)
        }
        let unit = try TimeUnit.parse(texts[3], at: location(unitColumn))
        lastIndex = try collector.index(
          name: texts[0], platform: texts[1], metric: texts[2], unit: texts[3],
          location: SourceLocation(file: source.fileName, line: start.line, column: 1),
          fieldLocation: { name in
            location(
              ["platform": platformColumn, "metric": metricColumn, "unit": unitColumn][name]
                ?? setColumn)
          })
        lastScale = unit.seconds
        lastKey = keyColumns.map { reader.rawBytes(fields[$0]) }
      }
      let valueField = fields[valueColumn]
      if reader.isBlank(valueField) {
        throw ImportError.emptyValue(
          location(valueColumn), help: "every row needs a value; remove rows without one")
      }
      let seconds = try parseSeconds(
        reader.double(valueField), text: reader.numberText(valueField), scale: lastScale,
        at: location(valueColumn))
      collector.append(
        seconds, to: lastIndex,
        gpuCount: try gpuColumn.map { column throws(ImportError) in
          try parseGPUCount(reader.trimmedString(fields[column]), at: location(column))
        },
        recordedAt: recordedColumn.map { optionalText(reader.trimmedString(fields[$0])) },
        runID: runColumn.map { optionalText(reader.trimmedString(fields[$0])) })
    }
    return try nonEmpty(collector.sets, file: source.fileName)
  }

  /// A GPU count: blank → `nil`, otherwise a whole number ≥ 0 (`8` or `8.0`).
  static func parseGPUCount(_ text: String, at location: SourceLocation) throws(ImportError)
    -> Int64?
  {
    if text.isEmpty { return nil }
    if let count = Int64(text), count >= 0 { return count }
    if let number = DecimalNumber.parse(text), number >= 0, number < 9e18,
      number.rounded() == number
    {
      return Int64(number)
    }
    throw ImportError.invalidValue(
      location, value: text, reason: "a GPU count must be a whole number ≥ 0",
      help: "correct it or leave it empty")
  }

  static func optionalText(_ text: String) -> String? {
    text.isEmpty ? nil : text
  }

  // MARK: - Layout mismatches

  /// Refuses, as CSV, a file that starts with `{`: JSON Lines or hyperfine output given `--format csv`
  /// (or `table`), which the CSV reader would report as a stray quote with advice on quoting.
  static func rejectJSON(_ source: ImportSource, as format: SampleFormat, forced: Bool)
    throws(ImportError)
  {
    var bytes = source.bytes[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    guard let start = bytes.firstIndex(where: { $0 != 32 && $0 != 9 && $0 != 10 && $0 != 13 }),
      bytes[start] == UInt8(ascii: "{")
    else { return }
    let line = 1 + bytes[..<start].count(where: { $0 == 10 })
    throw ImportError.wrongLayout(
      SourceLocation(file: source.fileName, line: line, column: 1),
      reason: "the file is not CSV: it starts with '{', like JSON",
      help: layoutHelp(format, forced: forced))
  }

  /// How a layout was chosen and what to do when the file is not in it.
  static func layoutHelp(_ format: SampleFormat, forced: Bool) -> String {
    let others = SampleFormat.allCases.filter { $0 != format }.map(\.rawValue)
    let name = others.dropLast().joined(separator: ", ") + " or " + (others.last ?? "")
    if forced {
      return "it was read as \(format.rawValue) because of --format \(format.rawValue): leave "
        + "--format out to detect the layout, or give the file's own (\(name))"
    }
    switch format {
    case .jsonLines:
      return "a .jsonl or .ndjson file is read as JSON Lines, one JSON object per line; if this "
        + "file has another layout, name it with --format (\(name))"
    case .hyperfine:
      return "a .json file is read as hyperfine --export-json output; if this file has another "
        + "layout, name it with --format (\(name))"
    case .csv, .table:
      return
        "a table import (--value-column) reads a CSV file; for JSON Lines or hyperfine output, "
        + "leave --value-column out"
    }
  }

  /// The start of a line for a message: up to 30 characters, control characters escaped, in quotes.
  static func snippet(_ line: ArraySlice<UInt8>) -> String {
    let text = String(decoding: line, as: UTF8.self).trimmingSpaces()
    let head = text.prefix(30)
    return "'" + escapingControlCharacters(String(head)) + (head.count < text.count ? "…" : "")
      + "'"
  }

  /// Rejects a file that produced no sample set at all.
  static func nonEmpty(_ sets: [PendingSampleSet], file: String) throws(ImportError)
    -> [PendingSampleSet]
  {
    guard !sets.isEmpty else {
      throw ImportError.emptySampleSet(SourceLocation(file: file), name: "")
    }
    return sets
  }
}
