import CapsimCore
import Foundation
import Testing

/// A duration's mean is that of its draws, which are cut off at 0: E[max(0, X)].
///
/// References (closed forms): for X ~ N(μ, σ²), E[max(0, X)] = μΦ(μ/σ) + σφ(μ/σ); for X = Y − 1 with
/// Y ~ Exp(1), E[max(0, X)] = P(Y > 1)·E[Y − 1 | Y > 1] = e⁻¹ (memorylessness).
@Suite("Duration mean, cut off at 0")
struct DurationMeanTests {
  static func normalReference(mean: Double, sd: Double) -> Double {
    let z = mean / sd
    let cdf = 0.5 * erfc(-z / 2.0.squareRoot())
    let density = exp(-z * z / 2) / (2 * Double.pi).squareRoot()
    return mean * cdf + sd * density
  }

  @Test(arguments: [(1.0, 315_360_000.0), (0.5, 1.0), (0.0, 2.0), (-1.0, 1.0), (3.0, 1.0)])
  func normalMatchesTheClosedForm(mean: Double, sd: Double) throws {
    let duration = ResolvedDuration.distribution(
      try NormalDistribution(mean: mean, standardDeviation: sd))
    let expected = Self.normalReference(mean: mean, sd: sd)
    #expect(abs(duration.mean - expected) <= 1e-7 * expected, "\(duration.mean) vs \(expected)")
  }

  @Test func shiftedExponentialMatchesTheClosedForm() throws {
    let shifted = try ShiftedDistribution(base: ExponentialDistribution(rate: 1), shift: -1)
    let duration = ResolvedDuration.distribution(shifted)
    #expect(abs(duration.mean - exp(-1)) <= 1e-8, "\(duration.mean)")
  }

  /// A smoothed bootstrap whose values include 0 is not reflected, so its kernels reach below 0: the mean
  /// of its draws is that of the mixture of N(xᵢ, h²) cut at 0, term by term the normal closed form.
  @Test func smoothedBootstrapReachingBelowZeroMatchesTheMixture() throws {
    let values = [0.0, 0.5, 1, 2, 3, 5]
    let kernel = try EmpiricalDistribution(
      values: values, smoothing: .gaussianKernel(bandwidth: 0.8))
    #expect(!kernel.reflectsAtZero)
    let expected =
      values.map { Self.normalReference(mean: $0, sd: 0.8) }.reduce(0, +) / Double(values.count)
    let mean = ResolvedDuration.distribution(kernel).mean
    #expect(abs(mean - expected) <= 1e-12 * expected, "\(mean) vs \(expected)")
    #expect(mean > kernel.mean)
  }

  /// A distribution without mass below 0 keeps its own mean, to the bit.
  @Test func noMassBelowZeroKeepsTheMean() throws {
    let normal = try NormalDistribution(mean: 1, standardDeviation: 0.02)
    #expect(ResolvedDuration.distribution(normal).mean == normal.mean)
    let lognormal = try LogNormalDistribution(mu: 0, sigma: 0.5)
    #expect(ResolvedDuration.distribution(lognormal).mean == lognormal.mean)
  }
}
