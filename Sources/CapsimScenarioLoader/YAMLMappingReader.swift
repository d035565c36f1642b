import CapsimCore
import Foundation
import Yams

/// Collects problems while a scenario's YAML tree is read, so that all of them are reported at once.
final class ProblemCollector {
  var problems: [ScenarioProblem] = []
  var sourceMap: ScenarioSourceMap

  init(file: String) {
    sourceMap = ScenarioSourceMap(file: file)
  }

  func location(_ node: Node?, _ keyPath: String) -> SourceLocation {
    SourceLocation(
      file: sourceMap.file, line: node?.mark?.line, column: node?.mark?.column, field: keyPath)
  }

  func add(_ problem: ScenarioProblem) {
    problems.append(problem)
  }
}

/// Reads one YAML mapping by key, recording locations and reporting missing, unknown and ill-typed keys.
struct YAMLMappingReader {
  let node: Node
  let path: String
  let problems: ProblemCollector
  private var entries: [(key: String, keyNode: Node, value: Node)] = []

  /// Returns nil (after reporting) when `node` is not a mapping.
  init?(_ node: Node, path: String, problems: ProblemCollector) {
    self.node = node
    self.path = path
    self.problems = problems
    guard case .mapping(let mapping) = node else {
      problems.add(
        .wrongType(
          problems.location(node, path.isEmpty ? "<document>" : path),
          expected: "a mapping of keys",
          found: Self.describe(node)))
      return nil
    }
    for (key, value) in mapping {
      entries.append((key.string ?? "", key, value))
      problems.sourceMap.record(
        childPath(key.string ?? ""), line: value.mark?.line, column: value.mark?.column)
    }
  }

  func childPath(_ key: String) -> String {
    path.isEmpty ? key : "\(path).\(key)"
  }

  /// The value node for `key`, if present.
  func value(_ key: String) -> Node? {
    entries.first { $0.key == key }?.value
  }

  /// Reports every key not in `allowed`, with suggestions.
  func rejectUnknownKeys(allowed: [String]) {
    for entry in entries where !allowed.contains(entry.key) {
      problems.add(
        .unknownKey(
          problems.location(entry.keyNode, childPath(entry.key)), key: entry.key,
          suggestions: NameSuggestions.nearest(to: entry.key, in: allowed), allowed: allowed))
    }
  }

  /// Reports a missing required key at the mapping's own position.
  func reportMissing(_ key: String, help: String) {
    problems.add(.missingKey(problems.location(node, childPath(key)), key: key, help: help))
  }

  // MARK: - Typed values

  func string(_ key: String, required: Bool = false, help: String = "") -> String? {
    guard let value = value(key) else {
      if required { reportMissing(key, help: help) }
      return nil
    }
    guard case .scalar(let scalar) = value, !scalar.string.isEmpty else {
      problems.add(
        .wrongType(
          problems.location(value, childPath(key)), expected: "a text value",
          found: Self.describe(value)))
      return nil
    }
    // Text reaches terminals, file names and spreadsheets: no control characters (an escape sequence
    // would restyle the terminal), and line breaks and tabs only in a description.
    if let bad = ControlCharacters.first(in: scalar.string, multiline: key == "description") {
      problems.add(
        .invalidValue(
          problems.location(value, childPath(key)),
          message: "'\(key)' contains the control character \(ControlCharacters.code(bad))",
          help: key == "description"
            ? "remove it; a description may span lines"
            : "remove it: '\(key)' is one line of printable text"))
      return nil
    }
    return scalar.string
  }

  /// A whole number within the key's limit in ``ScenarioLimits/table``.
  func integer(_ key: String, required: Bool = false, help: String = "") -> Int? {
    guard let value = limited(key, limitKey: childPath(key), required: required, help: help) else {
      return nil
    }
    return Int(value)
  }

  func unsignedInteger(_ key: String) -> UInt64? {
    guard let text = number(key, required: false, help: "", expected: "a whole number ≥ 0") else {
      return nil
    }
    guard let result = UInt64(text) else {
      problems.add(
        .wrongType(location(key), expected: "a whole number from 0 to 2^64−1", found: "'\(text)'"))
      return nil
    }
    return result
  }

  /// A number within the key's limit in ``ScenarioLimits/table`` (looked up under `limitKey`, by default
  /// the key's own path); out-of-range values are reported with the limit's reason as help.
  func double(
    _ key: String, limitKey: String? = nil, required: Bool = false, help: String = ""
  ) -> Double? {
    limited(key, limitKey: limitKey ?? childPath(key), required: required, help: help)
  }

  /// A share within the key's limit, written as a number (`0.01`) or a percentage (`1%`), the forms the
  /// command line's `--precision` takes.
  func share(_ key: String) -> Double? {
    limited(key, limitKey: childPath(key), required: false, help: "", percentage: true)
  }

  private func limited(
    _ key: String, limitKey: String, required: Bool, help: String, percentage: Bool = false
  ) -> Double? {
    guard let limit = ScenarioLimits.limit(for: limitKey) else {
      preconditionFailure("no limit for '\(limitKey)' in ScenarioLimits.table")
    }
    let expected =
      percentage
      ? "a share or a percentage (0.01 or 1%)"
      : limit.isWholeNumber ? "a whole number" : "a number"
    guard let text = number(key, required: required, help: help, expected: expected) else {
      return nil
    }
    let percent = percentage && text.hasSuffix("%")
    let digits = percent ? String(text.dropLast()) : text
    guard Self.isDecimal(digits), let written = Double(digits) else {
      problems.add(.wrongType(location(key), expected: expected, found: "'\(text)'"))
      return nil
    }
    let result = percent ? written / 100 : written
    guard limit.contains(result) else {
      problems.add(
        .invalidValue(
          location(key), message: "'\(key)' is \(text); it must be \(limit.rule)",
          help: limit.reason))
      return nil
    }
    guard !DecimalText.underflows(digits) else {
      problems.add(
        .invalidValue(
          location(key),
          message: "'\(key)' is \(text), too small to hold: it would be read as 0",
          help: DecimalText.underflowHelp))
      return nil
    }
    return result
  }

  /// Whether `text` is a plain decimal number (``DecimalText``) or one of the words the YAML reader
  /// turns `.nan`/`.inf` into; hexadecimal and other spellings Swift would accept are not.
  static func isDecimal(_ text: String) -> Bool {
    ["nan", "inf", "-inf"].contains(text) || DecimalText.isDecimal(text)
  }

  /// A boolean (`true`/`false`, `yes`/`no`, `on`/`off`).
  func bool(_ key: String) -> Bool? {
    guard let value = value(key) else { return nil }
    guard case .scalar(let scalar) = value else {
      problems.add(
        .wrongType(location(key), expected: "true or false", found: Self.describe(value)))
      return nil
    }
    switch scalar.string.lowercased() {
    case "true", "yes", "on": return true
    case "false", "no", "off": return false
    default:
      problems.add(
        .wrongType(location(key), expected: "true or false", found: "'\(scalar.string)'"))
      return nil
    }
  }

  /// A reader for the mapping under `key`, if present (reporting a wrong shape).
  func mapping(_ key: String) -> YAMLMappingReader? {
    guard let value = value(key) else { return nil }
    return YAMLMappingReader(value, path: childPath(key), problems: problems)
  }

  /// One of `allowed` raw values.
  func choice<T: RawRepresentable & CaseIterable>(_ key: String, as type: T.Type) -> T?
  where T.RawValue == String {
    guard let text = string(key) else { return nil }
    if let parsed = T(rawValue: text) { return parsed }
    let allowed = T.allCases.map(\.rawValue)
    let close = NameSuggestions.nearest(to: text, in: allowed)
    problems.add(
      .invalidValue(
        location(key), message: "'\(key)' is '\(text)'",
        help: close.isEmpty
          ? "use one of: " + allowed.joined(separator: ", ")
          : "did you mean " + close.map { "'\($0)'" }.joined(separator: " or ") + "?"))
    return nil
  }

  /// The keys present, in file order.
  var keys: [String] { entries.map(\.key) }

  func location(_ key: String) -> SourceLocation {
    problems.location(value(key), childPath(key))
  }

  private func number(_ key: String, required: Bool, help: String, expected: String) -> String? {
    guard let value = value(key) else {
      if required { reportMissing(key, help: help) }
      return nil
    }
    guard case .scalar(let scalar) = value, !scalar.string.isEmpty else {
      problems.add(.wrongType(location(key), expected: expected, found: Self.describe(value)))
      return nil
    }
    return Self.numberText(scalar.string)
  }

  /// A number's text as written in YAML, ready for ``isDecimal(_:)`` and `Double`: without `_` digit
  /// separators and a leading `+`, with `.nan` and `.inf` spelt `nan` and `inf`.
  static func numberText(_ written: String) -> String {
    var text = written.replacingOccurrences(of: "_", with: "")
    if text.hasPrefix("+") { text.removeFirst() }
    if [".nan", ".NaN", ".NAN"].contains(text) { return "nan" }
    if [".inf", ".Inf", ".INF"].contains(text) { return "inf" }
    if [("-.inf"), "-.Inf", "-.INF"].contains(text) { return "-inf" }
    return text
  }

  static func describe(_ node: Node) -> String {
    switch node {
    case .scalar(let scalar): return scalar.string.isEmpty ? "an empty value" : "'\(scalar.string)'"
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .alias: return "an alias"
    }
  }
}
