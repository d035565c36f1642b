import CapsimCore
import Testing

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

  /// A workload of zero jobs: every job-time mean is NaN, and the two runs still agree.
  @Test func zeroJobsRunsAreIdentical() async throws {
    let scenario = try BreakEvenTests.scenario(jobsPerMonth: 0, trials: 20)
    let m = await ThroughputBenchmark.measure(scenario, threads: 2)
    #expect(m.jobs == 0)
    #expect(m.identical)
  }
}
