import CapsimCore
import Foundation
import Testing

/// Exact E[wall] for fixed slowdown s and exponential episodes of mean E[D].
///
/// Derivation: measured in *work* time the process is a two-state Markov chain: uncontended periods end at rate
/// α = r (work runs at full speed), episodes end at rate β = s/E[D] (an Exp(E[D]) wall duration does Exp(E[D]/s)
/// work). Wall = W + (s − 1)·L, with L the work time spent contended in [0, W]. With P(on at 0) = p₀,
/// P(on at t) = π + (p₀ − π)e^{−κt}, κ = α + β, π = α/κ, so E[L] = πW + (p₀ − π)(1 − e^{−κW})/κ.
/// p₀ = 0 for an uncontended start and r·E[D]/(1 + r·E[D]) (the wall-time share) for a stationary one, whose
/// residual episode is again Exp(E[D]) by memorylessness.
private func exactMeanWall(
  work: Double, rate: Double, meanEpisode: Double, slowdown: Double, stationary: Bool
) -> Double {
  let alpha = rate
  let beta = slowdown / meanEpisode
  let kappa = alpha + beta
  let pi = alpha / kappa
  let p0 = stationary ? rate * meanEpisode / (1 + rate * meanEpisode) : 0
  let occupation = pi * work + (p0 - pi) * -Foundation.expm1(-kappa * work) / kappa
  return work + (slowdown - 1) * occupation
}

@Suite("Mechanism: contention")
struct MechanismContentionTests {
  @Test func zeroRateLeavesWorkUnchangedAndDrawsNothing() throws {
    let model = try ContentionModel(
      episodesPerHour: 0, duration: .exponential(meanHours: 2), slowdown: .fixed(3))
    var generator = Xoshiro256StarStar(seed: 1)
    let before = generator
    for work in [0.0, 1e-9, 0.3, 7, 12_345.678] {
      let result = model.wallHours(work: work, using: &generator)
      #expect(result.wall == work)
      #expect(result.slowdownHours == 0)
    }
    #expect(generator == before)
    #expect(model.longRunWallPerWork == 1)
  }

  /// Simulated mean wall time within 4 SE of the exact Markov-chain formula, for short and long jobs and both starts.
  @Test(arguments: [31, 32, 33] as [UInt64])
  func fixedSlowdownMatchesExactFormula(seed: UInt64) throws {
    let rate = 0.4
    let meanEpisode = 1.5
    let slowdown = 2.5
    var generator = Xoshiro256StarStar(seed: seed, stream: 9)
    for stationary in [false, true] {
      let model = try ContentionModel(
        episodesPerHour: rate, duration: .exponential(meanHours: meanEpisode),
        slowdown: .fixed(slowdown),
        initialState: stationary ? .stationary : .uncontended)
      for work in [0.5, 5, 50] {
        var wall = MechanismMoments()
        for _ in 0..<100_000 {
          let result = model.wallHours(work: work, using: &generator)
          #expect(abs(result.wall - (work + result.slowdownHours)) <= 1e-12 * result.wall)
          wall.add(result.wall)
        }
        let expected = exactMeanWall(
          work: work, rate: rate, meanEpisode: meanEpisode, slowdown: slowdown,
          stationary: stationary)
        #expect(
          abs(wall.mean - expected) < 4 * wall.standardError,
          "seed \(seed), stationary \(stationary), W=\(work): \(wall.mean) ± \(wall.standardError) vs \(expected)"
        )
      }
    }
  }

  /// Random slowdowns, and fixed or general durations: long-run wall/work → (1 + rE[D])/(1 + rE[D]E[1/s]).
  /// W = 2,000 h makes the O(E[D]) start-up term (< 0.1 h here) negligible beside 4 SE (> 1 h).
  @Test(arguments: [41, 42] as [UInt64])
  func randomSlowdownsMatchRenewalReward(seed: UInt64) throws {
    let models: [(String, ContentionModel)] = [
      (
        "uniform s, exponential D",
        try ContentionModel(
          episodesPerHour: 0.5, duration: .exponential(meanHours: 0.5),
          slowdown: .uniform(low: 1.5, high: 2.5))
      ),
      (
        "uniform s, fixed D",
        try ContentionModel(
          episodesPerHour: 0.5, duration: .fixed(hours: 0.5),
          slowdown: .uniform(low: 1.5, high: 2.5))
      ),
      (
        "fixed s, Uniform(0, 1) D",
        try ContentionModel(
          episodesPerHour: 0.5, duration: .distribution(MechanismTestUniform(low: 0, high: 1)),
          slowdown: .fixed(2),
          initialState: .uncontended)
      ),
    ]
    let work = 2_000.0
    var generator = Xoshiro256StarStar(seed: seed, stream: 4)
    for (label, model) in models {
      // E[1/s] for Uniform(1.5, 2.5) = ln(2.5/1.5)/1 = 0.5108…; for fixed s = 2, 0.5.
      let inverse = label.hasPrefix("uniform") ? Foundation.log(2.5 / 1.5) : 0.5
      let expected = (1 + 0.5 * 0.5) / (1 + 0.5 * 0.5 * inverse)
      #expect(abs(model.longRunWallPerWork - expected) < 1e-12, "\(label)")
      var wall = MechanismMoments()
      for _ in 0..<4_000 { wall.add(model.wallHours(work: work, using: &generator).wall) }
      #expect(
        abs(wall.mean - work * expected) < 4 * wall.standardError,
        "seed \(seed), \(label): \(wall.mean) ± \(wall.standardError) vs \(work * expected)")
    }
  }

  /// A very short job is slowed only if it starts inside an episode: P = rE[D]/(1 + rE[D]) with a stationary start.
  @Test func stationaryStartProbability() throws {
    let model = try ContentionModel(
      episodesPerHour: 0.25, duration: .fixed(hours: 2), slowdown: .fixed(3))
    let pi = 0.5 / 1.5
    #expect(abs(model.startContendedProbability - pi) < 1e-15)
    var generator = Xoshiro256StarStar(seed: 77)
    let n = 200_000
    var slowed = 0
    for _ in 0..<n where model.wallHours(work: 1e-6, using: &generator).slowdownHours > 0 {
      slowed += 1
    }
    // A residual Uniform(0, 2) h episode shorter than 3e-6 h, or an arrival within 1e-6 h, has probability < 1e-5.
    let se = (pi * (1 - pi) / Double(n)).squareRoot()
    #expect(abs(Double(slowed) / Double(n) - pi) < 4 * se, "\(slowed) of \(n) jobs slowed")
  }

  /// The mixture mapping keeps the mixture's mean: long-run wall/work = (1 − w) + w·s.
  @Test(arguments: [51, 52] as [UInt64])
  func estimateReproducesMixtureMean(seed: UInt64) throws {
    let model = try ContentionModel.estimate(
      fastComponentMean: 0.5, slowComponentMean: 0.8, slowWeight: 0.25, typicalJobHours: 10)
    // s = 1.6, r = 1.6 × 0.25 / (0.75 × 10)
    #expect(abs(model.episodesPerHour - 1.6 * 0.25 / 7.5) < 1e-15)
    #expect(abs(model.contendedWorkFraction - 0.25) < 1e-12)
    #expect(abs(model.longRunWallPerWork - 1.15) < 1e-12)
    var generator = Xoshiro256StarStar(seed: seed)
    var wall = MechanismMoments()
    // E[D] = 10 h: the start-up term is ≤ (s − 1)·p₀/κ ≈ 0.6 × 0.35 / 0.21 ≈ 1 h, against 4 SE ≈ 15 h at W = 20,000 h.
    let work = 20_000.0
    for _ in 0..<2_000 { wall.add(model.wallHours(work: work, using: &generator).wall) }
    #expect(
      abs(wall.mean - 1.15 * work) < 4 * wall.standardError,
      "seed \(seed): \(wall.mean) ± \(wall.standardError)")
    let none = try ContentionModel.estimate(
      fastComponentMean: 1, slowComponentMean: 1, slowWeight: 0.3, typicalJobHours: 2)
    #expect(none.episodesPerHour == 0)
  }

  @Test func invalidInputsThrowTypedErrors() throws {
    let exponential = ContentionModel.EpisodeDuration.exponential(meanHours: 1)
    #expect(throws: MechanismError.self) {
      try ContentionModel(episodesPerHour: -1, duration: exponential, slowdown: .fixed(2))
    }
    #expect(throws: MechanismError.self) {
      try ContentionModel(episodesPerHour: .nan, duration: exponential, slowdown: .fixed(2))
    }
    #expect(throws: MechanismError.self) {
      try ContentionModel(episodesPerHour: 1, duration: .fixed(hours: 0), slowdown: .fixed(2))
    }
    #expect(throws: MechanismError.self) {
      try ContentionModel(episodesPerHour: 1, duration: exponential, slowdown: .fixed(0.5))
    }
    #expect(throws: MechanismError.self) {
      try ContentionModel(
        episodesPerHour: 1, duration: exponential, slowdown: .uniform(low: 2, high: 1.5))
    }
    #expect(throws: MechanismError.self) {
      try ContentionModel.estimate(
        fastComponentMean: 2, slowComponentMean: 1, slowWeight: 0.2, typicalJobHours: 1)
    }
    #expect(throws: MechanismError.self) {
      try ContentionModel.estimate(
        fastComponentMean: 1, slowComponentMean: 2, slowWeight: 1, typicalJobHours: 1)
    }
    do {
      _ = try ContentionModel(
        episodesPerHour: 1, duration: .distribution(MechanismTestUniform(low: 0, high: 1)),
        slowdown: .fixed(2))
      Issue.record("stationary start with a general distribution accepted")
    } catch {
      #expect(
        error.description == """
          error: contention: a stationary start needs an exponential or fixed episode duration
          help: use 'initial_state: uncontended', or an exponential or fixed episode duration
          """)
    }
  }
}
