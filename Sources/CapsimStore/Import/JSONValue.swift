import Foundation

/// A JSON value decoded exactly: numbers as correctly rounded `Double`s, booleans apart from numbers.
///
/// Foundation's `JSONSerialization` on Linux rounds about half of all 17-digit decimals to a
/// neighbouring `Double` and bridges the numbers 0 and 1 to `Bool`; `JSONDecoder` does neither, so
/// the importers decode through it (after ``JSONSyntax`` has located any syntax error).
enum JSONValue: Decodable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONValue].self))
    }
  }

  /// Decodes `bytes` (already checked by ``JSONSyntax``); `nil` if a number is out of range.
  static func decode(_ bytes: ArraySlice<UInt8>) -> JSONValue? {
    try? JSONDecoder().decode(JSONValue.self, from: Data(bytes))
  }

  /// The members of an object.
  var object: [String: JSONValue]? {
    if case .object(let members) = self { return members }
    return nil
  }

  /// The elements of an array.
  var array: [JSONValue]? {
    if case .array(let elements) = self { return elements }
    return nil
  }

  /// A scalar as text (numbers in Swift's shortest round-trip form), `nil` for null, arrays and
  /// objects.
  var text: String? {
    switch self {
    case .string(let text): return text.trimmingSpaces()
    case .number(let value): return "\(value)"
    case .bool(let value): return value ? "true" : "false"
    case .null, .array, .object: return nil
    }
  }

  /// A number, or a string holding a decimal number; `nil` otherwise (booleans included).
  var number: Double? {
    switch self {
    case .number(let value): return value
    case .string(let text): return DecimalNumber.parse(text.trimmingSpaces())
    default: return nil
    }
  }

  /// As a diagnostic shows it.
  var display: String {
    switch self {
    case .array: return "an array"
    case .object: return "an object"
    case .null: return "null"
    default: return text ?? ""
    }
  }
}
