/// A variance-mechanism parameter that cannot be used, with the rule it breaks.
///
/// Thrown by the validating initialisers of ``StragglerModel``, ``ContentionModel`` and ``InterruptionModel``
/// and by the closed-form checkpoint formulas. The core has no file positions, so the diagnostic carries no
/// location: the scenario loader re-reports the problem at the YAML key that supplied the value.
public enum MechanismError: Error, Sendable, Hashable, CustomStringConvertible,
  DiagnosticConvertible
{
  /// A numeric parameter outside its domain (negative, NaN, infinite, out of range).
  ///
  /// `requirement` states the allowed domain in words, for example `"must be finite and > 0"`.
  case invalidParameter(mechanism: String, parameter: String, value: Double, requirement: String)
  /// A moment the mechanism needs does not exist (for example a per-worker step time with infinite variance).
  case undefinedMoment(mechanism: String, message: String)
  /// A combination of valid parameters that this model does not support.
  case unsupported(mechanism: String, message: String, help: String)

  /// The problem as a diagnostic with a hint on how to fix it.
  public var diagnostic: Diagnostic {
    switch self {
    case .invalidParameter(let mechanism, let parameter, let value, let requirement):
      return Diagnostic(
        location: nil, message: "\(mechanism): '\(parameter)' is \(value); it \(requirement)",
        help: "correct '\(parameter)' in the scenario's \(mechanism) section")
    case .undefinedMoment(let mechanism, let message):
      return Diagnostic(
        location: nil, message: "\(mechanism): \(message)",
        help:
          "use a step-time distribution with a finite mean and variance (a lognormal or an empirical fit)"
      )
    case .unsupported(let mechanism, let message, let help):
      return Diagnostic(location: nil, message: "\(mechanism): \(message)", help: help)
    }
  }

  /// The rendered diagnostic.
  public var description: String { diagnostic.description }
}

// MARK: - Validation helpers

extension MechanismError {
  /// Returns `value` if it is finite and > 0 (or ≥ 0 when `allowZero`), else throws ``invalidParameter``.
  static func positive(
    _ value: Double, _ parameter: String, in mechanism: String, allowZero: Bool = false
  ) throws(MechanismError) -> Double {
    let ok = value.isFinite && (allowZero ? value >= 0 : value > 0)
    guard ok else {
      throw .invalidParameter(
        mechanism: mechanism, parameter: parameter, value: value,
        requirement: allowZero ? "must be finite and ≥ 0" : "must be finite and > 0")
    }
    return value
  }

  /// Returns `value` if it lies in the closed interval `range`, else throws ``invalidParameter``.
  static func within(
    _ value: Double, _ range: ClosedRange<Double>, _ parameter: String, in mechanism: String
  ) throws(MechanismError) -> Double {
    guard range.contains(value) else {
      throw .invalidParameter(
        mechanism: mechanism, parameter: parameter, value: value,
        requirement: "must lie in [\(range.lowerBound), \(range.upperBound)]")
    }
    return value
  }
}
