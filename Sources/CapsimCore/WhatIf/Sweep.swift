/// A sweep (decision table): the scenario simulated at every combination of one or two inputs' values.
///
/// Every point runs with the scenario's own trials and seed, so trial *t* sees the same random numbers
/// at every point (common random numbers): differences between adjacent points are differences of the
/// model, not of sampling, and the curves are smooth. Options with `nodes: auto` are sized again at
/// every point. The verdict at each point is ``Recommendation``'s, drawn from that point's outcome.
public struct Sweep: Sendable {
  /// The most points a sweep may have (the product of its axes' value counts).
  public static let maximumPoints = 2_000

  /// The engine that simulates each point.
  public var engine: MonteCarloEngine

  /// Creates a sweep on `engine`.
  public init(engine: MonteCarloEngine) {
    self.engine = engine
  }

  /// Every combination of the axes' values as overrides, first axis slowest; numbered by axis
  /// (`--vary 1`, `--vary 2`) for diagnostics.
  public static func grid(_ axes: [SweepAxis]) -> [[ScenarioOverride]] {
    var grid: [[ScenarioOverride]] = [[]]
    for (index, axis) in axes.enumerated() {
      grid = grid.flatMap { prefix in
        axis.values.map {
          prefix + [
            ScenarioOverride(number: index + 1, path: axis.path, value: $0, origin: "--vary")
          ]
        }
      }
    }
    return grid
  }

  /// Runs the sweep. `scenario(settings)` returns the resolved scenario with one point's settings
  /// applied (as overrides to the scenario file, so they are validated like file values); every point is
  /// resolved before the first one runs. `uncertainInputs` are the scenario's uncertain inputs (the
  /// engine's variation draws them); the result lists those no axis varies, and the rank correlations
  /// imposed between them with the ones achieved over the trials.
  ///
  /// - Throws: whatever `scenario` throws for a point (an invalid value), and ``SweepError`` for no axes
  ///   or too many points.
  /// - Complexity: one simulation per point.
  public func run(
    axes: [SweepAxis], overrides: [ScenarioOverride] = [], uncertainInputs: [UncertainInput] = [],
    scenario: ([ScenarioOverride]) throws -> ResolvedScenario
  ) async throws -> SweepResult {
    guard !axes.isEmpty else { throw SweepError.noAxes }
    guard axes.count <= 2 else { throw SweepError.tooManyAxes(count: axes.count) }
    let count = axes.reduce(1) { $0 * $1.values.count }
    guard count <= Self.maximumPoints else {
      throw SweepError.tooManyPoints(count: count, maximum: Self.maximumPoints)
    }
    // Every point is resolved (so validated) before any runs: a bad value fails at once, not after the
    // points before it have run.
    let resolvedPoints = try Self.grid(axes).map { settings in (settings, try scenario(settings)) }
    var points: [SweepResult.Point] = []
    let first = resolvedPoints.first?.1
    for (settings, resolved) in resolvedPoints {
      var outcome = await engine.run(resolved)
      outcome.overrides = overrides + settings
      points.append(Self.point(outcome, settings: settings, workload: resolved.scenario.workload))
    }
    let base = first?.scenario
    let varied = Set(axes.map(\.path))
    // Every point runs the same trials on the same per-trial draws of the uncertain inputs.
    let correlations =
      (engine.variation as? UncertainVariation)?.plan.achievedCorrelations(
        trials: base?.trials ?? 0) ?? []
    return SweepResult(
      scenario: base?.name ?? "", trials: base?.trials ?? 0, seed: base?.seed ?? 0,
      horizonMonths: base?.horizonMonths ?? 0, currency: first?.currency ?? "", axes: axes,
      overrides: overrides, points: points,
      uncertainInputs: uncertainInputs.filter { !varied.contains($0.path) },
      inputCorrelations: correlations.filter { $0.between.allSatisfy { !varied.contains($0) } })
  }

  /// One point's row from its outcome.
  static func point(_ outcome: SimulationOutcome, settings: [ScenarioOverride], workload: Workload)
    -> SweepResult.Point
  {
    let shares = cheapestShares(outcome.options.map(\.totalCostByTrial))
    let options = outcome.options.enumerated().map { index, option in
      let p = shares[index]
      var sizingMetric: MetricEstimate?
      if let sizing = option.sizing, let target = sizing.target,
        let point = sizing.curve.first(where: { $0.nodes == sizing.chosenNodes })
      {
        sizingMetric = MetricEstimate(
          key: target.metric.rawValue, label: target.metric.rawValue, unit: "",
          estimate: point.estimate)
      }
      return SweepResult.OptionResult(
        name: option.name,
        totalCost: option.metric("total_cost")?.estimate ?? Estimate(value: .nan),
        probabilityCheapest: .proportion(p, trials: outcome.trials),
        nodes: option.nodes, sizingMetric: sizingMetric)
    }
    let cheapest =
      options.enumerated().min { x, y in
        let (a, b) = (x.element.totalCost.value, y.element.totalCost.value)
        return a != b ? a < b : x.offset < y.offset
      }?.element.name ?? ""
    return SweepResult.Point(
      settings: settings, options: options, cheapest: cheapest,
      recommendation: try? Recommendation(outcome: outcome, workload: workload))
  }

  /// For each option, the share of trials in which its total is the lowest; a tie of k options gives
  /// each 1/k. Options without per-trial totals get NaN.
  ///
  /// - Complexity: O(options × trials).
  public static func cheapestShares(_ totals: [[Double]]) -> [Double] {
    let trials = totals.map(\.count).min() ?? 0
    guard trials > 0 else { return totals.map { _ in .nan } }
    var wins = [Double](repeating: 0, count: totals.count)
    for trial in 0..<trials {
      let lowest = totals.map { $0[trial] }.min() ?? .nan
      let tied = totals.indices.filter { totals[$0][trial] == lowest }
      for index in tied { wins[index] += 1 / Double(tied.count) }
    }
    return wins.map { $0 / Double(trials) }
  }
}

/// Why a sweep cannot run.
public enum SweepError: Error, Sendable, Hashable, DiagnosticConvertible {
  /// No input to vary.
  case noAxes
  /// More than two inputs varied.
  case tooManyAxes(count: Int)
  /// The grid is too large.
  case tooManyPoints(count: Int, maximum: Int)

  /// The problem with a fix-it hint.
  public var diagnostic: Diagnostic {
    switch self {
    case .noAxes:
      return Diagnostic(
        location: SourceLocation(file: "--vary"), message: "nothing to vary",
        help:
          "give --vary PATH=FROM:TO:STEP (or PATH=a,b,c) once or twice, or a 'sweep:' section in the scenario"
      )
    case .tooManyAxes(let count):
      return Diagnostic(
        location: SourceLocation(file: "--vary"),
        message: "a sweep varies one or two inputs, not \(count)",
        help: "vary at most two inputs at once; use 'capsim sensitivity' to screen many")
    case .tooManyPoints(let count, let maximum):
      return Diagnostic(
        location: SourceLocation(file: "--vary"),
        message: "the sweep has \(count) points; at most \(maximum) are allowed",
        help: "use fewer values or a larger step")
    }
  }
}
