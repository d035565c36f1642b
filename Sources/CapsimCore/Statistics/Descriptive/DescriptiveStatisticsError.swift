/// Why a sample or a histogram operation was rejected.
///
/// Descriptive statistics refuse non-finite input rather than propagate NaN into reports: the error
/// names the offending position so the caller can point at the row it came from.
public enum DescriptiveStatisticsError: Error, Equatable, CustomStringConvertible,
  DiagnosticConvertible
{
  /// The sample has no values.
  case emptySample
  /// The value at `index` (0-based, `nil` when the value did not come from an indexed sample) is NaN
  /// or infinite.
  case nonFiniteValue(index: Int?, kind: NonFiniteKind)
  /// A histogram range must satisfy 0 < lowerBound < upperBound < ∞.
  case invalidHistogramRange(lowerBound: Double, upperBound: Double)
  /// Two histograms with different bin layouts cannot be merged.
  case incompatibleHistograms

  /// The kind of a non-finite value.
  public enum NonFiniteKind: String, Sendable, Hashable, Codable {
    /// Not a number.
    case nan
    /// +∞.
    case positiveInfinity
    /// −∞.
    case negativeInfinity

    /// The kind of `value`, or `nil` when it is finite.
    public init?(_ value: Double) {
      if value.isNaN {
        self = .nan
      } else if value == .infinity {
        self = .positiveInfinity
      } else if value == -.infinity {
        self = .negativeInfinity
      } else {
        return nil
      }
    }

    var symbol: String {
      switch self {
      case .nan: "NaN"
      case .positiveInfinity: "+∞"
      case .negativeInfinity: "−∞"
      }
    }
  }

  /// The problem as a ``Diagnostic`` without a file location (the caller knows where the data came from).
  public var diagnostic: Diagnostic {
    switch self {
    case .emptySample:
      Diagnostic(
        location: nil, message: "the sample is empty; statistics need at least one value",
        help: "check that the query or filter selected any rows")
    case .nonFiniteValue(let index, let kind):
      Diagnostic(
        location: nil,
        message: index.map { "value at index \($0) is \(kind.symbol)" }
          ?? "value is \(kind.symbol)",
        help: "remove or correct non-finite values before summarising")
    case .invalidHistogramRange(let lowerBound, let upperBound):
      Diagnostic(
        location: nil,
        message: "histogram range [\(lowerBound), \(upperBound)] is invalid",
        help: "use finite bounds with 0 < lowerBound < upperBound")
    case .incompatibleHistograms:
      Diagnostic(
        location: nil, message: "histograms with different ranges cannot be merged",
        help: "create every histogram of a run with the same lowerBound and upperBound")
    }
  }

  /// The rendered diagnostic.
  public var description: String { diagnostic.description }
}
