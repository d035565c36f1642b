import Testing
import _CapsimTestSupport

@testable import CapsimCore

/// The engine accounts a trial's jobs four at a time, one per SIMD lane (`OptionSimulator.accountJobs`).
/// Reference: the model's accounting written one job at a time (`referenceAccount` below, the engine's
/// scalar code before the lanes), applied to hand-made jobs that take every branch: late and on-time jobs,
/// failed jobs, jobs that waited, investigated jobs, booked time above and below the wall time, billing
/// units, minimum billed hours, and jobs diverted to a hybrid option's overflow and interim options, whose
/// billing differs from each other's. Each job's completion time and cost must be the reference's bit for
/// bit, every count exact, and every sum equal up to the rounding of adding in another order.
@Suite("Accounting in SIMD lanes equals accounting one job at a time")
struct AccountingLanesTests {
  /// A pay-per-use option billed by the minute with a 30-minute minimum, another billed by the hour,
  /// and a committed option that diverts jobs to the first and runs jobs on the second while its nodes
  /// are provisioned.
  static func simulators() throws -> (cloud: OptionSimulator, metal: OptionSimulator) {
    let workload = Workload(
      jobsPerMonth: 30, arrivals: .poisson, gpusPerJob: 8, stepsPerJob: 36_000, deadlineHours: 12)
    let seconds = (0..<50).map { 0.5 + 0.02 * Double($0) }
    var cloud = Fixtures.option(
      "cloud", seconds: seconds, price: Fixtures.price("od", perGPUHour: 3))
    cloud.option.billing = BillingSettings(granularity: .minute, minimumHours: 0.5)
    var spot = Fixtures.option(
      "spot", seconds: seconds, price: Fixtures.price("sp", perGPUHour: 1.7))
    spot.option.billing = BillingSettings(granularity: .hour)
    var metal = Fixtures.option(
      "metal", seconds: seconds,
      price: Fixtures.price("bm", perGPUHour: 2, model: .bareMetal, minimumTermMonths: 12),
      nodes: 1, kind: .dedicated)
    metal.option.overflow = OverflowSettings(option: "cloud", maximumWaitHours: 2)
    metal.option.provisioning = ProvisioningSettings(leadTimeMonths: 2, interimOption: "spot")
    let costs = HiddenCostSettings(
      engineerHourlyRate: 110, penaltyPerMissedDeadline: 500, penaltyPerHourLate: 40,
      investigationThreshold: 1.2, investigationHours: 3, engineersBlockedPerWaitingJob: 0.5,
      overProvisioning: true)
    let scenario = try Fixtures.resolved(
      trials: 10, workload: workload, options: [cloud, spot, metal], costs: costs
    ).rebuildingMechanisms()
    return (
      MonteCarloEngine.simulator(for: scenario.options[0], nodes: 1, in: scenario),
      MonteCarloEngine.simulator(for: scenario.options[2], nodes: 1, in: scenario)
    )
  }

  /// `count` jobs whose wall times, waits, failures and runners vary with the job index (a fixed
  /// pseudo-random sequence, so that lanes see different mixes).
  static func jobs(_ count: Int, runners diverting: Bool) -> (
    times: [TimeBreakdown], waits: [Double], runners: [JobRunner]
  ) {
    var generator = SplitMix64(seed: UInt64(count) &* 7919)
    var times: [TimeBreakdown] = []
    var waits: [Double] = []
    var runners: [JobRunner] = []
    for _ in 0..<count {
      let wall = 0.2 + 30 * generator.nextUnitDouble()
      var time = TimeBreakdown(wall: wall)
      time.useful = wall
      time.failedJobs = generator.nextUnitDouble() < 0.15 ? 1 : 0
      times.append(time)
      waits.append(generator.nextUnitDouble() < 0.4 ? 0 : 8 * generator.nextUnitDouble())
      let runner = generator.nextUnitDouble()
      runners.append(!diverting || runner < 0.4 ? .own : runner < 0.7 ? .overflow : .interim)
    }
    return (times, waits, runners)
  }

  static let counts = [0, 1, 2, 3, 4, 5, 7, 8, 9, 401]

  @Test(arguments: counts)
  func payPerUseOption(count: Int) throws {
    let (cloud, _) = try Self.simulators()
    let jobs = Self.jobs(count, runners: false)
    try Self.compare(cloud, times: jobs.times, waits: jobs.waits, runners: [])
  }

  @Test(arguments: counts)
  func committedOptionWithDivertedJobs(count: Int) throws {
    let (_, metal) = try Self.simulators()
    let jobs = Self.jobs(count, runners: true)
    if count >= 9 {
      #expect(Set(jobs.runners.map(\.rawValue)).count == 3, "every runner taken")
    }
    try Self.compare(metal, times: jobs.times, waits: jobs.waits, runners: jobs.runners)
    // All on the option's own nodes, as a committed option passes them.
    let own = [JobRunner](repeating: .own, count: count)
    try Self.compare(metal, times: jobs.times, waits: jobs.waits, runners: own)
  }

  static func compare(
    _ simulator: OptionSimulator, times: [TimeBreakdown], waits: [Double], runners: [JobRunner]
  ) throws {
    let count = times.count
    var completions = [Double](repeating: .nan, count: count)
    var costs = [Double](repeating: .nan, count: count)
    var totals = TrialTotals()
    times.withUnsafeBufferPointer { timeBuffer in
      waits.withUnsafeBufferPointer { waitBuffer in
        runners.withUnsafeBufferPointer { runnerBuffer in
          completions.withUnsafeMutableBufferPointer { completionBuffer in
            costs.withUnsafeMutableBufferPointer { costBuffer in
              simulator.accountJobs(
                times: timeBuffer, waits: waitBuffer, runners: runnerBuffer,
                completions: completionBuffer, jobCosts: costBuffer, totals: &totals)
            }
          }
        }
      }
    }
    let reference = simulator.referenceAccount(times: times, waits: waits, runners: runners)
    for job in 0..<count {
      #expect(completions[job].bitPattern == reference.completions[job].bitPattern, "job \(job)")
      #expect(costs[job].bitPattern == reference.costs[job].bitPattern, "job \(job)")
    }
    let expected = reference.totals
    #expect(totals.time == expected.time)
    #expect(totals.jobsThatWaited == expected.jobsThatWaited)
    #expect(totals.deadlineMet == expected.deadlineMet)
    #expect(totals.missedDeadlines == expected.missedDeadlines)
    #expect(totals.investigations == expected.investigations)
    func close(_ value: Double, _ reference: Double, _ name: String) {
      #expect(abs(value - reference) <= 1e-12 * Swift.max(1, abs(reference)), "\(name)")
    }
    close(totals.gpuHours, expected.gpuHours, "GPU-hours")
    close(totals.completionHours, expected.completionHours, "completion hours")
    close(totals.completionHoursSquared, expected.completionHoursSquared, "squares")
    close(totals.waitHours, expected.waitHours, "wait hours")
    close(totals.hoursLate, expected.hoursLate, "hours late")
    let lines = totals.lines
    let referenceLines = expected.lines
    close(lines.deadlinePenalties, referenceLines.deadlinePenalties, "penalties")
    close(lines.investigations, referenceLines.investigations, "investigations")
    close(lines.waitingPeople, referenceLines.waitingPeople, "people waiting")
    close(lines.overProvisioning, referenceLines.overProvisioning, "over-provisioning")
    close(lines.billingRounding, referenceLines.billingRounding, "billing rounding")
    close(lines.total, referenceLines.total, "total")
    if count >= 9 {
      // The jobs took the branches the comparison is about.
      #expect(expected.missedDeadlines > 0 && expected.deadlineMet > 0)
      #expect(expected.investigations > 0 && expected.jobsThatWaited > 0)
      #expect(!runners.isEmpty || referenceLines.billingRounding > 0)
      #expect(!runners.isEmpty || referenceLines.overProvisioning > 0)
    }
  }
}

extension OptionSimulator {
  /// Accounting written one job at a time, as docs/costs.md states it (the engine's code before the
  /// SIMD lanes): each sum adds the jobs in job order.
  func referenceAccount(times: [TimeBreakdown], waits: [Double], runners: [JobRunner]) -> (
    completions: [Double], costs: [Double], totals: TrialTotals
  ) {
    let own = AccountingTerms(self, costs: costs)
    let overflowTerms = overflow.map { AccountingTerms($0.simulator, costs: costs) }
    let interimTerms = interim.map { AccountingTerms($0.simulator, costs: costs) }
    var totals = TrialTotals()
    var completions: [Double] = []
    var jobCosts: [Double] = []
    var diverted = (overflow: TimeBreakdown(), interim: TimeBreakdown())
    let deadline = deadlineHours
    for job in times.indices {
      let runner = runners.isEmpty ? .own : runners[job]
      let terms: AccountingTerms
      switch runner {
      case .own: terms = own
      case .overflow:
        terms = overflowTerms!
        diverted.overflow += times[job]
      case .interim:
        terms = interimTerms!
        diverted.interim += times[job]
      }
      let wall = times[job].wall
      let wait = waits[job]
      let completion = wait + wall
      totals.time += times[job]
      totals.gpuHours += wall * terms.gpusPerJob
      totals.completionHours += completion
      totals.completionHoursSquared += completion * completion
      totals.waitHours += wait
      if wait > 0 { totals.jobsThatWaited += 1 }
      let completed = times[job].failedJobs == 0
      let onTime = completion <= deadline && completed
      let late = !onTime && (deadline.isFinite || !completed)
      if onTime { totals.deadlineMet += 1 }
      var cost = 0.0
      if late {
        totals.missedDeadlines += 1
        let hours = deadline.isFinite ? Swift.max(0, completion - deadline) : 0
        totals.hoursLate += hours
        let penalty =
          deadline.isFinite
          ? costs.penaltyPerMissedDeadline + hours * costs.penaltyPerHourLate
          : costs.penaltyPerMissedDeadline
        totals.lines.deadlinePenalties += penalty
        cost += penalty
      }
      var investigation = 0.0
      if wall > terms.investigationLimit {
        totals.investigations += 1
        investigation = costs.investigationHours * costs.engineerHourlyRate
        totals.lines.investigations += investigation
      }
      let waiting = wait * (costs.engineersBlockedPerWaitingJob * costs.engineerHourlyRate)
      totals.lines.waitingPeople += waiting
      cost = cost + investigation + waiting
      if terms.billedPerUse {
        let extraBooked = costs.overProvisioning && terms.bookedHours > wall
        let booked = extraBooked ? terms.bookedHours : wall
        if extraBooked { totals.lines.overProvisioning += (terms.bookedHours - wall) * terms.rate }
        let billed = terms.billing.billedHours(booked)
        totals.lines.billingRounding += Swift.max(0, billed - booked) * terms.rate
        cost += Swift.max(billed, booked) * terms.rate
      }
      completions.append(completion)
      jobCosts.append(cost)
    }
    if runners.allSatisfy({ $0 == .own }) {
      if own.billedPerUse { totals.lines.addCompute(totals.time, rate: own.rate) }
    } else {
      if let overflowTerms { totals.lines.addCompute(diverted.overflow, rate: overflowTerms.rate) }
      if let interimTerms { totals.lines.addCompute(diverted.interim, rate: interimTerms.rate) }
    }
    return (completions, jobCosts, totals)
  }
}
