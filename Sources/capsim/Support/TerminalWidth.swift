import ArgumentParser

/// The range `--width` accepts: narrower than 60 columns the tables cannot fit their columns side by
/// side; wider than 1000 no terminal shows them.
enum TerminalWidth {
  static let allowed = 60...1_000

  /// Throws a validation error (exit 64) naming the flag and the range.
  static func validate(_ width: Int) throws {
    guard allowed.contains(width) else {
      throw ValidationError(
        "--width must be between \(allowed.lowerBound) and \(allowed.upperBound) columns (got \(width)); "
          + "100 suits a standard terminal")
    }
  }
}
