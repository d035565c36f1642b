/// Why an import rejected a file. Nothing from the file is written when one of these is thrown.
///
/// Every case carries the ``SourceLocation`` of the problem (file, line, column and field where
/// known) and renders as a compiler-style diagnostic with a `help:` line:
///
/// ```
/// prices.csv:14:5: error: field 'amount' is -2.5; prices must be ≥ 0
/// help: correct the value or remove the row
/// ```
public indirect enum ImportError: Error, Equatable, Sendable {
  /// The CSV is not well formed (an unclosed quote, a stray quote, text after a closing quote).
  case malformedCSV(SourceLocation, reason: String)
  /// A row has a different number of fields from the header.
  case fieldCount(SourceLocation, found: Int, expected: Int)
  /// A required column is absent from the header (or from the supplied column names).
  case missingColumn(SourceLocation, column: String, available: [String])
  /// The header has a column the format does not define.
  case unknownColumn(SourceLocation, column: String, expected: [String])
  /// The same column name appears twice in the header.
  case duplicateColumn(SourceLocation, column: String)
  /// A field holds a value that is not allowed; `reason` completes "field 'x' is V; …".
  case invalidValue(SourceLocation, value: String, reason: String, help: String)
  /// A required field is empty.
  case emptyValue(SourceLocation, help: String)
  /// A name (platform, pricing model, unit, kind…) is not one of the known ones.
  case unknownName(SourceLocation, kind: String, name: String, known: [String])
  /// A sample set ends up with no values (for example every row was filtered out).
  case emptySampleSet(SourceLocation, name: String)
  /// A record with this name already exists with different content and `replace` was not asked for.
  case alreadyExists(SourceLocation, kind: String, name: String)
  /// The same name is defined twice in one file.
  case duplicateInFile(SourceLocation, kind: String, name: String, firstLine: Int)
  /// The file is not valid JSON, or not of the expected shape.
  case invalidJSON(SourceLocation, reason: String)
  /// The file's format cannot be recognised or does not match the requested one.
  case unrecognisedFormat(SourceLocation, reason: String)
  /// The file is not in the layout it is read as (a CSV file given `--format jsonl`): one error for the
  /// whole file instead of one per line; `help` says how the layout was chosen and what to do.
  case wrongLayout(SourceLocation, reason: String, help: String)
  /// The file has a header but no data rows; `kind` is `price` or `platform`.
  case noDataRows(SourceLocation, kind: String)
  /// An import option is missing or invalid for this format (location names the option).
  case invalidOption(SourceLocation, reason: String, help: String)
  /// The file cannot be read.
  case unreadable(SourceLocation, reason: String)
  /// A UTF-8 byte-order mark (U+FEFF) after the start of the file, typically where two files were
  /// joined with `cat`.
  case strayByteOrderMark(SourceLocation)
  /// A NUL byte in a text file (it would cut a stored name or run id short).
  case nulByte(SourceLocation)
  /// A byte that is not valid UTF-8 (it would be stored as U+FFFD); `byte` is the first bad one.
  case invalidUTF8(SourceLocation, byte: UInt8)
  /// Several rows are bad: the first ``RowErrors/limit`` errors in file order, and how many more
  /// there were. Rendered one diagnostic after another, then `and N more errors`.
  case several([ImportError], omitted: Int)

  /// Where the problem is.
  public var location: SourceLocation {
    switch self {
    case .malformedCSV(let location, _), .fieldCount(let location, _, _),
      .missingColumn(let location, _, _), .unknownColumn(let location, _, _),
      .duplicateColumn(let location, _), .invalidValue(let location, _, _, _),
      .emptyValue(let location, _), .unknownName(let location, _, _, _),
      .emptySampleSet(let location, _), .alreadyExists(let location, _, _),
      .duplicateInFile(let location, _, _, _), .invalidJSON(let location, _),
      .unrecognisedFormat(let location, _), .wrongLayout(let location, _, _),
      .noDataRows(let location, _), .invalidOption(let location, _, _),
      .unreadable(let location, _), .strayByteOrderMark(let location),
      .nulByte(let location), .invalidUTF8(let location, _):
      return location
    case .several(let errors, _):
      return errors.first?.location ?? SourceLocation(file: "")
    }
  }
}

// MARK: - Diagnostics

extension ImportError: DiagnosticConvertible, CustomStringConvertible {
  /// The diagnostic shown to the user: location, message and a `help:` line.
  public var diagnostic: Diagnostic {
    switch self {
    case .malformedCSV(let location, let reason):
      return Diagnostic(
        location: location, message: "malformed CSV: \(reason)",
        help:
          "quote fields that contain commas, quotes or line breaks, and double quotes inside them (\"\")"
      )
    case .fieldCount(let location, let found, let expected):
      return Diagnostic(
        location: location, message: "row has \(found) fields; the header has \(expected)",
        help: "every row needs one field per header column; quote fields that contain commas")
    case .missingColumn(let location, let column, let available):
      let near = NameSuggestions.nearest(to: column, in: available)
      let help =
        near.isEmpty
        ? "add a '\(column)' column; the header has: \(available.joined(separator: ", "))"
        : "did you mean " + near.map { "'\($0)'" }.joined(separator: " or ") + "?"
      return Diagnostic(
        location: location, message: "required column '\(column)' is missing", help: help)
    case .unknownColumn(let location, let column, let expected):
      return Diagnostic(
        location: location, message: "unknown column '\(column)'",
        help: NameSuggestions.help(for: column, kind: "column", known: expected))
    case .duplicateColumn(let location, let column):
      return Diagnostic(
        location: location, message: "column '\(column)' appears twice in the header",
        help: "rename or remove one of them")
    case .invalidValue(let location, let value, let reason, let help):
      let field = location.field.map { "field '\($0)'" } ?? "value"
      return Diagnostic(
        location: location, message: "\(field) is \(quoted(value)); \(reason)", help: help)
    case .emptyValue(let location, let help):
      let field = location.field.map { "field '\($0)'" } ?? "a required field"
      return Diagnostic(location: location, message: "\(field) is empty", help: help)
    case .unknownName(let location, let kind, let name, let known):
      return Diagnostic(
        location: location, message: "unknown \(kind) '\(name)'",
        help: NameSuggestions.help(for: name, kind: kind, known: known))
    case .emptySampleSet(let location, let name) where name.isEmpty:
      return Diagnostic(
        location: location, message: "the file has no data rows",
        help: "a sample file needs at least one value")
    case .emptySampleSet(let location, let name):
      return Diagnostic(
        location: location, message: "sample set '\(name)' has no values",
        help: "check the filters and the value column; a sample set needs at least one value")
    case .alreadyExists(let location, let kind, let name):
      return Diagnostic(
        location: location, message: "\(kind) '\(name)' already exists with different content",
        help: "use --replace to overwrite it, or import under another name")
    case .duplicateInFile(let location, let kind, let name, let firstLine):
      return Diagnostic(
        location: location,
        message: "\(kind) '\(name)' is defined twice in this file (first on line \(firstLine))",
        help: "give each \(kind) a unique name")
    case .invalidJSON(let location, let reason):
      return Diagnostic(location: location, message: "invalid JSON: \(reason)", help: nil)
    case .unrecognisedFormat(let location, let reason):
      return Diagnostic(
        location: location, message: reason,
        help: "name the format explicitly (see docs/data-formats.md for the accepted layouts)")
    case .wrongLayout(let location, let reason, let help):
      return Diagnostic(location: location, message: reason, help: help)
    case .noDataRows(let location, let kind):
      return Diagnostic(
        location: location, message: "the file has no data rows",
        help: "a \(kind) file needs at least one row below its header")
    case .invalidOption(let location, let reason, let help):
      return Diagnostic(location: location, message: reason, help: help)
    case .unreadable(let location, let reason):
      return Diagnostic(location: location, message: "cannot read the file: \(reason)", help: nil)
    case .strayByteOrderMark(let location):
      return Diagnostic(
        location: location,
        message: "a byte-order mark (U+FEFF) in the middle of the file",
        help:
          "the file was probably joined from several files; remove the mark (and any repeated header)"
      )
    case .nulByte(let location):
      return Diagnostic(
        location: location, message: "a NUL byte (\\0) in the data; a CSV or JSON file is text",
        help:
          "the file is binary or damaged here; re-export it as UTF-8 text (a NUL would cut a name or run id short)"
      )
    case .invalidUTF8(let location, let byte):
      let hex = String(byte, radix: 16, uppercase: true)
      return Diagnostic(
        location: location,
        message:
          "byte 0x\(hex.count == 1 ? "0" + hex : hex) is not UTF-8; capsim reads text files as UTF-8",
        help:
          "re-save the file as UTF-8 (from Latin-1: iconv -f latin1 -t utf-8 FILE > NEW); nothing was imported"
      )
    case .several(let errors, let omitted):
      // The others follow the first one's help line (a first one without help used to put the second
      // on a `help:` line).
      var first = errors.first?.diagnostic ?? Diagnostic(location: nil, message: "no errors")
      first.following += errors.dropFirst().map(\.diagnostic.description)
      if omitted > 0 {
        first.following.append("and \(omitted) more error\(omitted == 1 ? "" : "s")")
      }
      return first
    }
  }

  /// The rendered diagnostic.
  public var description: String { diagnostic.description }
}

/// A value as shown in a message: numbers bare, text in quotes with control characters escaped (so a
/// line break that makes `1.0` unreadable shows as `'1.0\n'`), empty as `empty`.
private func quoted(_ value: String) -> String {
  if value.isEmpty { return "empty" }
  if Double(value) != nil { return value }
  return "'\(escapingControlCharacters(value))'"
}

/// `text` with line breaks, tabs and other control characters written as Swift escapes (`\n`, `\r`,
/// `\t`, `\u{1B}`), so that invisible characters are visible in a one-line diagnostic.
func escapingControlCharacters(_ text: String) -> String {
  var result = ""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\n": result += "\\n"
    case "\r": result += "\\r"
    case "\t": result += "\\t"
    case _ where scalar.value < 0x20 || scalar.value == 0x7F:
      result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
    default: result.unicodeScalars.append(scalar)
    }
  }
  return result
}
