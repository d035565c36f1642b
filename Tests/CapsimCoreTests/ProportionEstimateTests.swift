import CapsimCore
import RealModule
import Testing

/// ``Estimate/proportion(_:trials:)``: the Wilson score interval against scipy.
@Suite("Proportion estimate")
struct ProportionEstimateTests {
  struct Case: Sendable, CustomStringConvertible {
    var wins: Int
    var trials: Int
    var lower: Double
    var upper: Double
    var description: String { "\(wins) of \(trials)" }
  }

  // python3 -c "from scipy.stats import binomtest
  // for k, n in [(0,200),(200,200),(199,200),(1,3),(8,10),(1,1)]:
  //     print(k, n, binomtest(k, n).proportion_ci(method='wilson'))"   (scipy 1.17.1)
  static let cases = [
    Case(wins: 0, trials: 200, lower: 0, upper: 0.018845326377266575),
    Case(wins: 200, trials: 200, lower: 0.9811546736227335, upper: 1),
    Case(wins: 199, trials: 200, lower: 0.972226295602107, upper: 0.999116831284399),
    Case(wins: 1, trials: 3, lower: 0.06149194472039626, upper: 0.7923403991979523),
    Case(wins: 8, trials: 10, lower: 0.4901624715366418, upper: 0.9433178485456248),
    Case(wins: 1, trials: 1, lower: 0.20654931437723745, upper: 1),
  ]

  @Test(arguments: cases) func wilsonIntervalMatchesScipy(_ row: Case) {
    let estimate = Estimate.proportion(Double(row.wins) / Double(row.trials), trials: row.trials)
    let lower = estimate.lower ?? .nan
    let upper = estimate.upper ?? .nan
    #expect(
      row.lower == 0
        ? lower == 0 : lower.isApproximatelyEqual(to: row.lower, relativeTolerance: 1e-12))
    #expect(
      row.upper == 1
        ? upper == 1 : upper.isApproximatelyEqual(to: row.upper, relativeTolerance: 1e-12))
  }

  /// At p̂ = 0 and 1 the binomial standard error is 0 but the interval is not degenerate.
  @Test func edgesKeepAnInterval() throws {
    let none = Estimate.proportion(0, trials: 200)
    #expect(none.standardError == 0)
    #expect(try #require(none.upper) > 0.018)
    let all = Estimate.proportion(1, trials: 200)
    #expect(try #require(all.lower) < 0.982)
  }

  @Test func specialValues() {
    #expect(Estimate.proportion(.nan, trials: 10).value.isNaN)
    #expect(Estimate.proportion(0.5, trials: 0).lower == nil)
    #expect(Estimate.proportion(1, trials: 1).standardError == nil)
    // binomial SE √(0.25·0.75/4) = 0.2165…
    #expect(Estimate.proportion(0.25, trials: 4).standardError == (0.25 * 0.75 / 4).squareRoot())
  }
}
