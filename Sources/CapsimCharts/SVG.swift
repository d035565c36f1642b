import Foundation

/// Small helpers for writing SVG text.
public enum SVG {
  /// Fifteen distinct colours, one per cost line (`CostLines.entries` has fifteen), so no two series of
  /// a chart share one. The first eight are the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal
  /// Design"), distinguishable with the common forms of colour blindness; the other seven are from Paul
  /// Tol's muted and dark schemes (wine, indigo, olive, green, grey, brown, purple), chosen to stay apart
  /// from the first eight. Series take colours in this order.
  public static let palette = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
    "#882255", "#332288", "#999933", "#117733", "#999999", "#661100", "#AA4499",
  ]

  /// The colour of series `index` (cycling through ``palette``, so distinct for up to
  /// `palette.count` series).
  public static func color(_ index: Int) -> String { palette[index % palette.count] }

  /// `text` with `&`, `<`, `>`, `"` and `'` escaped for XML text and attributes.
  public static func escape(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.append(character)
      }
    }
    return result
  }

  /// A coordinate with at most two decimals, no trailing zeros, and no locale ("12.5", "-3").
  public static func number(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    let rounded = (value * 100).rounded() / 100
    if rounded == rounded.rounded() { return String(Int(rounded)) }
    var text = String(format: "%.2f", rounded)
    while text.hasSuffix("0") { text.removeLast() }
    return text
  }

  /// A tick label: grouped thousands as "k"/"M" for large values, a few significant digits otherwise.
  public static func tickLabel(_ value: Double) -> String {
    let magnitude = Swift.abs(value)
    if magnitude >= 1e6 { return trimmed(value / 1e6) + "M" }
    if magnitude >= 1e3 { return trimmed(value / 1e3) + "k" }
    return trimmed(value)
  }

  private static func trimmed(_ value: Double) -> String {
    var text = String(format: "%.3g", value)
    if text.contains("."), !text.contains("e") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text
  }
}
