import CapsimCore
import Foundation
import Testing

@testable import CapsimReports

/// Reports of a run with a very long option name or thousands of options: the results of the linear
/// rewrites of steps that were quadratic (a 200,000-character option name took 50 s to diff, 10,000
/// options a minute to report). Their speed is not asserted here: performance is measured with
/// benchmarks, never with timed tests.
@Suite("Reports of large runs")
struct LargeReportTests {
  /// A 1,000,000-character word wraps into pieces of the column's width, in order.
  @Test func aVeryLongWordWrapsIntoWholePieces() {
    let word = String(repeating: "abcdefghij", count: 100_000)
    let lines = TextTable.wrap(word, width: 31)
    #expect(lines.count == (1_000_000 + 30) / 31)
    #expect(lines.dropLast().allSatisfy { $0.count == 31 })
    #expect(lines.joined() == word)
  }

  /// Breaks and spaces are kept as before: at spaces, after the last `-` that fits, else at the width.
  @Test func wrappingBreaksWhereItDid() {
    #expect(TextTable.wrap("alpha beta gamma", width: 10) == ["alpha beta", "gamma"])
    #expect(TextTable.wrap("aaaa-bbbbbbbb-cc", width: 10) == ["aaaa-", "bbbbbbbb-", "cc"])
    #expect(TextTable.wrap("abcdefghijklmno", width: 4) == ["abcd", "efgh", "ijkl", "mno"])
    #expect(TextTable.wrap("a  b", width: 2) == ["a ", "b"])
  }

  /// P(cheapest) of 1,500 options over 100 trials, each trial's lowest total found once.
  @Test func cheapestSharesOfManyOptions() throws {
    let trials = 100
    let options = (0..<1_500).map { index -> OptionOutcome in
      var option = OptionOutcome(
        name: "o\(index)", platform: "p", platformKind: .shared, price: "q",
        pricingModel: .onDemand, pricePerGPUHour: 1, nodes: nil,
        metrics: [
          MetricEstimate(
            key: "total_cost", label: "Total cost", unit: "USD",
            estimate: Estimate(value: Double(index + 1)))
        ], notes: [])
      // Option 1 is the cheapest in even trials, option 0 in odd ones.
      option.totalCostByTrial = (0..<trials).map { trial in
        index <= 1 ? Double(index == trial % 2 ? 1 : 2) : Double(index + 1)
      }
      return option
    }
    let outcome = SimulationOutcome(
      scenario: "s", trials: trials, seed: 1, horizonMonths: 12, confidenceLevel: 0.95,
      currency: "USD", options: options)
    let shares = try #require(RunHeadline(outcome)).optionProbabilities.map(\.value)
    #expect(shares.prefix(2) == [0.5, 0.5])
    #expect(shares.dropFirst(2).allSatisfy { $0 == 0 })
  }
}
