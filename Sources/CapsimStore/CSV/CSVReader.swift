/// A fast RFC 4180 CSV reader over the bytes of a whole file.
///
/// Handles quoted fields with embedded commas, doubled quotes and line breaks, CRLF or LF line ends,
/// a leading UTF-8 byte-order mark and a missing final line break. A byte-order mark at the start of
/// any later line (files joined with `cat`) is an error, not part of the first field. Completely blank lines are skipped.
/// Fields are returned as byte ranges into ``bytes`` so that the common case (an unquoted number)
/// allocates nothing; ``string(_:)`` and ``double(_:)`` decode a field on demand.
///
/// Stricter than RFC 4180 in one way: a quote inside an unquoted field (`ab"c`) is an error rather
/// than a literal character, since it almost always means a broken export.
///
/// - Complexity: O(n) in the file size; each byte is looked at once.
struct CSVReader {
  /// One field of a record: the bytes between `start` and `end` (exclusive), with quotes already
  /// stripped; `escaped` says that the range still contains doubled quotes (`""`) to be undone.
  struct Field {
    var start: Int
    var end: Int
    var escaped: Bool
  }

  /// Where a record begins: byte offset and 1-based physical line.
  struct RecordStart {
    var offset: Int
    var line: Int
  }

  /// The file's bytes.
  let bytes: [UInt8]
  /// The file name used in diagnostics.
  let file: String
  private var position: Int
  private var line: Int

  private static let quote = UInt8(ascii: "\"")
  private static let comma = UInt8(ascii: ",")
  private static let newline = UInt8(ascii: "\n")
  private static let carriageReturn = UInt8(ascii: "\r")

  /// Creates a reader, skipping a UTF-8 byte-order mark if present.
  init(bytes: [UInt8], file: String) {
    self.bytes = bytes
    self.file = file
    self.position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    self.line = 1
  }

  // MARK: - Reading records

  /// Reads the next record into `fields` (cleared first) and returns where it started, or `nil` at
  /// the end of the file.
  mutating func nextRecord(into fields: inout [Field]) throws(ImportError) -> RecordStart? {
    fields.removeAll(keepingCapacity: true)
    // Skip blank lines.
    while position < bytes.count {
      let byte = bytes[position]
      if byte == Self.newline {
        position += 1
        line += 1
      } else if byte == Self.carriageReturn, position + 1 < bytes.count,
        bytes[position + 1] == Self.newline
      {
        position += 2
        line += 1
      } else {
        break
      }
    }
    guard position < bytes.count else { return nil }
    let start = RecordStart(offset: position, line: line)
    if position > 0, bytes[position] == 0xEF, position + 2 < bytes.count,
      bytes[position + 1] == 0xBB, bytes[position + 2] == 0xBF
    {
      throw ImportError.strayByteOrderMark(SourceLocation(file: file, line: line, column: 1))
    }
    let count = bytes.count
    while true {
      if position < count, bytes[position] == Self.quote {
        try readQuotedField(into: &fields, record: start)
      } else {
        let fieldStart = position
        while position < count {
          let byte = bytes[position]
          if byte == Self.comma || byte == Self.newline || byte == Self.carriageReturn { break }
          if byte == Self.quote {
            throw ImportError.malformedCSV(
              location(ofOffset: position, record: start, field: nil),
              reason: "a quote appears inside an unquoted field")
          }
          if byte == 0 { throw nulByte(at: position, record: start) }
          position += 1
        }
        fields.append(Field(start: fieldStart, end: position, escaped: false))
      }
      // After a field: comma, line end or end of file.
      if position >= count {
        try checkUTF8(record: start)
        return start
      }
      let byte = bytes[position]
      if byte == Self.comma {
        position += 1
        continue
      }
      if byte == Self.carriageReturn {
        position += 1
        if position < count, bytes[position] == Self.newline { position += 1 }
      } else {
        position += 1
      }
      line += 1
      try checkUTF8(record: start)
      return start
    }
  }

  /// Rejects a record that is not valid UTF-8 where it stops being so (decoding would replace the byte
  /// with U+FFFD and store the value changed).
  private func checkUTF8(record: RecordStart) throws(ImportError) {
    guard let offset = UTF8Text.firstInvalidByte(in: bytes[record.offset..<position]) else {
      return
    }
    throw ImportError.invalidUTF8(
      location(ofOffset: offset, record: record, field: nil), byte: bytes[offset])
  }

  /// A NUL byte in a text file: C strings (and SQLite's text functions) would cut the value short there,
  /// so a run id or name would be stored truncated; the file is refused instead.
  private func nulByte(at offset: Int, record: RecordStart) -> ImportError {
    .nulByte(location(ofOffset: offset, record: record, field: nil))
  }

  private mutating func readQuotedField(into fields: inout [Field], record: RecordStart)
    throws(ImportError)
  {
    let openingQuote = position
    position += 1
    let fieldStart = position
    var escaped = false
    let count = bytes.count
    while position < count {
      let byte = bytes[position]
      if byte == Self.quote {
        if position + 1 < count, bytes[position + 1] == Self.quote {
          escaped = true
          position += 2
          continue
        }
        fields.append(Field(start: fieldStart, end: position, escaped: escaped))
        position += 1
        if position < count {
          let next = bytes[position]
          if next != Self.comma && next != Self.newline && next != Self.carriageReturn {
            throw ImportError.malformedCSV(
              location(ofOffset: position, record: record, field: nil),
              reason: "unexpected character after a closing quote")
          }
        }
        return
      }
      if byte == Self.newline { line += 1 }
      if byte == 0 { throw nulByte(at: position, record: record) }
      position += 1
    }
    throw ImportError.malformedCSV(
      location(ofOffset: openingQuote, record: record, field: nil),
      reason: "a quoted field is never closed")
  }

  // MARK: - Decoding fields

  /// The field as text, with doubled quotes undone and invalid UTF-8 repaired.
  func string(_ field: Field) -> String {
    let slice = bytes[field.start..<field.end]
    guard field.escaped else { return String(decoding: slice, as: UTF8.self) }
    var unescaped: [UInt8] = []
    unescaped.reserveCapacity(slice.count)
    var index = field.start
    while index < field.end {
      unescaped.append(bytes[index])
      index += bytes[index] == Self.quote ? 2 : 1
    }
    return String(decoding: unescaped, as: UTF8.self)
  }

  /// The field as text with surrounding spaces and tabs removed.
  func trimmedString(_ field: Field) -> String {
    let text = string(field)
    return text.trimmingSpaces()
  }

  /// The field as ``double(_:)`` reads it: only spaces removed at either end, so that a line break or
  /// tab that makes it unreadable as a number stays in the text a diagnostic shows (escaped there).
  func numberText(_ field: Field) -> String {
    var text = Substring(string(field))
    while text.first == " " { text.removeFirst() }
    while text.last == " " { text.removeLast() }
    return String(text)
  }

  /// Whether the field is empty or only spaces.
  func isBlank(_ field: Field) -> Bool {
    var index = field.start
    while index < field.end {
      if bytes[index] != UInt8(ascii: " ") && bytes[index] != UInt8(ascii: "\t") { return false }
      index += 1
    }
    return true
  }

  /// Whether the field's bytes equal `other`'s bytes (used to avoid re-decoding repeated names).
  func bytesEqual(_ field: Field, _ other: [UInt8]) -> Bool {
    guard field.end - field.start == other.count else { return false }
    var index = 0
    while index < other.count {
      if bytes[field.start + index] != other[index] { return false }
      index += 1
    }
    return true
  }

  /// The field's raw bytes.
  func rawBytes(_ field: Field) -> [UInt8] {
    Array(bytes[field.start..<field.end])
  }

  /// The field parsed as a decimal number (spaces trimmed), or `nil` if it is not one
  /// (``DecimalNumber/parse(_:)``: `nan` and `inf` pass, to be rejected by name; hex floats do not).
  func double(_ field: Field) -> Double? {
    var start = field.start
    var end = field.end
    while start < end, bytes[start] == UInt8(ascii: " ") { start += 1 }
    while end > start, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
    guard start < end, !field.escaped else { return nil }
    return DecimalNumber.parse(String(decoding: bytes[start..<end], as: UTF8.self))
  }

  // MARK: - Locations

  /// The 1-based line and column of a byte offset inside the record that starts at `record`.
  func location(ofOffset offset: Int, record: RecordStart, field: String?) -> SourceLocation {
    var line = record.line
    var lineStart = record.offset
    var index = record.offset
    while index < offset, index < bytes.count {
      if bytes[index] == Self.newline {
        line += 1
        lineStart = index + 1
      }
      index += 1
    }
    var column = 1
    index = lineStart
    while index < offset, index < bytes.count {
      if bytes[index] & 0xC0 != 0x80 { column += 1 }
      index += 1
    }
    return SourceLocation(file: file, line: line, column: column, field: field)
  }

  /// The location of a field (its first byte, or its opening quote), named `name`.
  func location(of field: Field, record: RecordStart, name: String?) -> SourceLocation {
    let isQuoted =
      field.start > 0 && bytes[field.start - 1] == Self.quote && field.start > record.offset
    return location(ofOffset: isQuoted ? field.start - 1 : field.start, record: record, field: name)
  }
}

extension String {
  /// The string without leading and trailing spaces, tabs and line breaks.
  func trimmingSpaces() -> String {
    var scalars = Substring(self)
    while let first = scalars.first, first == " " || first == "\t" || first == "\r" || first == "\n"
    {
      scalars.removeFirst()
    }
    while let last = scalars.last, last == " " || last == "\t" || last == "\r" || last == "\n" {
      scalars.removeLast()
    }
    return String(scalars)
  }
}
