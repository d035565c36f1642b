import Testing

@testable import CapsimCore

/// pdf, cdf, survival and quantile of each family against scipy.stats (Fixtures/ReferenceFixtures).
@Suite struct DistributionReferenceTests {
  typealias Support = DistributionTestSupport

  @Test func densitiesAndProbabilitiesMatchScipy() throws {
    for reference in try referenceCases() {
      let distribution = reference.distribution
      for (x, pdf, cdf, survival) in reference.points {
        #expect(
          Support.isClose(distribution.pdf(x), pdf, relative: 1e-12, absolute: 1e-300),
          "\(reference.name).pdf(\(x)) = \(distribution.pdf(x)), scipy \(pdf)")
        #expect(
          Support.isClose(distribution.cdf(x), cdf, relative: 1e-12, absolute: 1e-300),
          "\(reference.name).cdf(\(x)) = \(distribution.cdf(x)), scipy \(cdf)")
        #expect(
          Support.isClose(distribution.survival(x), survival, relative: 1e-12, absolute: 1e-300),
          "\(reference.name).survival(\(x)) = \(distribution.survival(x)), scipy \(survival)")
      }
    }
  }

  @Test func quantilesMatchScipy() throws {
    for reference in try referenceCases() {
      for (p, expected) in reference.quantiles {
        let value = reference.distribution.quantile(p)
        #expect(
          Support.isClose(value, expected, relative: 1e-11, absolute: 1e-300),
          "\(reference.name).quantile(\(p)) = \(value), scipy \(expected)")
      }
    }
  }

  @Test func cdfInvertsQuantile() throws {
    let probabilities = [
      1e-10, 1e-6, 0.001, 0.01, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.99, 0.999999,
    ]
    for reference in try referenceCases() {
      for p in probabilities {
        let x = reference.distribution.quantile(p)
        let back = reference.distribution.cdf(x)
        // Relative in the smaller tail: cdf below ½, survival above.
        let ok =
          p < 0.5
          ? Support.isClose(back, p, relative: 1e-12)
          : Support.isClose(reference.distribution.survival(x), 1 - p, relative: 1e-9)
        #expect(ok, "\(reference.name): cdf(quantile(\(p))) = \(back)")
      }
    }
  }

  @Test func specialValues() throws {
    for reference in try referenceCases() {
      let distribution = reference.distribution
      let name = reference.name
      #expect(distribution.quantile(.nan).isNaN, "\(name)")
      #expect(distribution.quantile(-0.1).isNaN, "\(name)")
      #expect(distribution.quantile(1.1).isNaN, "\(name)")
      #expect(distribution.quantile(1) == .infinity, "\(name)")
      #expect(distribution.cdf(.infinity) == 1, "\(name)")
      #expect(distribution.cdf(-.infinity) == 0, "\(name)")
      #expect(distribution.survival(.infinity) == 0, "\(name)")
      #expect(distribution.pdf(.infinity) == 0, "\(name)")
      #expect(distribution.pdf(.nan).isNaN, "\(name)")
      #expect(distribution.cdf(.nan).isNaN, "\(name)")
      if name == "normal" {
        #expect(distribution.quantile(0) == -.infinity)
      } else {
        // Positive families: nothing at or below 0.
        #expect(distribution.quantile(0) == 0, "\(name)")
        #expect(distribution.cdf(-1) == 0, "\(name)")
        #expect(distribution.survival(-1) == 1, "\(name)")
        #expect(distribution.pdf(-1) == 0, "\(name)")
        #expect(distribution.logPDF(-1) == -.infinity, "\(name)")
        #expect(distribution.cdf(0) == 0, "\(name)")
      }
    }
  }

  @Test func densityAtZeroForShapeBelowAtAndAboveOne() throws {
    #expect(try GammaDistribution(shape: 0.5, scale: 2).pdf(0) == .infinity)
    #expect(try GammaDistribution(shape: 1, scale: 2).pdf(0) == 0.5)
    #expect(try GammaDistribution(shape: 2, scale: 2).pdf(0) == 0)
    #expect(try WeibullDistribution(shape: 0.5, scale: 2).pdf(0) == .infinity)
    #expect(try WeibullDistribution(shape: 1, scale: 2).pdf(0) == 0.5)
    #expect(try WeibullDistribution(shape: 3, scale: 2).pdf(0) == 0)
    #expect(try ExponentialDistribution(rate: 3).pdf(0) == 3)
  }

  @Test func closedFormMoments() throws {
    // scipy.stats.<dist>.stats(moments='mv') for each distribution:
    // python3 -c "import scipy.stats as st, numpy as np; print(st.lognorm(0.8, scale=np.exp(-0.5)).stats('mv'),
    //   st.weibull_min(0.7, scale=3).stats('mv'), st.weibull_min(2.5, scale=10).stats('mv'))"
    let logNormal = try LogNormalDistribution(mu: -0.5, sigma: 0.8)
    #expect(Support.isClose(logNormal.mean, 0.8352702114112721, relative: 1e-14))
    #expect(Support.isClose(logNormal.variance, 0.6254534862664062, relative: 1e-13))
    let weibull = try WeibullDistribution(shape: 0.7, scale: 3)
    #expect(Support.isClose(weibull.mean, 3.797470518171851, relative: 1e-13))
    #expect(Support.isClose(weibull.variance, 30.84151998287838, relative: 1e-12))
    let peaked = try WeibullDistribution(shape: 2.5, scale: 10)
    #expect(Support.isClose(peaked.mean, 8.872638175030753, relative: 1e-13))
    #expect(Support.isClose(peaked.variance, 14.41466891301122, relative: 1e-12))
  }

  @Test func poissonMatchesScipy() throws {
    for (mean, k, pmf, cdf, survival) in poissonReference {
      let poisson = try PoissonDistribution(mean: mean)
      #expect(Support.isClose(poisson.pmf(k), pmf, relative: 1e-12), "pmf(\(k)) λ=\(mean)")
      #expect(Support.isClose(poisson.cdf(k), cdf, relative: 1e-12), "cdf(\(k)) λ=\(mean)")
      #expect(Support.isClose(poisson.survival(k), survival, relative: 1e-12), "sf(\(k)) λ=\(mean)")
    }
    for (mean, p, expected) in poissonQuantileReference {
      #expect(try PoissonDistribution(mean: mean).quantile(p) == expected, "ppf(\(p)) λ=\(mean)")
    }
    let poisson = try PoissonDistribution(mean: 2)
    #expect(poisson.pmf(-1) == 0)
    #expect(poisson.cdf(-1) == 0)
    #expect(poisson.quantile(.nan) == nil)
    #expect(poisson.quantile(0) == 0)
    #expect(poisson.quantile(1) == Int.max)
    let degenerate = try PoissonDistribution(mean: 0)
    #expect(degenerate.pmf(0) == 1)
    #expect(degenerate.cdf(0) == 1)
  }
}
