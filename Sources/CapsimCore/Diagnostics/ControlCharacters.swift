/// The rule for one-line text that reaches terminals, file names and spreadsheets (option, sample-set,
/// platform and price names, providers, sources): no control characters, since a line break splits a
/// table row and an escape sequence restyles the terminal. Text that may span lines (a description) may
/// hold line breaks and tabs. The scenario loader and the importers both apply it.
public enum ControlCharacters {
  /// The first control character in `text` (Unicode category Cc: U+0000–U+001F and U+007F–U+009F),
  /// other than a line break or tab when `multiline`.
  public static func first(in text: String, multiline: Bool = false) -> Unicode.Scalar? {
    text.unicodeScalars.first { scalar in
      guard scalar.properties.generalCategory == .control else { return false }
      return !(multiline && (scalar == "\n" || scalar == "\t"))
    }
  }

  /// A character as messages write it: `U+000A`.
  public static func code(_ scalar: Unicode.Scalar) -> String {
    code(scalar.value)
  }

  /// A code point as messages write it: `U+0000`.
  public static func code(_ value: UInt32) -> String {
    let hex = String(value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }
}
