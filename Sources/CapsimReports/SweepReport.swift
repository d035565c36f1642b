import Foundation

/// A sweep (decision table) as a terminal table, Markdown, wide CSV (one row per point) or JSON.
///
/// Every format carries, per point and option: the mean total cost with its 95% interval, P(cheapest),
/// the committed nodes and the sizing metric of a sized option, and per point the cheapest option and
/// the verdict `capsim recommend` would give.
public enum SweepReport {
  /// The sweep's heading sentence. The horizon is left out when it is an axis (its values are then the
  /// points' own).
  static func heading(_ result: SweepResult) -> String {
    let horizon =
      result.axes.contains { $0.path == "horizon_months" }
      ? "" : "\(NumberFormatting.count(result.horizonMonths, "month")), "
    return "Sweep of \(result.scenario) over "
      + result.axes.map {
        "\($0.path) (\($0.values.count) value\($0.values.count == 1 ? "" : "s"))"
      }
      .joined(separator: " × ")
      + ": \(NumberFormatting.count(result.points.count, "point")), each \(NumberFormatting.count(result.trials, "trial")) with seed \(result.seed) "
      + "(common random numbers), \(horizon)costs in \(result.currency)."
  }

  static func overridesLine(_ result: SweepResult) -> String? {
    result.overrides.isEmpty
      ? nil
      : "Overrides at every point: " + result.overrides.map(\.description).joined(separator: ", ")
  }

  static func group(_ count: Int) -> String { NumberFormatting.fixed(Double(count), decimals: 0) }

  /// `1.23M ± 0.01M`: the mean and the half-width of its 95% interval.
  static func costCell(_ estimate: Estimate) -> String {
    var text = NumberFormatting.compact(estimate.value)
    if let lower = estimate.lower, let upper = estimate.upper, upper > lower {
      text += " ±" + NumberFormatting.compact((upper - lower) / 2)
    }
    return text
  }

  /// `100.0% [91–100]`: P(cheapest) with its Wilson score 95% interval in percent, rounded outward
  /// (the lower end down, the upper end up) to whole percent from 10% and to a tenth below, so the
  /// printed interval always contains the computed one and the column stays narrow.
  static func probabilityCell(_ estimate: Estimate) -> String {
    var text = NumberFormatting.percent(estimate.value)
    if let lower = estimate.lower, let upper = estimate.upper {
      text += " [\(percentEnd(lower, roundingUp: false))–\(percentEnd(upper, roundingUp: true))]"
    }
    return text
  }

  /// One end of a share's interval in percent, rounded outward (see ``probabilityCell(_:)``).
  static func percentEnd(_ share: Double, roundingUp: Bool) -> String {
    let percent = share * 100
    let rule: FloatingPointRoundingRule = roundingUp ? .up : .down
    // Snap to 1e-9 first so that an exact 100% or 8.8% is not pushed a step by representation error.
    let snapped = (percent * 1e9).rounded() / 1e9
    if snapped >= 10 { return String(format: "%.0f", snapped.rounded(rule)) }
    return String(format: "%.1f", (snapped * 10).rounded(rule) / 10)
  }

  static func sizingCell(_ option: SweepResult.OptionResult) -> String? {
    guard let metric = option.sizingMetric else { return nil }
    let value =
      metric.key == SizingTarget.Metric.deadlineHitRate.rawValue
      ? NumberFormatting.percent(metric.estimate.value)
      : NumberFormatting.readable(metric.estimate.value, significant: 3)
    return "\(metric.key) \(value)"
  }
}
