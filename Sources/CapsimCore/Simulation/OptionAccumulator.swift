/// A per-trial total that the summary reports, as a mean over trials or per job.
enum TrialField: Int, CaseIterable, Sendable {
  case cost, jobs, gpuHours, completionHours, completionHoursSquared, deadlineMet
  case usefulHours, stragglerHours, contentionHours, lostHours, checkpointHours, restartHours
  case rerunHours, interruptions, reruns, failedJobs, waitHours, jobsThatWaited, investigations
  case overflowJobs, interimJobs, utilisation, idleCapacityCost, offeredLoad

  /// The field's value in one trial's totals.
  func value(in totals: TrialTotals) -> Double {
    switch self {
    case .cost: totals.cost
    case .jobs: Double(totals.jobs)
    case .gpuHours: totals.gpuHours
    case .completionHours: totals.completionHours
    case .completionHoursSquared: totals.completionHoursSquared
    case .deadlineMet: Double(totals.deadlineMet)
    case .usefulHours: totals.time.useful
    case .stragglerHours: totals.time.straggler
    case .contentionHours: totals.time.contention
    case .lostHours: totals.time.lost
    case .checkpointHours: totals.time.checkpoint
    case .restartHours: totals.time.restart
    case .rerunHours: totals.time.rerun
    case .interruptions: Double(totals.time.interruptions)
    case .reruns: Double(totals.time.reruns)
    case .failedJobs: Double(totals.time.failedJobs)
    case .waitHours: totals.waitHours
    case .jobsThatWaited: Double(totals.jobsThatWaited)
    case .investigations: Double(totals.investigations)
    case .overflowJobs: Double(totals.overflowJobs)
    case .interimJobs: Double(totals.interimJobs)
    case .utilisation: totals.utilisation
    case .idleCapacityCost: totals.idleCapacityCost
    case .offeredLoad: totals.offeredLoad
    }
  }
}

/// Everything the summary needs from one option's trials, reduced as trials finish: moments of every
/// ``TrialField`` and cost line, pooled job-time and wait histograms, monthly quantile histograms, and the
/// one compact per-trial value reports need (total cost, for paired comparisons and CVaR).
///
/// Memory does not grow with trials except for `totalCosts` (8 bytes a trial).
struct OptionAccumulator: Sendable {
  /// Moments of (jobs, field) by ``TrialField`` raw value, then one per cost line in report order.
  var moments: [TrialMoments]
  /// Moments of the per-trial coefficient of variation of job time (trials with ≥ 2 jobs).
  var coefficientOfVariation = TrialMoments()
  var completions = LogHistogram()
  var waits = LogHistogram()
  var monthly: [SparseQuantileHistogram]
  var cumulative: [SparseQuantileHistogram]
  var monthlySums: [NeumaierSum]
  var cumulativeSums: [NeumaierSum]
  /// Total cost of each trial, in trial order.
  var totalCosts: [Double] = []

  static let costLineCount = CostLines().entries.count

  /// An empty accumulator for `months` months.
  init(months: Int) {
    moments = Array(
      repeating: TrialMoments(), count: TrialField.allCases.count + Self.costLineCount)
    monthly = Array(repeating: SparseQuantileHistogram(), count: months)
    cumulative = Array(repeating: SparseQuantileHistogram(), count: months)
    monthlySums = Array(repeating: NeumaierSum(), count: months)
    cumulativeSums = Array(repeating: NeumaierSum(), count: months)
  }

  /// Adds one trial.
  mutating func add(_ totals: TrialTotals) {
    let jobs = Double(totals.jobs)
    for field in TrialField.allCases {
      moments[field.rawValue].add(x: jobs, y: field.value(in: totals))
    }
    let base = TrialField.allCases.count
    for (index, entry) in totals.lines.entries.enumerated() {
      moments[base + index].add(x: jobs, y: entry.value)
    }
    if totals.jobs > 1 {
      let n = Double(totals.jobs)
      let mean = totals.completionHours / n
      let variance = Swift.max(0, (totals.completionHoursSquared - n * mean * mean) / (n - 1))
      coefficientOfVariation.add(x: 1, y: variance.squareRoot() / mean)
    }
    var running = 0.0
    for (month, cost) in totals.monthlyCost.enumerated() where month < monthly.count {
      running += cost
      monthly[month].record(cost)
      cumulative[month].record(running)
      monthlySums[month].add(cost)
      cumulativeSums[month].add(running)
    }
    totalCosts.append(totals.cost)
  }

  /// Adds the trials of `other`, which come after this one's.
  mutating func merge(_ other: OptionAccumulator) {
    for index in moments.indices { moments[index].merge(other.moments[index]) }
    coefficientOfVariation.merge(other.coefficientOfVariation)
    do {
      try completions.merge(other.completions)
      try waits.merge(other.waits)
    } catch {
      preconditionFailure("job-time histograms share the default range: \(error)")
    }
    for month in monthly.indices {
      monthly[month].merge(other.monthly[month])
      cumulative[month].merge(other.cumulative[month])
      monthlySums[month].add(other.monthlySums[month])
      cumulativeSums[month].add(other.cumulativeSums[month])
    }
    totalCosts.append(contentsOf: other.totalCosts)
  }

  /// Moments of `field`.
  subscript(field: TrialField) -> TrialMoments { moments[field.rawValue] }

  /// Moments of cost line `index` (in ``CostLines/entries`` order).
  func costLine(_ index: Int) -> TrialMoments { moments[TrialField.allCases.count + index] }

  /// Trials added.
  var trials: Int { totalCosts.count }
}

/// First months in which a committed option's cumulative cost drops to a pay-per-use option's, counted over
/// trials as they finish.
struct CrossoverAccumulator: Sendable, Hashable {
  /// Indices of the committed and the pay-per-use option.
  let committed: Int
  let payPerUse: Int
  /// `counts[m]`: trials in which the committed option is cumulatively no dearer from month m on.
  var counts: [Int]
  var never = 0

  init(committed: Int, payPerUse: Int, months: Int) {
    self.committed = committed
    self.payPerUse = payPerUse
    counts = Array(repeating: 0, count: months)
  }

  /// Adds one trial's monthly series of the two options: the month from which the committed option stays
  /// cumulatively no dearer through the last month (which carries any commitment billed after the
  /// horizon); a lead in the middle that the end reverses is no crossover.
  mutating func add(committedSeries: [Double], payPerUseSeries: [Double]) {
    var cumulativeCommitted = 0.0
    var cumulativeShared = 0.0
    var found: Int?
    for month in 0..<Swift.min(counts.count, committedSeries.count, payPerUseSeries.count) {
      cumulativeCommitted += committedSeries[month]
      cumulativeShared += payPerUseSeries[month]
      if cumulativeCommitted <= cumulativeShared {
        if found == nil { found = month }
      } else {
        found = nil
      }
    }
    if let found { counts[found] += 1 } else { never += 1 }
  }

  mutating func merge(_ other: CrossoverAccumulator) {
    for index in counts.indices { counts[index] += other.counts[index] }
    never += other.never
  }
}

/// The reduced results of a contiguous range of trials for every option.
struct ChunkAccumulator: Sendable {
  var options: [OptionAccumulator]
  var crossovers: [CrossoverAccumulator]

  /// Adds the trials of `other`, which come after this one's.
  mutating func merge(_ other: ChunkAccumulator) {
    for index in options.indices { options[index].merge(other.options[index]) }
    for index in crossovers.indices { crossovers[index].merge(other.crossovers[index]) }
  }

  /// Trials added.
  var trials: Int { options.first?.trials ?? 0 }

  /// Makes room for `count` trials in all, so that a run that knows its trial count stores each option's
  /// per-trial costs once, without the spare capacity (up to double) and the copies of a growing array.
  mutating func reserveTrials(_ count: Int) {
    for index in options.indices { options[index].totalCosts.reserveCapacity(count) }
  }
}
