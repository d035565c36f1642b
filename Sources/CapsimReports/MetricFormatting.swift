import Foundation

/// How a metric's estimate is shown in human-readable reports.
///
/// The uncertainty is shown with two significant digits and the value is rounded to the same decimal
/// place, the convention of the GUM (JCGM 100:2008, §7.2.6): "854,350 ± 1,400", "1,187.02 ± 0.22".
enum MetricFormatting {
  /// The value in the metric's unit at a default precision, e.g. "1,234,000", "95.1%", "31.25".
  static func value(_ metric: MetricEstimate, _ value: Double) -> String {
    switch metric.unit {
    case "share": return NumberFormatting.percent(value)
    case "ratio": return NumberFormatting.fixed(value, decimals: 4)
    default:
      if Swift.abs(value) >= 1000 { return NumberFormatting.fixed(value, decimals: 0) }
      return NumberFormatting.readable(value, significant: 4)
    }
  }

  /// The longest cell, in characters: the terminal table's column less its gap. The Markdown and HTML
  /// tables use the same length, so every report rounds an estimate alike ("20.773 [20.766–20.781]").
  static let cellLength = 23

  /// The estimate with its uncertainty: "value ± half-width" for symmetric intervals,
  /// "value [lower–upper]" for asymmetric ones, just the value when exact or unknown.
  ///
  /// An interval that ends at the edge of what the metric can be (0 for a share, a cost, hours; 1 for a
  /// share), as a clipped or Wilson interval does, is always shown as its bracket, never as ± a half-width
  /// that would run past the edge: "0.0% [0.0%–1.3%]", "24 [0–71]". When the bracket does not fit
  /// `maximumLength`, an end exactly at the edge is written short ("99.996% [99.987%–100%]").
  static func cell(_ metric: MetricEstimate, maximumLength: Int = cellLength) -> String {
    let estimate = metric.estimate
    guard let lower = estimate.lower, let upper = estimate.upper, upper > lower,
      estimate.value.isFinite
    else {
      return value(metric, estimate.value)
    }
    let below = estimate.value - lower
    let above = upper - estimate.value
    let isShare = metric.unit == "share"
    let scale = isShare ? 100.0 : 1.0
    let symmetric = Swift.abs(below - above) <= 1e-9 * Swift.max(1, Swift.abs(estimate.value))
    // Ends at the edge of the metric's range: ± the wider side would claim values past it.
    let lowerAtEdge = lower == 0 && estimate.value >= 0
    let upperAtEdge = isShare && upper == 1 && estimate.value <= 1
    let plusMinusAllowed =
      !(lowerAtEdge && below < above) && !(upperAtEdge && above < below)
    // Two significant digits of uncertainty (of the narrower side, or the other when the value is at an
    // edge); fewer decimals if the cell would not fit its column. An asymmetric interval keeps its bracket
    // only while rounding leaves its three numbers distinct (else a share of 99.9994% [99.9985%–100%]
    // would read "100.0% [100.0%–100.0%]"), unless an end really is the value (0 of 300 trials:
    // "0.0% [0.0%–1.3%]"); failing that it is shown as ± its wider side, which still covers it.
    let sides = [below, above].filter { $0 > 0 }
    let first = decimalsForUncertainty((sides.min() ?? 0) * scale)
    let shown = { (x: Double, decimals: Int) in formatted(metric, x, decimals: decimals) }
    let edge = { (x: Double) in isShare ? (x == 1 ? "100%" : "0%") : "0" }
    let plusMinus = { (decimals: Int) in
      shown(estimate.value, decimals) + " ± " + shown(Swift.max(below, above), decimals)
    }
    func bracket(_ decimals: Int, short: Bool) -> String? {
      let (low, mid, high) = (
        shown(lower, decimals), shown(estimate.value, decimals), shown(upper, decimals)
      )
      guard (low != mid || lower == estimate.value) && (mid != high || upper == estimate.value)
      else { return nil }
      let left = short && lowerAtEdge ? edge(lower) : low
      let right = short && upperAtEdge ? edge(upper) : high
      return mid + " [" + left + "–" + right + "]"
    }
    if !symmetric || !plusMinusAllowed {
      for decimals in stride(from: first, through: 0, by: -1) {
        for short in [false, true] {
          if let text = bracket(decimals, short: short), text.count <= maximumLength { return text }
        }
      }
      if !plusMinusAllowed {
        return bracket(first, short: true) ?? bracket(0, short: true) ?? plusMinus(first)
      }
    }
    for decimals in stride(from: first, through: 0, by: -1)
    where plusMinus(decimals).count <= maximumLength {
      return plusMinus(decimals)
    }
    return plusMinus(0)
  }

  /// Label with unit, e.g. "Total cost (USD)", "Job time, p95 (h)".
  static func label(_ metric: MetricEstimate) -> String {
    // Cost lines are in the currency that "Total cost (…)" already names; keeping them short keeps them whole.
    if metric.key.hasPrefix("cost_") && metric.key != "cost_per_job" { return metric.label }
    switch metric.unit {
    case "share", "ratio", "jobs", "count": return metric.label
    default: return "\(metric.label) (\(metric.unit))"
    }
  }

  /// Decimal places that show `uncertainty` with two significant digits (0 to 6).
  static func decimalsForUncertainty(_ uncertainty: Double) -> Int {
    guard uncertainty > 0, uncertainty.isFinite else { return 2 }
    let exponent = Int(Foundation.floor(Foundation.log10(uncertainty)))
    return Swift.min(6, Swift.max(0, 1 - exponent))
  }

  private static func formatted(_ metric: MetricEstimate, _ value: Double, decimals: Int) -> String
  {
    if metric.unit == "share" {
      return NumberFormatting.fixed(value * 100, decimals: decimals) + "%"
    }
    return NumberFormatting.fixed(value, decimals: decimals)
  }
}
