import CapsimCore
import Testing
import _CapsimTestSupport

@Suite("Cost lines against hand-computed values")
struct CostLinesTests {
  func value(_ outcome: OptionOutcome, _ key: String) -> Double {
    outcome.metric(key)?.estimate.value ?? .nan
  }

  /// Every job takes 10.25 h on 8 GPUs at $3/GPU-h, billed per started hour, 20 jobs in one month.
  @Test func payPerUseBillingStorageAndPenalties() async throws {
    let workload = Workload(
      jobsPerMonth: 20, arrivals: .fixed, gpusPerJob: 8, stepsPerJob: 36_000, deadlineHours: 10)
    var option = Fixtures.option(
      "cloud", seconds: [1.025], price: Fixtures.price("od", perGPUHour: 3))
    option.option.billing = BillingSettings(granularity: .hour, storagePerJob: 5, egressPerJob: 2)
    let costs = HiddenCostSettings(penaltyPerMissedDeadline: 100, penaltyPerHourLate: 10)
    let scenario = try Fixtures.resolved(
      horizonMonths: 1, trials: 20, workload: workload, options: [option], costs: costs)
    let outcome = try #require(await MonteCarloEngine(threadCount: 2).run(scenario).options.first)
    // useful: 20 jobs × 10.25 h × 8 GPUs × $3 = $4,920
    #expect(abs(value(outcome, "cost_compute_useful") - 4_920) < 1e-9)
    // rounding: each job billed 11 h, 0.75 h extra × 8 × $3 = $18, × 20 = $360
    #expect(abs(value(outcome, "cost_billing_rounding") - 360) < 1e-9)
    // storage and egress: 20 × ($5 + $2) = $140
    #expect(value(outcome, "cost_storage_egress") == 140)
    // every job is 0.25 h late: 20 × $100 + 20 × 0.25 h × $10 = $2,050
    #expect(abs(value(outcome, "cost_deadline_penalties") - 2_050) < 1e-9)
    #expect(value(outcome, "cost_investigations") == 0)  // no job slower than 1.5 × expected
    #expect(abs(value(outcome, "total_cost") - 7_470) < 1e-9)
  }

  /// Durations of 1 h or 2 h with equal probability; expected 1.5 h; p95 (type 7 of {1, 2}) = 1.95 h.
  @Test(arguments: [3, 4] as [UInt64])
  func investigationsAndOverProvisioning(seed: UInt64) async throws {
    let workload = Workload(jobsPerMonth: 100, arrivals: .fixed, gpusPerJob: 1, stepsPerJob: 3_600)
    let option = Fixtures.option(
      "cloud", seconds: [1, 2], price: Fixtures.price("od", perGPUHour: 2))
    let costs = HiddenCostSettings(
      engineerHourlyRate: 100, investigationThreshold: 1.2, investigationHours: 4,
      overProvisioning: true)
    let scenario = try Fixtures.resolved(
      horizonMonths: 1, trials: 500, seed: seed, workload: workload, options: [option], costs: costs
    )
    let outcome = try #require(await MonteCarloEngine(threadCount: 2).run(scenario).options.first)
    // A 2-h job exceeds 1.2 × 1.5 h and costs 4 h × $100 = $400 of investigation; a 1-h job is booked
    // for 1.95 h, 0.95 h × $2 = $1.90 of over-provisioning. Every job is one or the other, so per trial
    // investigations/400 + over-provisioning/1.9 = 100 jobs exactly.
    let investigated = value(outcome, "cost_investigations") / 400
    let overProvisioned = value(outcome, "cost_over_provisioning") / 1.9
    #expect(abs(investigated + overProvisioned - 100) < 1e-9, "seed \(seed)")
    // And each is half the jobs in expectation: E = $20,000 and $95, within 4 standard errors.
    let estimate = try #require(outcome.metric("cost_investigations")?.estimate)
    #expect(
      abs(estimate.value - 20_000) < 4 * (estimate.standardError ?? 0), "seed \(seed): \(estimate)")
  }

  /// One committed node: 8 GPUs × $2 × 730 h × 12 months + $500 set-up; people wait on the queue.
  @Test func committedCommitmentIdleCapacityWaitingAndMigration() async throws {
    let workload = Workload(jobsPerMonth: 20, arrivals: .fixed, gpusPerJob: 8, stepsPerJob: 36_000)
    var metal = Fixtures.option(
      "metal", seconds: [1.0],
      price: Fixtures.price("bm", perGPUHour: 2, model: .bareMetal, setupFee: 500), nodes: 1,
      kind: .dedicated)
    metal.option.migration = MigrationSettings(engineerWeeks: 6, otherCosts: 3_000)
    let costs = HiddenCostSettings(engineerHourlyRate: 100, engineersBlockedPerWaitingJob: 2)
    let scenario = try Fixtures.resolved(
      trials: 50, workload: workload, options: [metal], costs: costs)
    let outcome = try #require(await MonteCarloEngine(threadCount: 2).run(scenario).options.first)
    #expect(value(outcome, "cost_commitment") == 140_160)
    #expect(value(outcome, "cost_setup_fees") == 500)
    #expect(value(outcome, "cost_migration") == 27_000)  // 6 weeks × 40 h × $100 + $3,000
    #expect(value(outcome, "cost_compute_useful") == 0)  // committed capacity is not billed per use
    // People waiting: 2 engineers × $100 × Σ wait; with 240 jobs a trial, Σ wait = 240 × mean wait.
    let waiting = value(outcome, "cost_waiting_people")
    #expect(
      abs(waiting - 200 * 240 * value(outcome, "time_queue_wait_hours")) < 1e-6
        * Swift.max(1, waiting))
    // Idle capacity is the unused share of the 12 months of commitment (shown, not added to the total).
    let idle = value(outcome, "idle_capacity_cost")
    #expect(abs(idle - (1 - value(outcome, "utilisation")) * 140_160) < 1e-6)
    #expect(abs(value(outcome, "total_cost") - (140_160 + 500 + 27_000 + waiting)) < 1e-6)
  }

  @Test func linesAddUpToTheTotalInEveryOption() async throws {
    let workload = Workload(jobsPerMonth: 40, gpusPerJob: 8, stepsPerJob: 20_000, deadlineHours: 7)
    var cloud = Fixtures.option(
      "cloud", seconds: [0.9, 1.0, 1.2, 1.6], price: Fixtures.price("od", perGPUHour: 3))
    cloud.option.billing = BillingSettings(granularity: .minute, minimumHours: 1, storagePerJob: 3)
    cloud.option.interruptions = InterruptionSettings(
      preemptionsPerGPUHour: 0.002, failuresPerGPUHour: 0.0001, checkpointInterval: .daly,
      checkpointHours: 0.05,
      restartHours: 0.1, rerunProbability: 0.02, maximumReruns: 1)
    cloud.option.contention = ContentionSettings(
      episodesPerHour: 0.1, meanDurationHours: 1, slowdown: .uniform(low: 1.1, high: 1.5))
    let metal = Fixtures.option(
      "metal", seconds: [1.0, 1.02], price: Fixtures.price("bm", perGPUHour: 2, model: .bareMetal),
      nodes: 2,
      kind: .dedicated)
    let costs = HiddenCostSettings(
      penaltyPerMissedDeadline: 250, penaltyPerHourLate: 20, engineersBlockedPerWaitingJob: 1,
      overProvisioning: true)
    let scenario = try Fixtures.resolved(
      trials: 300, workload: workload, options: [cloud, metal], costs: costs)
    let outcome = await MonteCarloEngine(threadCount: 2).run(scenario)
    for option in outcome.options {
      let lines = option.metrics.filter { $0.key.hasPrefix("cost_") && $0.key != "cost_per_job" }
      #expect(lines.count == CostLines().entries.count)
      let sum = lines.reduce(0) { $0 + $1.estimate.value }
      let total = value(option, "total_cost")
      #expect(abs(sum - total) <= 1e-9 * total, "\(option.name): lines \(sum) vs total \(total)")
    }
  }
}
