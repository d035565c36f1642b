import CapsimCore
import Foundation
import Testing

@Suite("Mechanism: interruptions")
struct MechanismInterruptionTests {
  // MARK: - Closed forms against Daly's published figures

  /// Daly (2006) Figs 3–5: T_s = 500 h, R = 10 min, δ = 5 min at M = 24 h, 6 h, 15 min.
  /// python3 -c "import numpy as np; Ts=500;R=10/60;d=5/60
  /// for M in [24,6,0.25]:
  ///   x=d/(2*M); t=np.sqrt(2*d*M)*(1+np.sqrt(x)/3+x/9)-d; print(M, t*60, M*np.exp(R/M)*np.expm1((t+d)/M)*Ts/t)"
  /// → 116.68981481481481 547.881782457036 / 56.712962962962955 610.2164068350066 / 9.140919986395813 2504.1651180554004
  static let golden: [(Double, Double, Double)] = [
    (24.0, 116.68981481481481, 547.881782457036),
    (6.0, 56.712962962962955, 610.2164068350066),
    (0.25, 9.140919986395813, 2504.1651180554004),
  ]

  @Test(arguments: golden)
  func dalyGoldenValues(m: Double, tauMinutes: Double, wallHours: Double) throws {
    let delta = 5.0 / 60
    let tau = try DalyFormula.optimalInterval(
      checkpointHours: delta, meanTimeBetweenInterruptions: m)
    #expect(abs(tau * 60 - tauMinutes) < 1e-9, "M=\(m): τ = \(tau * 60) min")
    // Published to two decimals: 116.69, 56.71, 9.14 min; 547.9, 610.2, 2504.2 h.
    #expect(abs((tau * 60 * 100).rounded() / 100 - (tauMinutes * 100).rounded() / 100) == 0)
    let wall = try DalyFormula.expectedWallTime(
      solveHours: 500, intervalHours: tau, checkpointHours: delta, restartHours: 10.0 / 60,
      meanTimeBetweenInterruptions: m)
    #expect(abs(wall - wallHours) < 1e-9 * wallHours, "M=\(m): T_w = \(wall)")
  }

  /// Young: √(2δM) = √(2 × 5 min × 24 h) = 120 min.
  @Test func youngInterval() throws {
    let tau = try YoungFormula.optimalInterval(
      checkpointHours: 5.0 / 60, meanTimeBetweenInterruptions: 24)
    #expect(abs(tau * 60 - 120) < 1e-12)
    // δ ≥ 2M → τ = M.
    #expect(
      try DalyFormula.optimalInterval(checkpointHours: 3, meanTimeBetweenInterruptions: 1) == 1)
    #expect(
      try DalyFormula.expectedWallTime(
        solveHours: 10, intervalHours: 2, checkpointHours: 0.5, restartHours: 1,
        meanTimeBetweenInterruptions: .infinity) == 12.5)
  }

  // MARK: - Simulation against the closed forms

  /// Mean wall time over 10⁵ jobs within 4 SE of Daly's T_w (T_s a multiple of τ), and mean interruptions within
  /// 4 SE of T_w/M (each segment fails e^{L/M} − 1 times on average, each failure followed by e^{R/M} − 1 failed
  /// restarts: n·e^{R/M}(e^{L/M} − 1) = T_w/M).
  struct Case: Sendable, CustomTestStringConvertible {
    var m, tau, delta, restart, solve: Double
    var testDescription: String { "M=\(m) τ=\(tau) δ=\(delta) R=\(restart) T_s=\(solve)" }
  }

  static let cases: [Case] = [
    Case(m: 5, tau: 1, delta: 0.1, restart: 0.2, solve: 20),
    Case(m: 0.5, tau: 0.25, delta: 0.05, restart: 0.1, solve: 5),
    Case(m: 24, tau: 2, delta: 5.0 / 60, restart: 10.0 / 60, solve: 100),
    Case(m: 0.25, tau: 0.15, delta: 5.0 / 60, restart: 10.0 / 60, solve: 3),
  ]

  @Test(arguments: cases)
  func simulationMatchesDaly(_ c: Case) throws {
    let (m, tau, delta, restart, solve) = (c.m, c.tau, c.delta, c.restart, c.solve)
    let model = try InterruptionModel(
      gpus: 4, preemptionsPerGPUHour: 0.75 / (4 * m), failuresPerGPUHour: 0.25 / (4 * m),
      checkpointInterval: .fixed(hours: tau), checkpointHours: delta, restartHours: restart)
    #expect(abs(model.meanTimeBetweenInterruptions - m) < 1e-12 * m)
    let expected = try DalyFormula.expectedWallTime(
      solveHours: solve, intervalHours: tau, checkpointHours: delta, restartHours: restart,
      meanTimeBetweenInterruptions: m)
    for seed in [61, 62] as [UInt64] {
      var generator = Xoshiro256StarStar(seed: seed, stream: UInt64(m * 1000))
      var wall = MechanismMoments()
      var count = MechanismMoments()
      for _ in 0..<100_000 {
        let job = model.simulate(solveHours: solve, using: &generator)
        let parts =
          job.usefulHours + job.checkpointHours + job.lostHours + job.restartHours
          + job.rerunWasteHours
        #expect(abs(job.wallHours - parts) <= 1e-9 * job.wallHours)
        wall.add(job.wallHours)
        count.add(Double(job.interruptions))
      }
      #expect(
        abs(wall.mean - expected) < 4 * wall.standardError,
        "seed \(seed), M=\(m): \(wall.mean) ± \(wall.standardError) vs Daly \(expected)")
      #expect(
        abs(count.mean - expected / m) < 4 * count.standardError,
        "seed \(seed), M=\(m): \(count.mean) interruptions vs \(expected / m)")
    }
  }

  /// T_s not a multiple of τ: the last, shorter segment L' = T_s − (n−1)τ + δ takes M·e^{R/M}(e^{L'/M} − 1),
  /// so E[wall] = M·e^{R/M}·[(n−1)(e^{(τ+δ)/M} − 1) + e^{L'/M} − 1].
  @Test func partialLastSegmentMatchesPerSegmentFormula() throws {
    let (m, tau, delta, restart, solve) = (2.0, 0.7, 0.1, 0.3, 10.0)
    let model = try InterruptionModel(
      gpus: 1, preemptionsPerGPUHour: 1 / m, failuresPerGPUHour: 0,
      checkpointInterval: .fixed(hours: tau),
      checkpointHours: delta, restartHours: restart)
    let n = 15.0  // ⌈10/0.7⌉
    let last = solve - (n - 1) * tau + delta
    let expected = m * exp(restart / m) * ((n - 1) * expm1((tau + delta) / m) + expm1(last / m))
    var generator = Xoshiro256StarStar(seed: 71)
    var wall = MechanismMoments()
    for _ in 0..<100_000 {
      wall.add(model.simulate(solveHours: solve, using: &generator).wallHours)
    }
    #expect(
      abs(wall.mean - expected) < 4 * wall.standardError,
      "\(wall.mean) ± \(wall.standardError) vs \(expected)")
  }

  /// No checkpoints (τ = ∞, δ = 0): an interruption restarts the job from the beginning, the single-segment
  /// case of the formula above with L = T_s: E[wall] = M·e^{R/M}·(e^{T_s/M} − 1), and E[interruptions] =
  /// E[wall]/M. Every job's time must be finite (0·∞ once made the lost time NaN).
  @Test func withoutCheckpointsAnInterruptionRestartsTheJob() throws {
    let (m, restart, solve) = (4.0, 0.3, 5.0)
    let model = try InterruptionModel(
      gpus: 2, preemptionsPerGPUHour: 1 / (2 * m), failuresPerGPUHour: 0,
      checkpointInterval: .fixed(hours: .infinity), checkpointHours: 0, restartHours: restart)
    let expected = m * exp(restart / m) * expm1(solve / m)
    var generator = Xoshiro256StarStar(seed: 73)
    var wall = MechanismMoments()
    var count = MechanismMoments()
    var finite = true
    for _ in 0..<100_000 {
      let job = model.simulate(solveHours: solve, using: &generator)
      finite = finite && job.wallHours.isFinite && job.lostHours.isFinite
      wall.add(job.wallHours)
      count.add(Double(job.interruptions))
    }
    #expect(finite)
    #expect(
      abs(wall.mean - expected) < 4 * wall.standardError,
      "\(wall.mean) ± \(wall.standardError) vs \(expected)")
    #expect(
      abs(count.mean - expected / m) < 4 * count.standardError,
      "\(count.mean) interruptions vs \(expected / m)")
  }

  @Test func noInterruptionsGiveExactCheckpointOverhead() throws {
    for interval in [InterruptionModel.CheckpointInterval.fixed(hours: 0.5), .fixed(hours: 0.25)] {
      let model = try InterruptionModel(
        gpus: 8, preemptionsPerGPUHour: 0, failuresPerGPUHour: 0, checkpointInterval: interval,
        checkpointHours: 0.1,
        restartHours: 0.2)
      var generator = Xoshiro256StarStar(seed: 1)
      let before = generator
      let job = model.simulate(solveHours: 10, using: &generator)
      #expect(job.wallHours == 10 + (10 / model.intervalHours) * 0.1)
      #expect(
        job.interruptions == 0 && job.lostHours == 0 && job.restartHours == 0 && job.completed)
      #expect(generator == before)
    }
    // A rule with M = ∞ checkpoints once, at the end.
    let young = try InterruptionModel(
      gpus: 1, preemptionsPerGPUHour: 0, failuresPerGPUHour: 0, checkpointInterval: .young,
      checkpointHours: 0.1,
      restartHours: 0)
    var generator = Xoshiro256StarStar(seed: 2)
    #expect(young.intervalHours == .infinity)
    #expect(young.simulate(solveHours: 7, using: &generator).wallHours == 7.1)
    #expect(young.simulate(solveHours: 0, using: &generator).wallHours == 0)
  }

  /// Fatal failures without interruptions and δ = 0: each attempt fails with probability p at U·T_s, so
  /// P(failed) = p^{k+1}, E[reruns] = p + … + p^k, E[waste] = (p + … + p^{k+1})·T_s/2 for k reruns allowed.
  @Test(arguments: [81, 82] as [UInt64])
  func fatalFailuresAndReruns(seed: UInt64) throws {
    let (p, solve) = (0.3, 10.0)
    let model = try InterruptionModel(
      gpus: 1, preemptionsPerGPUHour: 0, failuresPerGPUHour: 0,
      checkpointInterval: .fixed(hours: 1),
      checkpointHours: 0, restartHours: 0, fatalFailureProbability: p, maxReruns: 2)
    var generator = Xoshiro256StarStar(seed: seed)
    var failed = MechanismMoments()
    var reruns = MechanismMoments()
    var waste = MechanismMoments()
    for _ in 0..<200_000 {
      let job = model.simulate(solveHours: solve, using: &generator)
      #expect(job.wallHours == job.usefulHours + job.rerunWasteHours)
      failed.add(job.completed ? 0 : 1)
      reruns.add(Double(job.reruns))
      waste.add(job.rerunWasteHours)
    }
    let checks = [
      ("failed share", failed, p * p * p), ("reruns", reruns, p + p * p),
      ("waste", waste, (p + p * p + p * p * p) * solve / 2),
    ]
    for (label, moments, expected) in checks {
      #expect(
        abs(moments.mean - expected) < 4 * moments.standardError,
        "seed \(seed): \(label) \(moments.mean) vs \(expected)")
    }
  }

  @Test func invalidInputsThrowTypedErrors() {
    func make(
      gpus: Int = 1, preempt: Double = 0.01, interval: InterruptionModel.CheckpointInterval = .daly,
      delta: Double = 0.1,
      p: Double = 0, reruns: Int = 0
    ) throws(MechanismError) -> InterruptionModel {
      try InterruptionModel(
        gpus: gpus, preemptionsPerGPUHour: preempt, failuresPerGPUHour: 0,
        checkpointInterval: interval,
        checkpointHours: delta, restartHours: 0.1, fatalFailureProbability: p, maxReruns: reruns)
    }
    #expect(throws: MechanismError.self) { try make(gpus: 0) }
    #expect(throws: MechanismError.self) { try make(preempt: -1) }
    #expect(throws: MechanismError.self) { try make(interval: .fixed(hours: 0)) }
    #expect(throws: MechanismError.self) { try make(delta: 0) }  // Daly with δ = 0 gives τ = 0
    #expect(throws: MechanismError.self) { try make(p: 1.5) }
    #expect(throws: MechanismError.self) { try make(reruns: -1) }
    #expect(throws: MechanismError.self) {
      try DalyFormula.optimalInterval(checkpointHours: 0.1, meanTimeBetweenInterruptions: 0)
    }
    #expect(throws: MechanismError.self) {
      try DalyFormula.expectedWallTime(
        solveHours: .nan, intervalHours: 1, checkpointHours: 0, restartHours: 0,
        meanTimeBetweenInterruptions: 1)
    }
  }
}
