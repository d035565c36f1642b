/// One `--set PATH=VALUE` override of a scenario key, applied to the scenario file's YAML tree before it is
/// read, so the value is validated exactly as if it had been written in the file.
///
/// `PATH` is the key path with dots: `workload.jobs_per_month`, `options.bare-metal.nodes` (an option is
/// addressed by its name, or by its position as `options[1]`), `costs.engineer_hourly_rate`. `VALUE` is
/// YAML: a number, a name, a list `[a, b]` or a mapping `{low: 1.1, high: 1.5}`.
public struct ScenarioOverride: Sendable, Hashable, Codable, CustomStringConvertible {
  /// 1-based position among the overrides given, used to name it in diagnostics (`--set 2`).
  public var number: Int
  /// The key path as written.
  public var path: String
  /// The value as written (YAML text).
  public var value: String
  /// What gave it, for diagnostics: `--set`, or `--vary` for a sweep's or tornado's setting.
  public var origin: String = "--set"

  /// Creates an override.
  public init(number: Int, path: String, value: String, origin: String = "--set") {
    self.number = number
    self.path = path
    self.value = value
    self.origin = origin
  }

  /// Parses `PATH=VALUE` (split at the first `=`; surrounding spaces of the path are dropped).
  ///
  /// - Throws: ``ScenarioError`` naming `label` (for example `--set 2`) when there is no `=` or no path.
  public init(parsing text: String, number: Int, label: String? = nil) throws(ScenarioError) {
    let label = label ?? "--set \(number)"
    guard let equals = text.firstIndex(of: "=") else {
      throw ScenarioError([
        .invalidValue(
          SourceLocation(file: label), message: "'\(text)' is not PATH=VALUE",
          help: "write the key path, '=', and the value, e.g. 'workload.jobs_per_month=120'")
      ])
    }
    let path = String(text[..<equals]).trimmingSpaces
    guard !path.isEmpty else {
      throw ScenarioError([
        .invalidValue(
          SourceLocation(file: label), message: "'\(text)' has no key path before '='",
          help: "e.g. 'workload.jobs_per_month=120'")
      ])
    }
    self.init(number: number, path: path, value: String(text[text.index(after: equals)...]))
  }

  /// Where diagnostics about this override point: `--set N` (or `--vary N`).
  public var label: String { "\(origin) \(number)" }

  /// `PATH=VALUE`.
  public var description: String { "\(path)=\(value)" }
}
