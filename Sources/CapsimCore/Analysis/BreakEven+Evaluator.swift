// MARK: - Evaluating one job volume

extension BreakEven {
  /// A volume the evaluator would not simulate, and why.
  struct Refusal: Sendable, Hashable {
    /// The volume refused (jobs per month).
    var jobsPerMonth: Double
    /// The volume limit it is above, or `nil`.
    var volumeLimit: Double?
    /// The simulated jobs its evaluation would take (``WorkEstimate``), when that exceeds `workBudget`.
    var workEstimate: Double?
    /// The work budget exceeded.
    var workBudget: Double?

    /// Where the search stopped and why, for the report's notes.
    var sentence: String {
      let volume = OptionChecker.significant(jobsPerMonth)
      if let volumeLimit {
        let limit = OptionChecker.significant(volumeLimit)
        return "no volume above \(limit) jobs a month, the most a scenario may have, was tried "
          + "(the search would have gone to \(volume)): what is not found here may lie above"
      }
      let estimate = workEstimate.map(OptionChecker.significant) ?? "?"
      let budget = workBudget.map(OptionChecker.significant) ?? "?"
      return "the search stopped before \(volume) jobs a month: simulating that volume would take "
        + "about \(estimate) jobs, above the budget of \(budget) (with fewer --trials, or --force, it "
        + "goes further)"
    }
  }

  /// Runs the engine for the two options at a given volume and keeps every evaluated point.
  struct Evaluator {
    let base: ResolvedScenario
    let payPerUse: ResolvedOption
    var committed: ResolvedOption
    let engine: MonteCarloEngine
    let maximumJobsPerMonth: Double
    let workBudget: Double?
    /// D's node count, fixed after the first run (which sizes `nodes: auto`).
    var nodes: Int?
    private(set) var curve: [BreakEvenPoint] = []
    private(set) var evaluations = 0
    /// The first volume refused, if any.
    private(set) var refusal: Refusal?

    init(
      base: ResolvedScenario, payPerUse: ResolvedOption, committed: ResolvedOption,
      engine: MonteCarloEngine, maximumJobsPerMonth: Double, workBudget: Double?
    ) {
      self.base = base
      self.payPerUse = payPerUse
      self.committed = committed
      self.engine = engine
      self.maximumJobsPerMonth = maximumJobsPerMonth
      self.workBudget = workBudget
      if case .fixed(let count) = committed.option.nodes { nodes = count }
    }

    /// The point at `jobsPerMonth`, simulated (or taken from the curve if that volume was evaluated);
    /// `nil`, with the reason kept in ``refusal``, for a volume above the limit or whose simulation would
    /// exceed the work budget.
    mutating func point(at jobsPerMonth: Double) async -> BreakEvenPoint? {
      if let known = curve.first(where: { $0.jobsPerMonth == jobsPerMonth }) { return known }
      guard jobsPerMonth <= maximumJobsPerMonth else {
        refusal = refusal ?? Refusal(jobsPerMonth: jobsPerMonth, volumeLimit: maximumJobsPerMonth)
        return nil
      }
      var scenario = base
      scenario.scenario.workload = Self.workload(base.scenario.workload, jobsPerMonth: jobsPerMonth)
      var d = committed
      if let nodes { d.option.nodes = .fixed(nodes) }
      // D's overflow and interim options run D's diverted jobs: keep them even when they are neither D nor S.
      let linked = [d.option.overflow?.option, d.option.provisioning?.interimOption].compactMap {
        $0
      }
      let extra = base.options.filter { option in
        linked.contains(option.option.name) && option.option.name != payPerUse.option.name
      }
      scenario.options = [payPerUse, d] + extra
      scenario.scenario.options = scenario.options.map(\.option)
      if let workBudget {
        let work = WorkEstimate(scenario).simulatedJobs
        guard work <= workBudget else {
          refusal =
            refusal
            ?? Refusal(jobsPerMonth: jobsPerMonth, workEstimate: work, workBudget: workBudget)
          return nil
        }
      }
      let outcome = await engine.run(scenario)
      evaluations += 1
      let s = outcome.options[0]
      let dOutcome = outcome.options[1]
      if nodes == nil { nodes = dOutcome.nodes }
      let expectedJobs = Self.expectedJobs(
        scenario.scenario.workload, months: scenario.scenario.horizonMonths)
      let point = BreakEvenPoint(
        jobsPerMonth: jobsPerMonth,
        payPerUseCost: Self.payPerUseCost(s, expectedJobs: expectedJobs),
        committedCost: dOutcome.metric("total_cost")?.estimate ?? Estimate(value: .nan),
        committedCheaperShare: PairedComparison(
          option: dOutcome.totalCostByTrial, alternative: s.totalCostByTrial
        )
        .probabilityCheaper,
        committedUtilisation: dOutcome.metric("utilisation")?.estimate.value ?? .nan,
        committedUtilisationStandardError: dOutcome.metric("utilisation")?.estimate.standardError,
        trials: outcome.trials)
      let index = curve.firstIndex { $0.jobsPerMonth > jobsPerMonth } ?? curve.endIndex
      curve.insert(point, at: index)
      return point
    }

    /// m + (c − m/n̄)·E[N], with standard error SE(c)·E[N] (see ``BreakEven``) and the 95% interval of
    /// the cost per job (± t₀.₉₇₅,ₙ₋₁·SE, the ratio estimator's) scaled by E[N] the same way. Without
    /// jobs the cost is the fixed lines alone, exact.
    static func payPerUseCost(_ option: OptionOutcome, expectedJobs: Double) -> Estimate {
      let fixed = option.metric("cost_migration")?.estimate.value ?? 0
      let meanJobs = option.metric("jobs")?.estimate.value ?? 0
      guard meanJobs > 0, let perJob = option.metric("cost_per_job")?.estimate else {
        return .exact(option.metric("total_cost")?.estimate.value ?? fixed)
      }
      let value = fixed + (perJob.value - fixed / meanJobs) * expectedJobs
      return Estimate(
        value: value, standardError: perJob.standardError.map { $0 * expectedJobs },
        lower: perJob.lower.map { value - (perJob.value - $0) * expectedJobs },
        upper: perJob.upper.map { value + ($0 - perJob.value) * expectedJobs })
    }

    /// The workload with `jobsPerMonth`; explicit monthly means are scaled in proportion.
    static func workload(_ base: Workload, jobsPerMonth: Double) -> Workload {
      var workload = base
      if case .explicit(let values) = base.growth, base.jobsPerMonth > 0 {
        workload.growth = .explicit(values.map { $0 * jobsPerMonth / base.jobsPerMonth })
      }
      workload.jobsPerMonth = jobsPerMonth
      return workload
    }

    /// Σ over months of the mean job count (rounded per month for fixed arrivals, as the engine does).
    static func expectedJobs(_ workload: Workload, months: Int) -> Double {
      var sum = NeumaierSum()
      for month in 0..<months {
        let mean = workload.meanJobs(inMonth: month)
        sum.add(workload.arrivals == .fixed ? mean.rounded() : mean)
      }
      return sum.value
    }
  }
}
