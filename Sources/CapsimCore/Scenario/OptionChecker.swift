/// Checks one resolved option against the workload and builds its mechanisms, collecting located problems.
struct OptionChecker {
  let resolved: ResolvedOption
  let workload: Workload
  let path: String
  let sourceMap: ScenarioSourceMap
  var problems: [ScenarioProblem] = []

  init(resolved: ResolvedOption, workload: Workload, path: String, sourceMap: ScenarioSourceMap) {
    self.resolved = resolved
    self.workload = workload
    self.path = path
    self.sourceMap = sourceMap
  }

  mutating func check() -> OptionMechanisms {
    // A price outside its limits (stored by a capsim that did not check them) would overflow the costs
    // and node counts below, so nothing else is checked or built for this option.
    guard checkPrice() else { return .none }
    checkNodes()
    checkDurationSources()
    let interruptions = buildInterruptions()
    checkJobTime(interruptions: interruptions)
    return OptionMechanisms(
      stragglers: buildStragglers(), contention: buildContention(),
      interruptions: interruptions)
  }

  // MARK: - Price

  /// Whether the price that bills the option is within ``PriceLimits``; records a problem for each
  /// field that is not.
  private mutating func checkPrice() -> Bool {
    let price = resolved.price
    let violations = PriceLimits.violations(of: price)
    for violation in violations {
      problems.append(
        .invalidValue(
          sourceMap.location(of: "\(path).price"),
          message:
            "price '\(price.name)' in the database has \(violation.field) "
            + "\(NumericLimit.format(violation.value)); \(violation.message)",
          help:
            "\(violation.help). \(PriceLimits.storedUncheckedHelp)"))
    }
    return violations.isEmpty
  }

  // MARK: - Capacity

  private mutating func checkNodes() {
    let option = resolved.option
    let price = resolved.price
    if resolved.isCommitted && option.nodes == nil {
      problems.append(
        .missingKey(
          sourceMap.location(of: path), key: "nodes",
          help: "price '\(option.price)' is a \(price.pricingModel.rawValue) commitment; "
            + "say how many nodes are committed, e.g. 'nodes: 2', or 'nodes: auto' with a 'sizing' target"
        ))
    }
    if !resolved.isCommitted && option.nodes != nil {
      problems.append(
        .invalidValue(
          sourceMap.location(of: "\(path).nodes"),
          message:
            "'nodes' applies only to committed prices, but '\(option.price)' is billed per use "
            + "(\(price.pricingModel.rawValue))",
          help: "remove 'nodes', or choose a reserved or bare_metal price"))
    }
    if resolved.isCommitted && option.queueWait != nil {
      problems.append(
        .invalidValue(
          sourceMap.location(of: "\(path).queue_wait"),
          message:
            "'queue_wait' applies to pay-per-use options; committed capacity queues its own jobs",
          help: "remove 'queue_wait': capsim simulates the queue on the committed nodes itself"))
    }
    let needed = resolved.nodesPerJob(gpusPerJob: workload.gpusPerJob)
    let available: Int?
    switch option.nodes {
    case .fixed(let nodes): available = nodes
    case .auto(let target): available = target.maximumNodes
    case nil: available = nil
    }
    if resolved.isCommitted, let available, available < needed {
      problems.append(
        .invalidValue(
          sourceMap.location(of: "\(path).nodes"),
          message: "a job needs \(workload.gpusPerJob) GPUs (\(needed) nodes of "
            + "\(Int(price.gpusPerUnit)) GPUs) but option '\(option.name)' allows only \(available)",
          help: "raise 'nodes' (or 'sizing.max_nodes') to at least \(needed)"))
    }
    if option.overflow != nil && !resolved.isCommitted {
      problems.append(
        .invalidValue(
          sourceMap.location(of: "\(path).overflow"),
          message:
            "'overflow' makes a hybrid of committed nodes, but '\(option.price)' is billed per use",
          help: "put 'overflow' on an option with a reserved or bare_metal price"))
    }
    if case .auto(let target) = option.nodes, target.metric.isObjective, option.overflow == nil {
      problems.append(
        .invalidValue(
          sourceMap.location(of: "\(path).sizing.metric"),
          message:
            "sizing metric '\(target.metric.rawValue)' minimises cost, which only a hybrid option trades off",
          help:
            "add 'overflow: {to: OPTION, max_wait_hours: H}', or size on p95_wait_hours or deadline_hit_rate"
        ))
    }
    if case .auto(let target) = option.nodes, target.metric == .deadlineHitRate,
      workload.deadlineHours == nil
    {
      problems.append(
        .invalidValue(
          sourceMap.location(of: "\(path).sizing"),
          message: "sizing target 'deadline_hit_rate' needs a deadline, but the workload has none",
          help: "add 'deadline_hours' to the workload, or size on p95_wait_hours"))
    }
  }

  // MARK: - Duration sources

  private mutating func checkDurationSources() {
    let option = resolved.option
    if case .empirical(let values) = resolved.duration, values.isEmpty {
      problems.append(
        .invalidValue(
          sourceMap.location(of: "\(path).samples"),
          message: "sample set '\(option.duration.sampleSetName ?? "")' has no values",
          help: "import measurements with 'capsim import samples FILE'"))
    }
    if let metric = resolved.durationMetric, !ResolvedScenario.durationMetrics.contains(metric) {
      problems.append(
        .invalidValue(
          sourceMap.location(of: "\(path).samples"),
          message:
            "sample set '\(option.duration.sampleSetName ?? "")' measures '\(metric)', not a duration of work",
          help: "choose a sample set whose metric is step_time or job_time"))
    }
    if let metric = resolved.queueWaitMetric, metric != "queue_wait" {
      problems.append(
        .invalidValue(
          sourceMap.location(of: "\(path).queue_wait.samples"),
          message:
            "sample set '\(option.queueWait?.sampleSetName ?? "")' measures '\(metric)', not a queue wait",
          help: "choose a sample set whose metric is queue_wait"))
    }
  }

  // MARK: - Mechanisms

  /// The most values a smoothed sample set may have under `stragglers: true` (see ``buildStragglers()``).
  static let largestSmoothedStragglerSet = 1_000

  private mutating func buildStragglers() -> StragglerModel? {
    guard resolved.option.stragglers else { return nil }
    do {
      switch resolved.duration {
      case .empirical(let values):
        return try StragglerModel(stepSamples: values, gpus: workload.gpusPerJob)
      case .distribution(let distribution):
        if let smoothed = distribution as? EmpiricalDistribution, smoothed.bandwidth > 0,
          smoothed.sortedValues.count > Self.largestSmoothedStragglerSet
        {
          // Each quantile of a kernel density sums over every value, and the slowest-of-G moments (and
          // the report's growth table) take thousands of them: seconds at 1,000 values, hours at 300,000.
          problems.append(
            .invalidValue(
              sourceMap.location(of: "\(path).sampling"),
              message:
                "sampling: smoothed with stragglers takes the slowest-of-\(workload.gpusPerJob) moments from "
                + "the kernel density's quantile function, which sums over every value: at most "
                + "\(Self.largestSmoothedStragglerSet) values (this set has \(smoothed.sortedValues.count))",
              help:
                "use sampling: bootstrap (exact moments from the values), or fit a distribution to the set "
                + "(capsim fit NAME --save) and use it"))
          return nil
        }
        return try StragglerModel(step: distribution, gpus: workload.gpusPerJob)
      }
    } catch {
      problems.append(located(error, at: "stragglers"))
      return nil
    }
  }

  private mutating func buildContention() -> ContentionModel? {
    if let estimate = resolved.option.contentionEstimate, let values = resolved.contentionSamples {
      do {
        let mixture = try TwoComponentLogNormalMixture(fitting: values)
        let jobHours =
          workload.stepsPerJob * resolved.duration.mean * resolved.option.durationScale / 3600
        return try ContentionModel.estimate(
          fastComponentMean: mixture.fastMean, slowComponentMean: mixture.slowMean,
          slowWeight: mixture.slowWeight,
          typicalJobHours: jobHours, meanEpisodeHours: estimate.meanDurationHours)
      } catch let error as FitError {
        problems.append(
          .invalidValue(
            sourceMap.location(of: "\(path).contention.estimate_from"),
            message:
              "cannot fit a two-component mixture to '\(estimate.sampleSet)': \(error.diagnostic.message)",
            help: "give episodes_per_hour, mean_duration_hours and slowdown instead"))
        return nil
      } catch {
        problems.append(
          located(
            error as? MechanismError
              ?? .unsupported(mechanism: "contention", message: "\(error)", help: ""),
            at: "contention"))
        return nil
      }
    }
    guard let settings = resolved.option.contention else { return nil }
    do {
      return try ContentionModel(
        episodesPerHour: settings.episodesPerHour,
        duration: .exponential(meanHours: settings.meanDurationHours),
        slowdown: settings.slowdown)
    } catch {
      problems.append(located(error, at: "contention"))
      return nil
    }
  }

  private mutating func buildInterruptions() -> InterruptionModel? {
    guard let settings = resolved.option.interruptions else { return nil }
    do {
      return try InterruptionModel(
        gpus: workload.gpusPerJob, preemptionsPerGPUHour: settings.preemptionsPerGPUHour,
        failuresPerGPUHour: settings.failuresPerGPUHour,
        checkpointInterval: settings.checkpointInterval,
        checkpointHours: settings.checkpointHours, restartHours: settings.restartHours,
        fatalFailureProbability: settings.rerunProbability, maxReruns: settings.maximumReruns)
    } catch {
      problems.append(located(error, at: "interruptions"))
      return nil
    }
  }

  func located(_ error: MechanismError, at section: String) -> ScenarioProblem {
    let diagnostic = error.diagnostic
    return .invalidValue(
      sourceMap.location(of: "\(path).\(section)"), message: diagnostic.message,
      help: diagnostic.help)
  }
}
