/// How a metric's estimate is shown in human-readable reports.
enum MetricFormatting {
  /// The value in the metric's unit, e.g. "1,234,000", "95.1%", "31.25".
  static func value(_ metric: MetricEstimate, _ value: Double) -> String {
    switch metric.unit {
    case "share": return NumberFormatting.percent(value)
    case "ratio": return NumberFormatting.fixed(value, decimals: 4)
    case "jobs": return NumberFormatting.readable(value, significant: 4)
    default:
      if Swift.abs(value) >= 1000 { return NumberFormatting.fixed(value, decimals: 0) }
      return NumberFormatting.readable(value, significant: 4)
    }
  }

  /// The estimate with its uncertainty: "value ± half-width" for symmetric intervals,
  /// "value [lower–upper]" for asymmetric ones, just the value when exact or unknown.
  static func cell(_ metric: MetricEstimate) -> String {
    let estimate = metric.estimate
    let center = value(metric, estimate.value)
    guard let lower = estimate.lower, let upper = estimate.upper, upper > lower else { return center }
    let below = estimate.value - lower
    let above = upper - estimate.value
    if Swift.abs(below - above) <= 1e-9 * Swift.max(1, Swift.abs(estimate.value)) {
      return center + " ± " + value(metric, below)
    }
    return center + " [" + value(metric, lower) + "–" + value(metric, upper) + "]"
  }

  /// Label with unit, e.g. "Total cost (USD)", "Job time, p95 (h)".
  static func label(_ metric: MetricEstimate) -> String {
    switch metric.unit {
    case "share", "ratio", "jobs": return metric.label
    default: return "\(metric.label) (\(metric.unit))"
    }
  }
}
