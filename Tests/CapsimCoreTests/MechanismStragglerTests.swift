import CapsimCore
import Foundation
import Testing

// MARK: - Test-only distributions (closed forms known)

/// Exp(rate): F(x) = 1 − e^{−rate·x}, Q(p) = −ln(1 − p)/rate.
struct MechanismTestExponential: ContinuousDistribution {
  var rate: Double
  func pdf(_ x: Double) -> Double { x < 0 ? 0 : rate * Foundation.exp(-rate * x) }
  func cdf(_ x: Double) -> Double { x < 0 ? 0 : -Foundation.expm1(-rate * x) }
  func quantile(_ p: Double) -> Double { (0...1).contains(p) ? -Foundation.log1p(-p) / rate : .nan }
  var mean: Double { 1 / rate }
  var variance: Double { 1 / (rate * rate) }
  func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
    quantile(generator.nextUnitDouble())
  }
}

/// Uniform(low, high).
struct MechanismTestUniform: ContinuousDistribution {
  var low: Double
  var high: Double
  func pdf(_ x: Double) -> Double { (low...high).contains(x) ? 1 / (high - low) : 0 }
  func cdf(_ x: Double) -> Double { Swift.min(1, Swift.max(0, (x - low) / (high - low))) }
  func quantile(_ p: Double) -> Double { (0...1).contains(p) ? low + p * (high - low) : .nan }
  var mean: Double { (low + high) / 2 }
  var variance: Double { (high - low) * (high - low) / 12 }
  func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
    quantile(generator.nextUnitDouble())
  }
}

/// A distribution whose variance does not exist (only its moments are consulted).
private struct InfiniteVariance: ContinuousDistribution {
  func pdf(_ x: Double) -> Double { 0 }
  func cdf(_ x: Double) -> Double { 0 }
  func quantile(_ p: Double) -> Double { p }
  var mean: Double { 1 }
  var variance: Double { .infinity }
  func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double { 1 }
}

/// Mean and variance of a stream of values, with the standard error of the mean.
struct MechanismMoments {
  var count = 0.0
  var mean = 0.0
  var sumSquares = 0.0
  mutating func add(_ x: Double) {
    count += 1
    let delta = x - mean
    mean += delta / count
    sumSquares += delta * (x - mean)
  }
  var variance: Double { sumSquares / (count - 1) }
  var standardError: Double { (variance / count).squareRoot() }
}

func relativeError(_ value: Double, _ reference: Double) -> Double {
  abs(value - reference) / abs(reference)
}

// MARK: - Tests

@Suite("Mechanism: stragglers")
struct MechanismStragglerTests {
  static let gpuCounts = [1, 2, 4, 8, 16, 32, 64]

  /// Max of G iid Exp(λ): E = H_G/λ, Var = Σₖ 1/(k²λ²) (Rényi representation; David & Nagaraja 2003, §3.3).
  @Test(arguments: gpuCounts)
  func exponentialMomentsMatchHarmonicClosedForm(gpus: Int) throws {
    let rate = 2.5
    let model = try StragglerModel(step: MechanismTestExponential(rate: rate), gpus: gpus)
    let harmonic = (1...gpus).reduce(0.0) { $0 + 1 / Double($1) }
    let squares = (1...gpus).reduce(0.0) { $0 + 1 / Double($1 * $1) }
    #expect(
      relativeError(model.maxMean, harmonic / rate) < 1e-6, "G=\(gpus): mean \(model.maxMean)")
    #expect(
      relativeError(model.maxVariance, squares / (rate * rate)) < 1e-6,
      "G=\(gpus): var \(model.maxVariance)")
    #expect(model.integrationError < 1e-8)
  }

  /// Max of G iid Uniform(0,1) is Beta(G, 1): E = G/(G+1), Var = G/((G+1)²(G+2)).
  @Test(arguments: gpuCounts)
  func uniformMomentsMatchBetaClosedForm(gpus: Int) throws {
    let model = try StragglerModel(step: MechanismTestUniform(low: 0, high: 1), gpus: gpus)
    let g = Double(gpus)
    #expect(relativeError(model.maxMean, g / (g + 1)) < 1e-6, "G=\(gpus)")
    #expect(relativeError(model.maxVariance, g / ((g + 1) * (g + 1) * (g + 2))) < 1e-6, "G=\(gpus)")
  }

  /// 10⁶ sampled maxima: mean within 4 SE of H_G/λ, and of G/(G+1) for the uniform.
  @Test(arguments: [11, 12] as [UInt64])
  func sampledMaximaAgreeWithClosedForms(seed: UInt64) throws {
    let gpus = 8
    let exponential = try StragglerModel(step: MechanismTestExponential(rate: 1), gpus: gpus)
    let uniform = try StragglerModel(step: MechanismTestUniform(low: 0, high: 1), gpus: gpus)
    var generator = Xoshiro256StarStar(seed: seed)
    var e = MechanismMoments()
    var u = MechanismMoments()
    for _ in 0..<1_000_000 {
      e.add(exponential.sampleStep(using: &generator))
      u.add(uniform.sampleStep(using: &generator))
    }
    let harmonic = (1...gpus).reduce(0.0) { $0 + 1 / Double($1) }
    #expect(
      abs(e.mean - harmonic) < 4 * e.standardError,
      "seed \(seed): exponential mean \(e.mean) vs \(harmonic)")
    #expect(
      abs(u.mean - 8.0 / 9) < 4 * u.standardError, "seed \(seed): uniform mean \(u.mean) vs 8/9")
    // Var of the sample variance ≈ (μ₄ − σ⁴)/n; for Beta(8,1) μ₄ is small, so a loose 2% check suffices here.
    #expect(
      relativeError(u.variance, 8.0 / (81 * 10)) < 0.02,
      "seed \(seed): uniform variance \(u.variance)")
  }

  /// Bootstrap sample set {1, 2, 3, 4}, G = 2: P(max = i) = (i² − (i−1)²)/16 = 1/16, 3/16, 5/16, 7/16,
  /// so E = 50/16 and E[X²] = (1 + 12 + 45 + 112)/16 = 170/16.
  @Test func sampleSetMomentsAreExact() throws {
    let model = try StragglerModel(stepSamples: [4, 2, 1, 3], gpus: 2)
    #expect(abs(model.maxMean - 50.0 / 16) < 1e-12)
    #expect(abs(model.maxVariance - (170.0 / 16 - (50.0 / 16) * (50.0 / 16))) < 1e-12)
    #expect(model.integrationError == 0)
    var counts = [0, 0, 0, 0]
    var generator = Xoshiro256StarStar(seed: 5)
    let n = 160_000
    for _ in 0..<n { counts[Int(model.sampleStep(using: &generator)) - 1] += 1 }
    for (index, count) in counts.enumerated() {
      let p = Double(2 * index + 1) / 16
      let se = (p * (1 - p) / Double(n)).squareRoot()
      #expect(abs(Double(count) / Double(n) - p) < 4 * se, "value \(index + 1): \(count) of \(n)")
    }
  }

  /// Exact path (S ≤ 64) and normal path (S > 64): job mean within 4 SE of S·m_G; job variance within 4 SE of
  /// S·v_G (SE of a sample variance ≈ σ²·√(2/(n−1)) for a normal sum; the exact path is checked on its mean).
  @Test(arguments: [21, 22, 23] as [UInt64])
  func jobSumsMatchStepMoments(seed: UInt64) throws {
    let gpus = 16
    let model = try StragglerModel(step: MechanismTestExponential(rate: 4), gpus: gpus)
    var generator = Xoshiro256StarStar(seed: seed, stream: 3)
    for steps in [10, 64, 1_000] {
      var moments = MechanismMoments()
      for _ in 0..<100_000 { moments.add(model.sampleJobSeconds(steps: steps, using: &generator)) }
      let s = Double(steps)
      #expect(
        abs(moments.mean - s * model.maxMean) < 4 * moments.standardError,
        "seed \(seed), S=\(steps): mean \(moments.mean) vs \(s * model.maxMean)")
      if steps > model.exactStepLimit {
        let target = s * model.maxVariance
        #expect(
          abs(moments.variance - target) < 4 * target * (2.0 / (moments.count - 1)).squareRoot(),
          "seed \(seed), S=\(steps): variance \(moments.variance) vs \(target)")
      }
    }
    #expect(model.sampleJobSeconds(steps: 0, using: &generator) == 0)
  }

  /// The report's table: CoV and amplification of Exp(1) maxima, √(Σ 1/k²)/H_G and H_G.
  @Test func growthTableMatchesExponentialClosedForm() throws {
    let rows = try StragglerModel(step: MechanismTestExponential(rate: 1), gpus: 1).growthTable()
    #expect(rows.map(\.gpus) == StragglerModel.reportGPUCounts)
    for row in rows {
      let harmonic = (1...row.gpus).reduce(0.0) { $0 + 1 / Double($1) }
      let squares = (1...row.gpus).reduce(0.0) { $0 + 1 / Double($1 * $1) }
      #expect(
        relativeError(row.coefficientOfVariation, squares.squareRoot() / harmonic) < 1e-6,
        "G=\(row.gpus)")
      #expect(relativeError(row.meanAmplification, harmonic) < 1e-6, "G=\(row.gpus)")
    }
  }

  @Test func invalidInputsThrowTypedErrors() {
    #expect(throws: MechanismError.self) {
      try StragglerModel(step: MechanismTestExponential(rate: 1), gpus: 0)
    }
    #expect(throws: MechanismError.self) { try StragglerModel(stepSamples: [], gpus: 2) }
    #expect(throws: MechanismError.self) { try StragglerModel(stepSamples: [1, -1], gpus: 2) }
    #expect(throws: MechanismError.self) { try StragglerModel(stepSamples: [1, .nan], gpus: 2) }
    do {
      _ = try StragglerModel(step: InfiniteVariance(), gpus: 4)
      Issue.record("infinite variance accepted")
    } catch {
      #expect(
        error.description.contains(
          "stragglers: the per-worker step time has mean 1.0 and variance inf"))
    }
    do {
      _ = try StragglerModel(step: MechanismTestUniform(low: 0, high: 1), gpus: -3)
      Issue.record("negative GPU count accepted")
    } catch {
      #expect(
        error.description
          == "error: stragglers: 'gpus' is -3.0; it must be ≥ 1\nhelp: correct 'gpus' in the scenario's stragglers section"
      )
    }
  }
}
