/// The rule for imported names and other one-line text (sample-set, platform and price names, providers,
/// GPU models, sources, regions): no control characters, the same rule as a scenario's option names.
/// Such text reaches terminals, file names and spreadsheets, where a line break splits a table row and an
/// escape sequence restyles the terminal. A platform's description may span lines and hold tabs.
enum PrintableText {
  /// The first control character in `text` (Unicode category Cc: U+0000–U+001F and U+007F–U+009F),
  /// other than a line break or tab when `multiline`.
  static func firstControlCharacter(in text: String, multiline: Bool = false) -> Unicode.Scalar? {
    text.unicodeScalars.first { scalar in
      let value = scalar.value
      guard value < 0x20 || (0x7F...0x9F).contains(value) else { return false }
      return !(multiline && (scalar == "\n" || scalar == "\t"))
    }
  }

  /// `U+000A`.
  static func code(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }

  /// Rejects a field of a file that holds a control character.
  ///
  /// - Throws: ``ImportError/invalidValue(_:value:reason:help:)`` at `location` (its field names the
  ///   column or key).
  static func check(_ text: String, at location: SourceLocation, multiline: Bool = false)
    throws(ImportError)
  {
    guard let scalar = firstControlCharacter(in: text, multiline: multiline) else { return }
    let field = location.field.map { "'\($0)'" } ?? "it"
    throw ImportError.invalidValue(
      location, value: text, reason: "it contains the control character \(code(scalar))",
      help: multiline
        ? "remove it: \(field) may hold line breaks and tabs, but no other control characters"
        : "remove it: \(field) is one line of printable text")
  }

  /// Rejects a command-line option (`--set`) whose value holds a control character.
  ///
  /// - Throws: ``ImportError/invalidOption(_:reason:help:)`` located at `flag`.
  static func check(option text: String, flag: String) throws(ImportError) {
    guard let scalar = firstControlCharacter(in: text) else { return }
    throw ImportError.invalidOption(
      SourceLocation(file: flag),
      reason:
        "\(flag) '\(escapingControlCharacters(text))' contains the control character \(code(scalar))",
      help: "remove it: \(flag) is one line of printable text")
  }
}
