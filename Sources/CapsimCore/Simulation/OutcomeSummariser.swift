/// Turns one option's per-trial totals into the metrics of its ``OptionOutcome``.
struct OutcomeSummariser {
  let option: ResolvedOption
  let scenario: Scenario
  let totals: [TrialTotals]
  let durations: [Double]

  init(option: ResolvedOption, scenario: Scenario, chunks: [TrialChunk], optionIndex: Int) {
    self.option = option
    self.scenario = scenario
    self.totals = chunks.flatMap { $0.totals[optionIndex] }
    self.durations = chunks.flatMap { $0.durations[optionIndex] }
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
    let sorted = durations.sorted()
    for (key, label, p) in [
      ("job_hours_p50", "Job time, p50", 0.5), ("job_hours_p95", "Job time, p95", 0.95),
      ("job_hours_p99", "Job time, p99", 0.99),
    ] {
      metrics.append(
        MetricEstimate(key: key, label: label, unit: "h", estimate: pooledQuantile(sorted, p)))
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

  /// Pooled quantile (type 7) of all simulated job times, with a distribution-free 95% interval from order
  /// statistics: ranks np ∓ 1.96·√(np(1−p)) (normal approximation to the binomial).
  func pooledQuantile(_ sorted: [Double], _ p: Double) -> Estimate {
    let n = sorted.count
    guard n > 0 else { return Estimate(value: .nan) }
    let position = p * Double(n - 1)
    let low = Int(position.rounded(.down))
    let high = Swift.min(low + 1, n - 1)
    let value = sorted[low] + (position - Double(low)) * (sorted[high] - sorted[low])
    let spread = TrialStatistics.z95 * (Double(n) * p * (1 - p)).squareRoot()
    let lowerRank = Int((Double(n) * p - spread).rounded(.down))
    let upperRank = Int((Double(n) * p + spread).rounded(.up))
    let lower = lowerRank >= 0 ? sorted[Swift.max(0, lowerRank)] : nil
    let upper = upperRank < n ? sorted[Swift.min(n - 1, upperRank)] : nil
    return Estimate(value: value, standardError: nil, lower: lower, upper: upper)
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
