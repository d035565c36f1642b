/// Decimal number syntax for imported fields.
enum DecimalNumber {
  /// `text` as a number when it is written in decimal: an optional sign, digits with an optional
  /// fraction, an optional exponent (`-1.5e3`), or the words `nan` and `inf`/`infinity` (which
  /// callers reject by name with a better message than "not a number"). Swift's `Double(_:)` alone
  /// also reads hexadecimal floats, so `0x1p3` would become 8; here it is `nil`.
  static func parse<S: StringProtocol>(_ text: S) -> Double? {
    let body = text.drop { $0 == "+" || $0 == "-" }
    if body.first == "0", let second = body.dropFirst().first, second == "x" || second == "X" {
      return nil
    }
    return Double(String(text))
  }
}
