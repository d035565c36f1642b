/// The valid range of a number and why: one row of the scenario loader's `ScenarioLimits.table`, or
/// one of ``PriceLimits``.
public struct NumericLimit: Sendable, Hashable {
  /// The smallest allowed value.
  public var lower: Double
  /// Whether `lower` itself is allowed.
  public var includesLower: Bool
  /// The largest allowed value.
  public var upper: Double
  /// Whether only whole numbers are allowed.
  public var isWholeNumber: Bool
  /// What the limits mean physically, shown as the diagnostic's help line.
  public var reason: String

  /// A limit from its parts; ``closed(_:_:_:whole:)`` and ``above(_:upTo:_:)`` cover the usual shapes.
  public init(
    lower: Double, includesLower: Bool, upper: Double, isWholeNumber: Bool, reason: String
  ) {
    self.lower = lower
    self.includesLower = includesLower
    self.upper = upper
    self.isWholeNumber = isWholeNumber
    self.reason = reason
  }

  /// A closed range `lower...upper`.
  public static func closed(_ lower: Double, _ upper: Double, _ reason: String, whole: Bool = false)
    -> NumericLimit
  {
    NumericLimit(
      lower: lower, includesLower: true, upper: upper, isWholeNumber: whole, reason: reason)
  }

  /// A half-open range `lower < x ≤ upper`.
  public static func above(_ lower: Double, upTo upper: Double, _ reason: String) -> NumericLimit {
    NumericLimit(
      lower: lower, includesLower: false, upper: upper, isWholeNumber: false, reason: reason)
  }

  /// This limit with another `reason`, for a key that shares a limit defined elsewhere.
  public func with(reason: String) -> NumericLimit {
    var copy = self
    copy.reason = reason
    return copy
  }

  /// Whether `value` is allowed (NaN and ±∞ never are).
  public func contains(_ value: Double) -> Bool {
    guard value.isFinite, value <= upper else { return false }
    if isWholeNumber && value.rounded(.towardZero) != value { return false }
    return includesLower ? value >= lower : value > lower
  }

  /// The range in words, e.g. "between 1 and 600" or "> 0 and ≤ 1000000".
  public var rule: String {
    let low = Self.format(lower)
    let high = Self.format(upper)
    if includesLower {
      return (isWholeNumber ? "a whole number " : "") + "between \(low) and \(high)"
    }
    return "> \(low) and ≤ \(high)"
  }

  /// `value` as written in a rule: whole numbers below 10^15 without a fraction, others as Swift prints them.
  public static func format(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
  }
}
