import Foundation

/// Two stored runs compared (``RunDiff``): scenario changes, then every metric side by side.
///
/// The terminal table, Markdown, long CSV (`section,option,key,before,after,difference,
/// combined_half_width,exceeds_uncertainty`) and JSON carry the same content.
public struct RunDiffReport: Sendable {
  /// The comparison.
  public var diff: RunDiff
  /// Run A's id and description (`run 3: borderline-growing-team, 2,000 trials, seed 7`).
  public var before: String
  /// Run B's id and description.
  public var after: String
  /// Whether the terminal table shows every metric, not only the changed ones.
  public var all: Bool

  /// Creates a report of `diff` between runs described as `before` and `after`.
  public init(_ diff: RunDiff, before: String, after: String, all: Bool = false) {
    self.diff = diff
    self.before = before
    self.after = after
    self.all = all
  }

  static let method =
    "Changed: |B − A| > 1.96·√(SE_A² + SE_B²), the 95% interval of a difference of independent "
    + "estimates (a quantile's interval half-width stands for 1.96·SE); conservative for runs with the "
    + "same seed."

  /// A half-width for display: "0" below 10⁻⁹ of the values compared (rounding noise).
  static func half(_ change: RunDiff.MetricChange) -> String {
    guard let half = change.combinedHalfWidth else { return "–" }
    let scale = Swift.max(
      Swift.abs(change.before?.value ?? 0), Swift.abs(change.after?.value ?? 0), 1e-300)
    return half < 1e-9 * scale ? "0" : NumberFormatting.readable(half, significant: 3)
  }

  static func value(_ estimate: Estimate?, _ unit: String) -> String {
    guard let estimate else { return "–" }
    return unit == "share" || unit == "%"
      ? NumberFormatting.readable(estimate.value, significant: 4)
      : NumberFormatting.readable(estimate.value, significant: 5)
  }

  static func verdict(_ change: RunDiff.MetricChange) -> String {
    switch change.exceedsUncertainty {
    case true?: return "yes"
    case false?: return "no"
    case nil: return change.before == nil || change.after == nil ? "only one run" : "no SE"
    }
  }

  // MARK: - Terminal

  /// Plain text within `width` columns: the changed keys, then a metric table with only changed metrics
  /// unless `all`.
  public func table(all: Bool = false, width: Int = 100) -> String {
    var lines = RecommendationReport.wrap("A: \(before)", width: width, indent: "   ")
    lines += RecommendationReport.wrap("B: \(after)", width: width, indent: "   ")
    lines.append("")
    if diff.keyChanges.isEmpty {
      lines.append("Scenario: no key differs (overrides included).")
    } else {
      lines.append("Scenario keys that differ (overrides included):")
      var keys = TextTable(
        header: ["key", "A", "B"], rightAligned: [false, false, false], rows: [])
      for change in diff.keyChanges {
        keys.rows.append([change.label, change.before ?? "(absent)", change.after ?? "(absent)"])
      }
      lines += keys.render(width: width - 2).map { "  " + $0 }
    }
    lines.append("")
    let rows = diff.metrics.filter { all || $0.exceedsUncertainty != false }
    lines += RecommendationReport.wrap(
      all
        ? "Every metric:"
        : "Metrics whose change exceeds the combined 95% interval (or cannot be judged); --all shows every one:",
      width: width, indent: "")
    var table = TextTable(
      header: ["option", "metric", "A", "B", "B − A", "± 95%", "changed"],
      rightAligned: [false, false, true, true, true, true, false], rows: [])
    for change in rows {
      table.rows.append([
        change.option, change.key, Self.value(change.before, change.unit),
        Self.value(change.after, change.unit),
        change.difference.map { NumberFormatting.readable($0, significant: 4) } ?? "–",
        Self.half(change), Self.verdict(change),
      ])
    }
    lines +=
      rows.isEmpty ? ["  (none)"] : table.render(width: width - 2, keyColumns: 2).map { "  " + $0 }
    lines.append("")
    lines += RecommendationReport.wrap(Self.method, width: width, indent: "")
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: - Markdown

  /// A Markdown document with both tables (every metric).
  public func markdown() -> String {
    var lines = [
      "# capsim runs diff", "", "- A: \(before)", "- B: \(after)", "", "## Scenario", "",
    ]
    if diff.keyChanges.isEmpty {
      lines.append("No key differs (overrides included).")
    } else {
      lines += ["| key | A | B |", "|---|---|---|"]
      for change in diff.keyChanges {
        lines.append(
          "| `\(change.path)`\(change.simulated ? " (simulated)" : "") | \(change.before ?? "(absent)") | "
            + "\(change.after ?? "(absent)") |")
      }
    }
    lines += [
      "", "## Metrics", "", "| option | metric | A | B | B − A | ± 95% | changed |",
      "|---|---|---:|---:|---:|---:|---|",
    ]
    for change in diff.metrics {
      lines.append(
        "| \(change.option) | \(change.key) | \(Self.value(change.before, change.unit)) | "
          + "\(Self.value(change.after, change.unit)) | "
          + "\(change.difference.map { NumberFormatting.readable($0, significant: 4) } ?? "–") | "
          + "\(Self.half(change)) | "
          + "\(Self.verdict(change)) |")
    }
    lines += ["", Self.method]
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: - CSV

  /// Long CSV: one row per changed key (`section` = `scenario`, or `simulated` for a node count a sized
  /// option was simulated with) and per metric (`section` = `metric`).
  public func csv() -> String {
    var rows = [
      [
        "section", "option", "key", "before", "after", "difference", "combined_half_width",
        "exceeds_uncertainty",
      ]
    ]
    for change in diff.keyChanges {
      rows.append([
        change.simulated ? "simulated" : "scenario", "", change.path, change.before ?? "",
        change.after ?? "", "", "", "",
      ])
    }
    for change in diff.metrics {
      rows.append([
        "metric", change.option, change.key, NumberFormatting.exact(change.before?.value),
        NumberFormatting.exact(change.after?.value), NumberFormatting.exact(change.difference),
        NumberFormatting.exact(change.combinedHalfWidth),
        change.exceedsUncertainty.map { $0 ? "true" : "false" } ?? "",
      ])
    }
    return rows.map { $0.map(CSVReport.escape).joined(separator: ",") }.joined(separator: "\n")
      + "\n"
  }

  // MARK: - JSON

  /// JSON through ``ReportJSONEncoder`` (sorted snake_case keys, explicit nulls, `schema_version`):
  /// `before`, `after`, `key_changes`, `metrics`.
  public func json(capsimVersion: String) throws -> String {
    struct Document: Encodable {
      var before: String
      var after: String
      var keyChanges: [RunDiff.KeyChange]
      var metrics: [RunDiff.MetricChange]
    }
    return try ReportJSONEncoder.render(
      Document(before: before, after: after, keyChanges: diff.keyChanges, metrics: diff.metrics),
      capsimVersion: capsimVersion)
  }
}
