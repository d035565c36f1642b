import CapsimCore
import Testing

@testable import CapsimReports

@Suite("Metric cells")
struct MetricFormattingTests {
  static func share(_ value: Double, _ lower: Double, _ upper: Double) -> MetricEstimate {
    MetricEstimate(
      key: "deadline_hit_rate", label: "Deadlines met", unit: "share",
      estimate: Estimate(value: value, standardError: nil, lower: lower, upper: upper))
  }

  /// 99.99938% [99.99852%–100%]: two significant digits of the narrower side (0.00062 points) need five
  /// decimals. In a 24-column cell the bracket fits only at 2 decimals, where it would read
  /// "100.00% [100.00%–100.00%]"; the cell shows ± the wider side (0.00086) instead.
  @Test func aNarrowCellNeverRoundsAShareToAFalseHundredPercent() {
    let metric = Self.share(0.999_993_8, 0.999_985_2, 1)
    #expect(MetricFormatting.cell(metric) == "99.99938% [99.99852%–100.00000%]")
    #expect(MetricFormatting.cell(metric, maximumLength: 24) == "99.99938% ± 0.00086%")
  }

  /// A bracket that stays distinct at fewer decimals keeps its form.
  @Test func aBracketThatStaysDistinctKeepsItsForm() {
    let metric = MetricEstimate(
      key: "job_hours_p50", label: "Job time, p50", unit: "h",
      estimate: Estimate(value: 21.0391, standardError: nil, lower: 21.0312, upper: 21.0469))
    #expect(MetricFormatting.cell(metric) == "21.0391 [21.0312–21.0469]")
    #expect(MetricFormatting.cell(metric, maximumLength: 22) == "21.039 [21.031–21.047]")
  }
}
