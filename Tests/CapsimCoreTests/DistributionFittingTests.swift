import Testing

@testable import CapsimCore

/// Fits against scipy (Fixtures/FitFixtures.swift), parameter recovery, and degenerate input.
@Suite struct DistributionFittingTests {
  typealias Support = DistributionTestSupport

  @Test func fitsAgreeWithScipy() throws {
    for fixture in fitFixtures {
      let result = try fit(fixture.family, to: fixture.values)
      let name = "\(fixture.family) (seed \(fixture.seed))"
      // scipy's own estimates: 1e-6 closed forms, 1e-4 gamma and Weibull (scipy's Weibull is an
      // optimiser result); the exact MLE to 1e-9.
      let scipyTolerance = [.gamma, .weibull].contains(fixture.family) ? 1e-4 : 1e-6
      for (parameter, expected) in fixture.scipyFit {
        let value = result.distribution.parameters[parameter] ?? .nan
        #expect(
          Support.isClose(value, expected, relative: scipyTolerance),
          "\(name) \(parameter) = \(value), scipy \(expected)")
      }
      for (parameter, expected) in fixture.exactMLE {
        let value = result.distribution.parameters[parameter] ?? .nan
        #expect(
          Support.isClose(value, expected, relative: 1e-9),
          "\(name) \(parameter) = \(value), exact MLE \(expected)")
      }
      #expect(result.sampleSize == fixture.values.count)
      #expect(
        Support.isClose(result.logLikelihood, fixture.logLikelihood, relative: 1e-10),
        "\(name) ln L = \(result.logLikelihood), scipy \(fixture.logLikelihood)")
      let k = Double(fixture.family.parameterCount)
      #expect(Support.isClose(result.aic, 2 * k - 2 * fixture.logLikelihood, relative: 1e-10))
      #expect(
        Support.isClose(
          result.bic, k * Double.log(Double(fixture.values.count)) - 2 * fixture.logLikelihood,
          relative: 1e-10))
      #expect(
        Support.isClose(
          result.kolmogorovSmirnovStatistic, fixture.kolmogorovSmirnovStatistic,
          relative: 0, absolute: 1e-9),
        "\(name) KS D = \(result.kolmogorovSmirnovStatistic), scipy \(fixture.kolmogorovSmirnovStatistic)"
      )
      #expect(
        Support.isClose(
          result.kolmogorovSmirnovPValue, fixture.kolmogorovSmirnovPValue, relative: 1e-6),
        "\(name) KS p = \(result.kolmogorovSmirnovPValue), scipy \(fixture.kolmogorovSmirnovPValue)"
      )
      #expect(
        Support.isClose(result.andersonDarlingStatistic, fixture.andersonDarling, relative: 1e-8),
        "\(name) A² = \(result.andersonDarlingStatistic), numpy \(fixture.andersonDarling)")
    }
  }

  @Test func andersonDarlingMatchesScipyAnderson() throws {
    for fixture in fitFixtures {
      guard let expected = fixture.scipyAnderson else { continue }
      let sorted = fixture.values.sorted()
      let distribution: any ContinuousDistribution
      switch fixture.family {
      case .normal:
        // scipy.stats.anderson(x, 'norm') estimates σ with ddof = 1.
        let mean = fixture.values.reduce(0, +) / Double(fixture.values.count)
        distribution = try NormalDistribution(
          mean: mean, standardDeviation: fixture.sampleStandardDeviation)
      default:
        distribution = try fit(fixture.family, to: fixture.values).distribution
      }
      let statistic = GoodnessOfFit.andersonDarlingStatistic(
        sortedValues: sorted, distribution: distribution)
      #expect(
        Support.isClose(statistic, expected, relative: 1e-8),
        "\(fixture.family): A² = \(statistic), scipy.stats.anderson \(expected)")
    }
  }

  @Test(arguments: [UInt64(1), 2]) func fitsRecoverTheParameters(seed: UInt64) throws {
    let truths: [ParametricDistribution] = [
      try ParametricDistribution(
        family: .normal, parameters: ["mean": 10, "standardDeviation": 2]),
      try ParametricDistribution(family: .lognormal, parameters: ["mu": 0.3, "sigma": 0.6]),
      try ParametricDistribution(family: .gamma, parameters: ["shape": 2.5, "scale": 1.5]),
      try ParametricDistribution(family: .gamma, parameters: ["shape": 0.4, "scale": 3]),
      try ParametricDistribution(family: .weibull, parameters: ["shape": 1.7, "scale": 3]),
      try ParametricDistribution(family: .exponential, parameters: ["rate": 0.25]),
    ]
    for truth in truths {
      var generator = Xoshiro256StarStar(seed: seed)
      let values = (0..<100_000).map { _ in truth.sample(using: &generator) }
      let result = try fit(truth.family, to: values)
      for (name, expected) in truth.parameters {
        let value = result.distribution.parameters[name] ?? .nan
        // Standard errors at n = 10⁵ are below 0.5 %; allow 2 %.
        #expect(
          Support.isClose(value, expected, relative: 0.02),
          "\(truth.family) seed \(seed): \(name) = \(value), true \(expected)")
      }
      #expect(result.kolmogorovSmirnovPValue > 1e-4, "\(truth.family) seed \(seed): KS p too small")
    }
  }

  @Test func rankingPrefersTheTrueFamily() throws {
    let truth = try GammaDistribution(shape: 2.5, scale: 1.5)
    var generator = Xoshiro256StarStar(seed: 99)
    let values = (0..<20_000).map { _ in truth.sample(using: &generator) }
    let ranking = try DistributionFitting.rankedFits(to: values)
    #expect(ranking.best?.family == .gamma, "seed 99: ranking \(ranking.results.map(\.family))")
    #expect(ranking.results.count == DistributionFamily.allCases.count)
    #expect(zip(ranking.results, ranking.results.dropFirst()).allSatisfy { $0.aic <= $1.aic })
    let signed = try DistributionFitting.rankedFits(to: [-1, 0.5, 2, 3.5, 1])
    #expect(signed.results.map(\.family) == [.normal])
    #expect(signed.skipped[.gamma] == .nonPositiveValue(index: 0, value: -1, family: .gamma))
  }

  @Test func degenerateDataThrows() {
    #expect(throws: FitError.emptyValues) { try fit(.normal, to: []) }
    #expect(throws: FitError.tooFewValues(count: 2, minimum: 3)) { try fit(.normal, to: [1, 2]) }
    #expect(throws: FitError.allValuesEqual(value: 4)) { try fit(.gamma, to: [4, 4, 4, 4]) }
    #expect(throws: FitError.nonFiniteValue(index: 2, value: .infinity)) {
      try fit(.normal, to: [1, 2, .infinity, 3])
    }
    #expect(throws: FitError.self) { try fit(.normal, to: [1, 2, .nan, 3]) }
    #expect(throws: FitError.nonPositiveValue(index: 1, value: 0, family: .weibull)) {
      try fit(.weibull, to: [1, 0, 2, 3])
    }
    #expect(throws: FitError.nonPositiveValue(index: 3, value: -2, family: .lognormal)) {
      try fit(.lognormal, to: [1, 5, 2, -2])
    }
    for family in DistributionFamily.allCases {
      // Nearly equal values: either a clean fit or a FitError, never NaN.
      do {
        let result = try fit(family, to: [1, 1, 1, 1, 1.000_000_000_000_001])
        #expect(result.logLikelihood.isFinite && !result.kolmogorovSmirnovPValue.isNaN, "\(family)")
      } catch {
        #expect(!error.description.isEmpty)
      }
    }
    #expect(
      FitError.tooFewValues(count: 2, minimum: 3).description
        == "cannot fit a distribution to 2 values; at least 3 are needed")
  }
}
