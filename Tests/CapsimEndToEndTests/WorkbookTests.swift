import Foundation
import Testing
import _CapsimTestSupport

/// The xlsx workbooks as a spreadsheet user sees them: opened in headless LibreOffice, every sheet
/// read back as values, and the native charts found after conversion to OpenDocument.
@Suite(
  "Workbooks in LibreOffice",
  .enabled(
    if: ExternalTools.libreOffice != nil,
    "LibreOffice is not installed (apt-get install libreoffice-calc-nogui; CI installs it)"))
struct WorkbookTests {
  let directory: URL
  var database: String { directory.appendingPathComponent("capsim.sqlite").path }

  init() throws { directory = try Fixtures.temporaryDirectory() }

  /// Reads sheet `name` of the CSV export as rows of fields.
  func sheet(_ name: String, of files: [URL]) throws -> [[String]] {
    let file = try #require(files.first { $0.lastPathComponent.hasSuffix("-\(name).csv") })
    return try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map {
      CSVFields.split(String($0))
    }
  }

  /// The chart classes in an OpenDocument file's embedded chart objects.
  func chartClasses(_ ods: URL) throws -> [String] {
    let list = try ExternalTools.zipPart(ods, "Object*/content.xml")
    // The class of each <chart:chart> element (its series carry a chart:class of their own).
    return list.components(separatedBy: "<chart:chart ").dropFirst().compactMap { element in
      let tag = element.prefix { $0 != ">" }
      guard let range = tag.range(of: "chart:class=\"chart:") else { return nil }
      return String(tag[range.upperBound...].prefix { $0 != "\"" })
    }
  }

  @Test func runWorkbookReadsBackAsNumbersWithCharts() throws {
    let seed = "18446744073709551615"
    let workbook = directory.appendingPathComponent("run.xlsx")
    let arguments = [
      "run", "scenarios/hybrid-overflow.yaml", "--db", database, "--trials", "60", "--seed", seed,
      "--no-save",
    ]
    let written = try CapsimExecutable.run(arguments + ["--format", "xlsx", "-o", workbook.path])
    #expect(written.exitCode == 0, "\(written.standardError)")
    let json = try CapsimExecutable.run(arguments + ["--format", "json"])
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
    let options = try #require(object["options"] as? [[String: Any]])

    let files = try ExternalTools.convert(workbook, to: ExternalTools.csvAllSheets, in: directory)
    // Summary: the total cost of each option is the JSON's number, read back as a number.
    let summary = try sheet("Summary", of: files)
    let header = try #require(summary.first { $0.first == "Metric" })
    let totalRow = try #require(summary.first { $0.count > 1 && $0[1] == "total_cost" })
    for option in options {
      let name = try #require(option["name"] as? String)
      let metrics = try #require(option["metrics"] as? [String: [String: Any]])
      let expected = try #require(metrics["total_cost"]?["value"] as? Double)
      let column = try #require(header.firstIndex(of: name), "\(name) in \(header)")
      let value = try #require(Double(totalRow[column]), "'\(totalRow[column])' is not a number")
      #expect(Swift.abs(value - expected) <= 1e-9 * Swift.abs(expected), "\(name)")
    }
    #expect(summary.contains { $0.first?.hasPrefix("Cheapest:") == true })
    // Scenario: the seed survives whole, as text.
    let scenario = try sheet("Scenario", of: files)
    #expect(scenario.contains { $0.count > 1 && $0[0] == "Seed" && $0[1] == seed }, "\(scenario)")
    // Cost lines: the total formula shows the sum of the lines above it.
    let costs = try sheet("Cost lines", of: files)
    let total = try #require(costs.first { $0.first == "Total" })
    let lines = costs.dropFirst().prefix { $0.first != "Total" }
    let sum = lines.reduce(0.0) { $0 + (Double($1[1]) ?? 0) }
    let shown = try #require(Double(total[1]))
    #expect(Swift.abs(shown - sum) <= 1e-6 * Swift.abs(sum))
    for name in ["Monthly", "Job time", "Prices"] { _ = try sheet(name, of: files) }

    let ods = try #require(
      try ExternalTools.convert(workbook, to: "ods", in: directory).first {
        $0.pathExtension == "ods"
      })
    let classes = try chartClasses(ods)
    // Stacked cost lines, job-time quantiles and the job-time histogram (bar); cumulative cost, the
    // job-time distribution and the sizing curve (scatter).
    #expect(classes.filter { $0 == "bar" }.count == 3, "\(classes)")
    #expect(classes.filter { $0 == "scatter" }.count >= 3, "\(classes)")
  }

  /// The workbooks of recommend, break-even and fit: a number read back from their summary and their
  /// native charts present.
  @Test(
    arguments: [
      (
        ["recommend", "scenarios/borderline-growing-team.yaml", "--trials", "40"], "Trials", 40.0,
        ["bar", "bar", "scatter"]
      ),
      (
        ["break-even", "scenarios/borderline-growing-team.yaml", "--trials", "30"],
        "Trials per simulation", 30.0, ["scatter"]
      ),
      (["fit", "h100-queue-wait-shared"], "Values", nil, ["bar"]),
    ] as [([String], String, Double?, [String])])
  func otherWorkbooks(arguments: [String], field: String, value: Double?, charts: [String]) throws {
    let workbook = directory.appendingPathComponent("\(arguments[0]).xlsx")
    let written = try CapsimExecutable.run(
      arguments + ["--db", database, "--format", "xlsx", "-o", workbook.path])
    #expect(written.exitCode == 0, "\(written.standardError)")
    let files = try ExternalTools.convert(workbook, to: ExternalTools.csvAllSheets, in: directory)
    let summary = try sheet("Summary", of: files)
    let row = try #require(summary.first { $0.first == field }, "\(summary)")
    let number = try #require(Double(row[1]), "'\(row[1])' is a number")
    if let value { #expect(number == value) }
    let ods = try #require(
      try ExternalTools.convert(workbook, to: "ods", in: directory).first {
        $0.lastPathComponent == "\(arguments[0]).ods"
      })
    #expect(try chartClasses(ods).sorted() == charts.sorted())
  }

  /// A CSV seed column read by a spreadsheet keeps all twenty digits in `seed_text`.
  @Test func csvSeedSurvivesASpreadsheet() throws {
    let csv = directory.appendingPathComponent("run.csv")
    let written = try CapsimExecutable.run([
      "run", "scenarios/early-experimentation.yaml", "--db", database, "--trials", "20", "--seed",
      "18446744073709551615", "--no-save", "--format", "csv", "--layout", "wide", "-o", csv.path,
    ])
    #expect(written.exitCode == 0, "\(written.standardError)")
    let out = directory.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    let files = try ExternalTools.convert(csv, to: "ods", in: out)
    let ods = try #require(files.first { $0.pathExtension == "ods" })
    let content = try ExternalTools.zipPart(ods, "content.xml")
    // seed_text arrives as a text cell with all twenty digits (the numeric seed column does not).
    #expect(
      content.contains("18446744073709551615</text:p>"), "the seed's digits are in a text cell")
  }
}

/// Splits one CSV row (RFC 4180 quoting).
enum CSVFields {
  static func split(_ row: String) -> [String] {
    var fields: [String] = []
    var current = ""
    var quoted = false
    var previous: Character?
    for character in row {
      if character == "\"" {
        if quoted && previous == "\"" { current.append("\"") }
        quoted.toggle()
      } else if character == "," && !quoted {
        fields.append(current)
        current = ""
      } else {
        current.append(character)
      }
      previous = character
    }
    fields.append(current)
    return fields
  }
}
