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
