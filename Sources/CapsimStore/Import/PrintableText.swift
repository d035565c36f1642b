import CapsimCore

/// ``ControlCharacters``' rule applied to imported names and other one-line text (sample-set, platform
/// and price names, providers, GPU models, sources, regions), as the scenario loader applies it to option
/// names. A platform's description may span lines and hold tabs.
enum PrintableText {
  /// Rejects a field of a file that holds a control character.
  ///
  /// - Throws: ``ImportError/invalidValue(_:value:reason:help:)`` at `location` (its field names the
  ///   column or key).
  static func check(_ text: String, at location: SourceLocation, multiline: Bool = false)
    throws(ImportError)
  {
    guard let scalar = ControlCharacters.first(in: text, multiline: multiline) else { return }
    let field = location.field.map { "'\($0)'" } ?? "it"
    throw ImportError.invalidValue(
      location, value: text,
      reason: "it contains the control character \(ControlCharacters.code(scalar))",
      help: multiline
        ? "remove it: \(field) may hold line breaks and tabs, but no other control characters"
        : "remove it: \(field) is one line of printable text")
  }

  /// Rejects a command-line option (`--set`) whose value holds a control character.
  ///
  /// - Throws: ``ImportError/invalidOption(_:reason:help:)`` located at `flag`.
  static func check(option text: String, flag: String) throws(ImportError) {
    guard let scalar = ControlCharacters.first(in: text) else { return }
    throw ImportError.invalidOption(
      SourceLocation(file: flag),
      reason:
        "\(flag) '\(escapingControlCharacters(text))' contains the control character \(ControlCharacters.code(scalar))",
      help: "remove it: \(flag) is one line of printable text")
  }
}
