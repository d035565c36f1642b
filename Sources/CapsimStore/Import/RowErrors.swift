/// Collects the errors of bad rows so that one import reports every bad row (up to ``limit``)
/// instead of stopping at the first.
struct RowErrors {
  /// The most errors shown; the rest are counted (`and N more errors`).
  static let limit = 20

  private var errors: [ImportError] = []
  private var omitted = 0

  /// Whether no error has been recorded.
  var isEmpty: Bool { errors.isEmpty }

  /// Records `error` (or just counts it once ``limit`` are kept).
  mutating func record(_ error: ImportError) {
    if errors.count < Self.limit { errors.append(error) } else { omitted += 1 }
  }

  /// Runs `body`, recording an ``ImportError`` it throws instead of propagating it; other errors
  /// propagate.
  mutating func collecting(_ body: () throws -> Void) throws {
    do {
      try body()
    } catch let error as ImportError {
      record(error)
    }
  }

  /// Throws the single error, or ``ImportError/several(_:omitted:)`` for more than one.
  func throwIfAny() throws(ImportError) {
    guard let first = errors.first else { return }
    if errors.count == 1 { throw first }
    throw ImportError.several(errors, omitted: omitted)
  }

  /// The errors recorded so far followed by `final`, as one error (for a fault that stops reading).
  func combined(with final: ImportError) -> ImportError {
    var copy = self
    copy.record(final)
    return copy.errors.count == 1 ? final : .several(copy.errors, omitted: copy.omitted)
  }
}
