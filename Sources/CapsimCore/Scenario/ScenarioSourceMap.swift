/// Where each key of a loaded scenario stands in its file, so that later checks (unknown names,
/// inconsistent options) can point at the right line.
public struct ScenarioSourceMap: Sendable, Hashable {
  /// The file the scenario came from.
  public var file: String
  private var locations: [String: SourceLocation]
  /// Key paths set by overrides (`--set`), with where diagnostics about them point; see
  /// ``recordOverride(_:at:)``.
  public private(set) var overriddenPaths: [String: SourceLocation] = [:]
  /// The overrides applied, in order, each with the loader's key path it set (`options[1].price`).
  private var overrides: [AppliedOverride] = []

  /// An override and the loader's key path of the value it set.
  private struct AppliedOverride: Sendable, Hashable {
    var keyPath: String
    var override: ScenarioOverride
  }

  /// Creates an empty map for `file`.
  public init(file: String) {
    self.file = file
    self.locations = [:]
  }

  /// Records the location of the value at `keyPath` (for example `options[1].price`).
  public mutating func record(_ keyPath: String, line: Int?, column: Int?) {
    locations[keyPath] = SourceLocation(file: file, line: line, column: column, field: keyPath)
  }

  /// Records that `override` set the value at `keyPath` (the loader's form, `options[1].nodes`):
  /// diagnostics about it and everything below point at the override (`--set 2`), and those about the
  /// rest of its section name it too (see ``attributed(_:)``).
  public mutating func recordOverride(_ override: ScenarioOverride, at keyPath: String) {
    overriddenPaths[keyPath] = SourceLocation(file: override.label, field: override.path)
    overrides.append(AppliedOverride(keyPath: keyPath, override: override))
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

  /// The location of `keyPath`, or of its nearest recorded parent, or just the file, as
  /// ``attributed(_:)`` reports it: a key path an override set points at its override.
  public func location(of keyPath: String) -> SourceLocation {
    attributed(fileLocation(of: keyPath))
  }

  /// Where a problem found at `location` in the file is reported, so that a problem an override caused
  /// names the override wherever it shows up:
  /// - at or under a key path an override set: at the override (`--set 2`), as before;
  /// - elsewhere in a section an override changed (the same option, `workload`, `costs`, …, not the
  ///   document or the whole `options` list): at the override, saying its value and the file position it
  ///   conflicts with (`--vary 1: error: options.metal.price=… conflicts with base.yaml:19:12: field
  ///   'options[1].nodes': …`); the most specific section wins, then the last override;
  /// - otherwise, or for a location outside this file: unchanged.
  public func attributed(_ location: SourceLocation) -> SourceLocation {
    guard !overrides.isEmpty, location.file == file, location.context == nil,
      let keyPath = location.field
    else { return location }
    if let overridden = overrideLocation(of: keyPath) { return overridden }
    var section = keyPath
    while !section.isEmpty, section != "options" {
      if let override = overrides.last(where: { Self.path($0.keyPath, isWithin: section) })?
        .override
      {
        let position = location.line == nil ? "the file" : "\(location)"
        var attributed = SourceLocation(file: override.label, field: keyPath)
        attributed.context = "\(override.path)=\(override.value) conflicts with \(position)"
        return attributed
      }
      guard let cut = section.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
      section = String(section[..<cut])
    }
    return location
  }

  /// Whether `path` is `section` or a key path below it (`options[1].x` is within `options[1]`, not
  /// within `options[10]`).
  static func path(_ path: String, isWithin section: String) -> Bool {
    guard path.hasPrefix(section) else { return false }
    let rest = path.dropFirst(section.count)
    return rest.isEmpty || rest.hasPrefix(".") || rest.hasPrefix("[")
  }

  /// The location recorded for `keyPath` or its nearest recorded parent in the file, or just the file.
  func fileLocation(of keyPath: String) -> SourceLocation {
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
