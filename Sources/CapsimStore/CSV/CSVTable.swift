/// A CSV file opened for reading by column name: the reader plus the header (read from the first
/// record, or supplied by the caller for headerless files such as Alibaba PAI's job table).
struct CSVTable {
  /// The reader, positioned after the header.
  var reader: CSVReader
  /// Column names in file order, trimmed.
  let columns: [String]
  /// Where the header record starts (line 1 for a real header), used for header diagnostics.
  let headerStart: CSVReader.RecordStart
  /// The header fields, for pointing at a column in a diagnostic; empty when names were supplied.
  let headerFields: [CSVReader.Field]
  private let indexByName: [String: Int]
  private var fields: [CSVReader.Field] = []
  /// Rows whose surplus fields `forEachRow(absorbingExtraFieldsInto:_:)` joined into one column.
  private(set) var recoveredRowCount = 0

  /// Opens `source`; reads the header unless `suppliedColumns` is given.
  ///
  /// - Throws: ``ImportError`` for an empty file, malformed header or a repeated column name.
  init(_ source: ImportSource, suppliedColumns: [String]? = nil) throws(ImportError) {
    var reader = CSVReader(bytes: source.bytes, file: source.fileName)
    var header: [CSVReader.Field] = []
    if let suppliedColumns {
      columns = suppliedColumns.map { $0.trimmingSpaces() }
      headerStart = CSVReader.RecordStart(offset: 0, line: 1)
    } else {
      guard let start = try reader.nextRecord(into: &header) else {
        throw ImportError.unrecognisedFormat(
          SourceLocation(file: source.fileName, line: 1),
          reason: "the file is empty; a header row is required")
      }
      headerStart = start
      columns = header.map { reader.trimmedString($0) }
    }
    headerFields = header
    var index: [String: Int] = [:]
    for (position, name) in columns.enumerated() {
      if index[name] != nil {
        throw ImportError.duplicateColumn(
          Self.headerLocation(reader, header, headerStart, position, name), column: name)
      }
      index[name] = position
    }
    self.indexByName = index
    self.reader = reader
  }

  private static func headerLocation(
    _ reader: CSVReader, _ header: [CSVReader.Field], _ start: CSVReader.RecordStart,
    _ position: Int, _ name: String?
  ) -> SourceLocation {
    guard position < header.count else {
      return SourceLocation(file: reader.file, line: nil, column: nil, field: name)
    }
    return reader.location(of: header[position], record: start, name: name)
  }

  /// The location of a header column (or the file, for supplied names).
  func headerLocation(column position: Int?) -> SourceLocation {
    guard let position else {
      return SourceLocation(file: reader.file, line: headerStart.line, column: 1)
    }
    return Self.headerLocation(reader, headerFields, headerStart, position, columns[position])
  }

  // MARK: - Columns

  /// The index of a column, or `nil`.
  func index(of name: String) -> Int? {
    indexByName[name]
  }

  /// The index of a required column.
  ///
  /// - Throws: ``ImportError/missingColumn(_:column:available:)``.
  func require(_ name: String) throws(ImportError) -> Int {
    guard let index = indexByName[name] else {
      throw ImportError.missingColumn(headerLocation(column: nil), column: name, available: columns)
    }
    return index
  }

  /// Rejects any column not in `known`, with a did-you-mean suggestion.
  func rejectUnknownColumns(known: [String]) throws(ImportError) {
    for (position, name) in columns.enumerated() where !known.contains(name) {
      throw ImportError.unknownColumn(
        headerLocation(column: position), column: name, expected: known)
    }
  }

  // MARK: - Rows

  /// Calls `body` with each data row's fields and start, after checking the field count.
  ///
  /// A bad row (wrong field count, or an ``ImportError`` thrown by `body`) does not stop the
  /// reading: every bad row is reported, up to ``RowErrors/limit``, when the file has been read.
  /// Malformed CSV stops it at once (later rows cannot be delimited reliably).
  ///
  /// `absorbingExtraFieldsInto` names a column where a known writer leaves commas unquoted
  /// (SkyPilot's Azure catalog writes `Generation` values such as `V1,V2` bare): a row with more
  /// fields than the header then has its surplus fields joined, commas included, into that field,
  /// and ``recoveredRowCount`` counts it. Any other field-count mismatch is an error.
  mutating func forEachRow(
    absorbingExtraFieldsInto column: Int? = nil,
    _ body: (_ fields: [CSVReader.Field], _ start: CSVReader.RecordStart, _ reader: CSVReader)
      throws -> Void
  ) throws {
    let expected = columns.count
    var rowErrors = RowErrors()
    while true {
      let next: CSVReader.RecordStart?
      do {
        next = try reader.nextRecord(into: &fields)
      } catch {
        throw rowErrors.combined(with: error)
      }
      guard let start = next else { break }
      if fields.count > expected, let column {
        let last = column + fields.count - expected
        let joined = CSVReader.Field(
          start: fields[column].start, end: fields[last].end, escaped: false)
        fields.replaceSubrange(column...last, with: [joined])
        recoveredRowCount += 1
      }
      if fields.count != expected {
        let location = SourceLocation(file: reader.file, line: start.line, column: 1)
        rowErrors.record(ImportError.fieldCount(location, found: fields.count, expected: expected))
        continue
      }
      let reader = self.reader
      let fields = self.fields
      try rowErrors.collecting { try body(fields, start, reader) }
    }
    try rowErrors.throwIfAny()
  }
}
