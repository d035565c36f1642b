import Foundation
import Testing
import _CapsimTestSupport

/// The sweep and sensitivity workbooks as a spreadsheet user sees them: opened in headless LibreOffice,
/// the decision table read back as numbers equal to the JSON's, the seed whole as text, and the native
/// chart present after conversion to OpenDocument.
@Suite(
  "What-if workbooks in LibreOffice",
  .enabled(
    if: ExternalTools.libreOffice != nil,
    "LibreOffice is not installed (apt-get install libreoffice-calc-nogui; CI installs it)"))
struct WhatIfWorkbookTests {
  static let seed = "18446744073709551615"

  /// Each report: its command line, its table sheet, the JSON path to the numbers of its first data
  /// column after the inputs, that column, and the class of its native chart.
  static let reports: [([String], String, Int, String)] = [
    (["sweep", "--vary", "workload.jobs_per_month=70:110:20"], "Sweep", 1, "line"),
    (
      [
        "sweep", "--vary", "workload.jobs_per_month=70:110:20", "--vary",
        "options.bare-metal.migration.engineer_weeks=0,8",
      ], "Sweep", 2, "line"
    ),
    (
      [
        "sensitivity", "--vary", "workload.jobs_per_month=80,100", "--vary",
        "options.bare-metal.migration.engineer_weeks=0,8",
      ], "Tornado", 2, "bar"
    ),
  ]

  /// The numbers of the JSON that the table's `column` holds: each point's first option's total cost
  /// (sweep), or each bar's metric at its low end (sensitivity).
  static func expected(_ object: [String: Any]) throws -> [Double] {
    if let points = object["points"] as? [[String: Any]] {
      return try points.map { point in
        let options = try #require(point["options"] as? [[String: Any]])
        let cost = try #require(options.first?["total_cost"] as? [String: Any])
        return try #require(cost["value"] as? Double)
      }
    }
    let bars = try #require(object["bars"] as? [[String: Any]])
    return try bars.map { bar in
      let low = try #require(bar["low"] as? [String: Any])
      let metric = try #require(low["metric"] as? [String: Any])
      return try #require(metric["value"] as? Double)
    }
  }

  @Test(arguments: reports)
  func workbookReadsBackWithItsChart(
    command: [String], sheetName: String, column: Int, chart: String
  )
    throws
  {
    let directory = try Fixtures.temporaryDirectory()
    let arguments =
      [command[0], "scenarios/borderline-growing-team.yaml"] + command.dropFirst() + [
        "--db", directory.appendingPathComponent("capsim.sqlite").path, "--trials", "40", "--seed",
        Self.seed,
      ]
    let workbook = directory.appendingPathComponent("\(command[0]).xlsx")
    let written = try CapsimExecutable.run(arguments + ["--format", "xlsx", "-o", workbook.path])
    #expect(written.exitCode == 0, "\(written.standardError)")
    let json = try CapsimExecutable.run(arguments + ["--format", "json"])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
    let expected = try Self.expected(object)

    let files = try ExternalTools.convert(workbook, to: ExternalTools.csvAllSheets, in: directory)
    func sheet(_ name: String) throws -> [[String]] {
      let file = try #require(files.first { $0.lastPathComponent.hasSuffix("-\(name).csv") })
      return try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map {
        CSVFields.split(String($0))
      }
    }
    let table = try sheet(sheetName)
    #expect(table.count > expected.count)
    for (index, value) in expected.enumerated() {
      let cell = table[index + 1][column]
      let number = try #require(Double(cell), "'\(cell)' is a number")
      #expect(
        Swift.abs(number - value) <= 1e-9 * Swift.max(1, Swift.abs(value)), "row \(index + 1)")
    }
    let scenario = try sheet("Scenario")
    #expect(
      scenario.contains { $0.count > 1 && $0[0] == "Seed" && $0[1] == Self.seed }, "\(scenario)")

    let ods = try #require(
      try ExternalTools.convert(workbook, to: "ods", in: directory).first {
        $0.lastPathComponent == "\(command[0]).ods"
      })
    let list = try ExternalTools.zipPart(ods, "Object*/content.xml")
    #expect(list.contains("<chart:chart "), "a native chart")
    #expect(list.contains("chart:class=\"chart:\(chart)\""), "a \(chart) chart")
  }
}
