import RealModule

/// How much simulation a resolved scenario asks for, estimated before it starts, so that a run that
/// would take hours (or exhaust memory) is refused with an explanation instead of hanging.
///
/// The unit is one simulated job: a run simulates trials × Σ_m E[jobs in month m] jobs per option, each
/// costing one event plus one per interruption (E[interruptions per job] = expected wall time / M, from
/// Daly's renewal expectation, see ``OptionChecker/expectedWallHours(jobHours:model:)``). An option with
/// `nodes: auto` is also simulated alone once per candidate node count the sizing search evaluates: at most
/// 2·⌈log₂ max_nodes⌉ + 5 for a target, and every count from one job's nodes to `max_nodes` for a cost
/// objective (the search usually stops three counts past the best).
public struct WorkEstimate: Sendable, Hashable {
  /// The default budget: 2·10⁸ simulated jobs, about 10 to 20 seconds on one core of the machines capsim was
  /// measured on (see docs/scenarios.md, "Bounded work").
  public static let defaultBudget = 2e8

  /// Trials in the run.
  public var trials: Int
  /// Expected jobs submitted over the horizon in one trial.
  public var jobsPerTrial: Double
  /// Simulations of the whole job stream: one per option plus one per sizing evaluation, each weighted by
  /// its option's events per job.
  public var weightedPasses: Double
  /// Sizing evaluations counted in `weightedPasses`.
  public var sizingEvaluations: Int

  /// The total: trials × jobs per trial × weighted passes.
  public var simulatedJobs: Double { Double(trials) * jobsPerTrial * weightedPasses }

  /// Estimates the work of simulating `resolved`.
  public init(_ resolved: ResolvedScenario) {
    let scenario = resolved.scenario
    let workload = scenario.workload
    trials = scenario.trials
    jobsPerTrial = (0..<scenario.horizonMonths).reduce(0.0) { $0 + workload.meanJobs(inMonth: $1) }
    var passes = 0.0
    var evaluations = 0
    for option in resolved.options {
      let events = 1 + Self.interruptionsPerJob(option, workload: workload)
      var count = 1
      if case .auto(let target) = option.option.nodes {
        let lowest = option.nodesPerJob(gpusPerJob: workload.gpusPerJob)
        let highest = Swift.max(lowest, target.maximumNodes)
        let sizing =
          target.metric.isObjective
          ? highest - lowest + 1
          : 2 * Int(Double.log2(Double(highest)).rounded(.up)) + 5
        evaluations += sizing
        count += sizing
      }
      passes += Double(count) * events
    }
    weightedPasses = passes
    sizingEvaluations = evaluations
  }

  /// Estimates the work of simulating `resolved` when each trial simulates its own scenario (uncertain
  /// inputs): the jobs per trial and the passes are those of the trials' own scenarios, averaged over the
  /// first ``sampledTrials`` trials (the inputs' medians would miss a volume drawn in a long tail, such as a
  /// growth rate that doubles the jobs every month). Trials, and the sizing evaluations, are `resolved`'s.
  public init(_ resolved: ResolvedScenario, variation: any TrialScenarioVariation) {
    self.init(resolved)
    let sampled = Swift.min(Swift.max(1, trials), Self.sampledTrials)
    let covering = variation.covering(trials: 0..<sampled)
    var work = 0.0
    var jobs = 0.0
    for trial in 0..<sampled {
      let estimate = WorkEstimate(covering.scenario(forTrial: trial, base: resolved))
      work += estimate.jobsPerTrial * estimate.weightedPasses
      jobs += estimate.jobsPerTrial
    }
    jobsPerTrial = jobs / Double(sampled)
    weightedPasses = jobsPerTrial > 0 ? work / jobs : weightedPasses
  }

  /// Trials whose own scenarios set the estimate of a run with uncertain inputs: one block of the inputs'
  /// plan, which a run draws first.
  public static let sampledTrials = PrecisionTarget.batchTrials

  /// The most trials that fit in `budget` simulated jobs (0 when not even one does).
  public func trials(within budget: Double) -> Int {
    let perTrial = jobsPerTrial * weightedPasses
    guard perTrial > 0 else { return Int.max }
    let trials = (budget / perTrial).rounded(.down)
    return trials >= Double(Int.max) ? Int.max : Int(trials)
  }

  /// `target` with its maximum lowered to the trials `budget` allows, or nil when its maximum fits (a
  /// precision run makes batches up to its maximum, so that many trials must fit; it may stop sooner).
  /// At least one trial is always allowed: ``check(budget:sourceMap:)`` at one trial refuses a run where
  /// not even that fits.
  public func capped(_ target: PrecisionTarget, budget: Double) -> PrecisionTarget? {
    let affordable = Swift.max(1, trials(within: budget))
    guard affordable < target.maximumTrials else { return nil }
    var capped = target
    capped.maximumTrials = affordable
    return capped
  }

  /// Expected interruptions per job of `option` (0 without an interruption model).
  static func interruptionsPerJob(_ option: ResolvedOption, workload: Workload) -> Double {
    guard let model = option.mechanisms.interruptions, model.interruptionsPerHour > 0 else {
      return 0
    }
    let jobHours = workload.stepsPerJob * option.duration.mean * option.option.durationScale / 3600
    do {
      return try OptionChecker.expectedWallHours(jobHours: jobHours, model: model)
        * model.interruptionsPerHour
    } catch {
      return OptionChecker.mostInterruptionsPerJob  // resolution has already rejected such a model
    }
  }

  /// Working memory one simulated job of a trial takes while its trial runs: the engine's per-job buffers
  /// (times by cause, keys, arrival times, waits, completions, costs and scratch). Measured as the growth
  /// of peak RSS between 6 and 12 million jobs in one trial of two options, 156 bytes a job, and rounded up.
  public static let bytesPerJobInATrial = 200.0

  /// Working memory the run's concurrent trials take: jobs per trial × ``bytesPerJobInATrial`` × the
  /// trials that run at once (one per thread, at most the trials there are).
  public func workingMemory(threads: Int) -> Double {
    jobsPerTrial * Self.bytesPerJobInATrial * Double(Swift.max(1, Swift.min(threads, trials)))
  }

  /// Throws when the run's working memory (``workingMemory(threads:)``) exceeds `available` bytes, with a
  /// diagnostic located at `workload.jobs_per_month`. Unlike the work budget, no flag lifts it: a trial
  /// must fit in memory.
  public func checkMemory(available: Double, threads: Int, sourceMap: ScenarioSourceMap)
    throws(ScenarioError)
  {
    let needed = workingMemory(threads: threads)
    guard needed > available else { return }
    let concurrent = Swift.max(1, Swift.min(threads, trials))
    let gigabytes = { (bytes: Double) in OptionChecker.significant(bytes / 1e9) + " GB" }
    throw ScenarioError([
      .invalidValue(
        sourceMap.location(of: "workload.jobs_per_month"),
        message:
          "one trial holds about \(OptionChecker.significant(jobsPerTrial)) jobs over the horizon, about "
          + "\(gigabytes(needed / Double(concurrent))) of working memory, × \(concurrent) trial"
          + (concurrent == 1 ? "" : "s") + " at once: more than the "
          + "\(gigabytes(available)) this process may use",
        help:
          "lower jobs_per_month or horizon_months (or --threads, when several trials run at once)")
    ])
  }

  /// Throws when the estimate exceeds `budget`, with a diagnostic located at the scenario's `trials`.
  public func check(budget: Double, sourceMap: ScenarioSourceMap) throws(ScenarioError) {
    guard simulatedJobs > budget else { return }
    let sizing =
      sizingEvaluations > 0 ? ", including \(sizingEvaluations) sizing evaluations" : ""
    throw ScenarioError([
      .invalidValue(
        sourceMap.location(of: "trials"),
        message:
          "this run would simulate about \(OptionChecker.significant(simulatedJobs)) jobs "
          + "(\(trials) trials × \(OptionChecker.significant(jobsPerTrial)) jobs over the horizon × "
          + "\(OptionChecker.significant(weightedPasses)) passes over the options\(sizing)), more than "
          + "the budget of \(OptionChecker.significant(budget))",
        help:
          "lower --trials, jobs_per_month, horizon_months or sizing.max_nodes, or pass --force to run it anyway"
      )
    ])
  }
}
