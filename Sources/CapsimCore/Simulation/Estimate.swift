/// A Monte Carlo estimate with its uncertainty.
///
/// `standardError` is the estimated standard deviation of `value` as an estimator (for a mean over
/// trials, s/√n). `lower`/`upper` bound the confidence interval at the outcome's confidence level
/// (95% unless stated). Either may be absent when the quantity is exact (a fixed commitment) or when
/// no honest interval exists (fewer than two trials).
public struct Estimate: Sendable, Hashable, Codable {
  /// The point estimate.
  public var value: Double
  /// Standard error of `value`, if estimated.
  public var standardError: Double?
  /// Lower end of the confidence interval, if any.
  public var lower: Double?
  /// Upper end of the confidence interval, if any.
  public var upper: Double?

  /// Creates an estimate.
  public init(
    value: Double, standardError: Double? = nil, lower: Double? = nil, upper: Double? = nil
  ) {
    self.value = value
    self.standardError = standardError
    self.lower = lower
    self.upper = upper
  }

  /// An exact value: no standard error, interval of zero width.
  public static func exact(_ value: Double) -> Estimate {
    Estimate(value: value, standardError: 0, lower: value, upper: value)
  }

  /// This estimate of a share (a value in [0, 1]) with its interval clipped to [0, 1]: a
  /// normal-approximation interval, value ± z·SE, can otherwise run past 1 for a share near 1 (or
  /// below 0 near 0). The value and standard error are unchanged; NaN ends stay NaN.
  public func clippedToShare() -> Estimate {
    var clipped = self
    clipped.lower = lower.map { $0.isNaN ? $0 : Swift.max(0, $0) }
    clipped.upper = upper.map { $0.isNaN ? $0 : Swift.min(1, $0) }
    return clipped
  }

  /// This estimate of a quantity that cannot be negative (a cost, hours, a count) with its interval's
  /// lower end clipped at 0: value − z·SE runs below 0 for a mean near 0 with a wide spread (idle capacity
  /// of a saturated cluster, 24 ± 47). The value, standard error and upper end are unchanged; NaN stays NaN.
  public func clippedToNonNegative() -> Estimate {
    var clipped = self
    clipped.lower = lower.map { $0.isNaN ? $0 : Swift.max(0, $0) }
    return clipped
  }
}

/// One named result for one option, for example the mean total cost with its interval.
public struct MetricEstimate: Sendable, Hashable, Codable {
  /// Stable machine key used in CSV and JSON, `snake_case` (for example `total_cost`).
  public var key: String
  /// Short human label for reports (for example `Total cost`).
  public var label: String
  /// Unit of `estimate`: a currency code, `h`, `%`, `ratio`, `jobs`…
  public var unit: String
  /// The value and its uncertainty.
  public var estimate: Estimate

  /// Creates a metric.
  public init(key: String, label: String, unit: String, estimate: Estimate) {
    self.key = key
    self.label = label
    self.unit = unit
    self.estimate = estimate
  }
}
