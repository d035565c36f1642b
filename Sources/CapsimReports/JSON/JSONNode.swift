import Foundation

/// A JSON value under construction: the tree ``ReportJSONEncoder`` builds before it prints it.
final class JSONNode {
  enum Value {
    case null
    case bool(Bool)
    /// A number already printed (finite; non-finite numbers become `null`).
    case number(String)
    case string(String)
    case array([JSONNode])
    case object([String: JSONNode])
  }

  var value: Value

  init(_ value: Value) { self.value = value }

  var count: Int {
    if case .array(let items) = value { return items.count }
    return 0
  }

  func set(_ child: JSONNode, for key: String) {
    guard case .object(var members) = value else {
      value = .object([key: child])
      return
    }
    value = .null  // release the dictionary so it is mutated in place
    members[key] = child
    value = .object(members)
  }

  func append(_ child: JSONNode) {
    guard case .array(var items) = value else {
      value = .array([child])
      return
    }
    value = .null
    items.append(child)
    value = .array(items)
  }

  func assign(_ other: JSONNode) { value = other.value }

  // MARK: - Scalars

  static func scalar(_ value: Bool) -> JSONNode { JSONNode(.bool(value)) }
  static func scalar(_ value: String) -> JSONNode { JSONNode(.string(value)) }
  static func scalar(_ value: Double) -> JSONNode { JSONNode(number(value)) }
  static func scalar(_ value: Float) -> JSONNode {
    value.isFinite ? JSONNode(.number("\(value)")) : JSONNode(.null)
  }
  static func scalar<I: BinaryInteger>(_ value: I) -> JSONNode { JSONNode(.number("\(value)")) }

  /// A finite double in the shortest form that reads back exactly (integers without `.0`); NaN and
  /// ±∞ as `null`, since JSON has neither.
  static func number(_ value: Double) -> Value {
    guard value.isFinite else { return .null }
    if value == value.rounded(), Swift.abs(value) < 1e15 { return .number(String(Int64(value))) }
    return .number("\(value)")
  }

  /// Encodes any value into a new node.
  static func encoding<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> JSONNode {
    switch value {
    case let double as Double: return scalar(double)
    case let string as String: return scalar(string)
    case let bool as Bool: return scalar(bool)
    default:
      let node = JSONNode(.null)
      try value.encode(to: ReportJSONEncoder.TreeEncoder(node: node, codingPath: codingPath))
      return node
    }
  }

  // MARK: - Printing

  /// Pretty-printed with two-space indentation and keys sorted, in the layout of Foundation's
  /// `JSONEncoder` with `.prettyPrinted, .sortedKeys, .withoutEscapingSlashes`.
  func write(to output: inout String, indent: String = "") {
    switch value {
    case .null: output += "null"
    case .bool(let bool): output += bool ? "true" : "false"
    case .number(let text): output += text
    case .string(let string): JSONNode.quote(string, into: &output)
    case .array(let items):
      guard !items.isEmpty else {
        output += "[]"
        return
      }
      output += "[\n"
      let inner = indent + "  "
      for (index, item) in items.enumerated() {
        output += inner
        item.write(to: &output, indent: inner)
        output += index == items.count - 1 ? "\n" : ",\n"
      }
      output += indent + "]"
    case .object(let members):
      guard !members.isEmpty else {
        output += "{}"
        return
      }
      output += "{\n"
      let inner = indent + "  "
      let keys = members.keys.sorted()
      for (index, key) in keys.enumerated() {
        output += inner
        JSONNode.quote(key, into: &output)
        output += " : "
        members[key]!.write(to: &output, indent: inner)
        output += index == keys.count - 1 ? "\n" : ",\n"
      }
      output += indent + "}"
    }
  }

  static func quote(_ string: String, into output: inout String) {
    output += "\""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case _ where scalar.value < 0x20:
        output +=
          "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
          + String(scalar.value, radix: 16)
      default: output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
  }
}
