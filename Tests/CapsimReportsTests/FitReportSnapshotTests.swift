import CapsimReports
import Foundation
import Testing

/// The small deterministic data set of the fit-report tests: 40 step times (seconds).
///
/// python3 -c "import numpy as np; x = np.round(np.random.default_rng(7).lognormal(0.0, 0.3, 40), 3);
///   print(', '.join(f'{v:.3f}' for v in x))"
let fitReportValues: [Double] = [
  1.000, 1.094, 0.921, 0.766, 0.872, 0.743, 1.018, 1.495, 0.863, 0.830, 1.158, 1.113, 1.032, 0.756,
  0.991, 1.232, 0.668, 0.872, 0.565, 0.679, 0.575, 0.932, 0.684, 1.085, 1.048, 0.945, 0.470, 0.851,
  0.986, 1.035, 0.632, 0.866, 0.746, 0.785, 1.375, 0.785, 0.990, 1.304, 0.839, 0.967,
]

/// The report of ``fitReportValues`` with every family, 12 bins, and `saved` as the saved fit.
func fitReport(
  values: [Double] = fitReportValues, binCount: Int = 12, saved: DistributionFamily? = nil
) throws -> FitReport {
  let ranking = try DistributionFitting.rankedFits(to: values)
  return FitReport(
    sampleSetName: "example-steps", values: values, summary: try SampleSummary(values),
    ranking: ranking, binCount: binCount,
    savedFit: try saved.map { try DistributionFitting.fit($0, to: values) })
}

/// Compares `text` with `Snapshots/<name>` byte for byte. With `CAPSIM_RECORD_SNAPSHOTS=1` it
/// writes the file instead and records an issue, so a recording run never passes silently.
func expectSnapshot(
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

@Suite("Fit report snapshots")
struct FitReportSnapshotTests {
  @Test func terminalTable() throws {
    let text = try fitReport(saved: .lognormal).table()
    try expectSnapshot(text, named: "fit-report.txt")
    for line in text.split(separator: "\n") {
      #expect(line.count <= 100, "line of \(line.count) columns: \(line)")
    }
  }

  @Test func json() throws {
    try expectSnapshot(
      try fitReport(saved: .lognormal).json(capsimVersion: "0.0.0-test"), named: "fit-report.json")
  }

  @Test func csv() throws {
    try expectSnapshot(try fitReport().csv(), named: "fit-report.csv")
  }

  /// A value of 0 rules out the positive families: only the normal is fitted.
  @Test func tableWithSkippedFamilies() throws {
    var values = fitReportValues
    values[3] = 0
    try expectSnapshot(
      try fitReport(values: values, binCount: 8).table(), named: "fit-report-skipped.txt")
  }
}
