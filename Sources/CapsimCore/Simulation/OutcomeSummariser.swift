/// Turns one option's per-trial totals into the metrics of its ``OptionOutcome``.
struct OutcomeSummariser {
  let option: ResolvedOption
  /// Committed nodes simulated (0 for pay-per-use).
  let nodes: Int
  let scenario: Scenario
  let accumulator: OptionAccumulator
  let sizing: CapacitySizingResult?
  let sizingTarget: SizingTarget?

  private var completions: LogHistogram { accumulator.completions }
  private var waits: LogHistogram { accumulator.waits }

  private func perJob(
    _ key: String, _ label: String, _ unit: String, _ field: TrialField
  ) -> MetricEstimate {
    MetricEstimate(key: key, label: label, unit: unit, estimate: accumulator[field].ratioEstimate)
  }

  private func perTrial(
    _ key: String, _ label: String, _ unit: String, _ field: TrialField
  ) -> MetricEstimate {
    MetricEstimate(key: key, label: label, unit: unit, estimate: accumulator[field].meanEstimate)
  }

  func outcome() -> OptionOutcome {
    let currency = option.price.currency
    let months = Double(scenario.horizonMonths)
    let mechanisms = option.mechanisms
    var metrics: [MetricEstimate] = [
      perTrial("total_cost", "Total cost", currency, .cost),
      MetricEstimate(
        key: "monthly_cost", label: "Monthly cost", unit: currency,
        estimate: Self.scaled(accumulator[.cost].meanEstimate, by: 1 / months)),
      perJob("cost_per_job", "Cost per job", currency, .cost),
      perTrial("jobs", "Jobs", "jobs", .jobs),
      perTrial("gpu_hours", "GPU-hours used", "GPU-h", .gpuHours),
      perJob("job_hours_mean", "Job time, mean", "h", .completionHours),
    ]
    for (key, label, p) in [
      ("job_hours_p50", "Job time, p50", 0.5), ("job_hours_p95", "Job time, p95", 0.95),
      ("job_hours_p99", "Job time, p99", 0.99),
    ] {
      metrics.append(
        MetricEstimate(key: key, label: label, unit: "h", estimate: pooledQuantile(completions, p)))
    }
    metrics.append(
      MetricEstimate(
        key: "job_hours_cov", label: "Job time, CoV", unit: "ratio",
        estimate: coefficientOfVariation()))
    if scenario.workload.deadlineHours != nil {
      metrics.append(
        perJob("deadline_hit_rate", "Deadlines met", "share", .deadlineMet))
    }
    // Where the average job's time goes.
    metrics.append(perJob("time_useful_hours", "Time: compute", "h", .usefulHours))
    if mechanisms.stragglers != nil {
      metrics.append(perJob("time_straggler_hours", "Time: stragglers", "h", .stragglerHours))
    }
    if mechanisms.contention != nil {
      metrics.append(
        perJob("time_contention_hours", "Time: contention", "h", .contentionHours))
    }
    if mechanisms.interruptions != nil {
      metrics.append(perJob("time_lost_work_hours", "Time: lost work", "h", .lostHours))
      metrics.append(
        perJob("time_checkpoint_hours", "Time: checkpoints", "h", .checkpointHours))
      metrics.append(perJob("time_restart_hours", "Time: restarts", "h", .restartHours))
      metrics.append(perJob("time_rerun_hours", "Time: reruns", "h", .rerunHours))
      metrics.append(
        perJob("interruptions_per_job", "Interruptions/job", "count", .interruptions))
      metrics.append(perJob("reruns_per_job", "Reruns/job", "count", .reruns))
      metrics.append(perJob("failed_job_rate", "Jobs failed", "share", .failedJobs))
    }
    let queues = option.isCommitted || option.queueWait != nil
    if queues {
      metrics.append(perJob("time_queue_wait_hours", "Time: queue wait", "h", .waitHours))
      metrics.append(
        perJob("waited_rate", "Jobs that waited", "share", .jobsThatWaited))
      metrics.append(
        MetricEstimate(
          key: "wait_hours_p95", label: "Wait, p95", unit: "h",
          estimate: pooledQuantile(waits, 0.95)))
    }
    // The cost lines; total_cost is their sum trial by trial.
    for (index, entry) in CostLines().entries.enumerated() {
      metrics.append(
        MetricEstimate(
          key: entry.key, label: entry.label, unit: currency,
          estimate: accumulator.costLine(index).meanEstimate))
    }
    metrics.append(
      perJob("investigation_rate", "Jobs investigated", "share", .investigations))
    metrics.append(
      MetricEstimate(
        key: "total_cost_cvar95", label: "Cost CVaR 95%", unit: currency,
        estimate: Estimate(value: Self.conditionalValueAtRisk95(accumulator.totalCosts))))
    if option.option.overflow != nil {
      metrics.append(
        perJob("overflow_rate", "Jobs overflowed", "share", .overflowJobs))
    }
    if option.option.provisioning != nil {
      metrics.append(
        perJob("interim_rate", "Jobs run on interim", "share", .interimJobs))
    }
    var notes: [String] = []
    var offeredLoad: Double?
    if option.isCommitted {
      metrics.append(perTrial("utilisation", "Utilisation", "share", .utilisation))
      offeredLoad = accumulator[.offeredLoad].meanEstimate.value
      if let load = offeredLoad, OptionOutcome.cannotKeepUp(offeredLoad: load) {
        notes.append(
          "the work offered is \(OptionChecker.significant(load)) × the capacity of its \(nodes) "
            + "node\(nodes == 1 ? "" : "s"): its queue grows without bound, jobs finish ever later, and "
            + "work running past the horizon is not billed; add nodes, or size it with 'nodes: auto'"
        )
      }
      metrics.append(
        perTrial("idle_capacity_cost", "Idle capacity", currency, .idleCapacityCost))
      // The minimum term runs from when the nodes exist, so a lead time pushes part of it past the horizon.
      let lead = option.option.provisioning?.leadTimeMonths ?? 0
      let extra = option.price.minimumTermMonths - (scenario.horizonMonths - lead)
      if extra > 0 {
        notes.append(
          "the price's minimum term is \(option.price.minimumTermMonths) months"
            + (lead > 0 ? " from when the nodes exist (after a \(lead)-month lead time)" : "")
            + ": total cost includes \(extra) committed months after the \(scenario.horizonMonths)-month horizon"
        )
      }
      if let target = sizingTarget {
        if sizing?.nodeCount == nil {
          notes.append(
            "no node count up to \(target.maximumNodes) meets \(target.metric.rawValue) "
              + "\(target.metric == .deadlineHitRate ? "≥" : "≤") \(target.limit); showing \(nodes) nodes"
          )
        }
      }
    }
    // Every metric is a share, a cost, hours, a count or a ratio of non-negative numbers: clip the
    // (normal-approximation) intervals at 0, and shares' at 1 as well, in the outcome so that every
    // report (table, Markdown, CSV, JSON, HTML, workbook) shows the same interval.
    for index in metrics.indices {
      metrics[index].estimate = metrics[index].estimate.clippedToNonNegative()
      if metrics[index].unit == "share" {
        metrics[index].estimate = metrics[index].estimate.clippedToShare()
      }
    }
    var outcome = OptionOutcome(
      name: option.option.name, platform: option.platform.name, platformKind: option.platform.kind,
      price: option.price.name, pricingModel: option.price.pricingModel,
      pricePerGPUHour: option.price.perGPUHour,
      nodes: option.isCommitted ? nodes : nil, metrics: metrics, notes: notes,
      // Reachable, not a silent fallback: a heavy-tailed step time can have a finite maximum at the option's G
      // and not at a larger report G; the table is then left out.
      stragglerGrowth: (try? mechanisms.stragglers?.growthTable()) ?? [],
      sizing: sizing.map { SizingOutcome(target: sizingTarget, result: $0) })
    outcome.monthly = (0..<scenario.horizonMonths).map {
      MonthlyCost.summarise(accumulator, month: $0)
    }
    outcome.jobTimeQuantiles = JobTimeQuantile.shares.compactMap { share in
      completions.quantile(share).map { JobTimeQuantile(share: share, hours: $0) }
    }
    outcome.totalCostByTrial = accumulator.totalCosts
    outcome.offeredLoad = offeredLoad
    outcome.overflowTo = option.option.overflow?.option
    return outcome
  }

  /// The estimate a capacity-sizing target is stated on.
  func sizingMetric(_ metric: SizingTarget.Metric) -> Estimate {
    sizingMetricUnclipped(metric).clippedToNonNegative()
  }

  private func sizingMetricUnclipped(_ metric: SizingTarget.Metric) -> Estimate {
    switch metric {
    case .p95WaitHours: return pooledQuantile(waits, 0.95)
    case .meanWaitHours: return accumulator[.waitHours].ratioEstimate
    // A share, clipped like the share metrics so the sizing curve's interval never passes 1.
    case .deadlineHitRate: return accumulator[.deadlineMet].ratioEstimate.clippedToShare()
    case .expectedCost: return accumulator[.cost].meanEstimate
    case .cvar95Cost:
      return Estimate(value: Self.conditionalValueAtRisk95(accumulator.totalCosts))
    }
  }

  /// CVaR at 95%: the mean of the costliest ⌈5% · n⌉ trials (Rockafellar and Uryasev 2000,
  /// doi:10.21314/JOR.2000.038, with the empirical distribution).
  static func conditionalValueAtRisk95(_ costs: [Double]) -> Double {
    guard !costs.isEmpty else { return .nan }
    let worst = costs.sorted(by: >).prefix(
      Swift.max(1, Int((0.05 * Double(costs.count)).rounded(.up))))
    return TrialStatistics.neumaierSum(worst) / Double(worst.count)
  }

  /// Pooled quantile of a histogram of per-job values (type 7 on bin midpoints, within 0.05% of the exact
  /// sample quantile) with a distribution-free 95% interval from order statistics (see
  /// ``QuantileConfidenceRanks``), widened to whole bins so that it contains the exact sample's interval.
  func pooledQuantile(_ histogram: LogHistogram, _ p: Double) -> Estimate {
    guard let quantile = histogram.quantileEstimate(p) else { return Estimate(value: .nan) }
    return Estimate(
      value: quantile.value, standardError: nil, lower: quantile.lower, upper: quantile.upper)
  }

  /// Pooled coefficient of variation of job completion time, √(E[X²] − E[X]²) / E[X] over all jobs, with
  /// the spread of per-trial values as its standard error (batch means, one batch per trial).
  func coefficientOfVariation() -> Estimate {
    let jobs = accumulator[.jobs].sumY
    guard jobs > 1 else { return Estimate(value: .nan) }
    let sum = accumulator[.completionHours].sumY
    let squares = accumulator[.completionHoursSquared].sumY
    let mean = sum / jobs
    let variance = Swift.max(0, (squares - jobs * mean * mean) / (jobs - 1))
    let pooled = variance.squareRoot() / mean
    let batch = accumulator.coefficientOfVariation.meanEstimate
    guard let standardError = batch.standardError else { return Estimate(value: pooled) }
    let half = TrialStatistics.z95 * standardError
    return Estimate(
      value: pooled, standardError: standardError, lower: pooled - half, upper: pooled + half)
  }

  /// `estimate` with its value, standard error and interval multiplied by `factor` > 0.
  static func scaled(_ estimate: Estimate, by factor: Double) -> Estimate {
    Estimate(
      value: estimate.value * factor, standardError: estimate.standardError.map { $0 * factor },
      lower: estimate.lower.map { $0 * factor }, upper: estimate.upper.map { $0 * factor })
  }
}
