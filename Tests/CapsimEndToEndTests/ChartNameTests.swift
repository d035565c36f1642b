import Foundation
import Testing
import _CapsimTestSupport

/// Option names starting with `=` stay names in every workbook's charts: libxlsxwriter reads chart text
/// starting with `=` as a formula, which named a series by the reference `shared` (and printed a warning
/// for a name that looked like a sheet reference).
@Suite("Workbook charts of options named =…")
struct ChartNameTests {
  static let scenario = """
    version: 1
    name: equals
    horizon_months: 3
    trials: 40
    seed: 7
    workload: {jobs_per_month: 40, gpus_per_job: 8, steps_per_job: 72000}
    options:
      - name: "=shared"
        samples: h100-8gpu-step-time-shared
        price: lambda-h100-sxm5-8x-on-demand
      - name: "=metal"
        samples: h100-8gpu-step-time-baremetal
        price: baremetal-h100-8x-commit-12m
        nodes: 2
    """

  static let commands: [[String]] = [
    ["run", "--no-save"], ["recommend", "--no-save"], ["break-even"],
    ["sweep", "--vary", "workload.jobs_per_month=30,50"],
    ["sensitivity", "--vary", "workload.jobs_per_month=30,50"],
  ]

  @Test(arguments: commands)
  func chartNamesStayText(command: [String]) throws {
    let directory = try Fixtures.temporaryDirectory()
    let file = directory.appendingPathComponent("equals.yaml")
    try Self.scenario.write(to: file, atomically: true, encoding: .utf8)
    let book = directory.appendingPathComponent("book.xlsx")
    let result = try CapsimExecutable.run(
      [command[0], file.path] + command.dropFirst() + [
        "--db", directory.appendingPathComponent("c.sqlite").path, "--format", "xlsx", "-o",
        book.path,
      ])
    #expect(result.exitCode == 0, "\(result.standardError)")
    #expect(!result.standardError.contains("WARNING"), "\(result.standardError)")
    let charts = try ExternalTools.zipPart(book, "xl/charts/chart*.xml")
    #expect(charts.contains("<c:chart"), "no chart in the \(command[0]) workbook")
    let references = charts.components(separatedBy: "<c:f>").dropFirst().compactMap {
      $0.components(separatedBy: "</c:f>").first
    }
    for reference in references {
      #expect(reference.contains("!$"), "\(command[0]): \(reference)")
      #expect(
        !reference.contains("shared") && !reference.contains("metal"),
        "\(command[0]): \(reference)")
    }
  }

  /// Where a chart names a series by option (run, sweep, break-even), the name is the text `=shared`.
  @Test(arguments: [commands[0], commands[2], commands[3]])
  func seriesAreNamedByTheOptionsText(command: [String]) throws {
    let directory = try Fixtures.temporaryDirectory()
    let file = directory.appendingPathComponent("equals.yaml")
    try Self.scenario.write(to: file, atomically: true, encoding: .utf8)
    let book = directory.appendingPathComponent("book.xlsx")
    _ = try CapsimExecutable.run(
      [command[0], file.path] + command.dropFirst() + [
        "--db", directory.appendingPathComponent("c.sqlite").path, "--format", "xlsx", "-o",
        book.path,
      ])
    let charts = try ExternalTools.zipPart(book, "xl/charts/chart*.xml")
    #expect(charts.contains("<c:v>=shared"), "\(command[0])")
    #expect(charts.contains("<c:v>=metal"), "\(command[0])")
  }
}
