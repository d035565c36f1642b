import RealModule

/// Closed forms of the M/M/c queue: Poisson arrivals at rate λ, exponential service at rate μ per
/// server, c identical servers, first come first served, unlimited waiting room.
///
/// With offered load a = λ/μ (in erlangs) and utilisation ρ = a/c < 1, the steady state gives
/// - the probability that an arriving job waits, Erlang's C formula C(c, a);
/// - the mean wait in queue W_q = C / (cμ − λ);
/// - the waiting-time tail P(W > t) = C·e^{−(cμ − λ)t} for t ≥ 0 (an atom 1 − C at t = 0, then an
///   exponential with rate cμ − λ).
///
/// **Stability.** A value of this type always describes a stable queue (ρ < 1): ``init(servers:arrivalRate:serviceRate:)``
/// throws ``QueueingError/unstable(servers:offeredLoad:)`` otherwise, so every property is finite.
/// Callers that scan c (capacity sizing) treat that error as "target not met".
///
/// C(c, a) is computed from Erlang's B (loss) formula by the recursion B(0) = 1,
/// B(k) = a·B(k−1) / (k + a·B(k−1)), then C = B / (1 − ρ(1 − B)). Every step stays in [0, 1], so
/// there is no overflow of aᶜ or c! and the relative error is a few ulps for any c (Jagerman 1974).
///
/// References: D. L. Jagerman, "Some properties of the Erlang loss function", Bell System Technical
/// Journal 53(3), 1974, doi:10.1002/j.1538-7305.1974.tb02764.x; D. Gross, J. F. Shortle,
/// J. M. Thompson, C. M. Harris, *Fundamentals of Queueing Theory*, 5th ed., Wiley 2018, §2.3,
/// doi:10.1002/9781119453765.
///
/// ## Topics
/// - ``probabilityOfWaiting``, ``meanWait``, ``probabilityWaitExceeds(_:)``, ``waitQuantile(_:)``
/// - ``erlangB(servers:offeredLoad:)``
public struct ErlangC: Sendable, Hashable {
  /// Number of servers c (≥ 1).
  public let servers: Int
  /// Arrival rate λ (jobs per unit time, finite, ≥ 0).
  public let arrivalRate: Double
  /// Service rate μ of one server (jobs per unit time, finite, > 0); mean service time is 1/μ.
  public let serviceRate: Double
  /// Erlang's B formula B(c, a): the blocking probability of the loss system M/M/c/c.
  public let blockingProbability: Double
  /// Erlang's C formula C(c, a): the steady-state probability that an arriving job waits.
  public let probabilityOfWaiting: Double

  // MARK: - Creating

  /// Creates the steady state of an M/M/c queue.
  ///
  /// - Parameters:
  ///   - servers: c ≥ 1.
  ///   - arrivalRate: λ, finite and ≥ 0 (λ = 0 gives an empty queue: C = 0, W_q = 0).
  ///   - serviceRate: μ, finite and > 0, in the same time unit as λ.
  /// - Throws: ``QueueingError/invalidParameter(name:value:requirement:)`` for c < 1, NaN, ±∞ or
  ///   negative rates, μ = 0; ``QueueingError/unstable(servers:offeredLoad:)`` when λ/μ ≥ c.
  /// - Complexity: O(c).
  public init(servers: Int, arrivalRate: Double, serviceRate: Double) throws(QueueingError) {
    guard servers >= 1 else {
      throw .invalidParameter(name: "servers", value: Double(servers), requirement: "≥ 1")
    }
    guard arrivalRate.isFinite, arrivalRate >= 0 else {
      throw .invalidParameter(
        name: "arrivalRate", value: arrivalRate, requirement: "finite and ≥ 0")
    }
    guard serviceRate.isFinite, serviceRate > 0 else {
      throw .invalidParameter(
        name: "serviceRate", value: serviceRate, requirement: "finite and > 0")
    }
    let offeredLoad = arrivalRate / serviceRate
    guard offeredLoad < Double(servers) else {
      throw .unstable(servers: servers, offeredLoad: offeredLoad)
    }
    self.servers = servers
    self.arrivalRate = arrivalRate
    self.serviceRate = serviceRate
    let blocking = Self.erlangBRecursion(servers: servers, offeredLoad: offeredLoad)
    let rho = offeredLoad / Double(servers)
    blockingProbability = blocking
    probabilityOfWaiting = blocking / (1 - rho * (1 - blocking))
  }

  // MARK: - Loads

  /// Offered load a = λ/μ in erlangs: the mean number of busy servers.
  public var offeredLoad: Double { arrivalRate / serviceRate }

  /// Utilisation ρ = a/c = λ/(cμ), in [0, 1): the long-run share of time a server is busy.
  public var utilisation: Double { offeredLoad / Double(servers) }

  /// The rate cμ − λ > 0 of the exponential part of the waiting-time distribution.
  public var waitDecayRate: Double { Double(servers) * serviceRate - arrivalRate }

  // MARK: - Waiting time

  /// Mean wait in queue W_q = C(c, a) / (cμ − λ), in the time unit of the rates.
  ///
  /// For c = 1 this is ρ/(μ − λ) (M/M/1).
  public var meanWait: Double { probabilityOfWaiting / waitDecayRate }

  /// Mean number waiting L_q = λ·W_q (Little's law).
  public var meanQueueLength: Double { arrivalRate * meanWait }

  /// Mean time in system W = W_q + 1/μ.
  public var meanResponseTime: Double { meanWait + 1 / serviceRate }

  /// P(W > t) = C·e^{−(cμ − λ)t} for t ≥ 0, and 1 for t < 0.
  ///
  /// P(W > 0) = C; `t = +∞` gives 0; NaN gives NaN.
  /// - Complexity: O(1).
  public func probabilityWaitExceeds(_ t: Double) -> Double {
    if t.isNaN { return .nan }
    if t < 0 { return 1 }
    return probabilityOfWaiting * Double.exp(-waitDecayRate * t)
  }

  /// The p-quantile of the wait, the smallest t with P(W ≤ t) ≥ p:
  /// 0 when p ≤ 1 − C (the atom of jobs that start at once), else ln(C / (1 − p)) / (cμ − λ).
  ///
  /// p = 1 gives +∞; p outside [0, 1] or NaN gives NaN (as ``ContinuousDistribution/quantile(_:)``).
  /// - Complexity: O(1).
  public func waitQuantile(_ p: Double) -> Double {
    guard p >= 0, p <= 1 else { return .nan }
    if p <= 1 - probabilityOfWaiting { return 0 }
    if p == 1 { return .infinity }
    return Double.log(probabilityOfWaiting / (1 - p)) / waitDecayRate
  }

  // MARK: - Erlang B

  /// Erlang's B formula B(c, a) = (aᶜ/c!) / Σ_{k=0}^{c} aᵏ/k!: the probability that a job finds
  /// all c servers busy in the loss system M/M/c/c (any a ≥ 0; no stability condition).
  ///
  /// Computed by the recursion B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)).
  /// - Parameters:
  ///   - servers: c ≥ 0 (B(0, a) = 1).
  ///   - offeredLoad: a, finite and ≥ 0 (B(c, 0) = 0 for c ≥ 1).
  /// - Throws: ``QueueingError/invalidParameter(name:value:requirement:)`` outside those domains.
  /// - Complexity: O(c).
  public static func erlangB(servers: Int, offeredLoad: Double) throws(QueueingError) -> Double {
    guard servers >= 0 else {
      throw .invalidParameter(name: "servers", value: Double(servers), requirement: "≥ 0")
    }
    guard offeredLoad.isFinite, offeredLoad >= 0 else {
      throw .invalidParameter(
        name: "offeredLoad", value: offeredLoad, requirement: "finite and ≥ 0")
    }
    return erlangBRecursion(servers: servers, offeredLoad: offeredLoad)
  }

  private static func erlangBRecursion(servers: Int, offeredLoad a: Double) -> Double {
    var blocking = 1.0
    var k = 1
    while k <= servers {
      let numerator = a * blocking
      blocking = numerator / (Double(k) + numerator)
      k += 1
    }
    return blocking
  }
}
