import Foundation

/// Locale-independent number formatting for reports: the same bytes on every machine.
public enum NumberFormatting {
  /// `count` with thousands grouped and `noun` made plural unless it is one: `count(1, "trial")` →
  /// "1 trial", `count(2000, "trial")` → "2,000 trials".
  public static func count(_ count: Int, _ noun: String) -> String {
    fixed(Double(count), decimals: 0) + " " + noun + (count == 1 ? "" : "s")
  }

  /// `value` with `significant` significant digits, thousands grouped by commas, no exponent below 1e15.
  ///
  /// Examples: 1234567.8 → "1,234,568"; 0.0123456 → "0.01235"; NaN → "n/a".
  public static func readable(_ value: Double, significant: Int = 4) -> String {
    guard value.isFinite else { return value.isNaN ? "n/a" : (value > 0 ? "∞" : "−∞") }
    if value == 0 { return "0" }
    if Swift.abs(value) >= largestGrouped { return scientific(value, significant: significant) }
    let magnitude = Int(Foundation.floor(Foundation.log10(Swift.abs(value))))
    let decimals = Swift.max(0, significant - 1 - magnitude)
    let text = String(format: "%.\(Swift.min(decimals, 12))f", value)
    return group(text)
  }

  /// `value` rounded to a fixed number of decimals with thousands grouped: 1234.5 → "1,234.50".
  /// From 10¹⁵ on, four significant digits with an exponent: a number that large (an absurd price or cost)
  /// would otherwise print as hundreds of digits.
  public static func fixed(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "n/a" : (value > 0 ? "∞" : "−∞") }
    if Swift.abs(value) >= largestGrouped { return scientific(value, significant: 4) }
    return group(String(format: "%.\(decimals)f", value))
  }

  /// Magnitudes from which ``readable(_:significant:)`` and ``fixed(_:decimals:)`` write an exponent.
  static let largestGrouped = 1e15

  /// `value` with `significant` significant digits and an exponent, trailing zeros dropped:
  /// 1.25e299 → "1.25e+299", 1e300 → "1e+300", −2e20 → "−2e+20".
  static func scientific(_ value: Double, significant: Int) -> String {
    let text = String(format: "%.\(Swift.max(0, significant - 1))e", value)
    guard let exponent = text.firstIndex(of: "e") else { return text }
    var mantissa = text[..<exponent]
    if mantissa.contains(".") {
      while mantissa.hasSuffix("0") { mantissa.removeLast() }
      if mantissa.hasSuffix(".") { mantissa.removeLast() }
    }
    // A minus sign as `group` writes it.
    let sign = mantissa.hasPrefix("-") ? "−" : ""
    if !sign.isEmpty { mantissa.removeFirst() }
    return sign + mantissa + text[exponent...]
  }

  /// A compact amount for narrow tables: 2,942,839 → "2.94M", 244,610 → "245k", 9,876 → "9,876";
  /// billions as "B" (14.3B), as money is written, not the SI "G".
  public static func compact(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "n/a" : (value > 0 ? "∞" : "−∞") }
    let magnitude = Swift.abs(value)
    if magnitude >= 1e9 { return readable(value / 1e9, significant: 3) + "B" }
    if magnitude >= 1e6 { return readable(value / 1e6, significant: 3) + "M" }
    if magnitude >= 1e4 { return fixed(value / 1e3, decimals: 0) + "k" }
    return fixed(value, decimals: 0)
  }

  /// `share` (0…1) as a percentage with one decimal: 0.9512 → "95.1%".
  public static func percent(_ share: Double) -> String {
    guard share.isFinite else { return "n/a" }
    return String(format: "%.1f%%", share * 100)
  }

  /// A number as the user wrote it (a `--vary` value, "5750", "0.01") with its thousands grouped like every
  /// other number in a sentence: "5750" → "5,750", "19250.5" → "19,250.5"; text that is not a plain
  /// decimal number is returned unchanged.
  public static func grouped(_ text: String) -> String {
    let body = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
    let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    guard let integer = parts.first, !integer.isEmpty,
      parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } })
    else { return text }
    return group(text)
  }

  /// The shortest text that reads back as the same `Double` (for CSV and JSON); empty for NaN.
  public static func exact(_ value: Double?) -> String {
    guard let value, value.isFinite else { return "" }
    if value == value.rounded(), Swift.abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
  }

  private static func group(_ text: String) -> String {
    var body = Substring(text)
    var sign = ""
    if body.hasPrefix("-") {
      sign = "−"
      body = body.dropFirst()
    }
    let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    let integer = Array(parts[0])
    var grouped = ""
    for (index, digit) in integer.enumerated() {
      if index > 0 && (integer.count - index) % 3 == 0 { grouped.append(",") }
      grouped.append(digit)
    }
    if grouped.allSatisfy({ $0 == "0" || $0 == "," }) && parts.count == 2
      && parts[1].allSatisfy({ $0 == "0" })
    {
      sign = ""
    }
    return sign + grouped + (parts.count == 2 ? "." + parts[1] : "")
  }
}
