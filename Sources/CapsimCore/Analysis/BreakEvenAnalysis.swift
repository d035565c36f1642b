/// One evaluated job volume of a break-even search.
public struct BreakEvenPoint: Sendable, Hashable, Codable {
  /// Mean jobs per month of the workload (the first month's, when the volume grows).
  public var jobsPerMonth: Double
  /// Expected total cost of the pay-per-use option over the horizon: fixed lines + cost per job × E[jobs]
  /// (see ``BreakEven``), with its standard error.
  public var payPerUseCost: Estimate
  /// Expected total cost of the committed option over the horizon (mean over trials), with its standard error.
  public var committedCost: Estimate
  /// Share of trials in which the committed option is cheaper (paired trials; ties count half).
  public var committedCheaperShare: Double
  /// Wilson score 95% interval of ``committedCheaperShare`` (``Estimate/proportion(_:trials:)``); `nil`
  /// when the trial count is unknown.
  public var committedCheaperLower: Double?
  /// Upper end of the Wilson score 95% interval of ``committedCheaperShare``.
  public var committedCheaperUpper: Double?
  /// Mean utilisation of the committed option.
  public var committedUtilisation: Double
  /// Standard error of ``committedUtilisation`` (s/√n over trials), if known.
  public var committedUtilisationStandardError: Double?

  /// Creates a point; with `trials`, the share gets its Wilson 95% interval.
  public init(
    jobsPerMonth: Double, payPerUseCost: Estimate, committedCost: Estimate,
    committedCheaperShare: Double,
    committedUtilisation: Double, committedUtilisationStandardError: Double? = nil,
    trials: Int? = nil
  ) {
    self.jobsPerMonth = jobsPerMonth
    self.payPerUseCost = payPerUseCost
    self.committedCost = committedCost
    self.committedCheaperShare = committedCheaperShare
    self.committedUtilisation = committedUtilisation
    self.committedUtilisationStandardError = committedUtilisationStandardError
    if let trials {
      let share = Estimate.proportion(committedCheaperShare, trials: trials)
      committedCheaperLower = share.lower
      committedCheaperUpper = share.upper
    }
  }

  /// E[cost pay-per-use] − E[cost committed]: negative where paying per use is cheaper.
  public var costDifference: Double { payPerUseCost.value - committedCost.value }
}

/// Where a committed option starts to pay off against a pay-per-use option, as a function of job volume.
public struct BreakEvenAnalysis: Sendable, Hashable, Codable {
  /// The pay-per-use option.
  public var payPerUse: String
  /// The committed option.
  public var committed: String
  /// Its node count (fixed; sized once at the scenario's volume for `nodes: auto`).
  public var committedNodes: Int
  /// The scenario's own jobs per month.
  public var scenarioJobsPerMonth: Double
  /// J*: the jobs per month at which the expected total costs are equal; `nil` if none was found (the
  /// committed option is cheaper at any volume searched, or never cheaper).
  public var breakEvenJobsPerMonth: Double?
  /// Monte Carlo standard error of J*, by the delta method: SE(difference at J*) / slope of the difference.
  public var breakEvenStandardError: Double?
  /// Utilisation of the committed option at J*.
  public var utilisationAtBreakEven: Double?
  /// J90: the smallest jobs per month at which the committed option is cheaper in ≥ 90% of trials
  /// (`nil` if not found within the search).
  public var jobsForNinetyPercent: Double?
  /// Every evaluated volume, in increasing order.
  public var curve: [BreakEvenPoint]
  /// Engine runs used (each runs every trial for the two options).
  public var evaluations: Int
  /// Relative width of the final bracket of J* (and of J90's, ``BreakEven/confidenceTolerance``).
  public var relativeTolerance: Double
  /// Caveats for the reader, each naming its option (`option: note`), such as a stale price
  /// (``PriceAgeCheck``). Empty when there is nothing to say.
  public var notes: [String]

  /// Creates an analysis result.
  public init(
    payPerUse: String, committed: String, committedNodes: Int, scenarioJobsPerMonth: Double,
    breakEvenJobsPerMonth: Double?, breakEvenStandardError: Double?,
    utilisationAtBreakEven: Double?,
    jobsForNinetyPercent: Double?, curve: [BreakEvenPoint], evaluations: Int,
    relativeTolerance: Double, notes: [String] = []
  ) {
    self.payPerUse = payPerUse
    self.committed = committed
    self.committedNodes = committedNodes
    self.scenarioJobsPerMonth = scenarioJobsPerMonth
    self.breakEvenJobsPerMonth = breakEvenJobsPerMonth
    self.breakEvenStandardError = breakEvenStandardError
    self.utilisationAtBreakEven = utilisationAtBreakEven
    self.jobsForNinetyPercent = jobsForNinetyPercent
    self.curve = curve
    self.evaluations = evaluations
    self.relativeTolerance = relativeTolerance
    self.notes = notes
  }
}
