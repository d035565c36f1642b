/// Where each key of a loaded scenario stands in its file, so that later checks (unknown names,
/// inconsistent options) can point at the right line.
public struct ScenarioSourceMap: Sendable, Hashable {
  /// The file the scenario came from.
  public var file: String
  private var locations: [String: SourceLocation]
  /// Key paths set by overrides (`--set`), with where diagnostics about them point; see
  /// ``recordOverride(_:at:)``.
  public private(set) var overriddenPaths: [String: SourceLocation] = [:]

  /// Creates an empty map for `file`.
  public init(file: String) {
    self.file = file
    self.locations = [:]
  }

  /// Records the location of the value at `keyPath` (for example `options[1].price`).
  public mutating func record(_ keyPath: String, line: Int?, column: Int?) {
    locations[keyPath] = SourceLocation(file: file, line: line, column: column, field: keyPath)
  }

  /// Records that the value at `keyPath` and everything below it came from an override: diagnostics
  /// about them point at `location` (for example `--set 2`) instead of the file.
  public mutating func recordOverride(_ keyPath: String, at location: SourceLocation) {
    overriddenPaths[keyPath] = location
  }

  /// The override location of `keyPath` if it or a parent was set by an override (the nearest wins).
  public func overrideLocation(of keyPath: String) -> SourceLocation? {
    guard !overriddenPaths.isEmpty else { return nil }
    var path = keyPath
    while !path.isEmpty {
      if let found = overriddenPaths[path] { return found }
      guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
      path = String(path[..<cut])
    }
    return nil
  }

  /// The location of `keyPath`, or of its nearest recorded parent, or just the file; an overridden key
  /// path points at its override.
  public func location(of keyPath: String) -> SourceLocation {
    if let overridden = overrideLocation(of: keyPath) { return overridden }
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
