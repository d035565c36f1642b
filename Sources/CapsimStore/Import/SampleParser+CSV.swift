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
