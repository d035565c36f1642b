import Testing

@testable import CapsimCore

/// Monte Carlo checks: the mean and variance of 10⁶ draws lie within 5 standard errors of the
/// closed forms. SE(mean) = σ/√n; SE(variance) = √((m₄ − s⁴)/n) from the sample's own fourth
/// central moment m₄. Fixed seeds, named in every failure message.
@Suite struct DistributionSamplingTests {
  static let drawCount = 1_000_000
  static let seeds: [UInt64] = [20_251_125, 7]

  static func checkMoments(
    _ name: String, _ distribution: some ContinuousDistribution, seed: UInt64,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    var generator = Xoshiro256StarStar(seed: seed)
    var draws = [Double](repeating: 0, count: drawCount)
    for i in draws.indices { draws[i] = distribution.sample(using: &generator) }
    let (mean, variance, fourth) = DistributionTestSupport.moments(draws)
    let n = Double(drawCount)
    let meanError = (distribution.variance / n).squareRoot()
    let varianceError = ((fourth - variance * variance) / n).squareRoot()
    #expect(
      Swift.abs(mean - distribution.mean) <= 5 * meanError,
      "\(name) seed \(seed): sample mean \(mean), expected \(distribution.mean) ± \(meanError)",
      sourceLocation: sourceLocation)
    #expect(
      Swift.abs(variance - distribution.variance) <= 5 * varianceError,
      """
      \(name) seed \(seed): sample variance \(variance), expected \(distribution.variance) \
      ± \(varianceError)
      """, sourceLocation: sourceLocation)
  }

  @Test(arguments: seeds) func parametricFamilies(seed: UInt64) throws {
    Self.checkMoments(
      "normal(1.5, 2)", try NormalDistribution(mean: 1.5, standardDeviation: 2), seed: seed)
    Self.checkMoments(
      "lognormal(-0.5, 0.8)", try LogNormalDistribution(mu: -0.5, sigma: 0.8), seed: seed)
    Self.checkMoments("weibull(0.7, 3)", try WeibullDistribution(shape: 0.7, scale: 3), seed: seed)
    Self.checkMoments(
      "weibull(2.5, 10)", try WeibullDistribution(shape: 2.5, scale: 10), seed: seed)
    Self.checkMoments("exponential(0.25)", try ExponentialDistribution(rate: 0.25), seed: seed)
  }

  @Test(arguments: seeds) func gammaSamplerAcrossShapes(seed: UInt64) throws {
    for shape in [0.3, 1, 2.5, 50] {
      Self.checkMoments(
        "gamma(\(shape), 2)", try GammaDistribution(shape: shape, scale: 2), seed: seed)
    }
  }

  @Test(arguments: seeds) func gammaSamplerMatchesTheCDF(seed: UInt64) throws {
    // The KS test of 10⁵ draws against the exact cdf must not reject at the 10⁻⁴ level.
    for shape in [0.3, 1, 2.5, 50] {
      let gamma = try GammaDistribution(shape: shape, scale: 2)
      var generator = Xoshiro256StarStar(seed: seed)
      let draws = (0..<100_000).map { _ in gamma.sample(using: &generator) }.sorted()
      let d = GoodnessOfFit.kolmogorovSmirnovStatistic(sortedValues: draws, distribution: gamma)
      let p = KolmogorovDistribution.survival(d, sampleSize: draws.count)
      #expect(p > 1e-4, "gamma(\(shape)) seed \(seed): KS D = \(d), p = \(p)")
    }
  }

  @Test(arguments: seeds) func shiftedMixtureAndEmpirical(seed: UInt64) throws {
    let shifted = try ShiftedDistribution(
      base: try LogNormalDistribution(mu: 0, sigma: 0.5), shift: 30)
    Self.checkMoments("shifted lognormal", shifted, seed: seed)
    let mixture = try MixtureDistribution(components: [
      (weight: 3, distribution: try NormalDistribution(mean: 0, standardDeviation: 1)),
      (weight: 1, distribution: try GammaDistribution(shape: 2, scale: 3)),
    ])
    Self.checkMoments("mixture", mixture, seed: seed)
    let values = [0.5, 1.2, 1.9, 2.2, 3.1, 4.8, 7.5, 0.9, 1.1, 2.6]
    Self.checkMoments("empirical", try EmpiricalDistribution(values: values), seed: seed)
    let smoothed = try EmpiricalDistribution(
      values: values, smoothing: .gaussianKernel(bandwidth: 1.5))
    #expect(smoothed.reflectsAtZero)
    Self.checkMoments("smoothed empirical (reflected)", smoothed, seed: seed)
    let signed = try EmpiricalDistribution(
      values: values.map { $0 - 2 }, smoothing: .gaussianKernel(bandwidth: nil))
    #expect(!signed.reflectsAtZero)
    Self.checkMoments("smoothed empirical", signed, seed: seed)
  }

  @Test(arguments: seeds) func smoothedDrawsStayPositive(seed: UInt64) throws {
    let smoothed = try EmpiricalDistribution(
      values: [0.01, 0.02, 0.05, 0.3], smoothing: .gaussianKernel(bandwidth: 1))
    var generator = Xoshiro256StarStar(seed: seed)
    for _ in 0..<100_000 {
      let draw = smoothed.sample(using: &generator)
      #expect(draw > 0, "seed \(seed): draw \(draw)")
      if draw <= 0 { break }
    }
  }

  @Test(arguments: seeds) func poissonSampler(seed: UInt64) throws {
    for mean in [0.7, 3.5, 10, 47.3, 1000] {
      let poisson = try PoissonDistribution(mean: mean)
      var generator = Xoshiro256StarStar(seed: seed)
      let draws = (0..<Self.drawCount).map { _ in Double(poisson.sample(using: &generator)) }
      let (sampleMean, variance, fourth) = DistributionTestSupport.moments(draws)
      let n = Double(Self.drawCount)
      #expect(
        Swift.abs(sampleMean - mean) <= 5 * (mean / n).squareRoot(),
        "poisson(\(mean)) seed \(seed): mean \(sampleMean)")
      #expect(
        Swift.abs(variance - mean) <= 5 * ((fourth - variance * variance) / n).squareRoot(),
        "poisson(\(mean)) seed \(seed): variance \(variance)")
      // P(X = mode) against the pmf, within 5 binomial standard errors.
      let mode = Double(Int(mean))
      let frequency = Double(draws.count { $0 == mode }) / n
      let probability = poisson.pmf(Int(mean))
      #expect(
        Swift.abs(frequency - probability) <= 5
          * (probability * (1 - probability) / n).squareRoot(),
        "poisson(\(mean)) seed \(seed): P(X = \(Int(mean))) observed \(frequency), pmf \(probability)"
      )
    }
  }
}
