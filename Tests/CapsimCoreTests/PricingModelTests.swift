import CapsimCore
import Testing
import _CapsimTestSupport

@Suite("Pricing models against hand-computed values")
struct PricingModelTests {
  func value(_ outcome: OptionOutcome, _ key: String) -> Double {
    outcome.metric(key)?.estimate.value ?? .nan
  }

  /// A spot price of $18 per 8-GPU instance-hour is $2.25 per GPU-hour; 12 jobs of 1 h on 8 GPUs per
  /// month for 2 months cost 24 × 8 × $2.25 = $432 when nothing is preempted.
  @Test func spotInstanceHoursNormalisePerGPU() async throws {
    let spot = PriceQuote(
      name: "spot", provider: "aws", gpuModel: "H100", pricingModel: .spot, amount: 18,
      unit: .instanceHour,
      gpusPerUnit: 8, effectiveDate: "2026-01-01", source: "test")
    #expect(spot.perGPUHour == 2.25)
    let workload = Workload(jobsPerMonth: 12, arrivals: .fixed, gpusPerJob: 8, stepsPerJob: 3_600)
    let option = Fixtures.option("spot", seconds: [1.0], price: spot)
    let outcome = await MonteCarloEngine(threadCount: 1).run(
      try Fixtures.resolved(horizonMonths: 2, trials: 10, workload: workload, options: [option]))
    #expect(value(outcome.options[0], "total_cost") == 432)
  }

  /// A 1-year reserved instance: $29.11 per 8-GPU instance-hour (the recurring part) with a $5,000 upfront
  /// part per instance (the price's set-up fee). Two instances for 12 months: 2 × 8 × (29.11 / 8) × 730 × 12
  /// + 2 × $5,000 = $520,007.20.
  @Test func reservedCapacityBillsRecurringAndUpfrontParts() async throws {
    let reserved = PriceQuote(
      name: "ri", provider: "aws", gpuModel: "H100", pricingModel: .reserved, amount: 29.11,
      unit: .instanceHour,
      gpusPerUnit: 8, minimumTermMonths: 12, setupFee: 5_000, effectiveDate: "2026-01-01",
      source: "test")
    let workload = Workload(jobsPerMonth: 10, arrivals: .fixed, gpusPerJob: 8, stepsPerJob: 3_600)
    let option = Fixtures.option("ri", seconds: [1.0], price: reserved, nodes: 2, kind: .dedicated)
    let outcome = await MonteCarloEngine(threadCount: 1).run(
      try Fixtures.resolved(horizonMonths: 12, trials: 10, workload: workload, options: [option]))
    #expect(abs(value(outcome.options[0], "cost_commitment") - 2 * 29.11 * 730 * 12) < 1e-6)
    #expect(value(outcome.options[0], "cost_setup_fees") == 10_000)
    #expect(abs(value(outcome.options[0], "total_cost") - 520_007.2) < 1e-6)
  }

  /// Jobs of 0.25 h with a 1-hour minimum charge are billed a full hour: 0.75 h × 1 GPU × $4 = $3 of rounding
  /// per job; per-minute granularity adds nothing to a whole number of minutes.
  @Test(arguments: [
    (BillingSettings.Granularity.minute, 1.0, 3.0), (.minute, 0, 0), (.hour, 0, 3.0),
  ])
  func minimumChargeAndGranularity(
    granularity: BillingSettings.Granularity, minimum: Double, rounding: Double
  )
    async throws
  {
    let workload = Workload(jobsPerMonth: 10, arrivals: .fixed, gpusPerJob: 1, stepsPerJob: 900)
    var option = Fixtures.option(
      "cloud", seconds: [1.0], price: Fixtures.price("od", perGPUHour: 4))
    option.option.billing = BillingSettings(granularity: granularity, minimumHours: minimum)
    let outcome = await MonteCarloEngine(threadCount: 1).run(
      try Fixtures.resolved(horizonMonths: 1, trials: 5, workload: workload, options: [option]))
    #expect(abs(value(outcome.options[0], "cost_billing_rounding") - 10 * rounding) < 1e-9)
    #expect(abs(value(outcome.options[0], "cost_compute_useful") - 10 * 0.25 * 4) < 1e-9)
  }

  /// A job time written as a normal with mean 3600 s and sd 10⁻⁹ s is 1 h to within 10⁻⁹ s: per-second
  /// billing must bill exactly 3600 s, not 3601 s for the half of the draws that land a hair above (issue #12).
  /// 10 jobs × 1 h × 8 GPUs × $4 = $320 and no rounding line.
  @Test func nearlyFixedDurationIsNotRoundedUpAWholeUnit() async throws {
    let workload = Workload(jobsPerMonth: 10, arrivals: .fixed, gpusPerJob: 8, stepsPerJob: 1)
    let option = Fixtures.option(
      ScenarioOption(name: "cloud", samples: "unused", price: "od"),
      duration: .distribution(try NormalDistribution(mean: 3_600, standardDeviation: 1e-9)),
      metric: "job_time", price: Fixtures.price("od", perGPUHour: 4))
    let outcome = await MonteCarloEngine(threadCount: 1).run(
      try Fixtures.resolved(horizonMonths: 1, trials: 50, workload: workload, options: [option]))
    #expect(abs(value(outcome.options[0], "cost_billing_rounding")) < 1e-6)
    #expect(abs(value(outcome.options[0], "total_cost") - 320) < 1e-6)
  }

  /// The rounding itself: whole units within a relative 10⁻⁹ stay whole, anything more rounds up.
  static let roundingCases:
    [(hours: Double, granularity: BillingSettings.Granularity, billed: Double)] = [
      (1.0, .second, 1.0),
      ((3_600.0 + 1e-7) / 3_600.0, .second, 1.0),
      ((3_600.0 + 0.001) / 3_600.0, .second, 3_601.0 / 3_600.0),
      (0.25, .hour, 1.0),
      (2.000_000_000_1, .hour, 2.0),
      (2.001, .hour, 3.0),
      (0.0, .minute, 0.0),
    ]

  @Test func billingRoundsUpWithARelativeTolerance() {
    for (hours, granularity, billed) in Self.roundingCases {
      let settings = BillingSettings(granularity: granularity)
      #expect(abs(settings.billedHours(hours) - billed) < 1e-12, "\(hours) h")
    }
  }

  /// ⌊units⌋ is taken by integer conversion below 2⁵² and by `rounded(.down)` above: both sides of the switch,
  /// and values just below and above whole units, give the hours that libm's floor gives (the formula written
  /// with `rounded(.down)` everywhere is the reference).
  @Test func billingWithoutLibmFloorMatchesRoundedDown() {
    func reference(_ hours: Double, _ settings: BillingSettings) -> Double {
      let unit = settings.granularity.hours
      let units = hours * settings.granularity.perHour
      let whole = units.rounded(.down)
      let billed =
        units - whole <= BillingSettings.roundingTolerance * Swift.max(1, units) ? whole : whole + 1
      return Swift.max(settings.minimumHours, billed * unit)
    }
    var values: [Double] = [0, 0.5, 1, 7.25, 0x1p52 - 1, 0x1p52, 0x1p52 + 2, 0x1p60, 1e300]
    for whole in [1.0, 2, 3_600, 1e6, 0x1p51, 0x1p52 - 1] {
      values += [whole.nextDown, whole, whole.nextUp, whole * (1 + 2e-9), whole * (1 - 2e-9)]
    }
    for granularity in BillingSettings.Granularity.allCases {
      let settings = BillingSettings(granularity: granularity, minimumHours: 0.1)
      for units in values {
        let hours = units * granularity.hours
        #expect(
          settings.billedHours(hours).bitPattern == reference(hours, settings).bitPattern,
          "\(units) \(granularity)s")
      }
    }
  }

  /// Half the attempts fail in a way that needs a rerun and none is allowed: a failed job wastes a uniform
  /// share of its 10 h (mean 5 h) and does no useful work. Per job: E[rerun line] = 0.5 × 5 h × 8 × $3 = $60,
  /// E[useful line] = 0.5 × 10 h × 8 × $3 = $120.
  @Test func rerunsAndUsefulWorkOfFailedJobs() async throws {
    let workload = Workload(jobsPerMonth: 200, arrivals: .fixed, gpusPerJob: 8, stepsPerJob: 36_000)
    var option = Fixtures.option(
      "flaky", seconds: [1.0], price: Fixtures.price("od", perGPUHour: 3))
    option.option.interruptions = InterruptionSettings(
      preemptionsPerGPUHour: 0, failuresPerGPUHour: 0, checkpointInterval: .fixed(hours: .infinity),
      checkpointHours: 0, restartHours: 0, rerunProbability: 0.5, maximumReruns: 0)
    let outcome = await MonteCarloEngine(threadCount: 2).run(
      try Fixtures.resolved(horizonMonths: 1, trials: 500, workload: workload, options: [option]))
    let reruns = try #require(outcome.options[0].metric("cost_compute_reruns")?.estimate)
    let useful = try #require(outcome.options[0].metric("cost_compute_useful")?.estimate)
    #expect(abs(reruns.value - 200 * 60) < 4 * (reruns.standardError ?? 0), "\(reruns)")
    #expect(abs(useful.value - 200 * 120) < 4 * (useful.standardError ?? 0), "\(useful)")
  }
}
