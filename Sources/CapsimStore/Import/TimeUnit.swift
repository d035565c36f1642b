/// A unit of duration accepted in sample files; values are stored in seconds.
public enum TimeUnit: String, Sendable, Hashable, CaseIterable {
  /// Nanoseconds, 10⁻⁹ s.
  case nanoseconds = "ns"
  /// Microseconds, 10⁻⁶ s.
  case microseconds = "us"
  /// Milliseconds, 10⁻³ s.
  case milliseconds = "ms"
  /// Seconds.
  case seconds = "s"
  /// Minutes, 60 s.
  case minutes = "min"
  /// Hours, 3,600 s.
  case hours = "h"

  /// Seconds in one unit.
  public var seconds: Double {
    switch self {
    case .nanoseconds: return 1e-9
    case .microseconds: return 1e-6
    case .milliseconds: return 1e-3
    case .seconds: return 1
    case .minutes: return 60
    case .hours: return 3_600
    }
  }

  /// The accepted spellings, for error messages.
  static var names: [String] { allCases.map(\.rawValue) }

  /// Parses a unit name, throwing an error that lists the accepted units.
  static func parse(_ text: String, at location: SourceLocation) throws(ImportError) -> TimeUnit {
    guard let unit = TimeUnit(rawValue: text.trimmingSpaces()) else {
      throw ImportError.unknownName(location, kind: "time unit", name: text, known: names)
    }
    return unit
  }
}
