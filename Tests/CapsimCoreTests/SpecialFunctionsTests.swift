import Testing

@testable import CapsimCore

/// Special functions against scipy.special and mpmath (fixtures in Fixtures/ReferenceFixtures.swift).
@Suite struct SpecialFunctionsTests {
  typealias Support = DistributionTestSupport

  @Test func regularizedIncompleteGammaMatchesMpmath() {
    for (a, x, lower, upper) in incompleteGammaReference {
      let p = SpecialFunctions.regularizedGammaP(a, x)
      let q = SpecialFunctions.regularizedGammaQ(a, x)
      // The directly computed side (the smaller one) to 1e-13 relative; the other to 1e-15 absolute.
      #expect(
        Support.isClose(p, lower, relative: 1e-13, absolute: lower > upper ? 1e-15 : 0),
        "P(\(a), \(x)) = \(p), scipy \(lower)")
      #expect(
        Support.isClose(q, upper, relative: 1e-13, absolute: upper > lower ? 1e-15 : 0),
        "Q(\(a), \(x)) = \(q), scipy \(upper)")
    }
  }

  @Test func incompleteGammaSpecialValues() {
    #expect(SpecialFunctions.regularizedGammaP(2, 0) == 0)
    #expect(SpecialFunctions.regularizedGammaQ(2, 0) == 1)
    #expect(SpecialFunctions.regularizedGammaP(2, .infinity) == 1)
    #expect(SpecialFunctions.regularizedGammaQ(2, .infinity) == 0)
    #expect(SpecialFunctions.regularizedGammaP(0, 1).isNaN)
    #expect(SpecialFunctions.regularizedGammaP(-1, 1).isNaN)
    #expect(SpecialFunctions.regularizedGammaP(2, -1).isNaN)
    #expect(SpecialFunctions.regularizedGammaP(.nan, 1).isNaN)
    #expect(SpecialFunctions.regularizedGammaQ(2, .nan).isNaN)
  }

  @Test func inverseIncompleteGammaMatchesScipy() {
    for (a, p, x) in inverseGammaReference {
      let inverse = SpecialFunctions.inverseRegularizedGammaP(a, p)
      #expect(
        Support.isClose(inverse, x, relative: 1e-12), "P⁻¹(\(a), \(p)) = \(inverse), scipy \(x)")
    }
    #expect(SpecialFunctions.inverseRegularizedGammaP(2, 0) == 0)
    #expect(SpecialFunctions.inverseRegularizedGammaP(2, 1) == .infinity)
    #expect(SpecialFunctions.inverseRegularizedGammaP(2, 1.5).isNaN)
    #expect(SpecialFunctions.inverseRegularizedGammaP(2, .nan).isNaN)
    #expect(SpecialFunctions.inverseRegularizedGammaP(0, 0.5).isNaN)
  }

  @Test func digammaAndTrigammaMatchScipy() {
    for (x, digamma, trigamma) in polygammaReference {
      #expect(
        Support.isClose(SpecialFunctions.digamma(x), digamma, relative: 1e-13, absolute: 1e-15),
        "ψ(\(x)) = \(SpecialFunctions.digamma(x)), scipy \(digamma)")
      #expect(
        Support.isClose(SpecialFunctions.trigamma(x), trigamma, relative: 1e-13),
        "ψ′(\(x)) = \(SpecialFunctions.trigamma(x)), scipy \(trigamma)")
    }
    #expect(SpecialFunctions.digamma(0).isNaN)
    #expect(SpecialFunctions.digamma(-3).isNaN)
    #expect(SpecialFunctions.digamma(.infinity) == .infinity)
    #expect(SpecialFunctions.trigamma(.infinity) == 0)
    #expect(SpecialFunctions.trigamma(.nan).isNaN)
  }

  @Test func normalCDFAndQuantileMatchScipy() {
    for (x, expected) in normalCDFReference {
      let value = SpecialFunctions.standardNormalCDF(x)
      #expect(
        Support.isClose(value, expected, relative: 1e-13), "Φ(\(x)) = \(value), scipy \(expected)")
    }
    for (p, expected) in normalQuantileReference {
      let value = SpecialFunctions.standardNormalQuantile(p)
      #expect(
        Support.isClose(value, expected, relative: 1e-15), "Φ⁻¹(\(p)) = \(value), scipy \(expected)"
      )
    }
    #expect(SpecialFunctions.standardNormalQuantile(0) == -.infinity)
    #expect(SpecialFunctions.standardNormalQuantile(1) == .infinity)
    #expect(SpecialFunctions.standardNormalQuantile(-0.1).isNaN)
    #expect(SpecialFunctions.standardNormalQuantile(.nan).isNaN)
    #expect(SpecialFunctions.standardNormalCDF(-.infinity) == 0)
    #expect(SpecialFunctions.standardNormalCDF(.infinity) == 1)
    #expect(SpecialFunctions.standardNormalCDF(.nan).isNaN)
  }

  @Test func kolmogorovSurvivalMatchesScipyKstwo() {
    for (n, d, expected) in kolmogorovReference {
      let value = KolmogorovDistribution.survival(d, sampleSize: n)
      #expect(
        Support.isClose(value, expected, relative: 1e-9, absolute: 1e-300),
        "P(D_\(n) ≥ \(d)) = \(value), scipy kstwo.sf \(expected)")
    }
    for (n, d, expected) in smirnovReference {
      let value = KolmogorovDistribution.smirnovSurvival(d, sampleSize: n)
      #expect(Support.isClose(value, expected, relative: 1e-10), "smirnov(\(n), \(d)) = \(value)")
    }
    #expect(KolmogorovDistribution.survival(0, sampleSize: 10) == 1)
    #expect(KolmogorovDistribution.survival(1, sampleSize: 10) == 0)
    #expect(KolmogorovDistribution.survival(.nan, sampleSize: 10).isNaN)
    #expect(KolmogorovDistribution.survival(0.1, sampleSize: 0).isNaN)
  }
}
