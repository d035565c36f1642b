import Foundation
import Testing
import _CapsimTestSupport

/// Golden snapshots of every text format of every command, whole output, on fixed seeds and small
/// trial counts. Re-record with `CAPSIM_RECORD_SNAPSHOTS=1 swift test --filter CommandSnapshotTests`
/// (a recording run records an issue, so it never passes silently).
@Suite("Command output snapshots")
struct CommandSnapshotTests {
  /// One command line and the snapshot file it must reproduce.
  struct Case: CustomStringConvertible, Sendable {
    var snapshot: String
    var arguments: [String]
    var description: String { snapshot }
  }

  static let run = ["run", "scenarios/production-training.yaml", "--trials", "100", "--no-save"]
  static let recommend = ["recommend", "scenarios/borderline-growing-team.yaml", "--trials", "100"]
  static let breakEven = ["break-even", "scenarios/borderline-growing-team.yaml", "--trials", "50"]
  static let fit = ["fit", "h100-queue-wait-shared"]
  static let sweep = [
    "sweep", "scenarios/early-experimentation.yaml", "--trials", "40", "--vary",
    "workload.jobs_per_month=80,120",
  ]
  static let sensitivity = [
    "sensitivity", "scenarios/early-experimentation.yaml", "--trials", "40", "--vary",
    "workload.jobs_per_month=80,120",
  ]

  static let cases: [Case] = [
    Case(snapshot: "run.txt", arguments: run),
    Case(snapshot: "run-full.txt", arguments: run + ["--detail", "full"]),
    Case(snapshot: "run.md", arguments: run + ["--format", "md"]),
    Case(snapshot: "run.json", arguments: run + ["--format", "json"]),
    Case(snapshot: "run.csv", arguments: run + ["--format", "csv"]),
    Case(snapshot: "run-wide.csv", arguments: run + ["--format", "csv", "--layout", "wide"]),
    Case(snapshot: "run-monthly.csv", arguments: run + ["--format", "monthly-csv"]),
    Case(snapshot: "run.html", arguments: run + ["--format", "html"]),
    Case(snapshot: "recommend.txt", arguments: recommend),
    Case(snapshot: "recommend.md", arguments: recommend + ["--format", "md"]),
    Case(snapshot: "recommend.json", arguments: recommend + ["--format", "json"]),
    Case(snapshot: "recommend.csv", arguments: recommend + ["--format", "csv"]),
    Case(snapshot: "recommend.html", arguments: recommend + ["--format", "html"]),
    Case(
      snapshot: "recommend-uncertain.csv",
      arguments: [
        "recommend", "scenarios/uncertain-volume.yaml", "--trials", "30", "--format", "csv",
      ]),
    Case(snapshot: "break-even.txt", arguments: breakEven),
    Case(snapshot: "break-even.json", arguments: breakEven + ["--format", "json"]),
    Case(snapshot: "break-even.csv", arguments: breakEven + ["--format", "csv"]),
    Case(snapshot: "break-even.html", arguments: breakEven + ["--format", "html"]),
    Case(snapshot: "fit.txt", arguments: fit),
    Case(snapshot: "fit.json", arguments: fit + ["--format", "json"]),
    Case(snapshot: "fit.csv", arguments: fit + ["--format", "csv"]),
    Case(snapshot: "sweep.txt", arguments: sweep),
    Case(snapshot: "sweep.md", arguments: sweep + ["--format", "md"]),
    Case(snapshot: "sweep.json", arguments: sweep + ["--format", "json"]),
    Case(snapshot: "sweep.csv", arguments: sweep + ["--format", "csv"]),
    Case(snapshot: "sensitivity.txt", arguments: sensitivity),
    Case(snapshot: "sensitivity.md", arguments: sensitivity + ["--format", "md"]),
    Case(snapshot: "sensitivity.json", arguments: sensitivity + ["--format", "json"]),
    Case(snapshot: "sensitivity.csv", arguments: sensitivity + ["--format", "csv"]),
    Case(snapshot: "init.yaml", arguments: ["init"]),
    Case(snapshot: "data-show-set.txt", arguments: ["data", "show", "h100-8gpu-step-time-shared"]),
    Case(
      snapshot: "data-show-price.txt", arguments: ["data", "show", "baremetal-h100-8x-commit-12m"]),
    Case(snapshot: "data-show-platform.txt", arguments: ["data", "show", "cloud-h100-shared"]),
    Case(snapshot: "data-list.txt", arguments: ["data", "list"]),
    Case(snapshot: "data-list.csv", arguments: ["data", "list", "--format", "csv"]),
    Case(snapshot: "runs-list.txt", arguments: ["runs", "list"]),
    Case(snapshot: "runs-list.json", arguments: ["runs", "list", "--format", "json"]),
    Case(snapshot: "runs-list.csv", arguments: ["runs", "list", "--format", "csv"]),
  ]

  @Test(arguments: cases)
  func outputMatchesItsSnapshot(_ command: Case) throws {
    let database = try Fixtures.temporaryDirectory().appendingPathComponent("capsim.sqlite").path
    // Price ages and stale-price notes depend on the run date: pin it, so the snapshots do not age.
    let result = try CapsimExecutable.run(
      command.arguments + ["--db", database], environment: ["CAPSIM_RUN_DATE": "2026-12-01"])
    #expect(result.exitCode == 0, "\(command.arguments): \(result.standardError)")
    try expectCommandSnapshot(result.standardOutput, named: command.snapshot)
    if command.snapshot.hasSuffix(".json") {
      // One key style everywhere: every key is snake_case.
      let keys = result.standardOutput.split(separator: "\n").compactMap { line -> String? in
        let trimmed = line.drop { $0 == " " }
        guard trimmed.hasPrefix("\""), let end = trimmed.range(of: "\" : ") else { return nil }
        return String(trimmed[trimmed.index(after: trimmed.startIndex)..<end.lowerBound])
      }
      #expect(!keys.isEmpty)
      for key in keys where key.contains(where: \.isUppercase) {
        Issue.record("\(command.snapshot): key '\(key)' is not snake_case")
      }
    }
  }

  /// A format a command does not offer is refused before anything runs, naming the offered ones.
  @Test func recommendDoesNotOfferMonthlyCSV() throws {
    let result = try CapsimExecutable.run(Self.recommend + ["--format", "monthly-csv"])
    #expect(result.exitCode == 64)
    #expect(
      result.standardError.contains("use one of table, md, json, csv"), "\(result.standardError)")
    #expect(result.standardOutput.isEmpty)
  }
}

/// Compares `text` with `Snapshots/<name>` byte for byte; with `CAPSIM_RECORD_SNAPSHOTS=1` writes it
/// instead and records an issue.
func expectCommandSnapshot(
  _ text: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws {
  let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Snapshots").appendingPathComponent(name)
  if ProcessInfo.processInfo.environment["CAPSIM_RECORD_SNAPSHOTS"] == "1" {
    try text.write(to: url, atomically: true, encoding: .utf8)
    Issue.record(
      "recorded \(name); run again without CAPSIM_RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
    return
  }
  guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
    Issue.record(
      "no snapshot \(name); record it with CAPSIM_RECORD_SNAPSHOTS=1",
      sourceLocation: sourceLocation)
    return
  }
  #expect(text == expected, "\(name) differs from its snapshot", sourceLocation: sourceLocation)
}
