extension SimulationOutcome {
  /// Units of metrics that must be finite: money (the outcome's currency) and time.
  static let finiteUnits: Set<String> = ["h", "GPU-h"]

  /// Throws when a cost or time metric of an option that ran jobs is NaN or ±∞, naming the option and the
  /// metric, so that no report, verdict or saved run is built on a missing number.
  ///
  /// Load-time limits (``ResolvedScenario``, the scenario loader's table) keep known inputs from getting
  /// here; this is the last line for combinations they cannot foresee.
  /// - Throws: ``ScenarioError`` located at the option in `sourceMap`.
  public func checkFinite(sourceMap: ScenarioSourceMap) throws(ScenarioError) {
    var problems: [ScenarioProblem] = []
    for (index, option) in options.enumerated() {
      for metric in option.metrics
      where metric.unit == currency || Self.finiteUnits.contains(metric.unit) {
        let value = metric.estimate.value
        let required = option.ranJobs || metric.key == "total_cost" || metric.key == "monthly_cost"
        guard required, !value.isFinite else { continue }
        problems.append(
          .invalidValue(
            sourceMap.location(of: "options[\(index)]"),
            message:
              "option '\(option.name)': the simulated \(metric.label.lowercased()) ('\(metric.key)') "
              + "is \(value.isNaN ? "not a number" : "infinite")",
            help:
              "a duration or price is too large for finite arithmetic: check the option's distribution "
              + "parameters, steps_per_job and duration_scale"))
        break
      }
    }
    if !problems.isEmpty { throw ScenarioError(problems) }
  }

  /// Each option's metrics that have a value, for storing: an option that ran no jobs (a volume of zero)
  /// has no per-job ratios (cost per job, mean job time, deadline hit rate: 0/0), and those are left out;
  /// every other metric is kept as it is (``checkFinite(sourceMap:)`` has vetted costs and times).
  public var storableMetrics: [(option: String, metrics: [MetricEstimate])] {
    options.map { option in
      let metrics =
        option.ranJobs
        ? option.metrics
        : option.metrics.filter { metric in
          let estimate = metric.estimate
          return [estimate.value, estimate.standardError, estimate.lower, estimate.upper]
            .allSatisfy { $0.map(\.isFinite) ?? true }
        }
      return (option: option.name, metrics: metrics)
    }
  }
}

extension OptionOutcome {
  /// Whether the option simulated any job (its per-job ratios are 0/0 otherwise).
  var ranJobs: Bool { (metric("jobs")?.estimate.value ?? 0) > 0 }
}
