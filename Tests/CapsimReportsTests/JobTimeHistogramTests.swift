import CapsimCore
import Testing

@testable import CapsimReports

/// The workbook's job-time histogram reads shares off the percentile grid by linear interpolation.
@Suite struct JobTimeHistogramTests {
  // A uniform distribution on [10, 20] h has p-quantile 10 + 10p exactly, so F(h) = (h − 10)/10 on the
  // grid's span and every interpolated share is exact.
  let uniform = JobTimeQuantile.shares.map { JobTimeQuantile(share: $0, hours: 10 + 10 * $0) }

  @Test func interpolatesTheCumulativeShareOfAUniformDistribution() {
    for hours in [10.1, 11.0, 12.345, 15.0, 19.9] {
      let share = RunWorkbook.cumulativeShare(at: hours, in: uniform)
      #expect(abs(share - (hours - 10) / 10) < 1e-12, "F(\(hours)) = \(share)")
    }
    // Outside the grid (p1 … p99) the share is clamped to the grid's ends.
    #expect(RunWorkbook.cumulativeShare(at: 5, in: uniform) == 0.01)
    #expect(RunWorkbook.cumulativeShare(at: 25, in: uniform) == 0.99)
    #expect(RunWorkbook.cumulativeShare(at: 3, in: []) == 0)
  }

  @Test func binSharesOfAUniformDistributionAreEqual() {
    // Twenty equal bins between p1 (10.1 h) and p99 (19.9 h) each hold 0.98 / 20 of the jobs.
    let width = (19.9 - 10.1) / 20
    for bin in 0..<20 {
      let from = 10.1 + Double(bin) * width
      let share =
        RunWorkbook.cumulativeShare(at: from + width, in: uniform)
        - RunWorkbook.cumulativeShare(at: from, in: uniform)
      #expect(abs(share - 0.049) < 1e-12, "bin \(bin): \(share)")
    }
  }
}
