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

  /// Smoothed sampling with stragglers takes thousands of kernel-density quantiles, each a sum over every
  /// value: a large set is refused at `sampling` (30,000 values ran for minutes), a set at the limit runs.
  @Test(arguments: [1_000, 1_001])
  func smoothedStragglersAreLimitedInSize(values: Int) throws {
    let seconds = (0..<values).map { 1 + Double($0 % 97) / 1000 }
    var option = ScenarioOption(name: "cloud", samples: "steps", price: "od")
    option.stragglers = true
    let resolved = Fixtures.option(
      option,
      duration: .distribution(
        try EmpiricalDistribution(values: seconds, smoothing: .gaussianKernel(bandwidth: nil))),
      price: Fixtures.price("od", perGPUHour: 2))
    let workload = Workload(jobsPerMonth: 10, gpusPerJob: 8, stepsPerJob: 1000)
    if values <= 1_000 {
      _ = try Fixtures.resolved(workload: workload, options: [resolved])
      return
    }
    let error = #expect(throws: ScenarioError.self) {
      try Fixtures.resolved(workload: workload, options: [resolved])
    }
    #expect(
      error?.description.contains("at most 1000 values (this set has 1001)") == true,
      "\(String(describing: error))")
    #expect(error?.description.contains("use sampling: bootstrap") == true)
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

  /// Prices an older capsim stored without checking them: each is reported at the option's `price`
  /// instead of trapping in the engine (a 1e308 amount overflowed the cost histogram; 1e-300 GPUs per
  /// unit trapped converting the node count to Int).
  @Test(arguments: [
    (
      "amount", Fixtures.price("huge", perGPUHour: 1e308),
      "price 'huge' in the database has amount 1e+308; that is 1e+308 per GPU-hour, which must be between 0 and 1000000"
    ),
    (
      "gpus per unit",
      PriceQuote(
        name: "tiny", provider: "x", gpuModel: "H100", pricingModel: .onDemand, amount: 2,
        unit: .gpuHour, gpusPerUnit: 1e-300, effectiveDate: "2025-01-15", source: "s"),
      "price 'tiny' in the database has gpus_per_unit 1e-300; it must be between 0.01 and 100000"
    ),
    (
      "part of a GPU, committed",
      Fixtures.price("half", perGPUHour: 2, model: .bareMetal, gpusPerUnit: 0.5),
      "price 'half' in the database has gpus_per_unit 0.5; it must be a whole number between 1 and 100000"
    ),
    (
      "minimum term",
      Fixtures.price("long", perGPUHour: 2, model: .bareMetal, minimumTermMonths: 100_000_000_000),
      "price 'long' in the database has minimum_term_months 100000000000; it must be a whole number between 0 and 600"
    ),
  ])
  func storedPriceOutsideItsLimitsIsReportedNotSimulated(
    name: String, price: PriceQuote, message: String
  ) throws {
    let option = Fixtures.option(
      "cloud", seconds: [1], price: price, nodes: price.pricingModel.isCommitment ? 2 : nil)
    let error = #expect(throws: ScenarioError.self) {
      try Fixtures.resolved(workload: workload, options: [option])
    }
    #expect(error?.problems.count == 1)
    #expect(error?.description.contains(message) == true, "\(error?.description ?? "")")
    #expect(error?.description.contains("capsim import prices FILE --replace") == true)
  }

  @Test func scenarioPriceReplacesAnOutOfRangeStoredAmount() throws {
    var option = Fixtures.option(
      "cloud", seconds: [1], price: Fixtures.price("huge", perGPUHour: 1e308))
    option.option.pricePerGPUHour = 2
    let resolved = try Fixtures.resolved(workload: workload, options: [option])
    #expect(resolved.options[0].price.perGPUHour == 2)
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
