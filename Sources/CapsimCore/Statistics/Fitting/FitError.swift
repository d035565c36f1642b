/// Why a sample could not be fitted.
public enum FitError: Error, Equatable, Sendable, CustomStringConvertible, DiagnosticConvertible {
  /// No values at all.
  case emptyValues
  /// Fewer values than the fit needs (`minimum` is 3).
  case tooFewValues(count: Int, minimum: Int)
  /// A NaN or ±∞ at `index` (0-based).
  case nonFiniteValue(index: Int, value: Double)
  /// Every value is the same, so there is no spread to fit.
  case allValuesEqual(value: Double)
  /// A value ≤ 0 at `index`, but `family` lives on x > 0.
  case nonPositiveValue(index: Int, value: Double, family: DistributionFamily)
  /// The estimating equation could not be solved (for example, spread below rounding error).
  case numericalFailure(family: DistributionFamily, reason: String)

  /// One sentence, starting lower-case.
  public var description: String {
    switch self {
    case .emptyValues:
      return "cannot fit a distribution to no values"
    case .tooFewValues(let count, let minimum):
      return "cannot fit a distribution to \(count) value\(count == 1 ? "" : "s"); at least "
        + "\(minimum) are needed"
    case .nonFiniteValue(let index, let value):
      return "value \(index + 1) is \(value); values must be finite numbers"
    case .allValuesEqual(let value):
      return "all values equal \(value); a distribution needs values that vary"
    case .nonPositiveValue(let index, let value, let family):
      return "value \(index + 1) is \(value); a \(family.rawValue) distribution needs values > 0"
    case .numericalFailure(let family, let reason):
      return "fitting a \(family.rawValue) distribution failed: \(reason)"
    }
  }

  /// The error as a ``Diagnostic`` with a hint.
  public var diagnostic: Diagnostic {
    switch self {
    case .nonPositiveValue:
      return Diagnostic(
        location: nil, message: description,
        help: "fit the normal family, or remove or shift the values ≤ 0")
    case .tooFewValues, .emptyValues:
      return Diagnostic(location: nil, message: description, help: "collect more samples")
    case .allValuesEqual:
      return Diagnostic(
        location: nil, message: description,
        help:
          "a scenario can still use the set with 'sampling: bootstrap' (every job takes that value); "
          + "to fit, collect measurements that show the run-to-run spread")
    case .nonFiniteValue:
      return Diagnostic(
        location: nil, message: description, help: "remove the value, or re-import the set")
    case .numericalFailure:
      return Diagnostic(
        location: nil, message: description,
        help: "try another family (capsim fit ranks them all), or use 'sampling: bootstrap'")
    }
  }
}
