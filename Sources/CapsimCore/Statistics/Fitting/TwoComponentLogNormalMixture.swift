import RealModule

/// A two-component lognormal mixture fitted by expectation–maximisation: "normal" runs and "contended"
/// runs, the usual shape of step times on shared hardware.
///
/// EM (Dempster, Laird and Rubin 1977, doi:10.1111/j.2517-6161.1977.tb01600.x) on the logarithms of the
/// values, which is a two-component Gaussian mixture: E-step responsibilities, M-step weighted means and
/// variances, until the log-likelihood improves by less than 1e-10 (relative) or after 1,000 iterations.
/// Starts deterministically: component means at the 25th and 90th percentiles of the logs, common
/// variance, weights 0.8 and 0.2. The component with the smaller mean, exp(μ + σ²/2), is called *fast*. Component
/// standard deviations are floored at 1e-6 of the data's spread to keep the likelihood bounded.
///
/// - Complexity: O(n) per iteration.
public struct TwoComponentLogNormalMixture: Sendable, Hashable, Codable {
  /// Weight of the slow component, in [0, 1].
  public var slowWeight: Double
  /// Log-scale mean and standard deviation of the fast component.
  public var fastMu: Double
  /// Log-scale standard deviation of the fast component.
  public var fastSigma: Double
  /// Log-scale mean of the slow component.
  public var slowMu: Double
  /// Log-scale standard deviation of the slow component.
  public var slowSigma: Double
  /// Log-likelihood of the log-values at the fit.
  public var logLikelihood: Double
  /// EM iterations used.
  public var iterations: Int

  /// Mean of the fast component on the original scale, exp(μ + σ²/2).
  public var fastMean: Double { Double.exp(fastMu + fastSigma * fastSigma / 2) }
  /// Mean of the slow component on the original scale.
  public var slowMean: Double { Double.exp(slowMu + slowSigma * slowSigma / 2) }

  /// Fits the mixture to positive values.
  /// - Throws: ``FitError`` for fewer than 10 values, non-finite or non-positive values, or no spread.
  public init(fitting values: [Double]) throws(FitError) {
    guard !values.isEmpty else { throw .emptyValues }
    guard values.count >= 10 else { throw .tooFewValues(count: values.count, minimum: 10) }
    var logs: [Double] = []
    logs.reserveCapacity(values.count)
    for (index, value) in values.enumerated() {
      guard value.isFinite else { throw .nonFiniteValue(index: index, value: value) }
      guard value > 0 else {
        throw .nonPositiveValue(index: index, value: value, family: .lognormal)
      }
      logs.append(Double.log(value))
    }
    let sorted = logs.sorted()
    guard let first = sorted.first, let last = sorted.last, last > first else {
      throw .allValuesEqual(value: values[0])
    }
    let n = Double(logs.count)
    let overallMean = logs.reduce(0, +) / n
    let overallVariance = logs.reduce(0) { $0 + ($1 - overallMean) * ($1 - overallMean) } / n
    let floor = 1e-6 * overallVariance.squareRoot()
    var weight = 0.2
    var mu = (quantile(sorted: sorted, 0.25), quantile(sorted: sorted, 0.9))
    var sigma = (overallVariance.squareRoot(), overallVariance.squareRoot())
    var previous = -Double.infinity
    var iterations = 0
    var responsibilities = [Double](repeating: 0, count: logs.count)
    var logLikelihood = -Double.infinity
    while iterations < 1_000 {
      iterations += 1
      // E-step.
      logLikelihood = 0
      for (index, x) in logs.enumerated() {
        let a = (1 - weight) * Self.normalDensity(x, mu.0, sigma.0)
        let b = weight * Self.normalDensity(x, mu.1, sigma.1)
        let total = Swift.max(a + b, .leastNormalMagnitude)
        responsibilities[index] = b / total
        logLikelihood += Double.log(total)
      }
      // M-step.
      let slowShare = responsibilities.reduce(0, +)
      let fastShare = n - slowShare
      weight = slowShare / n
      var sums = (0.0, 0.0)
      for (x, r) in zip(logs, responsibilities) {
        sums.0 += (1 - r) * x
        sums.1 += r * x
      }
      mu = (
        sums.0 / Swift.max(fastShare, .leastNormalMagnitude),
        sums.1 / Swift.max(slowShare, .leastNormalMagnitude)
      )
      var squares = (0.0, 0.0)
      for (x, r) in zip(logs, responsibilities) {
        squares.0 += (1 - r) * (x - mu.0) * (x - mu.0)
        squares.1 += r * (x - mu.1) * (x - mu.1)
      }
      sigma = (
        Swift.max(floor, (squares.0 / Swift.max(fastShare, .leastNormalMagnitude)).squareRoot()),
        Swift.max(floor, (squares.1 / Swift.max(slowShare, .leastNormalMagnitude)).squareRoot())
      )
      if logLikelihood - previous <= 1e-10 * Swift.abs(logLikelihood) { break }
      previous = logLikelihood
    }
    // The slow component is the one with the larger mean on the original scale, exp(μ + σ²/2).
    if mu.1 + sigma.1 * sigma.1 / 2 >= mu.0 + sigma.0 * sigma.0 / 2 {
      (slowWeight, fastMu, fastSigma, slowMu, slowSigma) = (weight, mu.0, sigma.0, mu.1, sigma.1)
    } else {
      (slowWeight, fastMu, fastSigma, slowMu, slowSigma) = (
        1 - weight, mu.1, sigma.1, mu.0, sigma.0
      )
    }
    self.logLikelihood = logLikelihood
    self.iterations = iterations
  }

  private static func normalDensity(_ x: Double, _ mu: Double, _ sigma: Double) -> Double {
    let z = (x - mu) / sigma
    return Double.exp(-0.5 * z * z) / (sigma * 2.506_628_274_631_000_5)
  }
}
