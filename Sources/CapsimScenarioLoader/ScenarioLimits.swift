/// Every numeric scenario key's valid range, in one table (documented in docs/scenarios.md, "Valid
/// ranges"). The loader looks each number up here by its key path with list indices removed
/// (`options[2].interruptions.restart_hours` → `options.interruptions.restart_hours`); distribution
/// parameters by `distribution.FAMILY.PARAMETER`, for any distribution section.
///
/// The limits are chosen from what is physically meaningful, not from what the arithmetic survives: no
/// job runs for more than years, no cluster of more than 100,000 nodes is planned with capsim, and no
/// team submits more than a million jobs a month. Together with the checks made once names are resolved
/// (``ResolvedScenario``: a job's failure-free and expected wall time), they keep every simulated
/// quantity finite and every Double→Int conversion in range.
public enum ScenarioLimits {
  /// Hours in ten years: the longest wait, deadline or mechanism duration that is worth modelling.
  static let tenYearsOfHours = 87_600.0
  /// Seconds in ten years: the longest step or job time a distribution may describe.
  static let tenYearsOfSeconds = DurationLimits.tenYearsOfSeconds

  /// The most options a scenario may list (docs/scenarios.md, "Valid ranges"): every option is simulated
  /// on every trial and shown in every report, and a comparison of more than a thousand is a mistake
  /// (a generated file gone wrong), not a question.
  public static let maximumOptions = 1_000
  /// The longest option name, in characters: a name labels the option's rows and columns in every
  /// report.
  public static let maximumOptionNameLength = 200

  /// The table, keyed by normalised key path.
  public static let table: [String: NumericLimit] = [
    "version": .closed(1, 1_000, "the format version; 1 is current", whole: true),
    "horizon_months": .closed(
      1, PriceLimits.longestHorizonMonths,
      "months to simulate; 600 (50 years) is far beyond any hardware's life", whole: true),
    "max_price_age_days": .closed(
      0, 36_500, "the age in days above which reports flag a price as stale (default 90)",
      whole: true),
    "sweep.from": .closed(
      -1e15, 1e15, "the first value of a sweep; each point is then checked like the key it sets"),
    "sweep.to": .closed(
      -1e15, 1e15, "the last value of a sweep; each point is then checked like the key it sets"),
    "sweep.step": .closed(
      -1e15, 1e15, "the step between sweep points; each point is then checked like the key it sets"),
    "precision": .above(
      0, upTo: 0.5,
      "the relative 95% half-width to reach, e.g. 0.01 for 1%; beyond 0.5 an estimate says nothing"),
    "max_trials": .closed(
      1, 10_000_000, "the most trials a precision target may use", whole: true),
    "uncertainty.correlations.rank": .above(
      -1, upTo: 0.999_999,
      "a rank correlation between two uncertain inputs, strictly between -1 and 1"),
    "trials": .closed(
      1, 10_000_000, "Monte Carlo trials; 2,000 give about 2% relative error on a mean",
      whole: true),
    "workload.jobs_per_month": .closed(
      0.1, Workload.maximumJobsPerMonth,
      "mean jobs submitted per month: at least one job in ten months, at most a million (about one every 3 s)"
    ),
    "workload.monthly_jobs": .closed(
      0, Workload.maximumJobsPerMonth,
      "each month's mean job count: at most a million (about one every 3 s)"),
    "workload.gpus_per_job": .closed(
      1, PriceLimits.mostGPUs,
      "GPUs one job holds at once (the largest clusters have about 100,000)",
      whole: true),
    "workload.steps_per_job": .above(
      0, upTo: 1_000_000_000,
      "steps (or units of the job-time sample) per job; a billion steps is beyond any training run"),
    "workload.deadline_hours": .above(
      0, upTo: tenYearsOfHours, "hours from submission to the deadline, at most ten years"),
    "workload.growth.rate_per_month": .above(
      -1, upTo: 1,
      "the monthly growth rate: more than −1 (−100%) and at most 1 (doubling every month)"),
    "options.duration_scale": .closed(
      0.001, 1_000, "a factor on every duration, from 1/1000 to 1000 (e.g. 1.2 for 20% slower)"),
    "options.nodes": .closed(1, 100_000, "committed nodes, at most 100,000", whole: true),
    "options.price_per_gpu_hour": PriceLimits.perGPUHour.with(
      reason:
        "the price of one GPU for one hour in the price's currency, replacing the quoted amount; at most 10^6"
    ),
    "options.sizing.max_nodes": .closed(
      1, 100_000, "the largest node count the sizing search tries, at most 100,000", whole: true),
    "options.sizing.at_most": .closed(
      0, tenYearsOfHours, "a wait in hours, from 0 to ten years"),
    "options.sizing.at_least": .closed(0, 1, "a share of jobs, from 0 to 1 (e.g. 0.95)"),
    "options.contention.episodes_per_hour": .closed(
      0, 100, "contention episodes per hour, at most 100 (one every 36 s)"),
    "options.contention.mean_duration_hours": .above(
      0, upTo: tenYearsOfHours, "the mean episode length in hours, at most ten years"),
    "options.contention.slowdown": .closed(
      1, 100, "the factor by which an episode slows work, from 1 (none) to 100"),
    "options.contention.slowdown.low": .closed(1, 100, "a slowdown factor from 1 (none) to 100"),
    "options.contention.slowdown.high": .closed(1, 100, "a slowdown factor from 1 (none) to 100"),
    "options.interruptions.preemptions_per_gpu_hour": .closed(
      0, 10, "preemptions per GPU-hour, at most 10 (one every 6 minutes on each GPU)"),
    "options.interruptions.failures_per_gpu_hour": .closed(
      0, 10, "failures per GPU-hour, at most 10 (one every 6 minutes on each GPU)"),
    "options.interruptions.checkpoint_every_hours": .closed(
      InterruptionModel.shortestIntervalHours, tenYearsOfHours,
      "hours of work between checkpoints, from 0.0001 (0.36 s) to ten years"),
    "options.interruptions.checkpoint_hours": .closed(
      0, 720, "hours one checkpoint takes, at most 720 (30 days)"),
    "options.interruptions.restart_hours": .closed(
      0, 720, "hours one restart takes, at most 720 (30 days)"),
    "options.interruptions.rerun_probability": NumericLimit(
      lower: 0, includesLower: true, upper: 0.99, isWholeNumber: false,
      reason: "the probability that an attempt fails fatally, from 0 to 0.99"),
    "options.interruptions.max_reruns": .closed(
      0, 1_000, "full reruns after fatal failures, at most 1000", whole: true),
    "options.billing.minimum_hours": .closed(
      0, 8_760, "the minimum billed hours per job, at most a year"),
    "options.billing.storage_per_job": .closed(
      0, 1e9, "storage charged per job in the price's currency, at most 10^9"),
    "options.billing.egress_per_job": .closed(
      0, 1e9, "egress charged per job in the price's currency, at most 10^9"),
    "options.migration.engineer_weeks": .closed(
      0, 10_000, "engineer-weeks of migration work, at most 10,000"),
    "options.migration.other_costs": .closed(
      0, 1e12, "one-off migration costs in the price's currency, at most 10^12"),
    "options.overflow.max_wait_hours": .closed(
      0, tenYearsOfHours, "hours a job may wait before it overflows, from 0 to ten years"),
    "options.provisioning.lead_time_months": .closed(
      0, PriceLimits.longestHorizonMonths, "months until committed nodes exist, from 0 to 600",
      whole: true),
    "costs.engineer_hourly_rate": .closed(
      0, 10_000, "what an engineer-hour costs, at most 10,000"),
    "costs.penalty_per_missed_deadline": .closed(
      0, 1e9, "the cost of one missed deadline, at most 10^9"),
    "costs.penalty_per_hour_late": .closed(0, 1e9, "the cost of an hour late, at most 10^9"),
    "costs.investigation_threshold": .closed(
      1, 1_000, "a job slower than this multiple of its typical time is investigated (≥ 1)"),
    "costs.investigation_hours": .closed(
      0, 10_000, "engineer-hours spent per investigation, at most 10,000"),
    "costs.engineers_blocked_per_waiting_job": .closed(
      0, 1_000, "engineers idle while a job waits, at most 1000"),
    // Distribution parameters, in seconds per step (or per job) unless on a log scale.
    "distribution.shift": .closed(
      -tenYearsOfSeconds, tenYearsOfSeconds, "seconds added to every draw, at most ten years"),
    "distribution.normal.mean": .closed(
      -tenYearsOfSeconds, tenYearsOfSeconds, "the mean in seconds, at most ten years"),
    "distribution.normal.standardDeviation": .above(
      0, upTo: tenYearsOfSeconds, "the standard deviation in seconds, at most ten years"),
    "distribution.lognormal.mu": .closed(
      -50, 20,
      "the mean of ln(seconds): e^20 s is about 15 years, so larger values describe no real job"),
    "distribution.lognormal.sigma": .above(
      0, upTo: 5, "the standard deviation of ln(seconds); 5 already spans a factor of 10^8 at ±2σ"),
    "distribution.gamma.shape": .above(0, upTo: 1_000_000, "the gamma shape k, at most 10^6"),
    "distribution.gamma.scale": .above(
      0, upTo: tenYearsOfSeconds, "the gamma scale θ in seconds, at most ten years"),
    "distribution.weibull.shape": .closed(
      0.1, 1_000, "the Weibull shape k, from 0.1 (mean = 10!·scale) to 1000"),
    "distribution.weibull.scale": .above(
      0, upTo: tenYearsOfSeconds, "the Weibull scale λ in seconds, at most ten years"),
    "distribution.unknown_parameter": .closed(
      -Double.greatestFiniteMagnitude, Double.greatestFiniteMagnitude,
      "any finite number; the family then says which parameters it takes"),
    "distribution.exponential.rate": .closed(
      1e-9, 1e9, "the rate per second: a mean from 1 ns to about 30 years"),
  ]

  /// `options[2].interruptions.restart_hours` → `options.interruptions.restart_hours`.
  public static func normalise(_ keyPath: String) -> String {
    var result = ""
    var inIndex = false
    for character in keyPath {
      if character == "[" {
        inIndex = true
      } else if character == "]" {
        inIndex = false
      } else if !inIndex {
        result.append(character)
      }
    }
    return result
  }

  /// The limit for `keyPath` (already normalised, or with list indices), if it is numeric.
  public static func limit(for keyPath: String) -> NumericLimit? {
    table[normalise(keyPath)]
  }
}
