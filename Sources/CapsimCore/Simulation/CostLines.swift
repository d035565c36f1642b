/// One trial's costs of one option, line by line; ``total`` is their sum.
///
/// Pay-per-use options split the GPU-hours they are billed for by what the time was spent on; committed
/// options pay their commitment whatever happens. Hidden costs (penalties, engineering time, people
/// waiting, migration) apply to both. The lines are documented in `docs/costs.md`.
public struct CostLines: Sendable, Hashable, Codable {
  /// Useful compute (pay-per-use).
  public var computeUseful = 0.0
  /// Compute burned by stragglers and contention slowing jobs down (pay-per-use).
  public var computeSlowdown = 0.0
  /// Compute lost to interruptions (work since the last checkpoint) (pay-per-use).
  public var computeLostWork = 0.0
  /// Checkpoint overhead (pay-per-use).
  public var computeCheckpoints = 0.0
  /// Restart time after interruptions (pay-per-use).
  public var computeRestarts = 0.0
  /// Compute burned by failed attempts that needed a full rerun (pay-per-use).
  public var computeReruns = 0.0
  /// Billing granularity and minimum charges beyond the time used (pay-per-use).
  public var billingRounding = 0.0
  /// Idle time booked to meet the p95 job time instead of the time used (pay-per-use, when enabled).
  public var overProvisioning = 0.0
  /// Committed capacity over the horizon, busy or idle, including months of minimum term past it.
  public var commitment = 0.0
  /// Set-up fees of committed nodes.
  public var setupFees = 0.0
  /// Storage and data egress per job.
  public var storageAndEgress = 0.0
  /// Penalties for missed deadlines.
  public var deadlinePenalties = 0.0
  /// Engineering time spent investigating slow jobs.
  public var investigations = 0.0
  /// People blocked while jobs wait for capacity.
  public var waitingPeople = 0.0
  /// One-time migration cost.
  public var migration = 0.0

  /// Creates empty lines.
  public init() {}

  /// The lines in report order: stable key, label, and value.
  public var entries: [(key: String, label: String, value: Double)] {
    [
      ("cost_compute_useful", "Cost: useful compute", computeUseful),
      ("cost_compute_slowdown", "Cost: slowdown", computeSlowdown),
      ("cost_compute_lost_work", "Cost: lost work", computeLostWork),
      ("cost_compute_checkpoints", "Cost: checkpoints", computeCheckpoints),
      ("cost_compute_restarts", "Cost: restarts", computeRestarts),
      ("cost_compute_reruns", "Cost: reruns", computeReruns),
      ("cost_billing_rounding", "Cost: billing rounding", billingRounding),
      ("cost_over_provisioning", "Cost: over-provisioning", overProvisioning),
      ("cost_commitment", "Cost: commitment", commitment),
      ("cost_setup_fees", "Cost: set-up fees", setupFees),
      ("cost_storage_egress", "Cost: storage, egress", storageAndEgress),
      ("cost_deadline_penalties", "Cost: missed deadlines", deadlinePenalties),
      ("cost_investigations", "Cost: investigations", investigations),
      ("cost_waiting_people", "Cost: people waiting", waitingPeople),
      ("cost_migration", "Cost: migration", migration),
    ]
  }

  /// The sum of every line, added in report order.
  public var total: Double {
    var sum = NeumaierSum()
    for entry in entries { sum.add(entry.value) }
    return sum.value
  }
}

extension CostLines {
  /// Adds the compute lines of `time` billed at `rate` per hour: each cause's hours × the rate (slowdown is
  /// stragglers and contention together).
  mutating func addCompute(_ time: TimeBreakdown, rate: Double) {
    computeUseful += time.useful * rate
    computeSlowdown += (time.straggler + time.contention) * rate
    computeLostWork += time.lost * rate
    computeCheckpoints += time.checkpoint * rate
    computeRestarts += time.restart * rate
    computeReruns += time.rerun * rate
  }
}
