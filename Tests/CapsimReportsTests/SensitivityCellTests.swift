import CapsimCore
import Testing

@testable import CapsimReports

/// The metric at each end of a sensitivity bar is a Monte Carlo estimate and is shown with its interval.
@Suite("Sensitivity cells")
struct SensitivityCellTests {
  /// The snapshot tornado's ends have SE 700: 95% half-width 1.96 × 700 = 1,372 (by hand); the base has
  /// SE 772.5: 1.96 × 772.5 = 1,514.1 → 1,514.
  @Test func endsShowTheirHalfWidthInTableAndMarkdown() {
    let result = WhatIfReportSnapshotTests.tornado()
    let table = SensitivityReport.table(result)
    let markdown = SensitivityReport.markdown(result)
    for text in [table, markdown] {
      #expect(text.contains("74,850 ± 1,372"))
      #expect(text.contains("−49,107 ± 1,372"))
      #expect(text.contains("12,858 ± 1,514"))
    }
  }
}
