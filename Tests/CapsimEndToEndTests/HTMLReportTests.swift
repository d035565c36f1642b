import Foundation
import Testing
import _CapsimTestSupport

/// The HTML report as a reader sees it: rendered by headless Chromium offline, with a screenshot, the
/// answer in the laid-out page, and no console errors.
@Suite(
  "HTML report in Chromium",
  .enabled(
    if: ExternalTools.chromium != nil,
    "Chromium is not installed (apt-get install chromium; CI installs it)"))
struct HTMLReportTests {
  /// Each page: its command line, the sentence it must lead with, its least number of charts.
  static let pages: [([String], String, Int)] = [
    (
      ["run", "scenarios/hybrid-overflow.yaml", "--trials", "60", "--no-save"], "Cheapest: hybrid",
      5
    ),
    (
      ["recommend", "scenarios/borderline-growing-team.yaml", "--trials", "60"],
      "Do not change yet", 3
    ),
    (
      ["break-even", "scenarios/borderline-growing-team.yaml", "--trials", "30"],
      "Equal expected cost at", 1
    ),
    (
      [
        "sweep", "scenarios/borderline-growing-team.yaml", "--trials", "60", "--vary",
        "workload.jobs_per_month=70:110:20",
      ],
      "between jobs_per_month = 70 and 90", 2
    ),
    (
      [
        "sweep", "scenarios/borderline-growing-team.yaml", "--trials", "30", "--vary",
        "workload.jobs_per_month=70:110:20", "--vary",
        "options.bare-metal.migration.engineer_weeks=0,8",
      ],
      "At migration.engineer_weeks = 0:", 4
    ),
    (
      [
        "sensitivity", "scenarios/borderline-growing-team.yaml", "--trials", "60", "--vary",
        "workload.jobs_per_month=80,100", "--vary",
        "options.bare-metal.migration.engineer_weeks=0,8",
      ],
      "moves the saving of neocloud-on-demand over bare-metal", 1
    ),
  ]

  @Test(arguments: pages)
  func pageRendersWithTheAnswerAndNoErrors(arguments: [String], answer: String, charts: Int) throws
  {
    let directory = try Fixtures.temporaryDirectory()
    let page = directory.appendingPathComponent("\(arguments[0]).html")
    let written = try CapsimExecutable.run(
      arguments + [
        "--db", directory.appendingPathComponent("capsim.sqlite").path, "--format", "html", "-o",
        page.path,
      ])
    #expect(written.exitCode == 0, "\(written.standardError)")
    let html = try String(contentsOf: page, encoding: .utf8)
    // Self-contained: no script, no external resource.
    #expect(!html.contains("<script"))
    #expect(!html.contains("src=\"http") && !html.contains("href=\"http"))
    #expect(html.components(separatedBy: "<svg ").count - 1 >= charts, "\(charts) charts or more")

    let chromium = try #require(ExternalTools.chromium)
    let common = [
      "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(directory.path)/chromium",
    ]
    let screenshot = directory.appendingPathComponent("\(arguments[0]).png")
    let shot = try ExternalTools.run(
      chromium,
      common + [
        "--enable-logging=stderr", "--v=0", "--screenshot=\(screenshot.path)",
        "--window-size=1280,2400", page.absoluteString,
      ])
    #expect(shot.status == 0, "\(shot.error)")
    let size = try FileManager.default.attributesOfItem(atPath: screenshot.path)[.size] as? Int
    #expect((size ?? 0) > 10_000, "a screenshot with content")
    let consoleErrors = shot.error.split(separator: "\n").filter {
      $0.contains("CONSOLE") && ($0.contains("ERROR") || $0.contains("Uncaught"))
    }
    #expect(consoleErrors.isEmpty, "\(consoleErrors)")

    let dom = try ExternalTools.run(chromium, common + ["--dump-dom", page.absoluteString])
    #expect(dom.output.contains(answer), "the answer leads the page")
    #expect(dom.output.contains("<title id="), "charts carry their text alternative")
  }
}
