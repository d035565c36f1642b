/// Where each key of a loaded scenario stands in its file, so that later checks (unknown names,
/// inconsistent options) can point at the right line.
public struct ScenarioSourceMap: Sendable, Hashable {
  /// The file the scenario came from.
  public var file: String
  private var locations: [String: SourceLocation]

  /// Creates an empty map for `file`.
  public init(file: String) {
    self.file = file
    self.locations = [:]
  }

  /// Records the location of the value at `keyPath` (for example `options[1].price`).
  public mutating func record(_ keyPath: String, line: Int?, column: Int?) {
    locations[keyPath] = SourceLocation(file: file, line: line, column: column, field: keyPath)
  }

  /// The location of `keyPath`, or of its nearest recorded parent, or just the file.
  public func location(of keyPath: String) -> SourceLocation {
    var path = keyPath
    while !path.isEmpty {
      if var found = locations[path] {
        found.field = keyPath
        return found
      }
      guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
      path = String(path[..<cut])
    }
    return SourceLocation(file: file, field: keyPath)
  }
}
