import Benchmark
import CapsimCore
import RealModule

// Draws from each distribution capsim samples, 10⁶ per iteration, so µs per iteration ÷ 1000 is ns per
// draw; compare with `raw next() (baseline)` from the same run. Each benchmark checks that the mean of
// its draws is within 6 standard errors of the distribution's exact mean (computed by the type itself,
// whose formulas the CapsimCore tests check against scipy).

/// Registers one benchmark per distribution.
func registerDistributionBenchmarks() {
  // MARK: - Parametric families

  drawBenchmark("normal(10, 2)", try NormalDistribution(mean: 10, standardDeviation: 2))
  drawBenchmark("lognormal(0, 0.5)", try LogNormalDistribution(mu: 0, sigma: 0.5))
  drawBenchmark("gamma(shape 0.5)", try GammaDistribution(shape: 0.5, scale: 1))
  drawBenchmark("gamma(shape 2.5)", try GammaDistribution(shape: 2.5, scale: 1))
  drawBenchmark("weibull(1.5, 2)", try WeibullDistribution(shape: 1.5, scale: 2))
  drawBenchmark("exponential(2)", try ExponentialDistribution(rate: 2))
  // What `sampling: fitted` draws from: the family enum dispatched per draw.
  drawBenchmark(
    "ParametricDistribution lognormal",
    try ParametricDistribution(family: .lognormal, parameters: ["mu": 0, "sigma": 0.5]))

  // MARK: - Empirical and mixture

  drawBenchmark("empirical bootstrap (10^4 values)", try EmpiricalDistribution(values: stepTimes))
  // The same bootstrap written inline, as a reference for the cost of the call itself.
  Benchmark("bootstrap inline stepTimes[nextIndex] (reference)") { benchmark in
    let values = stepTimes
    let sum = sumDraws { values[$0.nextIndex(below: values.count)] }
    let mean = values.reduce(0, +) / Double(values.count)
    check(benchmark, sum, expectedMean: mean, tolerance: 0.002)
  }
  drawBenchmark(
    "empirical smoothed (10^4 values)",
    try EmpiricalDistribution(values: stepTimes, smoothing: .gaussianKernel(bandwidth: nil)))
  drawBenchmark(
    "mixture 0.8·LN(0,0.1) + 0.2·LN(0.5,0.3)",
    try MixtureDistribution(components: [
      (weight: 0.8, distribution: LogNormalDistribution(mu: 0, sigma: 0.1)),
      (weight: 0.2, distribution: LogNormalDistribution(mu: 0.5, sigma: 0.3)),
    ]))

  // MARK: - Poisson (counts)

  for mean in [4.0, 50.0] {
    Benchmark("poisson(\(Int(mean)))") { benchmark in
      do {
        let poisson = try PoissonDistribution(mean: mean)
        let sum = sumDraws { Double(poisson.sample(using: &$0)) }
        check(benchmark, sum, expectedMean: mean, tolerance: 6 * (mean / 1e6).squareRoot())
      } catch {
        benchmark.error("\(error)")
      }
    }
  }
}

/// 10⁴ lognormal step times (μ = 0, σ = 0.3) for the empirical distributions.
let stepTimes: [Double] = {
  var generator = Xoshiro256StarStar(seed: 3, stream: 0)
  return (0..<10_000).map { _ in Double.exp(0.3 * generator.nextStandardNormal()) }
}()

/// A benchmark drawing 10⁶ values from `make()` (built outside the timed loop's inner part) and
/// checking their mean within 6 standard errors of the exact mean.
func drawBenchmark<D: ContinuousDistribution>(
  _ name: String, _ make: @autoclosure @escaping @Sendable () throws -> D
) {
  Benchmark(name) { benchmark in
    do {
      let distribution = try make()
      let sum = sumDraws { distribution.sample(using: &$0) }
      let standardError = (distribution.variance / Double(drawsPerIteration)).squareRoot()
      check(benchmark, sum, expectedMean: distribution.mean, tolerance: 6 * standardError)
    } catch {
      benchmark.error("\(error)")
    }
  }
}
