import CapsimScenarioLoader
import Foundation
import Testing

/// docs/scenarios.md's "Valid ranges" table is the loader's ``ScenarioLimits/table``, row for row, so the
/// documentation cannot drift from what the binary enforces.
@Suite struct ScenarioLimitsDocumentationTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The table as the documentation shows it.
  static var expectedSection: String {
    var lines = ["| key | valid | why |", "|---|---|---|"]
    for key in ScenarioLimits.table.keys.sorted() {
      guard let limit = ScenarioLimits.table[key] else { continue }
      lines.append("| `\(key)` | \(limit.rule) | \(limit.reason) |")
    }
    return lines.joined(separator: "\n")
  }

  /// Set `CAPSIM_WRITE_LIMITS_TABLE=PATH` to write the expected table to PATH, for pasting into the doc.
  @Test func documentedRangesAreTheEnforcedOnes() throws {
    if let path = ProcessInfo.processInfo.environment["CAPSIM_WRITE_LIMITS_TABLE"] {
      try Self.expectedSection.write(toFile: path, atomically: true, encoding: .utf8)
    }
    let text = try String(
      contentsOf: Self.root.appendingPathComponent("docs/scenarios.md"), encoding: .utf8)
    #expect(
      text.contains(Self.expectedSection),
      "docs/scenarios.md should hold the table under 'Valid ranges' (CAPSIM_WRITE_LIMITS_TABLE writes it)"
    )
  }

  /// The limits on lists and names, stated under the table, are the enforced ones.
  @Test func documentedListLimitsAreTheEnforcedOnes() throws {
    let text = try String(
      contentsOf: Self.root.appendingPathComponent("docs/scenarios.md"), encoding: .utf8
    )
    .replacingOccurrences(of: "\n", with: " ")
    let options = ScenarioLimits.maximumOptions.formatted(.number.grouping(.automatic))
    #expect(text.contains("`options` lists at most \(options) options"))
    #expect(
      text.contains(
        "an option's `name` is at most \(ScenarioLimits.maximumOptionNameLength) characters"))
  }

  @Test(arguments: [
    ("trials", 0.0, false), ("trials", 1, true), ("trials", 10_000_000, true),
    ("trials", 10_000_001, false), ("trials", 2.5, false),
    ("workload.jobs_per_month", 0.1, true), ("workload.jobs_per_month", 0.099, false),
    ("workload.steps_per_job", 0, false), ("workload.steps_per_job", 1e-9, true),
    ("workload.growth.rate_per_month", -1, false), ("workload.growth.rate_per_month", -0.99, true),
    ("options.interruptions.rerun_probability", 0.99, true),
    ("options.interruptions.rerun_probability", 0.991, false),
    ("distribution.lognormal.mu", 20, true), ("distribution.lognormal.mu", 700, false),
    ("workload.jobs_per_month", .nan, false), ("workload.jobs_per_month", .infinity, false),
  ])
  func limitsIncludeTheirEndsAsStated(key: String, value: Double, allowed: Bool) throws {
    let limit = try #require(ScenarioLimits.limit(for: key))
    #expect(limit.contains(value) == allowed, "\(key) = \(value)")
  }

  @Test func keyPathsLoseTheirListIndices() {
    #expect(
      ScenarioLimits.normalise("options[12].interruptions.restart_hours")
        == "options.interruptions.restart_hours")
    #expect(ScenarioLimits.normalise("workload.monthly_jobs[3]") == "workload.monthly_jobs")
  }
}
