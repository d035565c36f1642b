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
