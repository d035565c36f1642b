/// How capsim reads a number written as text, wherever it is written: a scenario file's value, a
/// `--set` or `--vary` value, a sweep range's bounds. Only plain decimals count (`120`, `-0.5`, `2e-5`;
/// a scenario file's `_` digit separators and leading `+` are dropped before); the other spellings
/// Swift's `Double(_:)` accepts (hexadecimal such as `0x1p3`, `infinity`, `nan`) are not numbers here.
public enum DecimalText {
  /// Whether `text` is `[-]DIGITS[.DIGITS][(e|E)[+|-]DIGITS]` with at least one digit before the
  /// exponent.
  public static func isDecimal(_ text: String) -> Bool {
    let body = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
    let parts = body.split(separator: "e", maxSplits: 1, omittingEmptySubsequences: false)
      .flatMap { $0.split(separator: "E", maxSplits: 1, omittingEmptySubsequences: false) }
    guard let mantissa = parts.first, parts.count <= 2 else { return false }
    let pieces = mantissa.split(separator: ".", omittingEmptySubsequences: false)
    guard pieces.count <= 2, pieces.contains(where: { !$0.isEmpty }),
      pieces.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
    else { return false }
    if parts.count == 2 {
      var exponent = parts[1]
      if exponent.hasPrefix("-") || exponent.hasPrefix("+") { exponent = exponent.dropFirst() }
      return !exponent.isEmpty && exponent.allSatisfy { $0.isASCII && $0.isNumber }
    }
    return true
  }

  /// Whether the decimal `text` names a number other than zero that is too small in magnitude for a
  /// `Double` (below about 5e-324, such as `1e-400`): `Double(text)` reads it as 0, so taken as it
  /// reads it would silently become zero.
  public static func underflows(_ text: String) -> Bool {
    guard isDecimal(text), Double(text) == 0 else { return false }
    let mantissa = text.prefix { $0 != "e" && $0 != "E" }
    return mantissa.contains { $0.isASCII && $0.isNumber && $0 != "0" }
  }

  /// The help for a value that ``underflows(_:)``.
  public static let underflowHelp =
    "write 0 for zero; a number other than zero must be at least about 5e-324 in size"
}
