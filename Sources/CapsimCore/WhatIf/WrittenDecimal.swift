/// A number as written in decimal, held exactly: `mantissa` × 10^`exponent`.
///
/// A sweep range's grid is worked out in these, so `0.1:0.3:0.1` and `1e-5:5e-5:1e-5` give exactly the
/// decimals a person would write (0.1, 0.2, 0.3; 1e-5, 2e-5, …) instead of the binary sums FROM + k·STEP.
/// The mantissa is kept without trailing zeros, so one value has one representation.
struct WrittenDecimal: Hashable {
  /// The significant digits, with the sign, without trailing zeros (0 has exponent 0).
  var mantissa: Int64
  /// The power of ten the mantissa is scaled by.
  var exponent: Int

  /// The most significant digits a mantissa may hold (|mantissa| < 10^18 always fits in `Int64`).
  static let maximumDigits = 18

  /// The value `mantissa` × 10^`exponent`, normalised.
  init(mantissa: Int64, exponent: Int) {
    var mantissa = mantissa
    var exponent = exponent
    while mantissa != 0, mantissa % 10 == 0 {
      mantissa /= 10
      exponent += 1
    }
    self.mantissa = mantissa
    self.exponent = mantissa == 0 ? 0 : exponent
  }

  /// Parses `[+|-]DIGITS[.DIGITS][(e|E)[+|-]DIGITS]`; `nil` for anything else (hexadecimal, `inf`,
  /// `nan`), for more than ``maximumDigits`` significant digits, or an exponent beyond ±100,000.
  init?(_ text: String) {
    var rest = Substring(text)
    var negative = false
    if let sign = rest.first, sign == "-" || sign == "+" {
      negative = sign == "-"
      rest = rest.dropFirst()
    }
    var exponentPart: Substring?
    if let marker = rest.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      exponentPart = rest[rest.index(after: marker)...]
      rest = rest[..<marker]
    }
    let pieces = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let whole = pieces[0]
    let fraction = pieces.count == 2 ? pieces[1] : ""
    guard !(whole.isEmpty && fraction.isEmpty),
      (whole + fraction).allSatisfy({ $0.isASCII && $0.isNumber })
    else { return nil }
    var exponent = 0
    if let exponentPart {
      guard let written = Int(exponentPart), (-100_000...100_000).contains(written) else {
        return nil
      }
      exponent = written
    }
    let digits = (whole + fraction).drop { $0 == "0" }
    let significant = digits.reversed().drop { $0 == "0" }
    guard significant.count <= Self.maximumDigits else { return nil }
    guard !digits.isEmpty, let magnitude = Int64(String(digits.prefix(significant.count))) else {
      self.init(mantissa: 0, exponent: 0)
      return
    }
    let trailingZeros = digits.count - significant.count
    self.init(
      mantissa: negative ? -magnitude : magnitude,
      exponent: exponent - fraction.count + trailingZeros)
  }

  /// The mantissa rescaled to `target` ≤ `exponent` (an integer count of 10^`target`), or `nil` when
  /// it would not fit in `Int64`.
  func mantissa(atExponent target: Int) -> Int64? {
    precondition(target <= exponent, "rescaling \(self) up to 10^\(target) would lose digits")
    var result = mantissa
    for _ in 0..<(exponent - target) {
      let (product, overflow) = result.multipliedReportingOverflow(by: 10)
      if overflow { return nil }
      result = product
    }
    return result
  }

  /// The number for a scenario value: plain decimals (`0.0001`, `120`, no point on a whole number, so
  /// integer keys accept it) from 10^-4 up to 10^15, otherwise exponent notation (`2.5e-5`, `1e20`).
  var text: String {
    let sign = mantissa < 0 ? "-" : ""
    let digits = String(mantissa.magnitude)
    let magnitude = exponent + digits.count - 1  // the power of ten of the leading digit
    if mantissa == 0 { return "0" }
    if (-4..<15).contains(magnitude) {
      if exponent >= 0 { return sign + digits + String(repeating: "0", count: exponent) }
      let pointAt = digits.count + exponent  // digits before the point; may be ≤ 0
      if pointAt > 0 {
        return sign + digits.prefix(pointAt) + "." + digits.dropFirst(pointAt)
      }
      return sign + "0." + String(repeating: "0", count: -pointAt) + digits
    }
    let tail = digits.count > 1 ? "." + digits.dropFirst() : ""
    return sign + digits.prefix(1) + tail + "e\(magnitude)"
  }
}
