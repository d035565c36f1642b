import CapsimCore
import Foundation
import Testing
import _CapsimTestSupport

/// Doubles the price of option 0 in odd trials.
struct DoublePriceInOddTrials: TrialScenarioVariation {
  func scenario(forTrial trial: Int, base: ResolvedScenario) -> ResolvedScenario {
    guard trial % 2 == 1 else { return base }
    var varied = base
    varied.options[0].price.amount *= 2
    return varied
  }
}

/// Returns the base scenario unchanged.
struct NoVariation: TrialScenarioVariation {
  func scenario(forTrial trial: Int, base: ResolvedScenario) -> ResolvedScenario { base }
}

/// A value shared between threads behind a lock.
final class LockedBox<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value

  init(_ value: Value) { self.value = value }

  func withValue<R>(_ body: (inout Value) -> R) -> R { lock.withLock { body(&value) } }
}

/// Doubles the price of option 0 in the trials it covers, and records any trial it is asked for that the
/// engine did not ask it to cover first, or asked it to cover in a range wider than one chunk.
struct CoveredTrialsOnly: TrialScenarioVariation {
  let uncovered: LockedBox<[Int]>
  var covered: Range<Int> = 0..<0

  func scenario(forTrial trial: Int, base: ResolvedScenario) -> ResolvedScenario {
    // Not covered, or covered by a range wider than one chunk (the engine covering the whole run at once).
    if !covered.contains(trial) || covered.count > MonteCarloEngine.chunkSize {
      uncovered.withValue { $0.append(trial) }
    }
    var varied = base
    varied.options[0].price.amount *= 2
    return varied
  }

  func covering(trials: Range<Int>) -> any TrialScenarioVariation {
    var variation = self
    variation.covered = trials
    return variation
  }
}

@Suite("Per-trial scenario variation")
struct TrialVariationTests {
  static func scenario() throws -> ResolvedScenario {
    let workload = Workload(jobsPerMonth: 20, arrivals: .poisson, gpusPerJob: 8, stepsPerJob: 3_600)
    return try Fixtures.resolved(
      horizonMonths: 3, trials: 300, workload: workload,
      options: [
        Fixtures.option("cloud", seconds: [1.0], price: Fixtures.price("od", perGPUHour: 3)),
        Fixtures.option("other", seconds: [1.2], price: Fixtures.price("od2", perGPUHour: 2)),
      ])
  }

  /// Each trial simulates its own scenario: a doubled price doubles that trial's cost (fixed 1 s steps, 8 GPUs:
  /// $24 per job at $3/GPU-h), leaves even trials as they were, and leaves the other option untouched.
  @Test func eachTrialUsesItsOwnScenario() async throws {
    let base = await MonteCarloEngine(threadCount: 2).run(try Self.scenario())
    var engine = MonteCarloEngine(threadCount: 3)
    engine.variation = DoublePriceInOddTrials()
    let varied = await engine.run(try Self.scenario())
    for (trial, (before, after)) in zip(
      base.options[0].totalCostByTrial, varied.options[0].totalCostByTrial
    ).enumerated() {
      #expect(after == (trial % 2 == 1 ? 2 * before : before), "trial \(trial)")
    }
    #expect(base.options[1] == varied.options[1])
    engine.variation = NoVariation()
    #expect(await engine.run(try Self.scenario()) == base)
  }

  /// The engine asks a variation to cover each chunk's trials before the chunk runs, and each chunk runs
  /// on a variation covering just its own trials (what lets an uncertain-input plan hold one block at a
  /// time), on any thread count and under a precision target too.
  @Test(arguments: [1, 3])
  func eachChunkRunsOnAVariationCoveringItsTrials(threads: Int) async throws {
    let uncovered = LockedBox<[Int]>([])
    var engine = MonteCarloEngine(threadCount: threads)
    engine.variation = CoveredTrialsOnly(uncovered: uncovered)
    var scenario = try Self.scenario()
    let outcome = await engine.run(scenario)
    #expect(outcome.trials == 300)
    scenario.scenario.precision = PrecisionTarget(relativeHalfWidth: 1e-12, maximumTrials: 2_048)
    #expect(await engine.run(scenario).trials == 2_048)
    #expect(uncovered.withValue { $0 } == [])
  }
}
