/// The scenario input an uncertain value is applied to: a typed setter on a ``ResolvedScenario``.
public enum UncertainTarget: Sendable, Hashable {
  /// `workload.jobs_per_month`.
  case jobsPerMonth
  /// `workload.growth.rate_per_month` (linear or compound).
  case growthRate
  /// `costs.engineer_hourly_rate`.
  case engineerHourlyRate
  /// `costs.penalty_per_missed_deadline`.
  case penaltyPerMissedDeadline
  /// `costs.penalty_per_hour_late`.
  case penaltyPerHourLate
  /// A setting of the option with this name.
  case option(String, OptionField)

  /// An option's numeric settings that may be uncertain.
  public enum OptionField: String, Sendable, Hashable, CaseIterable {
    /// `price_per_gpu_hour`: the price of one GPU-hour replacing the quoted amount.
    case pricePerGPUHour = "price_per_gpu_hour"
    /// `interruptions.preemptions_per_gpu_hour`.
    case preemptionsPerGPUHour = "interruptions.preemptions_per_gpu_hour"
    /// `interruptions.failures_per_gpu_hour`.
    case failuresPerGPUHour = "interruptions.failures_per_gpu_hour"
    /// `contention.episodes_per_hour`.
    case contentionEpisodesPerHour = "contention.episodes_per_hour"
    /// `contention.mean_duration_hours`.
    case contentionMeanDurationHours = "contention.mean_duration_hours"
    /// `migration.engineer_weeks`.
    case migrationEngineerWeeks = "migration.engineer_weeks"
    /// `migration.other_costs`.
    case migrationOtherCosts = "migration.other_costs"
    /// `provisioning.lead_time_months` (rounded to whole months, at least 0).
    case leadTimeMonths = "provisioning.lead_time_months"
  }

  /// The target of a key path such as `options.spot.interruptions.preemptions_per_gpu_hour`, given the
  /// scenario's option names; nil for a path that cannot be uncertain.
  public init?(path: String, optionNames: [String]) {
    switch path {
    case "workload.jobs_per_month": self = .jobsPerMonth
    case "workload.growth.rate_per_month": self = .growthRate
    case "costs.engineer_hourly_rate": self = .engineerHourlyRate
    case "costs.penalty_per_missed_deadline": self = .penaltyPerMissedDeadline
    case "costs.penalty_per_hour_late": self = .penaltyPerHourLate
    default:
      for name in optionNames where path.hasPrefix("options.\(name).") {
        let rest = String(path.dropFirst("options.\(name).".count))
        if let field = OptionField(rawValue: rest) {
          self = .option(name, field)
          return
        }
      }
      return nil
    }
  }

  /// The key paths (after `options.NAME.` for option fields) that accept a distribution.
  public static var supportedPaths: [String] {
    [
      "workload.jobs_per_month", "workload.growth.rate_per_month", "costs.engineer_hourly_rate",
      "costs.penalty_per_missed_deadline", "costs.penalty_per_hour_late",
    ] + OptionField.allCases.map { "options.NAME.\($0.rawValue)" }
  }

  /// Sets this input to `value` in `scenario`. A setting the scenario does not have (no interruptions
  /// section, constant growth) is left alone; the loader only records inputs whose section exists.
  public func apply(_ value: Double, to scenario: inout ResolvedScenario) {
    switch self {
    case .jobsPerMonth: scenario.scenario.workload.jobsPerMonth = Swift.max(0, value)
    case .growthRate:
      switch scenario.scenario.workload.growth {
      case .linear: scenario.scenario.workload.growth = .linear(ratePerMonth: value)
      case .compound:
        scenario.scenario.workload.growth = .compound(ratePerMonth: Swift.max(-0.99, value))
      case .constant, .explicit: break
      }
    case .engineerHourlyRate: scenario.scenario.costs.engineerHourlyRate = value
    case .penaltyPerMissedDeadline: scenario.scenario.costs.penaltyPerMissedDeadline = value
    case .penaltyPerHourLate: scenario.scenario.costs.penaltyPerHourLate = value
    case .option(let name, let field):
      guard let index = scenario.options.firstIndex(where: { $0.option.name == name }) else {
        return
      }
      Self.apply(value, field, to: &scenario.options[index])
      if let position = scenario.scenario.options.firstIndex(where: { $0.name == name }) {
        scenario.scenario.options[position] = scenario.options[index].option
      }
    }
  }

  static func apply(_ value: Double, _ field: OptionField, to option: inout ResolvedOption) {
    switch field {
    case .pricePerGPUHour:
      // A draw beyond the 99.9th percentile may pass the limit a written price must stay within.
      option.option.pricePerGPUHour = Swift.min(Swift.max(0, value), PriceLimits.perGPUHour.upper)
    case .preemptionsPerGPUHour:
      option.option.interruptions?.preemptionsPerGPUHour = Swift.max(0, value)
    case .failuresPerGPUHour: option.option.interruptions?.failuresPerGPUHour = Swift.max(0, value)
    case .contentionEpisodesPerHour: option.option.contention?.episodesPerHour = Swift.max(0, value)
    case .contentionMeanDurationHours:
      option.option.contention?.meanDurationHours = Swift.max(1e-9, value)
    case .migrationEngineerWeeks: option.option.migration?.engineerWeeks = Swift.max(0, value)
    case .migrationOtherCosts: option.option.migration?.otherCosts = Swift.max(0, value)
    case .leadTimeMonths:
      option.option.provisioning?.leadTimeMonths = Swift.max(0, Int(value.rounded()))
    }
  }
}

/// The per-trial scenarios of a run with uncertain inputs: trial t applies row t of the plan.
///
/// A pure function of the trial index (each block of the plan is keyed by the seed and the block, whenever
/// it is drawn), so results do not depend on the thread count.
public struct UncertainVariation: TrialScenarioVariation {
  /// The trials × inputs values.
  public private(set) var plan: UncertainInputPlan
  /// Where each column is applied.
  public let targets: [UncertainTarget]

  /// Builds the plan for `scenario`'s trials and seed.
  ///
  /// - Throws: ``UncertainInputError`` (correlations) or ``UncertainVariationError`` (a path that
  ///   cannot be uncertain).
  public init(settings: UncertaintySettings, scenario: ResolvedScenario) throws {
    let names = scenario.options.map(\.option.name)
    targets = try settings.inputs.map { input in
      guard let target = UncertainTarget(path: input.path, optionNames: names) else {
        throw UncertainVariationError.unsupportedPath(input.path)
      }
      return target
    }
    let planned = Self.plannedTrials(scenario.scenario)
    plan = try UncertainInputPlan(
      settings: settings, trials: planned, seed: scenario.scenario.seed,
      blockTrials: PrecisionTarget.batchTrials)
    try checkHighestRates(base: scenario)
  }

  /// The most trials a run of `scenario` may make, one row of the plan each: its trials, or under a
  /// precision target the maximum (the run makes the plan's first rows, one block per batch).
  public static func plannedTrials(_ scenario: Scenario) -> Int {
    scenario.precision.map { Swift.max(1, $0.maximumTrials) } ?? scenario.trials
  }

  /// Every trial's scenario must pass the checks the file passed at the inputs' medians. The inputs that
  /// can fail them are interruption rates (the others are kept in range when applied): a rate drawn far in
  /// its tail (the loader checks only the 99.9th percentile against the key's range) can give a job that
  /// never finishes. A job's expected wall time grows with the rate, so each option is checked at the trial
  /// with its highest drawn rate per GPU-hour (preemptions plus failures).
  private func checkHighestRates(base: ResolvedScenario) throws(UncertainVariationError) {
    for (index, option) in base.options.enumerated() {
      let name = option.option.name
      let columns = targets.indices.filter { column in
        guard case .option(name, let field) = targets[column] else { return false }
        return field == .preemptionsPerGPUHour || field == .failuresPerGPUHour
      }
      guard !columns.isEmpty, plan.trials > 0 else { continue }
      func problem(in scenario: ResolvedScenario) -> String? {
        var checker = OptionChecker(
          resolved: scenario.options[index], workload: scenario.scenario.workload,
          path: "options[\(index)]", sourceMap: ScenarioSourceMap(file: "<trial>"))
        _ = checker.check()
        return checker.problems.first?.diagnostic.message
      }
      func withRates(_ values: [Double]) -> ResolvedScenario {
        var scenario = base
        for (column, value) in zip(columns, values) { targets[column].apply(value, to: &scenario) }
        return scenario
      }
      let highest: (trial: Int, sum: Double, values: [Double])
      let found: String
      if plan.builtTrials < plan.trials {
        // Blocks not drawn yet (a run of more than one block). Every rate at its largest over all the
        // trials bounds every trial, since a job's expected time grows with each rate; only when that
        // bound fails are the rate columns drawn, block by block, stopping at the first block whose highest
        // trial cannot be simulated (that trial is named; a later one may be higher still).
        if problem(in: withRates(columns.map(plan.largestValue))) == nil { continue }
        var failing: (highest: (trial: Int, sum: Double, values: [Double]), problem: String)?
        for block in 0..<plan.blockCount {
          let candidate = plan.trialWithLargestSum(of: columns, blocks: block..<(block + 1))
          if let problem = problem(in: withRates(candidate.values)) {
            failing = (candidate, problem)
            break
          }
        }
        guard let failing else { continue }
        (highest, found) = failing
      } else {
        highest = plan.trialWithLargestSum(of: columns)
        guard let problem = problem(in: scenario(forTrial: highest.trial, base: base)) else {
          continue
        }
        found = problem
      }
      throw .impossibleTrial(
        trial: highest.trial, trials: plan.trials,
        drawn: zip(columns, highest.values).map {
          UncertainVariationError.Drawn(path: plan.inputs[$0].path, value: $1)
        },
        problem: found, location: plan.inputs[columns[0]].location)
    }
  }

  /// This variation with the plan holding the blocks of `trials` (see
  /// ``UncertainInputPlan/covering(trials:)-(Range<Int>)``).
  public func covering(trials: Range<Int>) -> any TrialScenarioVariation {
    var variation = self
    variation.plan = plan.covering(trials: trials)
    return variation
  }

  /// `base` with row `trial` of the plan applied.
  ///
  /// A draw far in a distribution's tail could ask for more jobs than a scenario may have (the loader
  /// checks only that the 99.9th percentile is within the limit): the trial's volume is then capped so that
  /// no month's mean exceeds ``Workload/maximumJobsPerMonth``, as a scenario's own volume must.
  public func scenario(forTrial trial: Int, base: ResolvedScenario) -> ResolvedScenario {
    var scenario = base
    for (index, target) in targets.enumerated() {
      target.apply(plan.value(trial: trial, input: index), to: &scenario)
    }
    scenario.scenario.workload = scenario.scenario.workload.limitingPeak(
      to: Workload.maximumJobsPerMonth, months: scenario.scenario.horizonMonths)
    return scenario
  }
}

extension UncertainVariation {
  /// The variation of `settings` for `scenario`, without the inputs whose path is in `fixing` (and
  /// their correlations); nil when no input is left.
  public init?(_ settings: UncertaintySettings, fixing: [String] = [], scenario: ResolvedScenario)
    throws
  {
    var settings = settings
    settings.inputs.removeAll { fixing.contains($0.path) }
    settings.correlations.removeAll { !Set($0.between).isDisjoint(with: fixing) }
    guard !settings.inputs.isEmpty else { return nil }
    try self.init(settings: settings, scenario: scenario)
  }
}

extension UncertainInputError: DiagnosticConvertible {
  /// The error with its location and help.
  public var diagnostic: Diagnostic {
    Diagnostic(location: location, message: description, help: help)
  }
}

extension UncertainVariationError: DiagnosticConvertible {
  /// The error with its location, if known, and a help line.
  public var diagnostic: Diagnostic {
    switch self {
    case .unsupportedPath:
      return Diagnostic(
        location: nil, message: description, help: "write a number at that key instead")
    case .impossibleTrial(_, let trials, _, _, let location):
      return Diagnostic(
        location: location, message: description,
        help:
          "narrow the distribution so that its highest draws keep jobs finishable, or run fewer "
          + "than \(trials) trials (each trial draws once)")
    }
  }
}

/// A path given a distribution that capsim cannot vary, or a drawn value that makes a trial's scenario
/// impossible to simulate.
public enum UncertainVariationError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The path is not one of ``UncertainTarget/supportedPaths``.
  case unsupportedPath(String)
  /// Trial `trial` (from 0) of the plan's `trials` draws values (`drawn`: path and value) with which the
  /// scenario fails its checks (`problem`); `location` is where the first input was written.
  case impossibleTrial(
    trial: Int, trials: Int, drawn: [Drawn], problem: String, location: SourceLocation?)

  /// An input's path and the value a trial drew for it.
  public struct Drawn: Sendable, Hashable {
    /// The input's key path.
    public var path: String
    /// The value drawn.
    public var value: Double
  }

  /// What is wrong, with the supported paths or the values drawn.
  public var description: String {
    switch self {
    case .unsupportedPath(let path):
      return "'\(path)' cannot take a distribution; supported: "
        + UncertainTarget.supportedPaths.joined(separator: ", ")
    case .impossibleTrial(let trial, let trials, let drawn, let problem, _):
      let values = drawn.map { "\($0.path) = \($0.value.formatted(significantDigits: 4))" }
      return "trial \(trial + 1) of \(trials) draws "
        + values.joined(separator: " and ") + ", with which the scenario cannot be simulated: "
        + problem
    }
  }
}
