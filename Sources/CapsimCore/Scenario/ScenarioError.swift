/// One thing wrong with a scenario file, with where it is.
public enum ScenarioProblem: Error, Sendable, Hashable, CustomStringConvertible,
  DiagnosticConvertible
{
  /// The text is not valid YAML.
  case syntax(SourceLocation, message: String)
  /// A required key is absent from a mapping.
  case missingKey(SourceLocation, key: String, help: String)
  /// A key that this version of the format does not define (often a misspelling).
  case unknownKey(SourceLocation, key: String, suggestions: [String], allowed: [String])
  /// A value of the wrong shape, such as a list where a number belongs.
  case wrongType(SourceLocation, expected: String, found: String)
  /// A value of the right shape but outside its domain, such as a negative trial count.
  case invalidValue(SourceLocation, message: String, help: String?)
  /// The file asks for a newer format version than this build supports.
  case unsupportedVersion(SourceLocation, found: Int, highestSupported: Int)
  /// A name that refers to something absent from the database.
  case unknownName(SourceLocation, kind: String, name: String, known: [String])

  /// Where the problem is.
  public var location: SourceLocation {
    switch self {
    case .syntax(let location, _), .missingKey(let location, _, _),
      .unknownKey(let location, _, _, _), .wrongType(let location, _, _),
      .invalidValue(let location, _, _), .unsupportedVersion(let location, _, _),
      .unknownName(let location, _, _, _):
      return location
    }
  }

  /// The problem as a diagnostic with a fix-it hint.
  public var diagnostic: Diagnostic {
    switch self {
    case .syntax(let location, let message):
      return Diagnostic(
        location: location, message: "invalid YAML: \(message)",
        help: "check indentation and that every 'key: value' pair has a space after the colon")
    case .missingKey(let location, let key, let help):
      return Diagnostic(location: location, message: "missing required key '\(key)'", help: help)
    case .unknownKey(let location, let key, let suggestions, let allowed):
      let help =
        suggestions.isEmpty
        ? "allowed keys here: " + allowed.joined(separator: ", ")
        : "did you mean " + suggestions.map { "'\($0)'" }.joined(separator: " or ") + "?"
      return Diagnostic(location: location, message: "unknown key '\(key)'", help: help)
    case .wrongType(let location, let expected, let found):
      return Diagnostic(
        location: location, message: "expected \(expected), found \(found)",
        help: "write \(expected) here (docs/scenarios.md lists every key and its valid range)")
    case .invalidValue(let location, let message, let help):
      return Diagnostic(location: location, message: message, help: help)
    case .unsupportedVersion(let location, let found, let highest):
      return Diagnostic(
        location: location,
        message: "scenario format version \(found) is newer than this capsim supports (\(highest))",
        help: "upgrade capsim, or write 'version: \(highest)' and remove newer sections")
    case .unknownName(let location, let kind, let name, let known):
      return Diagnostic(
        location: location,
        message:
          "no \(kind) named '\(name)' \(kind.hasSuffix("option") ? "in this scenario" : "in the database")",
        help: NameSuggestions.help(for: name, kind: kind, known: known))
    }
  }

  /// The rendered diagnostic.
  public var description: String { diagnostic.description }
}

/// Every problem found in a scenario, in file order. Thrown by loading and by resolution.
public struct ScenarioError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The problems, sorted by line and column.
  public var problems: [ScenarioProblem]

  /// Creates the error from problems (sorted by position).
  public init(_ problems: [ScenarioProblem]) {
    self.problems = problems.sorted {
      ($0.location.line ?? 0, $0.location.column ?? 0) < (
        $1.location.line ?? 0, $1.location.column ?? 0
      )
    }
  }

  /// All diagnostics, one after another, and a count when there are several.
  public var description: String {
    var text = problems.map(\.description).joined(separator: "\n")
    if problems.count > 1 { text += "\n\(problems.count) problems found" }
    return text
  }
}
