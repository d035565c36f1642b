/// Totals of one option over one simulated horizon (one trial).
struct TrialTotals: Sendable {
  var cost = 0.0
  var jobs = 0
  var gpuHours = 0.0
  /// The jobs' time by cause, summed.
  var time = TimeBreakdown()
  /// Σ completion time (queue wait + wall time) and its square, hours.
  var completionHours = 0.0
  var completionHoursSquared = 0.0
  var deadlineMet = 0
  var utilisation = 0.0
  /// Work offered to the committed nodes over their capacity (node-hours of the horizon's jobs that ran
  /// there / node-hours that existed), not capped at 1: above 1 the queue grows without bound.
  var offeredLoad = 0.0
  var waitHours = 0.0
  var jobsThatWaited = 0
  var missedDeadlines = 0
  var hoursLate = 0.0
  var investigations = 0
  /// Committed GPU-hours left idle, priced (shown, not added: the commitment already pays for them).
  var idleCapacityCost = 0.0
  /// Jobs of a hybrid option sent to its overflow option.
  var overflowJobs = 0
  /// Jobs run on the interim option while committed nodes were provisioned.
  var interimJobs = 0
  var lines = CostLines()
  /// Cost incurred in each month (jobs counted in the month they arrive; commitments month by month;
  /// set-up and migration in the first month; committed months past the horizon in the last). Sums to
  /// `lines.total` up to rounding.
  var monthlyCost: [Double] = []
}

/// Where a job of a committed option ran.
enum JobRunner: UInt8, Sendable {
  /// On the option's own nodes.
  case own
  /// Diverted to the hybrid option's overflow option.
  case overflow
  /// On the interim option while the nodes were provisioned.
  case interim
}

/// Buffers reused from trial to trial (one set per chunk), so the hot loop does not allocate.
struct TrialScratch {
  var times: [TimeBreakdown] = []
  var walls: [Double] = []
  var waits: [Double] = []
  var runners: [JobRunner] = []
  var nodesNeeded: [Int] = []
  var queue: DedicatedClusterQueue?
  /// Each job's completion time (wait + wall, hours) of the option being simulated, recorded into its
  /// histogram once per trial.
  var completionHours: [Double] = []
  /// Each job's cost of the option being simulated, added into the monthly series once per trial.
  var jobCosts: [Double] = []
  /// Each job's key (``RandomLayout/jobKey(trialKey:job:)``), shared by every option of the trial.
  var jobKeys: [UInt64] = []
  /// Each job's first interruption clock as a standard exponential, shared by every option of the trial
  /// (the same job draws the same value on each): taken by the first option with interruptions.
  var interruptionClocks: [Double] = []
  /// The key of the trial whose clocks `interruptionClocks` holds (nil before the first).
  var interruptionClocksTrial: UInt64?
}

/// The pay-per-use option a hybrid option sends jobs to when its committed nodes would make them wait too
/// long (a class, so that an option simulator can refer to another).
final class OverflowTarget: Sendable {
  let simulator: OptionSimulator
  let maximumWaitHours: Double

  init(simulator: OptionSimulator, maximumWaitHours: Double) {
    self.simulator = simulator
    self.maximumWaitHours = maximumWaitHours
  }
}
