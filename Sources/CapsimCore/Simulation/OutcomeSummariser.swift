/// Turns one option's per-trial totals into the metrics of its ``OptionOutcome``.
struct OutcomeSummariser {
  let option: ResolvedOption
  let simulator: OptionSimulator
  let scenario: Scenario
  let totals: [TrialTotals]
  let completions: LogHistogram
  let waits: LogHistogram
  let sizing: CapacitySizingResult?
  let sizingTarget: SizingTarget?

  init(
    option: ResolvedOption, simulator: OptionSimulator, scenario: Scenario, chunks: [TrialChunk],
    optionIndex: Int,
    sizing: CapacitySizingResult?, sizingTarget: SizingTarget?
  ) {
    self.option = option
    self.simulator = simulator
    self.scenario = scenario
    self.totals = chunks.flatMap { $0.totals[optionIndex] }
    var completions = LogHistogram()
    var waits = LogHistogram()
    for chunk in chunks {  // histograms share the default range, so merging cannot fail
      try? completions.merge(chunk.completions[optionIndex])
      try? waits.merge(chunk.waits[optionIndex])
    }
    self.completions = completions
    self.waits = waits
    self.sizing = sizing
    self.sizingTarget = sizingTarget
  }

  private var jobs: [Double] { totals.map { Double($0.jobs) } }

  private func perJob(
    _ key: String, _ label: String, _ unit: String, _ value: (TrialTotals) -> Double
  ) -> MetricEstimate {
    MetricEstimate(
      key: key, label: label, unit: unit,
      estimate: TrialStatistics.ratio(numerators: totals.map(value), denominators: jobs))
  }

  private func perTrial(
    _ key: String, _ label: String, _ unit: String, _ value: (TrialTotals) -> Double
  ) -> MetricEstimate {
    MetricEstimate(
      key: key, label: label, unit: unit, estimate: TrialStatistics.mean(totals.map(value)))
  }

  func outcome() -> OptionOutcome {
    let currency = option.price.currency
    let months = Double(scenario.horizonMonths)
    let mechanisms = option.mechanisms
    var metrics: [MetricEstimate] = [
      perTrial("total_cost", "Total cost", currency) { $0.cost },
      perTrial("monthly_cost", "Monthly cost", currency) { $0.cost / months },
      perJob("cost_per_job", "Cost per job", currency) { $0.cost },
      perTrial("jobs", "Jobs", "jobs") { Double($0.jobs) },
      perTrial("gpu_hours", "GPU-hours used", "GPU-h") { $0.gpuHours },
      perJob("job_hours_mean", "Job time, mean", "h") { $0.completionHours },
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
        perJob("deadline_hit_rate", "Deadlines met", "share") { Double($0.deadlineMet) })
    }
    // Where the average job's time goes.
    metrics.append(perJob("time_useful_hours", "Time: compute", "h") { $0.usefulHours })
    if mechanisms.stragglers != nil {
      metrics.append(perJob("time_straggler_hours", "Time: stragglers", "h") { $0.stragglerHours })
    }
    if mechanisms.contention != nil {
      metrics.append(
        perJob("time_contention_hours", "Time: contention", "h") { $0.contentionHours })
    }
    if mechanisms.interruptions != nil {
      metrics.append(perJob("time_lost_work_hours", "Time: lost work", "h") { $0.lostHours })
      metrics.append(
        perJob("time_checkpoint_hours", "Time: checkpoints", "h") { $0.checkpointHours })
      metrics.append(perJob("time_restart_hours", "Time: restarts", "h") { $0.restartHours })
      metrics.append(perJob("time_rerun_hours", "Time: reruns", "h") { $0.rerunHours })
      metrics.append(
        perJob("interruptions_per_job", "Interruptions/job", "count") { Double($0.interruptions) })
      metrics.append(perJob("reruns_per_job", "Reruns/job", "count") { Double($0.reruns) })
      metrics.append(perJob("failed_job_rate", "Jobs failed", "share") { Double($0.failedJobs) })
    }
    let queues = option.isCommitted || option.queueWait != nil
    if queues {
      metrics.append(perJob("time_queue_wait_hours", "Time: queue wait", "h") { $0.waitHours })
      metrics.append(
        perJob("waited_rate", "Jobs that waited", "share") { Double($0.jobsThatWaited) })
      metrics.append(
        MetricEstimate(
          key: "wait_hours_p95", label: "Wait, p95", unit: "h",
          estimate: pooledQuantile(waits, 0.95)))
    }
    // The cost lines; total_cost is their sum trial by trial.
    for (index, entry) in CostLines().entries.enumerated() {
      metrics.append(perTrial(entry.key, entry.label, currency) { $0.lines.entries[index].value })
    }
    metrics.append(
      perJob("investigation_rate", "Jobs investigated", "share") { Double($0.investigations) })
    metrics.append(
      MetricEstimate(
        key: "total_cost_cvar95", label: "Cost CVaR 95%", unit: currency,
        estimate: Estimate(value: Self.conditionalValueAtRisk95(totals.map(\.cost)))))
    if option.option.overflow != nil {
      metrics.append(
        perJob("overflow_rate", "Jobs overflowed", "share") { Double($0.overflowJobs) })
    }
    if option.option.provisioning != nil {
      metrics.append(
        perJob("interim_rate", "Jobs run on interim", "share") { Double($0.interimJobs) })
    }
    var notes: [String] = []
    if option.isCommitted {
      metrics.append(perTrial("utilisation", "Utilisation", "share") { $0.utilisation })
      metrics.append(
        perTrial("idle_capacity_cost", "Idle capacity", currency) { $0.idleCapacityCost })
      let extra = simulator.monthsBilledAfterHorizon
      if extra > 0 {
        let lead = option.option.provisioning?.leadTimeMonths ?? 0
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
              + "\(target.metric == .deadlineHitRate ? "≥" : "≤") \(target.limit); showing \(simulator.nodes) nodes"
          )
        }
      }
    }
    // Shares live in [0, 1]: clip their (normal-approximation) intervals to it.
    for index in metrics.indices where metrics[index].unit == "share" {
      metrics[index].estimate.lower = metrics[index].estimate.lower.map { Swift.max(0, $0) }
      metrics[index].estimate.upper = metrics[index].estimate.upper.map { Swift.min(1, $0) }
    }
    var outcome = OptionOutcome(
      name: option.option.name, platform: option.platform.name, platformKind: option.platform.kind,
      price: option.price.name, pricingModel: option.price.pricingModel,
      pricePerGPUHour: option.price.perGPUHour,
      nodes: option.isCommitted ? simulator.nodes : nil, metrics: metrics, notes: notes,
      stragglerGrowth: (try? mechanisms.stragglers?.growthTable()) ?? [],
      sizing: sizing.map { SizingOutcome(target: sizingTarget, result: $0) })
    let series = totals.map(\.monthlyCost)
    outcome.monthly = (0..<scenario.horizonMonths).map { MonthlyCost.summarise(series, month: $0) }
    outcome.totalCostByTrial = totals.map(\.cost)
    outcome.overflowTo = option.option.overflow?.option
    return outcome
  }

  /// The estimate a capacity-sizing target is stated on.
  func sizingMetric(_ metric: SizingTarget.Metric) -> Estimate {
    switch metric {
    case .p95WaitHours: return pooledQuantile(waits, 0.95)
    case .meanWaitHours:
      return TrialStatistics.ratio(numerators: totals.map(\.waitHours), denominators: jobs)
    case .deadlineHitRate:
      return TrialStatistics.ratio(
        numerators: totals.map { Double($0.deadlineMet) }, denominators: jobs)
    case .expectedCost:
      return TrialStatistics.mean(totals.map(\.cost))
    case .cvar95Cost:
      return Estimate(value: Self.conditionalValueAtRisk95(totals.map(\.cost)))
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
    let count = Double(totals.reduce(0) { $0 + $1.jobs })
    guard count > 1 else { return Estimate(value: .nan) }
    let sum = TrialStatistics.neumaierSum(totals.map(\.completionHours))
    let squares = TrialStatistics.neumaierSum(totals.map(\.completionHoursSquared))
    let mean = sum / count
    let variance = Swift.max(0, (squares - count * mean * mean) / (count - 1))
    let pooled = variance.squareRoot() / mean
    let perTrial = totals.compactMap { t -> Double? in
      guard t.jobs > 1 else { return nil }
      let m = t.completionHours / Double(t.jobs)
      let v = Swift.max(0, (t.completionHoursSquared - Double(t.jobs) * m * m) / Double(t.jobs - 1))
      return v.squareRoot() / m
    }
    let batch = TrialStatistics.mean(perTrial)
    guard let standardError = batch.standardError else { return Estimate(value: pooled) }
    let half = TrialStatistics.z95 * standardError
    return Estimate(
      value: pooled, standardError: standardError, lower: pooled - half, upper: pooled + half)
  }
}
