import CapsimCore
import Testing

@Suite("Queueing: capacity sizing and batch means")
struct QueueingCapacitySizingTests {
  /// Runs `sizing` on a deterministic metric, counting calls per N.
  static func run(
    _ sizing: CapacitySizing, _ metric: (Int) -> Double
  ) -> (result: CapacitySizingResult, calls: [Int: Int]) {
    var calls: [Int: Int] = [:]
    let result = sizing.search { (nodes: Int) -> Estimate in
      calls[nodes, default: 0] += 1
      return Estimate(value: metric(nodes))
    }
    return (result, calls)
  }

  /// The first N in lower…upper that meets the target, by a plain loop.
  static func bruteForce(_ sizing: CapacitySizing, _ metric: (Int) -> Double) -> Int? {
    (sizing.lowerBound...sizing.upperBound).first { sizing.isMet(by: Estimate(value: metric($0))) }
  }

  @Test func decreasingMetricByHand() throws {
    // 100/N ≤ 7 ⇔ N ≥ 14.3: N* = 15. Galloping from 1: 1, 2, 3, 5, 9, 17 (met); binary: 13, 15, 14.
    let sizing = try CapacitySizing(target: .atMost(7), lowerBound: 1, upperBound: 1_000)
    let (result, calls) = Self.run(sizing) { 100 / Double($0) }
    #expect(result.nodeCount == 15)
    #expect(result.curve.map(\.nodes) == [13, 14, 15, 16, 17])
    #expect(result.curve.map(\.meetsTarget) == [false, false, true, true, true])
    #expect(result.curve.map(\.estimate.value) == [13, 14, 15, 16, 17].map { 100 / Double($0) })
    #expect(calls.values.allSatisfy { $0 == 1 }, "each N evaluated once: \(calls)")
    #expect(result.evaluationCount == calls.count)
    #expect(Set(calls.keys) == [1, 2, 3, 5, 9, 17, 13, 15, 14, 16])
  }

  /// Many monotone metrics, bounds and limits: the search equals a brute-force loop and evaluates
  /// O(log) points.
  @Test func monotoneMetricsMatchBruteForce() throws {
    let metrics: [(name: String, rising: Bool, metric: (Int) -> Double)] = [
      ("100/N", false, { 100 / Double($0) }),
      ("1 − e^(−N/10)", true, { 1 - Double.exp(-Double($0) / 10) }),
      ("step at 37", true, { $0 >= 37 ? 1 : 0 }),
      ("(50 − N)²·sign", false, { Double(50 - $0) * Double(abs(50 - $0)) }),
    ]
    for (name, rising, metric) in metrics {
      for lower in [1, 3, 20, 36, 37, 60] {
        for limit in [-10.0, 0, 0.5, 0.9, 0.99, 1, 2, 5, 400] {
          let target: CapacitySizing.Target = rising ? .atLeast(limit) : .atMost(limit)
          let sizing = try CapacitySizing(target: target, lowerBound: lower, upperBound: 200)
          let (result, calls) = Self.run(sizing, metric)
          let expected = Self.bruteForce(sizing, metric)
          let label = "\(name), lower \(lower), limit \(limit)"
          #expect(result.nodeCount == expected, "\(label)")
          #expect(calls.values.allSatisfy { $0 == 1 }, "\(label): repeated evaluation")
          #expect(calls.count <= 2 * 8 + 5, "\(label): \(calls.count) evaluations")
          let centre = expected ?? 200
          let span =
            Swift.max(lower, centre - 2)...Swift.min(200, expected == nil ? 200 : centre + 2)
          #expect(result.curve.map(\.nodes) == Array(span), "\(label)")
        }
      }
    }
  }

  /// Smallest c with Erlang C P(wait) ≤ 0.2 at a = 10 erlangs, starting from the stability bound.
  /// python3 -c "from fractions import Fraction as F; from math import factorial as f;
  ///   C = lambda c, a: (lambda t: t / (sum(F(a)**k / f(k) for k in range(c)) + t))(F(a)**c / f(c) * c / (c - a));
  ///   print(next(c for c in range(11, 99) if C(c, 10) <= F(1, 5)))"   → 14
  @Test func erlangCStaffing() throws {
    let lower = try CapacitySizing.minimumNodeCount(jobsPerHour: 10, meanNodeHoursPerJob: 1)
    #expect(lower == 11)
    let sizing = try CapacitySizing(target: .atMost(0.2), lowerBound: lower, upperBound: 1_000)
    func probabilityOfWaiting(_ servers: Int) -> Double {
      // An unstable queue always waits: P(wait) = 1 (the limit as ρ → 1).
      (try? ErlangC(servers: servers, arrivalRate: 10, serviceRate: 1))?.probabilityOfWaiting ?? 1
    }
    let result = sizing.search { Estimate(value: probabilityOfWaiting($0)) }
    let bruteForce = (1...1_000).first { probabilityOfWaiting($0) <= 0.2 }
    #expect(result.nodeCount == bruteForce)
    #expect(result.nodeCount == 14)
    #expect(result.curve.map(\.nodes) == [12, 13, 14, 15, 16])
    #expect(result.curve.map(\.meetsTarget) == [false, false, true, true, true])
  }

  @Test func edgeCasesOfTheSearch() throws {
    // Met at the lower bound: curve is lower … lower + 2.
    let easy = try CapacitySizing(target: .atMost(1), lowerBound: 4, upperBound: 10)
    let met = Self.run(easy) { _ in 0 }
    #expect(met.result.nodeCount == 4)
    #expect(met.result.curve.map(\.nodes) == [4, 5, 6])
    // Never met: nil and the top of the range.
    let hard = try CapacitySizing(target: .atMost(-1), lowerBound: 4, upperBound: 10)
    let never = Self.run(hard) { _ in 0 }
    #expect(never.result.nodeCount == nil)
    #expect(never.result.curve.map(\.nodes) == [8, 9, 10])
    // A single-point range.
    let single = try CapacitySizing(target: .atMost(1), lowerBound: 7, upperBound: 7)
    #expect(Self.run(single) { _ in 2 }.result.nodeCount == nil)
    // NaN never meets a target.
    #expect(!easy.isMet(by: Estimate(value: .nan)))
    // The pessimistic criterion reads the interval end.
    let wide = Estimate(value: 0.5, standardError: 0.2, lower: 0.1, upper: 0.9)
    let cautious = try CapacitySizing(
      target: .atMost(0.8), lowerBound: 1, upperBound: 2, criterion: .confidenceBound)
    #expect(!cautious.isMet(by: wide))
    #expect(try CapacitySizing(target: .atMost(0.8), lowerBound: 1, upperBound: 2).isMet(by: wide))
    let rising = try CapacitySizing(
      target: .atLeast(0.2), lowerBound: 1, upperBound: 2, criterion: .confidenceBound)
    #expect(!rising.isMet(by: wide))
    #expect(rising.isMet(by: Estimate(value: 0.5)))
  }

  @Test func metricErrorsPropagate() throws {
    struct Boom: Error, Equatable { var nodes: Int }
    let sizing = try CapacitySizing(target: .atMost(1), lowerBound: 1, upperBound: 50)
    #expect(throws: Boom(nodes: 3)) {
      try sizing.search { (nodes: Int) throws(Boom) -> Estimate in
        if nodes == 3 { throw Boom(nodes: nodes) }
        return Estimate(value: 10)
      }
    }
  }

  @Test func minimumNodeCountAndBadInput() throws {
    #expect(try CapacitySizing.minimumNodeCount(jobsPerHour: 0, meanNodeHoursPerJob: 5) == 1)
    #expect(try CapacitySizing.minimumNodeCount(jobsPerHour: 2, meanNodeHoursPerJob: 4.995) == 10)
    #expect(try CapacitySizing.minimumNodeCount(jobsPerHour: 2, meanNodeHoursPerJob: 5) == 11)
    #expect(
      try CapacitySizing.minimumNodeCount(
        jobsPerHour: 1, meanNodeHoursPerJob: 1, largestJobNodes: 4) == 4)
    #expect(throws: QueueingError.self) {
      try CapacitySizing.minimumNodeCount(jobsPerHour: .nan, meanNodeHoursPerJob: 1)
    }
    #expect(throws: QueueingError.self) {
      try CapacitySizing.minimumNodeCount(jobsPerHour: 1, meanNodeHoursPerJob: -1)
    }
    #expect(throws: QueueingError.self) {
      try CapacitySizing.minimumNodeCount(jobsPerHour: 1e300, meanNodeHoursPerJob: 1e10)
    }
    #expect(throws: QueueingError.self) {
      try CapacitySizing.minimumNodeCount(
        jobsPerHour: 1, meanNodeHoursPerJob: 1, largestJobNodes: 0)
    }
    #expect(throws: QueueingError.self) {
      try CapacitySizing(target: .atMost(.nan), lowerBound: 1, upperBound: 2)
    }
    #expect(throws: QueueingError.self) {
      try CapacitySizing(target: .atLeast(1), lowerBound: 0, upperBound: 2)
    }
    #expect(throws: QueueingError.self) {
      try CapacitySizing(target: .atLeast(1), lowerBound: 3, upperBound: 2)
    }
  }

  // MARK: - Batch means

  /// python3 -c "import numpy as np; m = np.arange(1, 101).reshape(4, 25).mean(axis=1);
  ///   print(m.mean(), m.std(ddof=1) / 2)"   → 50.5 16.137430609197573
  /// python3 -c "import numpy as np; b = np.arange(1., 10).reshape(3, 3).mean(axis=1);
  ///   print(b.mean(), b.std(ddof=1) / np.sqrt(3))"   → 5.0 1.7320508075688774
  @Test func batchMeansByHand() throws {
    let even = try BatchMeans.mean(of: (1...100).map(Double.init), batchCount: 4)
    #expect(even.value == 50.5)
    #expect(isClose(try #require(even.standardError), 16.137430609197573, relativeTolerance: 1e-14))
    // t₀.₉₇₅,₃ = 3.182446 (scipy.stats.t.ppf(0.975, 3))
    #expect(
      isClose(
        try #require(even.upper), 50.5 + 3.182446 * 16.137430609197573, relativeTolerance: 1e-6))
    // Ten values, three batches of three: the first value (99) is dropped.
    let uneven = try BatchMeans.mean(of: [99, 1, 2, 3, 4, 5, 6, 7, 8, 9], batchCount: 3)
    #expect(uneven.value == 5)
    #expect(
      isClose(try #require(uneven.standardError), 1.7320508075688774, relativeTolerance: 1e-14))
    #expect(throws: QueueingError.self) { try BatchMeans.mean(of: [1, 2, 3], batchCount: 1) }
    #expect(throws: QueueingError.self) { try BatchMeans.mean(of: [1, 2, 3], batchCount: 4) }
    #expect(throws: QueueingError.self) { try BatchMeans.mean(of: [], batchCount: 2) }
  }
}
