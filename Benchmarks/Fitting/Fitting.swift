import Benchmark
import CapsimCore
import RealModule

// Maximum-likelihood fitting of each family to 10⁶ values, as `capsim fit` does: one sort, the
// estimates (Newton iterations for gamma and Weibull), the log-likelihood, and the KS and AD
// statistics (one cdf and survival evaluation per value). One fit per iteration, so the wall-clock
// time per iteration is the time of one fit. `sort 10^6 values` is the baseline measured in the same run:
// every fit sorts once, so a fit costs at least that much.

/// Values per fit.
let valueCount = 1_000_000

/// 10⁶ lognormal step times (μ = 0, σ = 0.3), positive so every family can be fitted.
let values: [Double] = {
  var generator = Xoshiro256StarStar(seed: 5, stream: 0)
  return (0..<valueCount).map { _ in Double.exp(0.3 * generator.nextStandardNormal()) }
}()

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .cpuTotal, .mallocCountTotal],
    timeUnits: .milliseconds,
    warmupIterations: 1,
    maxDuration: .seconds(5),
    maxIterations: 10
  )

  Benchmark("sort 10^6 values (baseline)") { benchmark in
    let sorted = values.sorted()
    blackHole(sorted)
    if sorted.count != valueCount { benchmark.error("count \(sorted.count)") }
  }

  for family in DistributionFamily.allCases {
    Benchmark("fit \(family.rawValue) to 10^6 values") { benchmark in
      do {
        let result = try DistributionFitting.fit(family, to: values)
        blackHole(result)
        if result.sampleSize != valueCount || !result.aic.isFinite {
          benchmark.error("\(family): n \(result.sampleSize), AIC \(result.aic)")
        }
        // The data are lognormal(0, 0.3): that fit must recover σ ≈ 0.3 (SE 0.0002).
        if family == .lognormal,
          !(abs((result.distribution.parameters["sigma"] ?? 0) - 0.3) < 0.002)
        {
          benchmark.error("lognormal σ̂ = \(result.distribution.parameters["sigma"] ?? .nan)")
        }
      } catch {
        benchmark.error("\(family): \(error)")
      }
    }
  }

  Benchmark("rankedFits, all 5 families, 10^6 values") { benchmark in
    do {
      let ranking = try DistributionFitting.rankedFits(to: values)
      blackHole(ranking)
      if ranking.results.count != DistributionFamily.allCases.count {
        benchmark.error("fitted \(ranking.results.count) families")
      }
    } catch {
      benchmark.error("\(error)")
    }
  }
}
