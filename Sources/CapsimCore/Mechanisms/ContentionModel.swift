import RealModule

/// Noisy neighbours on shared infrastructure: contention episodes that slow a job down while they last.
///
/// **Process.** Uncontended periods and contention episodes alternate (an alternating renewal process): an
/// uncontended period lasts Exp(r) wall hours (r = ``episodesPerHour``, the arrival rate while uncontended), then an
/// episode lasts D wall hours (``EpisodeDuration``) and slows progress by a factor s ≥ 1 (``Slowdown``): the job
/// does D/s hours of work in it. Episodes never overlap: the next arrival clock starts when an episode ends, so the
/// long-run episode rate per wall hour is r/(1 + r·E[D]). D and s are independent of each other and across episodes.
///
/// **Start.** With ``InitialState/stationary`` the job starts at a random moment of the stationary process: inside an
/// episode with probability π = r·E[D]/(1 + r·E[D]), with the episode's equilibrium residual duration
/// (Exp(E[D]) again for exponential D, Uniform(0, D) for fixed D). With ``InitialState/uncontended`` it starts in an
/// uncontended period.
///
/// **Long run** (renewal–reward, Ross, *Stochastic Processes*, 2nd ed. 1996, §3.6): one cycle has wall time
/// 1/r + E[D] and work 1/r + E[D]·E[1/s], so wall/work → (1 + r·E[D]) / (1 + r·E[D]·E[1/s]) (``longRunWallPerWork``).
///
/// **Cost.** One exponential (ziggurat) per job when no episode strikes, plus one uniform when a start may be
/// contended; then one draw of D and s and one more exponential per episode. Nothing is allocated.
public struct ContentionModel: Sendable {
  /// How long a contention episode lasts, in wall hours.
  public enum EpisodeDuration: Sendable {
    /// Exponential with the given mean (hours, > 0).
    case exponential(meanHours: Double)
    /// Always exactly `hours` (> 0).
    case fixed(hours: Double)
    /// Any distribution on hours with a finite positive mean (draws below 0 count as 0). Supports only
    /// ``InitialState/uncontended`` starts, since its equilibrium residual is not available in closed form.
    case distribution(any ContinuousDistribution)
  }

  /// The factor by which an episode stretches wall time per unit of work.
  public enum Slowdown: Sendable, Hashable, Codable {
    /// Always `factor` (≥ 1).
    case fixed(Double)
    /// Uniform between `low` and `high` (1 ≤ low ≤ high), drawn per episode.
    case uniform(low: Double, high: Double)
  }

  /// Where the process is when the job starts.
  public enum InitialState: Sendable, Hashable {
    /// At a random time of the stationary process (the default: a job lands on a machine at an arbitrary moment).
    case stationary
    /// At the start of an uncontended period.
    case uncontended
  }

  /// Mechanism name used in error messages.
  static let name = "contention"

  /// r: episodes per wall hour of uncontended time (≥ 0; 0 turns the mechanism off).
  public let episodesPerHour: Double
  /// Episode duration distribution.
  public let duration: EpisodeDuration
  /// Episode slowdown distribution.
  public let slowdown: Slowdown
  /// Where a job starts.
  public let initialState: InitialState
  /// E[D] in hours.
  public let meanEpisodeHours: Double
  /// E[1/s].
  public let meanInverseSlowdown: Double
  /// Probability that a job starts inside an episode: π = r·E[D]/(1 + r·E[D]) when stationary, else 0.
  public let startContendedProbability: Double

  // MARK: - Creating a model

  /// Creates a model.
  ///
  /// - Throws: ``MechanismError/invalidParameter(mechanism:parameter:value:requirement:)`` for a rate < 0 or not
  ///   finite, a non-positive or non-finite duration mean, a slowdown < 1 or low > high;
  ///   ``MechanismError/unsupported(mechanism:message:help:)`` for a general duration distribution with a
  ///   stationary start.
  public init(
    episodesPerHour: Double, duration: EpisodeDuration, slowdown: Slowdown,
    initialState: InitialState = .stationary
  ) throws(MechanismError) {
    let name = Self.name
    self.episodesPerHour = try MechanismError.positive(
      episodesPerHour, "episodes_per_hour", in: name, allowZero: true)
    switch duration {
    case .exponential(let mean):
      meanEpisodeHours = try MechanismError.positive(mean, "mean_episode_hours", in: name)
    case .fixed(let hours):
      meanEpisodeHours = try MechanismError.positive(hours, "episode_hours", in: name)
    case .distribution(let distribution):
      meanEpisodeHours = try MechanismError.positive(
        distribution.mean, "episode_duration.mean", in: name)
      if initialState == .stationary {
        throw .unsupported(
          mechanism: name,
          message: "a stationary start needs an exponential or fixed episode duration",
          help: "use 'initial_state: uncontended', or an exponential or fixed episode duration")
      }
    }
    switch slowdown {
    case .fixed(let factor):
      guard factor.isFinite, factor >= 1 else {
        throw .invalidParameter(
          mechanism: name, parameter: "slowdown", value: factor,
          requirement: "must be finite and ≥ 1")
      }
      meanInverseSlowdown = 1 / factor
    case .uniform(let low, let high):
      guard low.isFinite, low >= 1 else {
        throw .invalidParameter(
          mechanism: name, parameter: "slowdown.low", value: low,
          requirement: "must be finite and ≥ 1")
      }
      guard high.isFinite, high >= low else {
        throw .invalidParameter(
          mechanism: name, parameter: "slowdown.high", value: high,
          requirement: "must be finite and ≥ slowdown.low")
      }
      // E[1/s] = ln(b/a)/(b − a) for s ~ Uniform(a, b).
      meanInverseSlowdown = high > low ? Double.log(high / low) / (high - low) : 1 / low
    }
    self.duration = duration
    self.slowdown = slowdown
    self.initialState = initialState
    let load = self.episodesPerHour * meanEpisodeHours
    startContendedProbability = initialState == .stationary ? load / (1 + load) : 0
  }

  // MARK: - Long-run quantities

  /// Long-run share of wall time spent in episodes, r·E[D]/(1 + r·E[D]).
  public var contendedTimeFraction: Double {
    let load = episodesPerHour * meanEpisodeHours
    return load / (1 + load)
  }

  /// Long-run share of work done in episodes, r·E[D]·E[1/s]/(1 + r·E[D]·E[1/s]).
  public var contendedWorkFraction: Double {
    let load = episodesPerHour * meanEpisodeHours * meanInverseSlowdown
    return load / (1 + load)
  }

  /// Long-run wall hours per hour of work, (1 + r·E[D]) / (1 + r·E[D]·E[1/s]) (renewal–reward).
  public var longRunWallPerWork: Double {
    let load = episodesPerHour * meanEpisodeHours
    return (1 + load) / (1 + load * meanInverseSlowdown)
  }

  // MARK: - Simulation

  /// The wall time of a job needing `work` uncontended hours, and how much of it contention added.
  ///
  /// Steps through the episodes that strike the job: wall = work + Σ (time in episode − work done in it); a job
  /// that ends inside an episode adds remaining·(s − 1). Returns `(work, 0)` without drawing when r = 0 or
  /// `work` ≤ 0 (NaN work also returns unchanged).
  ///
  /// - Complexity: O(1 + number of episodes met), expected 1 + r·work·… draws; allocates nothing.
  @inlinable
  public func wallHours<G: RandomNumberGenerator>(
    work: Double, using generator: inout G
  ) -> (wall: Double, slowdownHours: Double) {
    if let plan { return plan.wallHours(work: work, using: &generator) }
    return Self.stepThroughEpisodes(
      work: work, episodesPerHour: episodesPerHour, meanGap: 1 / episodesPerHour,
      startContendedProbability: startContendedProbability, using: &generator,
      residual: { residualEpisodeHours(using: &$0) }, episode: { drawEpisodeHours(using: &$0) },
      slowdown: { drawSlowdown(using: &$0) })
  }

  /// The episode walk shared by the model and its ``Plan``: wall = work + Σ (time in episode − work done in it).
  @inline(__always)
  @usableFromInline
  static func stepThroughEpisodes<G: RandomNumberGenerator>(
    work: Double, episodesPerHour: Double, meanGap: Double, startContendedProbability: Double,
    using generator: inout G, residual: (inout G) -> Double, episode: (inout G) -> Double,
    slowdown: (inout G) -> Double
  ) -> (wall: Double, slowdownHours: Double) {
    guard episodesPerHour > 0, work > 0 else { return (work, 0) }
    var remaining = work
    var extra = 0.0
    if startContendedProbability > 0 && generator.nextUnitDouble() < startContendedProbability {
      let length = residual(&generator)
      let factor = slowdown(&generator)
      let progress = length / factor
      if progress >= remaining {
        return (work + remaining * (factor - 1), remaining * (factor - 1))
      }
      remaining -= progress
      extra += length - progress
    }
    while true {
      let gap = generator.nextStandardExponential() * meanGap
      if gap >= remaining { return (work + extra, extra) }
      remaining -= gap
      let length = episode(&generator)
      let factor = slowdown(&generator)
      let progress = length / factor
      if progress >= remaining {
        let total = extra + remaining * (factor - 1)
        return (work + total, total)
      }
      remaining -= progress
      extra += length - progress
    }
  }

  /// The model as plain values, for hot loops that must not copy the model (`nil` for a general episode
  /// distribution, which needs the model).
  public var plan: Plan? {
    let slowdownRange: (Double, Double)
    switch slowdown {
    case .fixed(let factor): slowdownRange = (factor, factor)
    case .uniform(let low, let high): slowdownRange = (low, high)
    }
    let episode: (mean: Double, isFixed: Bool)
    switch duration {
    case .exponential(let mean): episode = (mean, false)
    case .fixed(let hours): episode = (hours, true)
    case .distribution: return nil
    }
    return Plan(
      episodesPerHour: episodesPerHour, startContendedProbability: startContendedProbability,
      episodeHours: episode.mean, fixedEpisodes: episode.isFixed, slowdownLow: slowdownRange.0,
      slowdownHigh: slowdownRange.1)
  }

  /// A contention model with exponential or fixed episodes, as plain values.
  public struct Plan: Sendable, Hashable {
    /// r.
    public let episodesPerHour: Double
    /// π.
    public let startContendedProbability: Double
    /// E[D] (exponential episodes) or D (fixed episodes).
    public let episodeHours: Double
    /// Whether episodes last exactly ``episodeHours``.
    public let fixedEpisodes: Bool
    /// Slowdown range (equal ends for a fixed slowdown).
    public let slowdownLow: Double
    /// Upper end of the slowdown range.
    public let slowdownHigh: Double
    /// 1/r, the mean gap between episodes (kept so that a job's walk multiplies instead of dividing).
    public let meanGapHours: Double

    /// A plan of the given parameters.
    public init(
      episodesPerHour: Double, startContendedProbability: Double, episodeHours: Double,
      fixedEpisodes: Bool, slowdownLow: Double, slowdownHigh: Double
    ) {
      self.episodesPerHour = episodesPerHour
      self.startContendedProbability = startContendedProbability
      self.episodeHours = episodeHours
      self.fixedEpisodes = fixedEpisodes
      self.slowdownLow = slowdownLow
      self.slowdownHigh = slowdownHigh
      meanGapHours = 1 / episodesPerHour
    }

    /// Same as ``ContentionModel/wallHours(work:using:)``.
    @inlinable
    public func wallHours<G: RandomNumberGenerator>(work: Double, using generator: inout G)
      -> (wall: Double, slowdownHours: Double)
    {
      ContentionModel.stepThroughEpisodes(
        work: work, episodesPerHour: episodesPerHour, meanGap: meanGapHours,
        startContendedProbability: startContendedProbability, using: &generator,
        residual: {
          fixedEpisodes
            ? episodeHours * $0.nextOpenUnitDouble() : episodeHours * $0.nextStandardExponential()
        },
        episode: { drawEpisodeHours(using: &$0) }, slowdown: { drawSlowdown(using: &$0) })
    }

    /// One episode duration D.
    @inlinable @inline(__always)
    public func drawEpisodeHours<G: RandomNumberGenerator>(using generator: inout G) -> Double {
      fixedEpisodes ? episodeHours : episodeHours * generator.nextStandardExponential()
    }

    /// One slowdown factor s.
    @inlinable @inline(__always)
    public func drawSlowdown<G: RandomNumberGenerator>(using generator: inout G) -> Double {
      slowdownHigh > slowdownLow
        ? slowdownLow + (slowdownHigh - slowdownLow) * generator.nextUnitDouble() : slowdownLow
    }
  }

  /// One episode duration D.
  @usableFromInline
  func drawEpisodeHours<G: RandomNumberGenerator>(using generator: inout G) -> Double {
    switch duration {
    case .exponential(let mean): return mean * generator.nextStandardExponential()
    case .fixed(let hours): return hours
    case .distribution(let distribution):
      return Swift.max(0, distribution.sample(using: &generator))
    }
  }

  /// The remaining duration of the episode in progress at a stationary moment (equilibrium residual).
  @usableFromInline
  func residualEpisodeHours<G: RandomNumberGenerator>(using generator: inout G) -> Double {
    switch duration {
    case .exponential(let mean): return mean * generator.nextStandardExponential()
    case .fixed(let hours): return hours * generator.nextOpenUnitDouble()
    case .distribution:
      preconditionFailure(
        "contention: a stationary start with a general episode distribution is rejected by init")
    }
  }

  /// One slowdown factor s.
  @usableFromInline
  func drawSlowdown<G: RandomNumberGenerator>(using generator: inout G) -> Double {
    switch slowdown {
    case .fixed(let factor): return factor
    case .uniform(let low, let high): return low + (high - low) * generator.nextUnitDouble()
    }
  }
}
