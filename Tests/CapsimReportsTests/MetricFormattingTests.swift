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
  /// "100.00% [100.00%–100.00%]"; ± the wider side (0.00086) would claim up to 100.00024%. The end at
  /// 100% is written short instead, and the bracket fits at four decimals.
  @Test func aNarrowCellNeverRoundsAShareToAFalseHundredPercent() {
    let metric = Self.share(0.999_993_8, 0.999_985_2, 1)
    #expect(
      MetricFormatting.cell(metric, maximumLength: .max) == "99.99938% [99.99852%–100.00000%]")
    #expect(MetricFormatting.cell(metric, maximumLength: 24) == "99.9994% [99.9985%–100%]")
  }

  /// The QA case: utilisation 99.99574% of a saturated cluster, SE 0.0043 points, its normal interval
  /// clipped at 100%: never "99.9957% ± 0.0084%" (up to 100.0041%). In the terminal's 23 columns:
  /// two digits of the narrower side (0.0043 points) need 4 decimals, 29 characters; 3 decimals with the
  /// end at 100% written short fit.
  @Test func aShareClippedAtOneIsShownAsItsBracket() {
    let metric = Self.share(0.999_957_4, 0.999_873_6, 1)
    let cell = MetricFormatting.cell(metric, maximumLength: 23)
    #expect(cell == "99.996% [99.987%–100%]")
    #expect(!cell.contains("±"))
  }

  /// 0 of 300 trials: the Wilson upper end is z²/(n + z²) = 3.8415/303.8415 = 1.264% (by hand), the
  /// lower end is 0 = p̂. Shown as a bracket to two significant digits of the upper side's width, not as
  /// "0.00% ± 1.26%" (which would claim −1.26%); all of 300 trials likewise, n/(n + z²) = 98.736%.
  @Test func aWilsonIntervalAtZeroOrOneIsABracket() throws {
    let none = Estimate.proportion(0, trials: 300)
    #expect(Swift.abs(try #require(none.upper) - 3.841_459 / 303.841_459) < 1e-6)
    let share = { (estimate: Estimate) in
      MetricEstimate(key: "share", label: "", unit: "share", estimate: estimate)
    }
    #expect(MetricFormatting.cell(share(none)) == "0.0% [0.0%–1.3%]")
    #expect(
      MetricFormatting.cell(share(.proportion(1, trials: 300))) == "100.0% [98.7%–100.0%]")
  }

  /// Idle capacity of a saturated cluster: mean 23.88, normal interval [−23.11, 70.86] clipped at 0 (a
  /// cost is never negative): "24 [0–71]", never "24 ± 47".
  @Test func aCostClippedAtZeroIsShownAsItsBracket() {
    let metric = MetricEstimate(
      key: "idle_capacity_cost", label: "Idle capacity", unit: "USD",
      estimate: Estimate(value: 23.88, standardError: 24.0, lower: -23.11, upper: 70.86)
        .clippedToNonNegative())
    #expect(metric.estimate.lower == 0)
    #expect(metric.estimate.upper == 70.86)
    #expect(MetricFormatting.cell(metric, maximumLength: 23) == "24 [0–71]")
  }

  /// A bracket that stays distinct at fewer decimals keeps its form.
  @Test func aBracketThatStaysDistinctKeepsItsForm() {
    let metric = MetricEstimate(
      key: "job_hours_p50", label: "Job time, p50", unit: "h",
      estimate: Estimate(value: 21.0391, standardError: nil, lower: 21.0312, upper: 21.0469))
    #expect(MetricFormatting.cell(metric, maximumLength: .max) == "21.0391 [21.0312–21.0469]")
    #expect(MetricFormatting.cell(metric, maximumLength: 22) == "21.039 [21.031–21.047]")
  }

  /// The QA case: the table showed job time p50 as "20.773 [20.766–20.781]" and Markdown as
  /// "20.7734 [20.7656–20.7813]". Two digits of the narrower side (0.0078) need 4 decimals, 25 characters,
  /// more than the 23 of a cell; at 3 decimals the bracket is 22 characters. Both reports now agree.
  @Test func tableAndMarkdownRoundAlike() {
    let metric = MetricEstimate(
      key: "job_hours_p50", label: "Job time, p50", unit: "h",
      estimate: Estimate(value: 20.7734, standardError: nil, lower: 20.7656, upper: 20.7813))
    var option = OptionOutcome(
      name: "cloud", platform: "p", platformKind: .shared, price: "q", pricingModel: .onDemand,
      pricePerGPUHour: 1, nodes: nil, metrics: [metric], notes: [])
    option.monthly = []
    let outcome = SimulationOutcome(
      scenario: "s", trials: 10, seed: 1, horizonMonths: 1, confidenceLevel: 0.95, currency: "USD",
      options: [option])
    let table = TerminalReport().render(outcome)
    let markdown = MarkdownReport.render(outcome)
    #expect(table.contains("20.773 [20.766–20.781]"))
    #expect(markdown.contains("| Job time, p50 (h) | 20.773 [20.766–20.781] |"))
    #expect(!markdown.contains("20.7734"))
  }
}
