/// A sign that a workload has moved from experimentation to production, with the value that shows it.
public struct WorkloadSignal: Sendable, Hashable, Codable {
  /// Which signal.
  public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Jobs use more than one GPU (evidence: GPUs per job; present when > 1).
    case multiGPUJobs = "multi_gpu_jobs"
    /// Median job time on the best pay-per-use option above the policy's limit (evidence: hours).
    case longRuns = "long_runs"
    /// Jobs have a deadline (evidence: deadline hours, NaN without one).
    case deadlines
    /// Mean utilisation of the best committed option at or above the policy's level (evidence: share).
    case sustainedUtilisation = "sustained_utilisation"
    /// The monthly job volume grows over the horizon (evidence: last month's mean jobs / first month's).
    case growth
  }

  /// Which signal.
  public var kind: Kind
  /// Whether it is present.
  public var present: Bool
  /// The value it was judged on (NaN when there is none).
  public var evidence: Double
  /// Unit of the evidence: `GPUs`, `h`, `share`, `ratio`.
  public var unit: String
  /// The rule, in words (for example `> 12 h`).
  public var rule: String

  /// Creates a signal.
  public init(kind: Kind, present: Bool, evidence: Double, unit: String, rule: String) {
    self.kind = kind
    self.present = present
    self.evidence = evidence
    self.unit = unit
    self.rule = rule
  }

  /// A short label for reports.
  public var label: String {
    switch kind {
    case .multiGPUJobs: return "Multi-GPU jobs"
    case .longRuns: return "Long runs"
    case .deadlines: return "Deadlines"
    case .sustainedUtilisation: return "Sustained utilisation"
    case .growth: return "Growing volume"
    }
  }

  /// The five signals of a workload and its simulated outcome.
  ///
  /// - Parameters:
  ///   - bestPayPerUse: the cheapest pay-per-use option (its median job time decides `long_runs`).
  ///   - bestCommitted: the cheapest committed option (its utilisation decides `sustained_utilisation`).
  static func signals(
    workload: Workload, horizonMonths: Int, bestPayPerUse: OptionOutcome?,
    bestCommitted: OptionOutcome?,
    policy: RecommendationPolicy
  ) -> [WorkloadSignal] {
    let p50 = bestPayPerUse?.metric("job_hours_p50")?.estimate.value ?? .nan
    let utilisation = bestCommitted?.metric("utilisation")?.estimate.value ?? .nan
    let first = workload.meanJobs(inMonth: 0)
    let last = workload.meanJobs(inMonth: Swift.max(0, horizonMonths - 1))
    let growth = first > 0 ? last / first : (last > 0 ? Double.infinity : .nan)
    return [
      WorkloadSignal(
        kind: .multiGPUJobs, present: workload.gpusPerJob > 1,
        evidence: Double(workload.gpusPerJob),
        unit: "GPUs", rule: "> 1 GPU per job"),
      WorkloadSignal(
        kind: .longRuns, present: p50 > policy.longRunHours, evidence: p50, unit: "h",
        rule: "median job time > \(policy.longRunHours.formatted) h"),
      WorkloadSignal(
        kind: .deadlines, present: workload.deadlineHours != nil,
        evidence: workload.deadlineHours ?? .nan,
        unit: "h", rule: "a deadline is set"),
      WorkloadSignal(
        kind: .sustainedUtilisation, present: utilisation >= policy.sustainedUtilisation,
        evidence: utilisation,
        unit: "share",
        rule: "committed utilisation ≥ \((policy.sustainedUtilisation * 100).formatted)%"),
      WorkloadSignal(
        kind: .growth, present: growth > 1, evidence: growth, unit: "ratio",
        rule: "last month's volume > first month's"),
    ]
  }
}

extension Double {
  /// A short decimal without a trailing `.0` (12 → "12", 0.5 → "0.5").
  fileprivate var formatted: String {
    self == rounded() && Swift.abs(self) < 1e15 ? String(Int64(self)) : String(self)
  }
}
