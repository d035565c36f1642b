import CapsimCore
import Testing
import _CapsimTestSupport

@Suite("Work estimate")
struct WorkEstimateTests {
  /// 80 jobs a month over 12 months = 960 expected jobs per trial; with 10 trials on 2 threads, two trials
  /// run at once: 960 × 200 bytes × 2 = 384,000 bytes of working memory.
  static func estimate(trials: Int = 10) throws -> WorkEstimate {
    let workload = Workload(jobsPerMonth: 80, gpusPerJob: 8, stepsPerJob: 36_000)
    let option = Fixtures.option(
      "cloud", seconds: [1.0], price: Fixtures.price("od", perGPUHour: 3))
    return WorkEstimate(
      try Fixtures.resolved(
        horizonMonths: 12, trials: trials, seed: 1, workload: workload, options: [option]))
  }

  @Test func workingMemoryIsJobsPerTrialTimesTheTrialsRunningAtOnce() throws {
    let work = try Self.estimate()
    #expect(work.jobsPerTrial == 960)
    #expect(work.workingMemory(threads: 2) == 384_000)
    #expect(work.workingMemory(threads: 64) == 1_920_000)  // at most the 10 trials at once
    #expect(try Self.estimate(trials: 1).workingMemory(threads: 8) == 192_000)
  }

  @Test func aTrialLargerThanMemoryIsOneLocatedError() throws {
    let work = try Self.estimate()
    var sourceMap = ScenarioSourceMap(file: "s.yaml")
    sourceMap.record("workload.jobs_per_month", line: 7, column: 19)
    try work.checkMemory(available: 384_000, threads: 2, sourceMap: sourceMap)
    let error = #expect(throws: ScenarioError.self) {
      try work.checkMemory(available: 383_999, threads: 2, sourceMap: sourceMap)
    }
    let diagnostic = try #require(error?.problems.first).diagnostic
    #expect(error?.problems.count == 1)
    #expect(diagnostic.location?.line == 7)
    #expect(diagnostic.message.contains("one trial holds about 960 jobs"), "\(diagnostic)")
    #expect(diagnostic.help != nil)
  }

  /// Trial t of a run simulates (t + 1) × 10 jobs a month: its own volume, as uncertain inputs give.
  struct VolumeByTrial: TrialScenarioVariation {
    func scenario(forTrial trial: Int, base: ResolvedScenario) -> ResolvedScenario {
      var scenario = base
      scenario.scenario.workload.jobsPerMonth = Double(trial + 1) * 10
      return scenario
    }
  }

  /// The estimate of a run whose trials draw their own volume averages the trials' own jobs: with trials
  /// 0…9 at 10…100 jobs a month over 12 months, (10 + … + 100)/10 × 12 = 660 jobs a trial, where the
  /// scenario's own 80 a month would give 960 (and a median input would miss a long tail).
  @Test func uncertainVolumeIsTheTrialsOwnMean() throws {
    let base = try Self.estimate()
    let resolved = try Fixtures.resolved(
      horizonMonths: 12, trials: 10, seed: 1,
      workload: Workload(jobsPerMonth: 80, gpusPerJob: 8, stepsPerJob: 36_000),
      options: [
        Fixtures.option("cloud", seconds: [1.0], price: Fixtures.price("od", perGPUHour: 3))
      ])
    let work = WorkEstimate(resolved, variation: VolumeByTrial())
    #expect(base.jobsPerTrial == 960)
    #expect(work.jobsPerTrial == 660)
    #expect(work.simulatedJobs == 6_600)
  }

  /// A precision target may make batches up to its maximum: the maximum is lowered to the trials the
  /// budget allows (960 jobs a trial, one pass: a budget of 96,000 jobs allows exactly 100 trials), and
  /// left alone when it fits.
  @Test func aPrecisionTargetIsCappedAtTheTrialsTheBudgetAllows() throws {
    let work = try Self.estimate()
    #expect(work.trials(within: 96_000) == 100)
    #expect(work.trials(within: 95_999) == 99)
    let target = PrecisionTarget(relativeHalfWidth: 0.01, maximumTrials: 1_000_000)
    #expect(work.capped(target, budget: 96_000)?.maximumTrials == 100)
    #expect(work.capped(target, budget: 96_000)?.relativeHalfWidth == 0.01)
    #expect(
      work.capped(PrecisionTarget(relativeHalfWidth: 0.01, maximumTrials: 100), budget: 96_000)
        == nil)
    // Not even one trial fits: one is left, for the budget check at one trial to refuse.
    #expect(work.capped(target, budget: 10)?.maximumTrials == 1)
  }
}
