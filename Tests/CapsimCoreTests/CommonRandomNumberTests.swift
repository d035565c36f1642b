import CapsimCore
import Testing
import _CapsimTestSupport

/// The random-number layout keys every draw by (seed, trial, job, mechanism) (docs/model.md, "Random numbers").
@Suite("Common random numbers")
struct CommonRandomNumberTests {
  static let workload = Workload(
    jobsPerMonth: 30, arrivals: .poisson, gpusPerJob: 8, stepsPerJob: 36_000, deadlineHours: 24)

  static func interruptions(preemptions: Double) -> InterruptionSettings {
    InterruptionSettings(
      preemptionsPerGPUHour: preemptions, failuresPerGPUHour: 0.00002, checkpointInterval: .daly,
      checkpointHours: 0.1, restartHours: 0.25, rerunProbability: 0.01, maximumReruns: 2)
  }

  /// Three options with every mechanism: shared with stragglers and contention, spot with interruptions,
  /// dedicated with a queue.
  static func options(spotPreemptions: Double, spotPrice: Double = 2.25) -> [ResolvedOption] {
    let seconds = (0..<50).map { 0.9 + 0.004 * Double($0) }
    var shared = Fixtures.option(
      "shared", seconds: seconds, price: Fixtures.price("od", perGPUHour: 3))
    shared.option.stragglers = true
    shared.option.contention = ContentionSettings(
      episodesPerHour: 0.05, meanDurationHours: 2, slowdown: .uniform(low: 1.1, high: 1.5))
    var spot = Fixtures.option(
      "spot", seconds: seconds, price: Fixtures.price("spot", perGPUHour: spotPrice, model: .spot))
    spot.option.interruptions = interruptions(preemptions: spotPreemptions)
    var metal = Fixtures.option(
      "metal", seconds: seconds, price: Fixtures.price("bm", perGPUHour: 2, model: .bareMetal),
      nodes: 3, kind: .dedicated)
    metal.option.interruptions = interruptions(preemptions: 0)
    return [shared, spot, metal]
  }

  /// Changing one option's preemption rate leaves every other option's results, trial by trial, bit-identical.
  @Test func changingOneOptionLeavesTheOthersBitIdentical() async throws {
    let engine = MonteCarloEngine(threadCount: 2)
    let before = await engine.run(
      try Fixtures.resolved(
        trials: 300, workload: Self.workload, options: Self.options(spotPreemptions: 0.0003)))
    let after = await engine.run(
      try Fixtures.resolved(
        trials: 300, workload: Self.workload, options: Self.options(spotPreemptions: 0.003)))
    #expect(before.options[0] == after.options[0])
    #expect(before.options[2] == after.options[2])
    #expect(before.options[0].totalCostByTrial == after.options[0].totalCostByTrial)
    #expect(before.options[1].totalCostByTrial != after.options[1].totalCostByTrial)
  }

  /// Standard error of the mean paired cost difference between two options, with common random numbers
  /// (both in one run) and with independent streams (each option in a run of its own seed).
  static func pairedStandardErrors(_ a: ResolvedOption, _ b: ResolvedOption) async throws
    -> (common: Double, independent: Double)
  {
    let engine = MonteCarloEngine(threadCount: 2)
    let together = await engine.run(
      try Fixtures.resolved(trials: 400, seed: 11, workload: Self.workload, options: [a, b]))
    let alone = await engine.run(
      try Fixtures.resolved(trials: 400, seed: 12, workload: Self.workload, options: [b]))
    let common = PairedComparison(
      option: together.options[0].totalCostByTrial,
      alternative: together.options[1].totalCostByTrial)
    let independent = PairedComparison(
      option: together.options[0].totalCostByTrial, alternative: alone.options[0].totalCostByTrial)
    return (
      try #require(common.meanSavingStandardError),
      try #require(independent.meanSavingStandardError)
    )
  }

  /// Two spot options that differ only in price: with common random numbers the paired difference is
  /// (price difference) × GPU-hours, so its standard error is far below a third of the independent one's.
  /// Measured (400 trials, seeds 11 and 12): SE 18.8 with common random numbers, 243.6 independent (13×).
  @Test func pairedDifferenceInPriceHasAThirdOfTheIndependentStandardError() async throws {
    let options = Self.options(spotPreemptions: 0.0003)
    var cheaper = options[1]
    cheaper.option.name = "spot-cheaper"
    cheaper.price = Fixtures.price("spot2", perGPUHour: 2.0, model: .spot)
    cheaper.option.price = "spot2"
    let (common, independent) = try await Self.pairedStandardErrors(options[1], cheaper)
    #expect(common <= independent / 3, "SE with CRN \(common), independent \(independent)")
  }

  /// Two spot options that differ only in the preemption rate (10×). Measured (400 trials, seeds 11 and 12): SE
  /// 69.6 with common random numbers, 260.6 independent (3.7×).
  @Test func pairedDifferenceInOneRateHasAThirdOfTheIndependentStandardError() async throws {
    let options = Self.options(spotPreemptions: 0.0003)
    var flakier = options[1]
    flakier.option.name = "spot-flakier"
    flakier.option.interruptions = Self.interruptions(preemptions: 0.003)
    let (common, independent) = try await Self.pairedStandardErrors(options[1], flakier)
    #expect(common <= independent / 3, "SE with CRN \(common), independent \(independent)")
  }

  /// The same (seed, trial, job, mechanism) always gives the same stream, and different mechanisms of one job
  /// give different ones.
  @Test func streamsAreKeyedByWhatTheyAreFor() {
    let layout = RandomLayout(seed: 42)
    var a = layout.stream(trial: 3, job: 17, .interruptions)
    var b = layout.stream(trial: 3, job: 17, .interruptions)
    #expect((0..<8).map { _ in a.next() } == (0..<8).map { _ in b.next() })
    let firsts = RandomLayout.Mechanism.allCases.map { mechanism -> UInt64 in
      var stream = layout.stream(trial: 3, job: 17, mechanism)
      return stream.next()
    }
    #expect(Set(firsts).count == firsts.count)
    var otherJob = layout.stream(trial: 3, job: 18, .interruptions)
    var otherTrial = layout.stream(trial: 4, job: 17, .interruptions)
    var first = layout.stream(trial: 3, job: 17, .interruptions)
    let value = first.next()
    #expect(otherJob.next() != value)
    #expect(otherTrial.next() != value)
  }
}
