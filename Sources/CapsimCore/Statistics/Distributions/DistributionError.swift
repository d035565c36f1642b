/// Why a distribution could not be built from the parameters or values given.
///
/// Thrown by the validating initialisers of every distribution and by ``ParametricDistribution``.
/// Carries no file location (the core reads no files); the scenario loader attaches one.
public enum DistributionError: Error, Equatable, Sendable, CustomStringConvertible,
  DiagnosticConvertible
{
  /// A parameter is NaN, infinite or outside its range: `requirement` says what it must be.
  case invalidParameter(name: String, value: Double, requirement: String)
  /// A parameter the family needs is absent from a parameter dictionary.
  case missingParameter(name: String, family: String, expected: [String])
  /// A parameter dictionary names a parameter the family does not have.
  case unknownParameter(name: String, family: String, expected: [String])
  /// A family name that capsim does not know.
  case unknownFamily(String)
  /// An empirical distribution was given no values.
  case emptyValues
  /// An empirical distribution was given a NaN or infinite value at `index`.
  case nonFiniteValue(index: Int, value: Double)
  /// A mixture was given no components.
  case emptyMixture
  /// A mixture weight is negative, NaN or infinite, or all weights are zero (index −1).
  case invalidWeight(index: Int, value: Double)

  /// One sentence, starting lower-case, naming the offending parameter or value.
  public var description: String {
    switch self {
    case .invalidParameter(let name, let value, let requirement):
      return "parameter '\(name)' is \(value); it must be \(requirement)"
    case .missingParameter(let name, let family, _):
      return "\(family) distribution is missing parameter '\(name)'"
    case .unknownParameter(let name, let family, _):
      return "\(family) distribution has no parameter '\(name)'"
    case .unknownFamily(let name):
      return "unknown distribution family '\(name)'"
    case .emptyValues:
      return "an empirical distribution needs at least one value"
    case .nonFiniteValue(let index, let value):
      return "value \(index + 1) is \(value); values must be finite numbers"
    case .emptyMixture:
      return "a mixture needs at least one component"
    case .invalidWeight(let index, let value):
      if index < 0 { return "mixture weights sum to \(value); at least one must be > 0" }
      return "mixture weight \(index + 1) is \(value); weights must be finite and ≥ 0"
    }
  }

  /// The error as a ``Diagnostic`` with a hint where one helps.
  public var diagnostic: Diagnostic {
    switch self {
    case .missingParameter(_, let family, let expected):
      return Diagnostic(
        location: nil, message: description,
        help: "a \(family) distribution takes " + expected.map { "'\($0)'" }.joined(separator: ", ")
      )
    case .unknownParameter(let name, let family, let expected):
      return Diagnostic(
        location: nil, message: description,
        help: NameSuggestions.help(for: name, kind: "\(family) parameter", known: expected))
    case .unknownFamily(let name):
      return Diagnostic(
        location: nil, message: description,
        help: NameSuggestions.help(
          for: name, kind: "family", known: DistributionFamily.allCases.map(\.rawValue)))
    default:
      return Diagnostic(location: nil, message: description)
    }
  }
}

// MARK: - Validation helpers

extension DistributionError {
  /// Throws unless `value` is finite and > 0.
  static func requirePositive(_ value: Double, name: String) throws(DistributionError) {
    guard value.isFinite, value > 0 else {
      throw .invalidParameter(name: name, value: value, requirement: "finite and > 0")
    }
  }

  /// Throws unless `value` is finite.
  static func requireFinite(_ value: Double, name: String) throws(DistributionError) {
    guard value.isFinite else {
      throw .invalidParameter(name: name, value: value, requirement: "a finite number")
    }
  }
}
