import CapsimCore
import Testing

@testable import CapsimReports

@Suite("Sweep table width")
struct SweepTableWidthTests {
  /// The snapshot fixture's table fits 100 columns with its verdict column; at a width it cannot fit, the
  /// verdicts move to a table of their own and the decision table keeps every cost and P(min) cell.
  @Test func verdictsMoveToTheirOwnTableWhenTheColumnWouldNotFit() throws {
    let result = try WhatIfReportSnapshotTests.sweep()
    let wide = SweepReport.table(result, width: 100)
    #expect(!wide.contains("Verdict at each point"))
    let header = try #require(wide.split(separator: "\n").first { $0.hasSuffix("verdict") })
    let narrowWidth = header.count - 1
    let narrow = SweepReport.table(result, width: narrowWidth)
    #expect(narrow.contains("Verdict at each point (what 'capsim recommend' says there)."))
    let decision = narrow.split(separator: "\n").filter { $0.hasSuffix("P(min)") }
    #expect(decision.count == 1, "the decision table ends with its last P(min) column")
    for point in result.points {
      #expect(narrow.contains(SweepReport.shortVerdict(point)))
    }
  }
}
