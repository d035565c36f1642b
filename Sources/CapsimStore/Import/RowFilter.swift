import Foundation

/// A row filter for table imports: `column=value`, `column!=value`, `column<x`, `<=`, `>`, `>=`.
///
/// `=` and `!=` compare numerically when both sides parse as numbers (so `gpu_num=8` matches `8.0`),
/// as text otherwise; `column!=` (empty right side) keeps rows whose cell is not empty. The ordering
/// comparisons require both sides to be numbers and reject the row when the cell is not one.
public struct RowFilter: Sendable, Hashable, CustomStringConvertible {
  /// The column name.
  public var column: String
  /// The comparison.
  public var comparison: FilterComparison
  /// The right-hand side, as written.
  public var value: String

  /// Creates a filter.
  public init(column: String, comparison: FilterComparison, value: String) {
    self.column = column
    self.comparison = comparison
    self.value = value
  }

  /// Parses `column<op>value`, trying the two-character operators first.
  ///
  /// - Throws: ``ImportError/invalidOption(_:reason:help:)`` located at `--where`.
  public init(parsing text: String) throws(ImportError) {
    let operators: [FilterComparison] = [
      .notEqual, .lessOrEqual, .greaterOrEqual, .equal, .less, .greater,
    ]
    var best: (range: Range<String.Index>, comparison: FilterComparison)?
    for comparison in operators {
      guard let range = text.range(of: comparison.rawValue) else { continue }
      if let current = best, current.range.lowerBound <= range.lowerBound { continue }
      best = (range, comparison)
    }
    guard let best, !text[..<best.range.lowerBound].trimmingCharacters(in: .whitespaces).isEmpty
    else {
      throw ImportError.invalidOption(
        SourceLocation(file: "--where", field: text),
        reason: "filter '\(text)' is not of the form COLUMN<op>VALUE",
        help:
          "use one of =, !=, <, <=, >, >=, for example --where 'state=COMPLETED' or --where 'gpu_num>=8'"
      )
    }
    self.column = String(text[..<best.range.lowerBound]).trimmingSpaces()
    self.comparison = best.comparison
    self.value = String(text[best.range.upperBound...]).trimmingSpaces()
  }

  /// `column<op>value`.
  public var description: String { "\(column)\(comparison.rawValue)\(value)" }

  /// Whether a cell passes the filter.
  func accepts(_ cell: String) -> Bool {
    let number = DecimalNumber.parse(cell)
    let target = DecimalNumber.parse(value)
    switch comparison {
    case .equal, .notEqual:
      let equal: Bool
      if let number, let target { equal = number == target } else { equal = cell == value }
      return (comparison == .equal) == equal
    case .less, .lessOrEqual, .greater, .greaterOrEqual:
      guard let number, let target else { return false }
      switch comparison {
      case .less: return number < target
      case .lessOrEqual: return number <= target
      case .greater: return number > target
      default: return number >= target
      }
    }
  }
}
