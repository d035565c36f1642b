import CapsimCore
import Testing
import _CapsimTestSupport

@Suite("Scenario resolution")
struct ResolvedScenarioTests {
  let workload = Workload(jobsPerMonth: 10, gpusPerJob: 16, stepsPerJob: 1)

  @Test func committedPriceNeedsNodes() throws {
    let metal = Fixtures.option(
      "metal", seconds: [1], price: Fixtures.price("bm", perGPUHour: 2, model: .bareMetal))
    let error = #expect(throws: ScenarioError.self) {
      try Fixtures.resolved(workload: workload, options: [metal])
    }
    #expect(error?.description.contains("missing required key 'nodes'") == true)
  }

  @Test func jobLargerThanCapacityIsRejected() throws {
    let metal = Fixtures.option(
      "metal", seconds: [1], price: Fixtures.price("bm", perGPUHour: 2, model: .bareMetal), nodes: 1
    )
    let error = #expect(throws: ScenarioError.self) {
      try Fixtures.resolved(workload: workload, options: [metal])
    }
    #expect(
      error?.description.contains(
        "a job needs 16 GPUs (2 nodes of 8 GPUs) but option 'metal' allows only 1")
        == true)
    #expect(
      error?.description.contains("raise 'nodes' (or 'sizing.max_nodes') to at least 2") == true)
  }

  @Test func mixedCurrenciesAndWrongMetricsAreAllReported() throws {
    let a = Fixtures.option("a", seconds: [1], price: Fixtures.price("od", perGPUHour: 2))
    let b = Fixtures.option(
      "b", seconds: [1], price: Fixtures.price("eu", perGPUHour: 2, currency: "EUR"),
      metric: "queue_wait")
    let error = #expect(throws: ScenarioError.self) {
      try Fixtures.resolved(workload: workload, options: [a, b])
    }
    #expect(error?.problems.count == 2)
  }
}
