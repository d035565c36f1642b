/// Simulates one option for one trial: draws every job's time through the option's mechanisms and bills it.
///
/// Per job (see `docs/model.md`): compute time from the duration source (one run-level draw × steps, or with
/// stragglers the sum over steps of the slowest of G workers); then interruptions with checkpoint/restart;
/// then contention episodes stretching the wall time; then a wait for capacity (drawn for pay-per-use options,
/// simulated first come first served on the committed nodes for dedicated ones). Pay-per-use options bill
/// GPUs × wall time; committed options bill their capacity every month, busy or idle.
final class OptionSimulator: Sendable {
  let name: String
  /// Whether the option's jobs wait for capacity (committed nodes or a `queue_wait`): only then are waits
  /// recorded for their quantiles.
  let queues: Bool
  /// Duration draws: sorted sample values (drawn by inversion, so that options synchronise on the same
  /// uniforms), or a distribution.
  let duration: DurationDraws
  let mechanisms: OptionMechanisms
  // The mechanisms as plain values, so the per-job pipeline copies no model (no reference counting).
  /// Interruptions (a model that never interrupts when off, see ``hasInterruptions``).
  let interruptions: InterruptionModel
  let hasInterruptions: Bool
  /// Contention with exponential or fixed episodes, if on (a general episode distribution uses the model).
  let contention: ContentionModel.Plan?
  /// Stragglers summed by the normal approximation (steps above the exact limit): mean and standard deviation
  /// of a job's compute seconds; `nil` without stragglers or when steps are summed exactly.
  let stragglerNormal: (mean: Double, standardDeviation: Double)?
  // Flags for the models kept only in `mechanisms`: testing a flag, not the optional model, keeps the per-job
  // pipeline from copying the model (it holds an existential distribution) once per job.
  /// Whether stragglers are summed step by step (steps at or below the model's exact limit).
  let sumsStragglersExactly: Bool
  /// Whether contention uses the general model (episodes that `ContentionModel.plan` does not cover).
  let hasGeneralContention: Bool
  /// Waits for capacity of a pay-per-use option (seconds), if it configures them.
  let queueWait: DurationDraws?
  /// The queue-wait sample values in hours (each second count ÷ 3600), ascending (empty without them).
  let queueWaitSortedHours: [Double]
  let steps: Double
  let stepCount: Int
  /// Seconds → hours, with the option's duration scale.
  let hoursPerSecond: Double
  /// Mean compute hours of a job without stragglers (for the straggler overhead).
  let stragglerFreeHours: Double
  let gpusPerJob: Double
  let deadlineHours: Double
  let pricePerGPUHour: Double
  let isCommitted: Bool
  let nodes: Int
  let gpusPerNode: Double
  let nodesPerJob: Int
  /// Servers of the queue simulation: nodes, or GPU slots when jobs are smaller than a node.
  let queueServers: Int
  let setupCost: Double
  let monthsBilledAfterHorizon: Int
  let costs: HiddenCostSettings
  let billing: BillingSettings
  let migrationCost: Double
  /// Mean compute hours of a job on this option (the "expected" time for investigations).
  let expectedComputeHours: Double
  /// 95th percentile of a job's compute hours (what over-provisioning books).
  let bookedHours: Double
  /// For a hybrid option: where jobs go when the committed nodes would make them wait too long.
  let overflow: OverflowTarget?
  /// Where jobs run while the committed nodes are being provisioned, if they are.
  let interim: OverflowTarget?
  /// Months until the committed nodes exist (0 when there is no provisioning lead time).
  let leadTimeMonths: Int
  /// Months of the horizon the committed nodes exist in, horizon − lead time: none when a trial's drawn
  /// lead time reaches past the horizon.
  let committedMonths: Int

  init(
    _ resolved: ResolvedOption, workload: Workload, horizonMonths: Int, nodes: Int,
    costs: HiddenCostSettings = HiddenCostSettings(), overflow: OverflowTarget? = nil,
    interim: OverflowTarget? = nil, reusing prepared: OptionSimulator? = nil
  ) {
    self.overflow = overflow
    self.interim = interim
    leadTimeMonths = resolved.isCommitted ? (resolved.option.provisioning?.leadTimeMonths ?? 0) : 0
    name = resolved.option.name
    // A trial's simulator (uncertain inputs) takes the run's sorted sample values when they are the same.
    duration = DurationDraws(resolved.duration, reusing: prepared?.duration)
    mechanisms = resolved.mechanisms
    interruptions = resolved.mechanisms.interruptions ?? .never
    hasInterruptions = resolved.mechanisms.interruptions != nil
    contention = resolved.mechanisms.contention?.plan
    let queueWait = resolved.queueWait.map { DurationDraws($0, reusing: prepared?.queueWait) }
    self.queueWait = queueWait
    // Each value divided once here rather than per draw: the same quotients, so the same waits.
    if let prepared, let queueWait, let preparedWait = prepared.queueWait,
      DurationDraws.sameStorage(preparedWait.sorted, queueWait.sorted)
    {
      queueWaitSortedHours = prepared.queueWaitSortedHours
    } else {
      queueWaitSortedHours = (queueWait?.sorted ?? []).map { $0 / 3600 }
    }
    queues = resolved.isCommitted || resolved.queueWait != nil
    steps = workload.stepsPerJob
    // Steps are capped where a job's time would be absurd anyway, so the conversion cannot trap.
    let steps = Swift.max(1, Int(Swift.min(workload.stepsPerJob.rounded(), 0x1p52)))
    stepCount = steps
    stragglerNormal = resolved.mechanisms.stragglers.flatMap { model in
      steps > model.exactStepLimit
        ? (Double(steps) * model.maxMean, Double(steps).squareRoot() * model.maxStandardDeviation)
        : nil
    }
    sumsStragglersExactly = resolved.mechanisms.stragglers != nil && stragglerNormal == nil
    hasGeneralContention = contention == nil && resolved.mechanisms.contention != nil
    let hoursPerSecond = resolved.option.durationScale / 3600
    self.hoursPerSecond = hoursPerSecond
    let workerMean = resolved.mechanisms.stragglers?.workerMean ?? 0
    stragglerFreeHours = Double(steps) * workerMean * resolved.option.durationScale / 3600
    gpusPerJob = Double(workload.gpusPerJob)
    deadlineHours = workload.deadlineHours ?? .infinity
    // The billed price, built once (it formats its source); the rest of the quote is as quoted.
    let price = resolved.price
    pricePerGPUHour = price.perGPUHour
    isCommitted = resolved.isCommitted
    self.nodes = nodes
    gpusPerNode = price.gpusPerUnit
    nodesPerJob = resolved.nodesPerJob(gpusPerJob: workload.gpusPerJob)
    queueServers = nodes * resolved.jobsPerNode(gpusPerJob: workload.gpusPerJob)
    setupCost = resolved.isCommitted ? Double(nodes) * price.setupFee : 0
    // The minimum term runs from when the nodes exist, so a lead time pushes part of it past the horizon
    // (all of it when a trial's drawn lead time reaches past the horizon).
    committedMonths = Swift.max(0, horizonMonths - leadTimeMonths)
    monthsBilledAfterHorizon =
      resolved.isCommitted ? Swift.max(0, price.minimumTermMonths - committedMonths) : 0
    self.costs = costs
    billing = resolved.option.billing
    migrationCost =
      resolved.option.migration.map {
        $0.engineerWeeks * 40 * costs.engineerHourlyRate + $0.otherCosts
      } ?? 0
    let stepCount = Double(steps)
    if let stragglers = resolved.mechanisms.stragglers {
      expectedComputeHours = stepCount * stragglers.maxMean * hoursPerSecond
      bookedHours =
        (stepCount * stragglers.maxMean + 1.644_853_626_951_472_7
          * (stepCount * stragglers.maxVariance).squareRoot())
        * hoursPerSecond
    } else {
      expectedComputeHours = workload.stepsPerJob * resolved.duration.mean * hoursPerSecond
      let p95: Double
      switch resolved.duration {
      case .empirical: p95 = quantile(sorted: duration.sorted, 0.95)
      case .distribution(let distribution): p95 = distribution.quantile(0.95)
      }
      bookedHours = workload.stepsPerJob * p95 * hoursPerSecond
    }
  }

}
