/// A strict RFC 8259 syntax check that says where JSON goes wrong.
///
/// Foundation's `JSONSerialization` on Linux reports a syntax error without its position and
/// accepts some non-JSON (trailing commas). This scanner finds the first error's byte offset so an
/// import can name the line and column. It keeps an explicit stack, so deep nesting cannot exhaust
/// the call stack.
///
/// - Complexity: O(n) in the input length.
enum JSONSyntax {
  /// The first syntax error: its byte offset (from the start of `bytes`) and what was expected.
  struct Failure: Equatable {
    var offset: Int
    var reason: String
  }

  private enum Container { case array, object }
  private enum Expect { case value, valueOrClose, keyOrClose, key, colon, commaOrClose }

  /// `nil` when `bytes` is exactly one JSON value (surrounded by optional white space).
  static func firstError(in bytes: ArraySlice<UInt8>) -> Failure? {
    var position = bytes.startIndex
    let end = bytes.endIndex
    var stack: [Container] = []
    var expect = Expect.value
    func fail(_ reason: String) -> Failure {
      Failure(offset: position - bytes.startIndex, reason: reason)
    }
    func skipSpace() {
      while position < end, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }
    func close() { expect = .commaOrClose }
    while true {
      skipSpace()
      if stack.isEmpty, expect == .commaOrClose {
        return position == end ? nil : fail("unexpected text after the JSON value")
      }
      guard position < end else { return fail("unexpected end of input") }
      let byte = bytes[position]
      switch expect {
      case .colon:
        guard byte == UInt8(ascii: ":") else { return fail("expected ':' after an object key") }
        position += 1
        expect = .value
        continue
      case .commaOrClose:
        let container = stack[stack.count - 1]
        if byte == UInt8(ascii: ",") {
          position += 1
          expect = container == .array ? .value : .key
        } else if byte == UInt8(ascii: container == .array ? "]" : "}") {
          position += 1
          stack.removeLast()
          close()
        } else {
          return fail(container == .array ? "expected ',' or ']'" : "expected ',' or '}'")
        }
        continue
      case .key, .keyOrClose:
        if expect == .keyOrClose, byte == UInt8(ascii: "}") {
          position += 1
          stack.removeLast()
          close()
          continue
        }
        guard byte == UInt8(ascii: "\"") else { return fail("expected a string key in quotes") }
        if let failure = scanString(bytes, &position, base: bytes.startIndex) { return failure }
        expect = .colon
        continue
      case .value, .valueOrClose:
        if expect == .valueOrClose, byte == UInt8(ascii: "]") {
          position += 1
          stack.removeLast()
          close()
          continue
        }
        switch byte {
        case UInt8(ascii: "["):
          position += 1
          stack.append(.array)
          expect = .valueOrClose
        case UInt8(ascii: "{"):
          position += 1
          stack.append(.object)
          expect = .keyOrClose
        case UInt8(ascii: "\""):
          if let failure = scanString(bytes, &position, base: bytes.startIndex) { return failure }
          close()
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
          let word =
            byte == UInt8(ascii: "t") ? "true" : byte == UInt8(ascii: "f") ? "false" : "null"
          let expected = Array(word.utf8)
          guard end - position >= expected.count,
            Array(bytes[position..<position + expected.count]) == expected
          else { return fail("expected a value") }
          position += expected.count
          close()
        default:
          if let failure = scanNumber(bytes, &position, base: bytes.startIndex) { return failure }
          close()
        }
      }
    }
  }

  private static func scanString(_ bytes: ArraySlice<UInt8>, _ position: inout Int, base: Int)
    -> Failure?
  {
    position += 1
    while position < bytes.endIndex {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        position += 1
        return nil
      }
      if byte < 0x20 {
        return Failure(offset: position - base, reason: "control character inside a string")
      }
      if byte == UInt8(ascii: "\\") {
        position += 1
        guard position < bytes.endIndex else { break }
        let escape = bytes[position]
        if escape == UInt8(ascii: "u") {
          let digits = bytes[(position + 1)..<min(position + 5, bytes.endIndex)]
          guard digits.count == 4, digits.allSatisfy({ isHexDigit($0) }) else {
            return Failure(offset: position - base, reason: "invalid \\u escape")
          }
          position += 4
        } else if !Array("\"\\/bfnrt".utf8).contains(escape) {
          return Failure(offset: position - base, reason: "invalid escape in a string")
        }
      }
      position += 1
    }
    return Failure(offset: position - base, reason: "unterminated string")
  }

  private static func isHexDigit(_ byte: UInt8) -> Bool {
    (48...57).contains(byte) || (65...70).contains(byte) || (97...102).contains(byte)
  }

  private static func scanNumber(_ bytes: ArraySlice<UInt8>, _ position: inout Int, base: Int)
    -> Failure?
  {
    let start = position
    func digits() -> Int {
      let first = position
      while position < bytes.endIndex, (48...57).contains(bytes[position]) { position += 1 }
      return position - first
    }
    if position < bytes.endIndex, bytes[position] == UInt8(ascii: "-") { position += 1 }
    let integerStart = position
    let integerDigits = digits()
    guard integerDigits > 0 else {
      return Failure(offset: start - base, reason: "expected a value")
    }
    if integerDigits > 1, bytes[integerStart] == UInt8(ascii: "0") {
      return Failure(offset: integerStart - base, reason: "a number cannot have a leading zero")
    }
    if position < bytes.endIndex, bytes[position] == UInt8(ascii: ".") {
      position += 1
      guard digits() > 0 else {
        return Failure(offset: position - base, reason: "expected digits after '.'")
      }
    }
    if position < bytes.endIndex, bytes[position] | 0x20 == UInt8(ascii: "e") {
      position += 1
      if position < bytes.endIndex,
        bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")
      {
        position += 1
      }
      guard digits() > 0 else {
        return Failure(offset: position - base, reason: "expected digits in the exponent")
      }
    }
    if position < bytes.endIndex, (bytes[position] | 0x20) >= UInt8(ascii: "a"),
      (bytes[position] | 0x20) <= UInt8(ascii: "z")
    {
      return Failure(offset: position - base, reason: "a number must be written in decimal")
    }
    // A number beyond the largest Double (about 1.8e308) has no value to import.
    let text = String(decoding: bytes[start..<position], as: UTF8.self)
    if let value = Double(text), !value.isFinite {
      return Failure(
        offset: start - base,
        reason:
          "the number \(text) is out of range: beyond the largest number a double holds (about 1.8e308)"
      )
    }
    return nil
  }

  /// The 1-based line and column (in characters) of byte `offset` of `bytes`.
  static func lineAndColumn(of offset: Int, in bytes: ArraySlice<UInt8>) -> (line: Int, column: Int)
  {
    var line = 1
    var lineStart = bytes.startIndex
    let target = min(bytes.startIndex + offset, bytes.endIndex)
    var index = bytes.startIndex
    while index < target {
      if bytes[index] == 0x0A {
        line += 1
        lineStart = index + 1
      }
      index += 1
    }
    let column = String(decoding: bytes[lineStart..<target], as: UTF8.self).count + 1
    return (line, column)
  }
}
