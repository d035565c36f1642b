/// Break-even analysis: the job volume at which a committed option costs the same as a pay-per-use one.
///
/// **What is computed** (for a pay-per-use option S and a committed option D of a scenario):
/// - J*: the jobs per month at which E[total cost of S] = E[total cost of D] over the horizon;
/// - the utilisation of D at J*;
/// - J90: the smallest jobs per month at which D is cheaper than S in ≥ 90% of trials (paired trials);
/// - the curve (J, E[cost S], E[cost D], P(D cheaper), utilisation of D) at every evaluated J.
///
/// **How.** Each evaluation at a volume J re-runs the engine for S and D alone with the scenario's trials,
/// seed and arrival model, `jobs_per_month` set to J (explicit `monthly_jobs` are scaled by J/J₀; growth
/// rates apply on top). The streams depend only on (seed, trial, option), so every J sees common random
/// numbers and the cost difference varies smoothly with J. D keeps a fixed node count (sized once at the
/// scenario's volume for `nodes: auto`).
/// - E[cost S] is estimated as m + (c − m/n̄)·E[N], where c is S's cost per job (Σ cost / Σ jobs over
///   trials), n̄ the mean jobs per trial, m S's fixed per-horizon lines (migration) and E[N] = Σₘ E[Nₘ] the
///   exact expected job count. Pay-per-use jobs are billed independently of each other, so this ratio
///   estimator is unbiased to first order and removes the noise of the Poisson job count. Its standard
///   error is SE(c)·E[N] (Cochran 1977, §6.4). E[cost D] is the plain mean over trials.
/// - J* is found by the Illinois variant of regula falsi (Dowell & Jarratt 1971, doi:10.1007/BF01934364)
///   on g(J) = E[cost S] − E[cost D], after a bracket is found from a linear first guess; it stops when
///   the bracket is narrower than ``relativeTolerance`` × J or g = 0, and J* is the linear interpolation
///   in the final bracket. Its Monte Carlo standard error is √(SE_S² + SE_D²) / g′(J*) (delta method).
/// - J90 is found by bisection on P(D cheaper)(J) − 0.9 to ``confidenceTolerance``, starting from the
///   evaluated points; P is a step function of J, so J90 is the upper end of the final bracket.
///
/// **Cost.** Each evaluation simulates every trial of both options: about 2 + 4–8 evaluations for J* and
/// 1 + log₂(bracket/tolerance) ≈ 10 for J90 (``BreakEvenAnalysis/evaluations`` reports the count).
///
/// Assumes g increases with J (true when D's cost grows more slowly with volume than S's). A search that
/// finds no sign change within 2⁻³⁰…2²⁰ × J₀ reports `nil`. No search evaluates a volume above
/// ``maximumJobsPerMonth`` or one whose simulation would exceed ``workBudget`` (``WorkEstimate``): it stops
/// there, reports `nil`, and says where and why in a note on the committed option.
public struct BreakEven: Sendable {
  /// The engine that runs every evaluation.
  public var engine: MonteCarloEngine
  /// Relative width of J*'s final bracket (default 1e-4).
  public var relativeTolerance: Double
  /// Relative width of J90's final bracket (default 1e-3).
  public var confidenceTolerance: Double
  /// The share of trials D must win for J90 (default 0.9).
  public var confidenceTarget: Double
  /// Most engine runs for each of the two searches (default 40).
  public var maximumEvaluations: Int
  /// The highest volume evaluated (default ``Workload/maximumJobsPerMonth``).
  public var maximumJobsPerMonth: Double
  /// Most simulated jobs one evaluation may take, as ``WorkEstimate`` counts them (default
  /// ``WorkEstimate/defaultBudget``); `nil` for no limit.
  public var workBudget: Double?

  /// Creates an analysis with the given engine, tolerances and limits.
  public init(
    engine: MonteCarloEngine, relativeTolerance: Double = 1e-4, confidenceTolerance: Double = 1e-3,
    confidenceTarget: Double = 0.9, maximumEvaluations: Int = 40,
    maximumJobsPerMonth: Double = Workload.maximumJobsPerMonth,
    workBudget: Double? = WorkEstimate.defaultBudget
  ) {
    self.engine = engine
    self.relativeTolerance = relativeTolerance
    self.confidenceTolerance = confidenceTolerance
    self.confidenceTarget = confidenceTarget
    self.maximumEvaluations = maximumEvaluations
    self.maximumJobsPerMonth = maximumJobsPerMonth
    self.workBudget = workBudget
  }

  /// Runs the analysis for `payPerUse` (S) against `committed` (D). A committed option with `nodes: auto` is
  /// sized once, with the whole scenario at its own volume, and kept at that size.
  ///
  /// - Throws: ``BreakEvenError`` for an unknown option or one of the wrong category.
  public func analyse(
    _ scenario: ResolvedScenario, payPerUse: String, committed: String
  ) async throws(BreakEvenError) -> BreakEvenAnalysis {
    let names = scenario.options.map(\.option.name)
    guard let s = scenario.options.first(where: { $0.option.name == payPerUse }) else {
      throw .unknownOption(payPerUse, known: names)
    }
    guard var d = scenario.options.first(where: { $0.option.name == committed }) else {
      throw .unknownOption(committed, known: names)
    }
    guard !s.isCommitted else { throw .wrongCategory(option: payPerUse, expectedCommitted: false) }
    guard d.isCommitted else { throw .wrongCategory(option: committed, expectedCommitted: true) }
    // Size a `nodes: auto` committed option once, at the scenario's own volume, and keep that size.
    if case .auto = d.option.nodes, let index = names.firstIndex(of: committed) {
      let outcome = await engine.run(scenario)
      if let nodes = outcome.options[index].nodes { d.option.nodes = .fixed(nodes) }
    }
    var evaluator = Evaluator(
      base: scenario, payPerUse: s, committed: d, engine: engine,
      maximumJobsPerMonth: maximumJobsPerMonth, workBudget: workBudget)
    let j0 =
      scenario.scenario.workload.jobsPerMonth > 0 ? scenario.scenario.workload.jobsPerMonth : 1
    var root: (jobs: Double, slope: Double)?
    var utilisation: Double?
    var standardError: Double?
    var j90: Double?
    if let first = await evaluator.point(at: j0) {
      root = await findBreakEven(from: first, evaluator: &evaluator)
      if let root, let at = await evaluator.point(at: root.jobs) {
        utilisation = at.committedUtilisation
        let se =
          ((at.payPerUseCost.standardError ?? 0) * (at.payPerUseCost.standardError ?? 0)
          + (at.committedCost.standardError ?? 0) * (at.committedCost.standardError ?? 0))
          .squareRoot()
        standardError = root.slope > 0 ? se / root.slope : nil
      }
      j90 = await findNinetyPercent(evaluator: &evaluator)
    }
    let stopped = root == nil || j90 == nil
    return BreakEvenAnalysis(
      payPerUse: payPerUse, committed: committed, committedNodes: evaluator.nodes ?? 0,
      scenarioJobsPerMonth: j0,
      breakEvenJobsPerMonth: root?.jobs, breakEvenStandardError: standardError,
      utilisationAtBreakEven: utilisation,
      jobsForNinetyPercent: j90, curve: evaluator.curve, evaluations: evaluator.evaluations,
      relativeTolerance: relativeTolerance,
      notes: stopped ? evaluator.refusal.map { ["\(committed): \($0.sentence)"] } ?? [] : [])
  }

  // MARK: - J*

  private func findBreakEven(
    from first: BreakEvenPoint, evaluator: inout Evaluator
  ) async -> (jobs: Double, slope: Double)? {
    var low: BreakEvenPoint
    var high: BreakEvenPoint
    // A linear first guess: S's cost grows by its cost per job; D's is taken as flat.
    let perJob = first.payPerUseCost.value / Swift.max(first.jobsPerMonth, .leastNonzeroMagnitude)
    var guess =
      perJob > 0 ? first.jobsPerMonth - first.costDifference / perJob : first.jobsPerMonth * 2
    if !(guess > 0) || !guess.isFinite { guess = first.jobsPerMonth / 2 }
    // A volume the evaluator refuses (above the limits) ends the search without a root.
    if first.costDifference < 0 {
      low = first
      guard
        var next = await evaluator.point(
          at: Swift.max(guess * 1.05, first.jobsPerMonth * 1.01))
      else { return nil }
      while next.costDifference < 0 {
        guard next.jobsPerMonth < first.jobsPerMonth * 1_048_576,
          evaluator.evaluations < maximumEvaluations
        else { return nil }
        low = next
        guard let doubled = await evaluator.point(at: next.jobsPerMonth * 2) else { return nil }
        next = doubled
      }
      high = next
    } else {
      high = first
      guard
        var next = await evaluator.point(
          at: Swift.min(guess * 0.95, first.jobsPerMonth * 0.99))
      else { return nil }
      while next.costDifference >= 0 {
        guard next.jobsPerMonth > first.jobsPerMonth / 1_073_741_824,
          evaluator.evaluations < maximumEvaluations
        else { return nil }
        high = next
        guard let halved = await evaluator.point(at: next.jobsPerMonth / 2) else { return nil }
        next = halved
      }
      low = next
    }
    // Illinois: regula falsi that halves the value kept at a retained end.
    var (a, ga) = (low.jobsPerMonth, low.costDifference)
    var (b, gb) = (high.jobsPerMonth, high.costDifference)
    var (trueA, trueB) = (ga, gb)
    var side = 0
    while b - a > relativeTolerance * b && gb != 0 && evaluator.evaluations < maximumEvaluations {
      var c = b - gb * (b - a) / (gb - ga)
      if !(c > a && c < b) { c = (a + b) / 2 }
      // Inside a bracket of evaluated volumes, so within the limits.
      guard let gc = await evaluator.point(at: c)?.costDifference else { return nil }
      if gc < 0 {
        (a, ga, trueA) = (c, gc, gc)
        if side == -1 { gb /= 2 }
        side = -1
      } else {
        (b, gb, trueB) = (c, gc, gc)
        if side == 1 { ga /= 2 }
        side = 1
      }
      if gc == 0
        || Swift.abs(gc) <= 1e-12 * Swift.abs(evaluator.curve.last?.committedCost.value ?? 0)
      {
        return (c, (trueB - trueA) / (b - a))
      }
    }
    let slope = (trueB - trueA) / (b - a)
    let root = trueB == 0 ? b : a - trueA / slope
    return (Swift.min(b, Swift.max(a, root)), slope)
  }

  // MARK: - J90

  private func findNinetyPercent(evaluator: inout Evaluator) async -> Double? {
    let target = confidenceTarget
    let budget = evaluator.evaluations + maximumEvaluations
    guard let top = evaluator.curve.last else { return nil }
    var high = evaluator.curve.first { $0.committedCheaperShare >= target }
    if high == nil {
      var next = top
      while next.committedCheaperShare < target {
        guard evaluator.evaluations < budget, next.jobsPerMonth < top.jobsPerMonth * 1_048_576,
          let larger = await evaluator.point(at: next.jobsPerMonth * 1.25)
        else { return nil }
        next = larger
      }
      high = next
    }
    guard var b = high?.jobsPerMonth else { return nil }
    var a =
      evaluator.curve.last { $0.jobsPerMonth < b && $0.committedCheaperShare < target }?
      .jobsPerMonth ?? b / 2
    while b - a > confidenceTolerance * b && evaluator.evaluations < budget {
      let c = (a + b) / 2
      guard let point = await evaluator.point(at: c) else { return nil }
      if point.committedCheaperShare >= target { b = c } else { a = c }
    }
    return b
  }
}
