import Testing

@testable import CapsimCore

/// `capsim bench` compares its one-thread and parallel outcomes bit for bit: a NaN (a mean over no jobs)
/// equals the same NaN, which `==` never says.
@Suite("Bitwise comparison of outcomes")
struct BitwiseFingerprintTests {
  static func outcome(jobHours: Double, totalCost: Double = 0) -> SimulationOutcome {
    NonFiniteOutcomeTests.outcome(totalCost: totalCost, costPerJob: jobHours, jobs: 0)
  }

  @Test func nanEqualsTheSameNaN() {
    let a = Self.outcome(jobHours: .nan)
    // What `single == parallel` said of two identical zero-job runs (an outcome compared with itself
    // is equal only because arrays sharing storage compare equal without looking at the elements).
    #expect(a != Self.outcome(jobHours: .nan))
    #expect(BitwiseFingerprint.same(a, a))
    #expect(BitwiseFingerprint.same(a, Self.outcome(jobHours: .nan)))
  }

  @Test func anyDifferentBitDiffers() {
    let a = Self.outcome(jobHours: .nan)
    #expect(!BitwiseFingerprint.same(a, Self.outcome(jobHours: .nan, totalCost: 1)))
    #expect(!BitwiseFingerprint.same(a, Self.outcome(jobHours: 0)))
    #expect(!BitwiseFingerprint.same(Self.outcome(jobHours: 0), Self.outcome(jobHours: -0.0)))
    #expect(!BitwiseFingerprint.same(a, nil))
    #expect(BitwiseFingerprint.same(SimulationOutcome?.none, nil))
  }

  /// Nesting is part of the fingerprint: [[1], [2]] is not [[1, 2]], nor ["a": [1], "b": 2]
  /// ["a": [1, 2]].
  @Test func nestingIsKeptApart() {
    #expect(!BitwiseFingerprint.same([[1.0], [2.0]], [[1.0, 2.0]]))
    #expect(BitwiseFingerprint.same([[1.0], [2.0]], [[1.0], [2.0]]))
    struct Pair: Encodable {
      var a: [Double]
      var b: Double?
    }
    #expect(!BitwiseFingerprint.same(Pair(a: [1], b: 2), Pair(a: [1, 2], b: nil)))
  }

  /// A workload of zero jobs: every job-time mean is NaN, and the runs of every round still agree.
  @Test func zeroJobsRunsAreIdentical() async throws {
    let scenario = try BreakEvenTests.scenario(jobsPerMonth: 0, trials: 20)
    let m = await ThroughputBenchmark.measure(scenario, threads: 2, rounds: 2)
    #expect(m.jobs == 0)
    #expect(m.identical)
    #expect(m.rounds == 2 && m.floorRatios.count == 2 && m.speedUps.count == 2)
  }

  /// The bench's figures are medians: the middle value, or the mean of the middle two.
  @Test func mediansOfRounds() {
    #expect(ThroughputBenchmark.median([3, 1, 2]) == 2)
    #expect(ThroughputBenchmark.median([4, 1, 3, 2]) == 2.5)
    #expect(ThroughputBenchmark.median([7]) == 7)
    #expect(ThroughputBenchmark.median([]) == 0)
  }
}
