import CapsimCore
import Testing

/// Long simulations of M/M/c (one node per job, exponential service, Poisson arrivals) against the
/// Erlang C closed forms, with batch-means standard errors.
@Suite("Queueing: simulation against Erlang C")
struct QueueingSteadyStateTests {
  struct Configuration: Sendable, CustomStringConvertible {
    var servers: Int
    var utilisation: Double
    var description: String { "M/M/\(servers) at ρ = \(utilisation)" }
  }

  static let configurations: [Configuration] = [1, 4, 8].flatMap { c in
    [0.5, 0.8].map { Configuration(servers: c, utilisation: $0) }
  }
  static let seeds: [UInt64] = [101, 202, 303]
  static let jobsPerSeed = 1_000_000
  static let warmUpJobs = 10_000
  static let batchCount = 50

  /// Exp(rate) by inversion.
  static func exponential(rate: Double, using generator: inout Xoshiro256StarStar) -> Double {
    -Double.log(generator.nextOpenUnitDouble()) / rate
  }

  /// Compares P(wait > 0) and the mean wait of the run after warm-up with Erlang C, within 4 SE.
  static func expectAgreement(
    waits: [Double], exact: ErlangC, label: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let steady = Array(waits[warmUpJobs...])
    let waited = try BatchMeans.mean(of: steady.map { $0 > 0 ? 1 : 0 }, batchCount: batchCount)
    let meanWait = try BatchMeans.mean(of: steady, batchCount: batchCount)
    for (name, estimate, truth) in [
      ("P(wait)", waited, exact.probabilityOfWaiting), ("W_q", meanWait, exact.meanWait),
    ] {
      let se = try #require(estimate.standardError)
      #expect(
        abs(estimate.value - truth) < 4 * se,
        "\(label): \(name) = \(estimate.value) ± \(se), Erlang C \(truth)",
        sourceLocation: sourceLocation)
    }
  }

  @Test(arguments: configurations)
  func singleNodeJobsMatchErlangC(_ configuration: Configuration) throws {
    let mu = 0.25  // mean service 4 h
    let lambda = configuration.utilisation * Double(configuration.servers) * mu
    let exact = try ErlangC(servers: configuration.servers, arrivalRate: lambda, serviceRate: mu)
    var queue = try DedicatedClusterQueue(nodeCount: configuration.servers)
    var arrivals = [Double](repeating: 0, count: Self.jobsPerSeed)
    var services = [Double](repeating: 0, count: Self.jobsPerSeed)
    let nodes = [Int](repeating: 1, count: Self.jobsPerSeed)
    for seed in Self.seeds {
      var generator = Xoshiro256StarStar(seed: seed, stream: UInt64(configuration.servers))
      var clock = 0.0
      for i in 0..<Self.jobsPerSeed {
        clock += Self.exponential(rate: lambda, using: &generator)
        arrivals[i] = clock
        services[i] = Self.exponential(rate: mu, using: &generator)
      }
      let summary = try queue.simulate(
        arrivals: arrivals, serviceTimes: services, nodesNeeded: nodes, horizonEnd: clock)
      try Self.expectAgreement(
        waits: queue.waits, exact: exact, label: "\(configuration), seed \(seed)")
      // Long-run utilisation λ/(cμ); the simulated share is an average over ~10⁵ service times.
      #expect(
        abs(summary.utilisation - configuration.utilisation) < 0.01,
        "\(configuration), seed \(seed): utilisation \(summary.utilisation)")
    }
  }

  /// The same check with arrivals built month by month the way the engine will: a Poisson count per
  /// month, then ``PoissonArrivals`` for the times within it. Together they are a Poisson process.
  @Test func monthlyPoissonArrivalsMatchErlangC() throws {
    let servers = 4
    let mu = 0.1  // mean service 10 h
    let lambda = 0.8 * Double(servers) * mu  // 0.32 jobs per hour
    let monthHours = 730.0
    let exact = try ErlangC(servers: servers, arrivalRate: lambda, serviceRate: mu)
    for seed in Self.seeds {
      var generator = Xoshiro256StarStar(seed: seed, stream: 99)
      var arrivals: [Double] = []
      var month = 0
      while arrivals.count < Self.jobsPerSeed {
        let count = Self.knuthPoisson(mean: lambda * monthHours, using: &generator)
        try PoissonArrivals.append(
          count: count, start: Double(month) * monthHours, length: monthHours, to: &arrivals,
          using: &generator)
        month += 1
      }
      let services = arrivals.map { _ in Self.exponential(rate: mu, using: &generator) }
      var queue = try DedicatedClusterQueue(nodeCount: servers)
      _ = try queue.simulate(
        arrivals: arrivals, serviceTimes: services,
        nodesNeeded: [Int](repeating: 1, count: arrivals.count),
        horizonEnd: Double(month) * monthHours)
      try Self.expectAgreement(
        waits: queue.waits, exact: exact, label: "monthly arrivals, seed \(seed)")
    }
  }

  /// Poisson(mean) by Knuth's product of uniforms (TAOCP vol. 2, §3.4.1): independent of the engine's
  /// inversion sampler. Fine for means up to ~700 (e^{−mean} stays a normal double).
  static func knuthPoisson(mean: Double, using generator: inout Xoshiro256StarStar) -> Int {
    let limit = Double.exp(-mean)
    var product = generator.nextOpenUnitDouble()
    var count = 0
    while product > limit {
      product *= generator.nextOpenUnitDouble()
      count += 1
    }
    return count
  }
}
