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
}
