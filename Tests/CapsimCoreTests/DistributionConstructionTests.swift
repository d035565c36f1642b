import Foundation
import Testing

@testable import CapsimCore

/// Validation, the parametric (scenario-file) form, Codable, and the empirical and mixture types.
@Suite struct DistributionConstructionTests {
  typealias Support = DistributionTestSupport

  @Test func invalidParametersAreRejectedWithTheirName() {
    #expect(
      throws: DistributionError.invalidParameter(
        name: "standardDeviation", value: 0, requirement: "finite and > 0")
    ) {
      try NormalDistribution(mean: 0, standardDeviation: 0)
    }
    #expect(
      throws: DistributionError.invalidParameter(
        name: "sigma", value: -1, requirement: "finite and > 0")
    ) {
      try LogNormalDistribution(mu: 0, sigma: -1)
    }
    #expect(
      throws: DistributionError.invalidParameter(
        name: "mean", value: .infinity, requirement: "a finite number")
    ) {
      try NormalDistribution(mean: .infinity, standardDeviation: 1)
    }
    #expect(throws: DistributionError.self) { try GammaDistribution(shape: .nan, scale: 1) }
    #expect(throws: DistributionError.self) { try WeibullDistribution(shape: 1, scale: -2) }
    #expect(throws: DistributionError.self) { try ExponentialDistribution(rate: 0) }
    #expect(throws: DistributionError.self) { try PoissonDistribution(mean: -1) }
    #expect(throws: DistributionError.self) { try PoissonDistribution(mean: .nan) }
    let error = DistributionError.invalidParameter(
      name: "sigma", value: -1, requirement: "finite and > 0")
    #expect(error.description == "parameter 'sigma' is -1.0; it must be finite and > 0")
  }

  @Test func parametricDistributionFromScenarioDictionary() throws {
    let parametric = try ParametricDistribution(
      family: .lognormal, parameters: ["mu": 0.1, "sigma": 0.2])
    #expect(parametric.family == .lognormal)
    #expect(parametric.parameters == ["mu": 0.1, "sigma": 0.2])
    let direct = try LogNormalDistribution(mu: 0.1, sigma: 0.2)
    #expect(parametric.cdf(1.3) == direct.cdf(1.3))
    #expect(parametric.quantile(0.9) == direct.quantile(0.9))
    // Same draws as the concrete type with the same seed.
    var first = Xoshiro256StarStar(seed: 3)
    var second = Xoshiro256StarStar(seed: 3)
    #expect(parametric.sample(using: &first) == direct.sample(using: &second))
    // Aliases map to canonical names.
    let normal = try ParametricDistribution(family: .normal, parameters: ["mu": 2, "sd": 3])
    #expect(normal.parameters == ["mean": 2, "standardDeviation": 3])
    // Shift.
    let shifted = try ParametricDistribution(
      family: .exponential, parameters: ["rate": 2], shift: 5)
    #expect(shifted.mean == 5.5)
    #expect(shifted.cdf(5) == 0)
    #expect(shifted.quantile(0) == 5)
  }

  @Test func parametricErrorsNameTheParameter() {
    #expect(
      throws: DistributionError.missingParameter(
        name: "sigma", family: "lognormal", expected: ["mu", "sigma"])
    ) {
      try ParametricDistribution(family: .lognormal, parameters: ["mu": 0.1])
    }
    do {
      _ = try ParametricDistribution(family: .lognormal, parameters: ["mu": 0.1, "sigmaa": 0.2])
      Issue.record("expected an error")
    } catch {
      #expect(
        error == .unknownParameter(name: "sigmaa", family: "lognormal", expected: ["mu", "sigma"]))
      #expect(
        error.diagnostic.description == """
          error: lognormal distribution has no parameter 'sigmaa'
          help: did you mean 'sigma'?
          """)
    }
    #expect(
      throws: DistributionError.invalidParameter(
        name: "shape", value: -2, requirement: "finite and > 0")
    ) {
      try ParametricDistribution(family: .gamma, parameters: ["shape": -2, "scale": 1])
    }
    #expect(throws: DistributionError.self) {
      try ParametricDistribution(family: .normal, parameters: ["mean": 1, "mu": 1, "sd": 1])
    }
    #expect(throws: DistributionError.unknownFamily("gama")) {
      try DistributionFamily.named("gama")
    }
    #expect(DistributionError.unknownFamily("gama").diagnostic.help == "did you mean 'gamma'?")
    #expect(throws: Never.self) { try DistributionFamily.named("Log-Normal") }
  }

  @Test func codableRoundTrips() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let parametric = try ParametricDistribution(
      family: .weibull, parameters: ["shape": 1.5, "scale": 3], shift: 0.5)
    let data = try encoder.encode(parametric)
    #expect(
      String(decoding: data, as: UTF8.self)
        == #"{"family":"weibull","parameters":{"scale":3,"shape":1.5},"shift":0.5}"#)
    #expect(try JSONDecoder().decode(ParametricDistribution.self, from: data) == parametric)
    let bad = Data(#"{"family":"gamma","parameters":{"shape":-1,"scale":1}}"#.utf8)
    #expect(throws: DistributionError.self) {
      try JSONDecoder().decode(ParametricDistribution.self, from: bad)
    }
    let normal = try NormalDistribution(mean: 1, standardDeviation: 2)
    #expect(
      try JSONDecoder().decode(NormalDistribution.self, from: encoder.encode(normal)) == normal)
    let negative = Data(#"{"mean":1,"standardDeviation":-2}"#.utf8)
    #expect(throws: DistributionError.self) {
      try JSONDecoder().decode(NormalDistribution.self, from: negative)
    }
    let empirical = try EmpiricalDistribution(
      values: [3, 1, 2], smoothing: .gaussianKernel(bandwidth: nil))
    #expect(
      try JSONDecoder().decode(EmpiricalDistribution.self, from: encoder.encode(empirical))
        == empirical)
    let shifted = try ShiftedDistribution(base: try GammaDistribution(shape: 2, scale: 1), shift: 4)
    #expect(
      try JSONDecoder().decode(
        ShiftedDistribution<GammaDistribution>.self, from: encoder.encode(shifted)) == shifted)
  }

  @Test func empiricalMatchesNumpyAndExcel() throws {
    // python3 -c "import numpy as np; x=[4.2,1.5,9.9,3.3,7.1,2.8,5.5]; \
    //   print([float(np.quantile(x,p)) for p in (0,0.1,0.25,0.5,0.9,1)])"
    // → [1.5, 2.2800000000000002, 3.05, 4.2, 8.22, 9.9]
    let empirical = try EmpiricalDistribution(values: [4.2, 1.5, 9.9, 3.3, 7.1, 2.8, 5.5])
    for (p, expected) in [
      (0, 1.5), (0.1, 2.2800000000000002), (0.25, 3.05), (0.5, 4.2), (0.9, 8.22), (1, 9.9),
    ] {
      #expect(Support.isClose(empirical.quantile(p), expected, relative: 1e-14), "p = \(p)")
    }
    #expect(empirical.cdf(1.4) == 0)
    #expect(empirical.cdf(1.5) == 1.0 / 7)
    #expect(empirical.cdf(4.2) == 4.0 / 7)
    #expect(empirical.cdf(100) == 1)
    #expect(empirical.survival(4.2) == 3.0 / 7)
    #expect(empirical.pdf(4.2) == 0)
    #expect(empirical.quantile(.nan).isNaN)
    // python3 -c "import numpy as np; x=np.array([4.2,1.5,9.9,3.3,7.1,2.8,5.5]); print(x.mean(), x.var())"
    #expect(Support.isClose(empirical.mean, 4.8999999999999995, relative: 1e-15))
    #expect(Support.isClose(empirical.variance, 7.031428571428571, relative: 1e-14))
    #expect(throws: DistributionError.emptyValues) { try EmpiricalDistribution(values: []) }
    #expect(throws: DistributionError.self) { try EmpiricalDistribution(values: [1, .nan]) }
    #expect(throws: DistributionError.self) {
      try EmpiricalDistribution(values: [2, 2, 2], smoothing: .gaussianKernel(bandwidth: nil))
    }
  }

  @Test func smoothedEmpiricalMatchesClosedForms() throws {
    // Silverman: python3 -c "import numpy as np; x=np.array([4.2,1.5,9.9,3.3,7.1,2.8,5.5]); \
    //   s=x.std(ddof=1); iqr=np.subtract(*np.percentile(x,[75,25])); print(0.9*min(s,iqr/1.34)*len(x)**-0.2)"
    let values = [4.2, 1.5, 9.9, 3.3, 7.1, 2.8, 5.5]
    let smoothed = try EmpiricalDistribution(
      values: values, smoothing: .gaussianKernel(bandwidth: nil))
    #expect(Support.isClose(smoothed.bandwidth, 1.4791133744003038, relative: 1e-13))
    // Reflected kernel cdf and pdf against scipy.stats.norm sums:
    // python3 -c "import numpy as np, scipy.stats as st; x=np.array([4.2,1.5,9.9,3.3,7.1,2.8,5.5]); \
    //   h=1.4791133744003038; t=2.0; print(np.mean(st.norm.cdf((t-x)/h)-st.norm.cdf((-t-x)/h)), \
    //   np.mean(st.norm.pdf((t-x)/h)+st.norm.pdf((t+x)/h))/h)"
    #expect(Support.isClose(smoothed.cdf(2), 0.169189982558962, relative: 1e-12))
    #expect(Support.isClose(smoothed.pdf(2), 0.11366917912584912, relative: 1e-12))
    #expect(smoothed.cdf(0) == 0)
    #expect(smoothed.pdf(-1) == 0)
    for p in [1e-6, 0.01, 0.3, 0.5, 0.9, 0.999] {
      #expect(Support.isClose(smoothed.cdf(smoothed.quantile(p)), p, relative: 1e-10), "p = \(p)")
    }
  }

  @Test func mixtureQuantileAndValidation() throws {
    // python3 -c "import scipy.stats as st, scipy.optimize as so; \
    //   F=lambda x: 0.75*st.norm(0,1).cdf(x)+0.25*st.gamma(2,scale=3).cdf(x); \
    //   print([so.brentq(lambda x: F(x)-p, -50, 100, xtol=1e-14) for p in (0.01, 0.5, 0.99)])"
    let mixture = try MixtureDistribution(components: [
      (weight: 3, distribution: try NormalDistribution(mean: 0, standardDeviation: 1)),
      (weight: 1, distribution: try GammaDistribution(shape: 2, scale: 3)),
    ])
    #expect(mixture.components.map(\.weight) == [0.75, 0.25])
    for (p, expected) in [
      (0.01, -2.216362779224399), (0.5, 0.4224620006952741), (0.99, 15.038278929844285),
    ] {
      let value = mixture.quantile(p)
      #expect(Support.isClose(value, expected, relative: 1e-11), "p = \(p): \(value)")
      #expect(Support.isClose(mixture.cdf(value), p, relative: 1e-11))
    }
    #expect(mixture.quantile(0) == -.infinity)
    #expect(mixture.quantile(1) == .infinity)
    #expect(Support.isClose(mixture.mean, 1.5, relative: 1e-15))
    #expect(throws: DistributionError.emptyMixture) { try MixtureDistribution(components: []) }
    let unit = try NormalDistribution(mean: 0, standardDeviation: 1)
    #expect(throws: DistributionError.invalidWeight(index: 1, value: -1)) {
      try MixtureDistribution(components: [
        (weight: 1, distribution: unit), (weight: -1, distribution: unit),
      ])
    }
    #expect(throws: DistributionError.invalidWeight(index: -1, value: 0)) {
      try MixtureDistribution(components: [(weight: 0, distribution: unit)])
    }
  }
}
