import CXlsxWriter
import Foundation

/// Excel number formats and colours shared by every workbook.
enum WorkbookFormats {
  /// The number format of a metric's unit: currency in whole units with grouping, shares as percent,
  /// hours with two decimals, ratios with three.
  static func number(unit: String, currency: String) -> String {
    switch unit {
    case currency, "GPU-h": return "#,##0"
    case "share", "fraction": return "0.00%"
    case "h": return "0.00"
    case "ratio": return "0.000"
    case "jobs", "trials", "nodes", "month", "rank", "values", "simulations": return "#,##0"
    case "general": return "General"
    default: return "#,##0.00"
    }
  }

  /// `format` for `value`: a fixed-decimals format (`0.00`, `#,##0.00`, `0.000`) that would show a
  /// nonzero value with fewer than three significant digits gets just enough decimals for three
  /// (0.0034 → `0.00340`, 0.00085 → `0.000850`); any other format, or a value it shows well, keeps it.
  static func significant(_ format: String, for value: Double) -> String {
    guard value != 0, value.isFinite,
      let dot = format.firstIndex(of: "."),
      format[..<dot] == "0" || format[..<dot] == "#,##0",
      format[format.index(after: dot)...].allSatisfy({ $0 == "0" })
    else { return format }
    let decimals = format.distance(from: dot, to: format.endIndex) - 1
    let leading = Int(Foundation.floor(Foundation.log10(Swift.abs(value))))
    guard decimals + leading + 1 < 3 else { return format }
    return format[..<dot] + "." + String(repeating: "0", count: Swift.min(10, 2 - leading))
  }

  /// About how many characters `value` takes in `format`: its whole digits with grouping, sign,
  /// decimals and a percent sign.
  static func displayWidth(_ value: Double, format: String?) -> Double {
    let format = format ?? "General"
    let shown = format.hasSuffix("%") ? value * 100 : value
    let digits = Swift.max(
      1, Foundation.floor(Foundation.log10(Swift.max(1, Swift.abs(shown)))) + 1)
    let groups = format.contains(",") ? Foundation.floor((digits - 1) / 3) : 0
    let decimals =
      format.firstIndex(of: ".").map {
        Double(format[format.index(after: $0)...].prefix { $0 == "0" || $0 == "#" }.count) + 1
      } ?? (format == "General" ? 6 : 0)
    return digits + groups + decimals + (shown < 0 ? 1 : 0) + (format.hasSuffix("%") ? 1 : 0)
  }

  /// The Okabe–Ito colours of the HTML charts, as `0xRRGGBB`.
  static let colors: [UInt32] = [
    0x0072B2, 0xE69F00, 0x009E73, 0xCC79A7, 0x56B4E9, 0xD55E00, 0xF0E442, 0x000000,
  ]

  /// Colour of series `index`.
  static func color(_ index: Int) -> UInt32 { colors[index % colors.count] }

  /// Excel's column letters for a zero-based column index (0 → A, 26 → AA).
  static func column(_ index: Int) -> String {
    var index = index
    var letters = ""
    repeat {
      letters = String(UnicodeScalar(UInt8(65 + index % 26))) + letters
      index = index / 26 - 1
    } while index >= 0
    return letters
  }
}
