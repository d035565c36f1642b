import Benchmark
import CapsimCore
import RealModule

// Random-draw and summary throughput for capsim's Monte Carlo engine.
//
// Every benchmark does `drawsPerIteration` (10⁶) operations per iteration, so the wall-clock time per
// iteration in microseconds divided by 1000 is nanoseconds per draw. `raw next()` is the baseline: report
// the others as ratios to it from the same run (see README.md). Each benchmark checks its own result
// (a mean within a few standard errors of the exact value) and reports through `benchmark.error`.
//
// To add a sampler, add three lines to `benchmarks`, for example
//   Benchmark("gamma(2.5)") { benchmark in
//     check(benchmark, sumDraws { gamma.sample(using: &$0) }, expectedMean: 2.5, tolerance: 0.02)
//   }

/// Operations per benchmark iteration.
let drawsPerIteration = 1_000_000

/// A fixed set of 10⁶ lognormal "job durations" (μ = 3, σ = 1.5, so ~0.2 s to ~10⁴ s), shared by the
/// summary and histogram benchmarks.
let durations: [Double] = {
  var generator = Xoshiro256StarStar(seed: 7, stream: 0)
  return (0..<drawsPerIteration).map { _ in Double.exp(3 + 1.5 * generator.nextStandardNormal()) }
}()

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .cpuTotal, .mallocCountTotal],
    timeUnits: .microseconds,
    warmupIterations: 2,
    maxDuration: .seconds(3),
    maxIterations: 40
  )

  // MARK: - Baseline

  Benchmark("raw next() (baseline)") { benchmark in
    var generator = Xoshiro256StarStar(seed: 1, stream: 0)
    var accumulator: UInt64 = 0
    for _ in 0..<drawsPerIteration {
      accumulator ^= generator.next()
    }
    blackHole(accumulator)
  }

  // MARK: - Samplers

  Benchmark("uniform double") { benchmark in
    check(benchmark, sumDraws { $0.nextOpenUnitDouble() }, expectedMean: 0.5, tolerance: 0.002)
  }
  Benchmark("normal, ziggurat") { benchmark in
    check(benchmark, sumDraws { $0.nextStandardNormal() }, expectedMean: 0, tolerance: 0.005)
  }
  Benchmark("normal, polar (old)") { benchmark in
    check(benchmark, sumDraws { $0.nextStandardNormalPolar() }, expectedMean: 0, tolerance: 0.005)
  }
  Benchmark("exponential, ziggurat") { benchmark in
    check(benchmark, sumDraws { $0.nextStandardExponential() }, expectedMean: 1, tolerance: 0.005)
  }
  Benchmark("exponential, inversion") { benchmark in
    let sum = sumDraws { -Double.log($0.nextOpenUnitDouble()) }
    check(benchmark, sum, expectedMean: 1, tolerance: 0.005)
  }
  // Varied parameters: μ and σ cycle through 8 values, E = mean of exp(μᵢ + σᵢ²/2).
  Benchmark("lognormal exp(μ+σZ)") { benchmark in
    let sum = sumDraws { generator in
      let index = Int(truncatingIfNeeded: generator.next() & 7)
      return Double.exp(lognormalMu[index] + lognormalSigma[index] * generator.nextStandardNormal())
    }
    check(benchmark, sum, expectedMean: lognormalMean, tolerance: 0.05)
  }

  // MARK: - Distributions (DistributionDraws.swift)

  registerDistributionBenchmarks()

  // MARK: - Summaries

  Benchmark("SampleSummary of 10^6 values") { benchmark in
    do {
      let summary = try SampleSummary(durations)
      blackHole(summary)
      if summary.count != drawsPerIteration { benchmark.error("count \(summary.count)") }
    } catch {
      benchmark.error("\(error)")
    }
  }

  Benchmark("LogHistogram insert 10^6 values") { benchmark in
    var histogram = LogHistogram()
    do {
      for value in durations {
        try histogram.record(value)
      }
    } catch {
      benchmark.error("\(error)")
    }
    blackHole(histogram)
    if histogram.count != drawsPerIteration { benchmark.error("count \(histogram.count)") }
  }

  Benchmark("MeanAccumulator add 10^6 values") { benchmark in
    var accumulator = MeanAccumulator()
    for value in durations {
      accumulator.add(value)
    }
    blackHole(accumulator)
    if accumulator.count != drawsPerIteration { benchmark.error("count \(accumulator.count)") }
  }
}

// MARK: - Helpers

let lognormalMu: [Double] = [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5]
let lognormalSigma: [Double] = [0.2, 0.4, 0.6, 0.8, 0.3, 0.5, 0.7, 0.9]
let lognormalMean: Double =
  zip(lognormalMu, lognormalSigma).map { Double.exp($0 + $1 * $1 / 2) }.reduce(0, +) / 8

/// Draws `drawsPerIteration` values with `draw` from a fixed stream and returns their sum.
///
/// `@inline(__always)` with a non-escaping closure lets the optimiser inline `draw` into the loop, so
/// the figure is the sampler's own cost, not an indirect call's.
@inline(__always)
func sumDraws(_ draw: (inout Xoshiro256StarStar) -> Double) -> Double {
  var generator = Xoshiro256StarStar(seed: 1, stream: 0)
  var sum = 0.0
  for _ in 0..<drawsPerIteration {
    sum += draw(&generator)
  }
  return sum
}

/// Passes `sum` to `blackHole` and reports an error unless its mean is within `tolerance` of
/// `expectedMean`.
func check(_ benchmark: Benchmark, _ sum: Double, expectedMean: Double, tolerance: Double) {
  blackHole(sum)
  let mean = sum / Double(drawsPerIteration)
  if !(abs(mean - expectedMean) <= tolerance) {
    benchmark.error("\(benchmark.name): mean \(mean), expected \(expectedMean) ± \(tolerance)")
  }
}
