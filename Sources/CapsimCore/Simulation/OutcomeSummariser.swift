/// Turns one option's per-trial totals into the metrics of its ``OptionOutcome``.
struct OutcomeSummariser {
  let option: ResolvedOption
  let scenario: Scenario
  let totals: [TrialTotals]
  let durations: LogHistogram

  init(option: ResolvedOption, scenario: Scenario, chunks: [TrialChunk], optionIndex: Int) {
    self.option = option
    self.scenario = scenario
    self.totals = chunks.flatMap { $0.totals[optionIndex] }
    var durations = LogHistogram()
    for chunk in chunks { try? durations.merge(chunk.durations[optionIndex]) }  // same default range
    self.durations = durations
  }

  func outcome() -> OptionOutcome {
    let currency = option.price.currency
    let months = Double(scenario.horizonMonths)
    let costs = totals.map(\.cost)
    let jobs = totals.map { Double($0.jobs) }
    var metrics: [MetricEstimate] = [
      MetricEstimate(
        key: "total_cost", label: "Total cost", unit: currency,
        estimate: TrialStatistics.mean(costs)),
      MetricEstimate(
        key: "monthly_cost", label: "Monthly cost", unit: currency,
        estimate: TrialStatistics.mean(costs.map { $0 / months })),
      MetricEstimate(
        key: "cost_per_job", label: "Cost per job", unit: currency,
        estimate: TrialStatistics.ratio(numerators: costs, denominators: jobs)),
      MetricEstimate(
        key: "jobs", label: "Jobs", unit: "jobs", estimate: TrialStatistics.mean(jobs)),
      MetricEstimate(
        key: "gpu_hours", label: "GPU-hours used", unit: "GPU-h",
        estimate: TrialStatistics.mean(totals.map(\.gpuHours))),
      MetricEstimate(
        key: "job_hours_mean", label: "Job time, mean", unit: "h",
        estimate: TrialStatistics.ratio(numerators: totals.map(\.jobHours), denominators: jobs)),
    ]
    for (key, label, p) in [
      ("job_hours_p50", "Job time, p50", 0.5), ("job_hours_p95", "Job time, p95", 0.95),
      ("job_hours_p99", "Job time, p99", 0.99),
    ] {
      metrics.append(
        MetricEstimate(key: key, label: label, unit: "h", estimate: pooledQuantile(p)))
    }
    metrics.append(
      MetricEstimate(
        key: "job_hours_cov", label: "Job time, CoV", unit: "ratio",
        estimate: coefficientOfVariation()))
    if scenario.workload.deadlineHours != nil {
      metrics.append(
        MetricEstimate(
          key: "deadline_hit_rate", label: "Deadlines met", unit: "share",
          estimate: TrialStatistics.ratio(
            numerators: totals.map { Double($0.deadlineMet) }, denominators: jobs)))
    }
    var notes: [String] = []
    if option.isCommitted {
      metrics.append(
        MetricEstimate(
          key: "utilisation", label: "Utilisation", unit: "share",
          estimate: TrialStatistics.mean(totals.map(\.utilisation))))
      let overCapacity = TrialStatistics.mean(totals.map { Double($0.monthsOverCapacity) / months })
      metrics.append(
        MetricEstimate(
          key: "months_over_capacity", label: "Months over capacity", unit: "share",
          estimate: overCapacity))
      if overCapacity.value > 0 {
        notes.append(
          "demand exceeded the committed capacity in \(percent(overCapacity.value)) of months; "
            + "work beyond capacity is not delayed in this model, so add nodes or compare a hybrid option"
        )
      }
      let extra = option.price.minimumTermMonths - scenario.horizonMonths
      if extra > 0 {
        notes.append(
          "the price's minimum term is \(option.price.minimumTermMonths) months: total cost includes \(extra) "
            + "committed months after the \(scenario.horizonMonths)-month horizon")
      }
    }
    return OptionOutcome(
      name: option.option.name, platform: option.platform.name, platformKind: option.platform.kind,
      price: option.price.name, pricingModel: option.price.pricingModel,
      pricePerGPUHour: option.price.perGPUHour,
      nodes: option.isCommitted ? option.option.nodes : nil, metrics: metrics, notes: notes)
  }

  /// Pooled quantile of all simulated job times (type 7 on the histogram's bin midpoints, within 0.05%
  /// of the exact sample quantile) with a distribution-free 95% interval from order statistics (binomial
  /// ranks; see ``QuantileConfidenceRanks``), widened to whole histogram bins so that it contains the
  /// interval the exact sample would give.
  func pooledQuantile(_ p: Double) -> Estimate {
    guard let quantile = durations.quantileEstimate(p) else { return Estimate(value: .nan) }
    return Estimate(value: quantile.value, standardError: nil, lower: quantile.lower, upper: quantile.upper)
  }

  /// Pooled coefficient of variation of job time, √(E[X²] − E[X]²) / E[X] over all jobs, with the spread of
  /// per-trial values as its standard error (batch means, one batch per trial).
  func coefficientOfVariation() -> Estimate {
    let count = Double(totals.reduce(0) { $0 + $1.jobs })
    guard count > 1 else { return Estimate(value: .nan) }
    let sum = TrialStatistics.neumaierSum(totals.map(\.jobHours))
    let squares = TrialStatistics.neumaierSum(totals.map(\.jobHoursSquared))
    let mean = sum / count
    let variance = Swift.max(0, (squares - count * mean * mean) / (count - 1))
    let pooled = variance.squareRoot() / mean
    let perTrial = totals.compactMap { t -> Double? in
      guard t.jobs > 1 else { return nil }
      let m = t.jobHours / Double(t.jobs)
      let v = Swift.max(0, (t.jobHoursSquared - Double(t.jobs) * m * m) / Double(t.jobs - 1))
      return v.squareRoot() / m
    }
    let batch = TrialStatistics.mean(perTrial)
    guard let standardError = batch.standardError else { return Estimate(value: pooled) }
    let half = TrialStatistics.z95 * standardError
    return Estimate(
      value: pooled, standardError: standardError, lower: pooled - half, upper: pooled + half)
  }

  private func percent(_ share: Double) -> String {
    share < 0.001 ? "under 0.1%" : "\((share * 1000).rounded() / 10)%"
  }
}
