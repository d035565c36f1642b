/// Scenario-wide parameters of the hidden costs (section `costs:`; every key optional).
///
/// Defaults, and the reasoning behind them, are in `docs/costs.md`. A cost whose parameters are zero is
/// still shown as a line of zero, so every breakdown has the same lines.
public struct HiddenCostSettings: Sendable, Hashable, Codable {
  /// Loaded cost of one engineer-hour, in the scenario's currency.
  public var engineerHourlyRate: Double
  /// Penalty for each job that misses its deadline (or fails).
  public var penaltyPerMissedDeadline: Double
  /// Penalty for each hour a job finishes after its deadline.
  public var penaltyPerHourLate: Double
  /// A job whose wall time exceeds this multiple of its expected time opens an investigation.
  public var investigationThreshold: Double
  /// Engineer-hours one investigation costs.
  public var investigationHours: Double
  /// Engineers blocked while a job waits for capacity (0 to leave waiting out).
  public var engineersBlockedPerWaitingJob: Double
  /// Whether to charge over-provisioning: pay-per-use jobs booked for their p95 time instead of the time
  /// they take (the idle booked time is billed).
  public var overProvisioning: Bool

  /// Creates the settings; the defaults are those documented in `docs/costs.md`.
  public init(
    engineerHourlyRate: Double = 100, penaltyPerMissedDeadline: Double = 0,
    penaltyPerHourLate: Double = 0,
    investigationThreshold: Double = 1.5, investigationHours: Double = 4,
    engineersBlockedPerWaitingJob: Double = 0,
    overProvisioning: Bool = false
  ) {
    self.engineerHourlyRate = engineerHourlyRate
    self.penaltyPerMissedDeadline = penaltyPerMissedDeadline
    self.penaltyPerHourLate = penaltyPerHourLate
    self.investigationThreshold = investigationThreshold
    self.investigationHours = investigationHours
    self.engineersBlockedPerWaitingJob = engineersBlockedPerWaitingJob
    self.overProvisioning = overProvisioning
  }
}

/// How an option's use is billed, beyond its price (section `billing:` of an option).
public struct BillingSettings: Sendable, Hashable, Codable {
  /// The unit a job's wall time is rounded up to.
  public enum Granularity: String, Sendable, Hashable, Codable, CaseIterable {
    /// Per second (effectively exact).
    case second
    /// Per started minute.
    case minute
    /// Per started hour.
    case hour

    /// The unit in hours.
    public var hours: Double {
      switch self {
      case .second: return 1.0 / 3600
      case .minute: return 1.0 / 60
      case .hour: return 1
      }
    }

    /// Units in an hour: 3600, 60 or 1 (exact, so a time in units is one correctly rounded product).
    public var perHour: Double {
      switch self {
      case .second: return 3600
      case .minute: return 60
      case .hour: return 1
      }
    }
  }

  /// Rounding of each job's billed time (pay-per-use options).
  public var granularity: Granularity
  /// Minimum billed hours per job (pay-per-use options).
  public var minimumHours: Double
  /// Storage cost per job.
  public var storagePerJob: Double
  /// Data egress cost per job.
  public var egressPerJob: Double

  /// Creates billing settings.
  public init(
    granularity: Granularity = .second, minimumHours: Double = 0, storagePerJob: Double = 0,
    egressPerJob: Double = 0
  ) {
    self.granularity = granularity
    self.minimumHours = minimumHours
    self.storagePerJob = storagePerJob
    self.egressPerJob = egressPerJob
  }

  /// Relative tolerance of the rounding up to whole billing units: a time within this fraction of a
  /// whole number of units is billed as that number, so that floating-point noise (a "fixed" duration
  /// written as a normal with sd 10⁻⁹, sums of many step times) never adds a whole unit.
  public static let roundingTolerance = 1e-9

  /// The hours billed for `hours` of use: rounded up to whole units of `granularity` (with
  /// ``roundingTolerance``), at least `minimumHours`.
  ///
  /// - Complexity: O(1).
  public func billedHours(_ hours: Double) -> Double {
    let unit = granularity.hours
    let units = hours * granularity.perHour
    // ⌊units⌋ by integer conversion where that is exact (x86-64's baseline has no rounding instruction, and
    // a call to libm's floor makes the caller save every floating-point register around it).
    let whole = units >= 0 && units < 0x1p52 ? Double(Int64(units)) : units.rounded(.down)
    let billedUnits =
      units - whole <= Self.roundingTolerance * Swift.max(1, units) ? whole : whole + 1
    return Swift.max(minimumHours, billedUnits * unit)
  }
}

/// One-time cost of moving to an option (section `migration:`), usually a dedicated one.
public struct MigrationSettings: Sendable, Hashable, Codable {
  /// Engineering weeks (40 h each at the scenario's engineer rate).
  public var engineerWeeks: Double
  /// Data transfer and other one-off costs, in the scenario's currency.
  public var otherCosts: Double

  /// Creates migration settings.
  public init(engineerWeeks: Double, otherCosts: Double = 0) {
    self.engineerWeeks = engineerWeeks
    self.otherCosts = otherCosts
  }
}
