import CapsimCore
import Testing

@Suite("Queueing: Poisson arrival times")
struct QueueingPoissonArrivalsTests {
  /// The k-th of n sorted uniforms on [t₀, t₀ + L] is t₀ + L·Beta(k, n + 1 − k): mean k/(n + 1),
  /// variance k(n + 1 − k)/((n + 1)²(n + 2)) (David & Nagaraja, *Order Statistics*, 3rd ed., §2.2).
  @Test(arguments: [5, 6, 7] as [UInt64])
  func orderStatisticsHaveBetaMeans(seed: UInt64) throws {
    var generator = Xoshiro256StarStar(seed: seed, stream: 0)
    let n = 9
    let repetitions = 20_000
    let start = 730.0
    let length = 730.0
    var sums = [Double](repeating: 0, count: n)
    var times: [Double] = []
    for _ in 0..<repetitions {
      times.removeAll(keepingCapacity: true)
      try PoissonArrivals.append(
        count: n, start: start, length: length, to: &times, using: &generator)
      #expect(times.count == n)
      for k in 0..<n { sums[k] += (times[k] - start) / length }
    }
    for k in 1...n {
      let mean = Double(k) / Double(n + 1)
      let variance = Double(k * (n + 1 - k)) / (Double((n + 1) * (n + 1)) * Double(n + 2))
      let se = (variance / Double(repetitions)).squareRoot()
      let observed = sums[k - 1] / Double(repetitions)
      #expect(
        abs(observed - mean) < 4 * se,
        "seed \(seed): order statistic \(k) mean \(observed), expected \(mean)")
    }
  }

  @Test func sortedInRangeAppendedAndDeterministic() throws {
    for seed in [1, 2, 3] as [UInt64] {
      var first = Xoshiro256StarStar(seed: seed, stream: 4)
      var second = first
      var times: [Double] = [5]
      try PoissonArrivals.append(count: 300, start: 10, length: 20, to: &times, using: &first)
      #expect(times.count == 301, "seed \(seed)")
      #expect(times.first == 5, "seed \(seed): existing elements kept")
      #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 }, "seed \(seed): not sorted")
      #expect(times.dropFirst().allSatisfy { $0 >= 10 && $0 <= 30 }, "seed \(seed): out of range")
      // Exactly count + 1 exponentials drawn.
      for _ in 0..<301 { _ = second.nextStandardExponential() }
      #expect(first == second, "seed \(seed): draws consumed")
      var again = Xoshiro256StarStar(seed: seed, stream: 4)
      var repeated: [Double] = [5]
      try PoissonArrivals.append(count: 300, start: 10, length: 20, to: &repeated, using: &again)
      #expect(repeated == times, "seed \(seed): not deterministic")
    }
  }

  @Test func zeroCountDrawsNothingAndBadInputThrows() throws {
    var generator = Xoshiro256StarStar(seed: 1, stream: 0)
    let before = generator
    var times: [Double] = []
    try PoissonArrivals.append(count: 0, start: 0, length: 1, to: &times, using: &generator)
    #expect(times.isEmpty)
    #expect(generator == before)
    #expect(throws: QueueingError.self) {
      try PoissonArrivals.append(count: -1, start: 0, length: 1, to: &times, using: &generator)
    }
    #expect(throws: QueueingError.self) {
      try PoissonArrivals.append(count: 1, start: .nan, length: 1, to: &times, using: &generator)
    }
    #expect(throws: QueueingError.self) {
      try PoissonArrivals.append(count: 1, start: 0, length: 0, to: &times, using: &generator)
    }
  }
}
