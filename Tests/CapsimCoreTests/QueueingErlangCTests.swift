import CapsimCore
import Testing

/// |x − y| ≤ tolerance · max(|x|, |y|).
func isClose(_ x: Double, _ y: Double, relativeTolerance tolerance: Double) -> Bool {
  abs(x - y) <= tolerance * Swift.max(abs(x), abs(y))
}

@Suite("Queueing: Erlang C")
struct QueueingErlangCTests {
  struct Reference: Sendable, CustomStringConvertible {
    var servers: Int
    var arrivalRate: Double
    var serviceRate: Double
    var erlangB: Double
    var probabilityOfWaiting: Double
    var meanWait: Double
    /// The 0.99 quantile of the wait.
    var waitQuantile99: Double
    /// P(W > 1.5).
    var tailAtOneAndAHalf: Double
    var description: String { "c=\(servers) λ=\(arrivalRate) μ=\(serviceRate)" }
  }

  // Independent reference: the direct sums in exact rational arithmetic, not the recursion:
  //   B(c, a) = (aᶜ/c!) / Σ_{k≤c} aᵏ/k!,  C(c, a) = (aᶜ/c!·c/(c−a)) / (Σ_{k<c} aᵏ/k! + aᶜ/c!·c/(c−a)).
  // python3 - <<'PY'
  // from fractions import Fraction as F
  // from math import factorial, log, exp
  // def B(c, a):
  //     a = F(a); return a**c / factorial(c) / sum(a**k / factorial(k) for k in range(c + 1))
  // def C(c, a):
  //     a = F(a); top = a**c / factorial(c) * F(c) / (c - a)
  //     return top / (sum(a**k / factorial(k) for k in range(c)) + top)
  // for c, lam, mu in [(1, "0.5", "1"), (1, "0.8", "2"), (4, "2", "1"), (4, "3.2", "1"), (8, "4", "1"),
  //                    (8, "6.4", "1"), (10, "2.375", "0.25"), (50, "45", "1"), (200, "190", "1")]:
  //     lam, mu = F(lam), F(mu); a = lam / mu
  //     pc = C(c, a); wq = pc / (c * mu - lam)
  //     q99 = log(float(pc) / 0.01) / float(c * mu - lam) if 0.99 > 1 - pc else 0.0
  //     tail = float(pc) * exp(-float(c * mu - lam) * 1.5)
  //     print(c, float(lam), float(mu), float(B(c, a)), float(pc), float(wq), q99, tail)
  // PY
  static let references: [Reference] = [
    .init(
      servers: 1, arrivalRate: 0.5, serviceRate: 1, erlangB: 0.3333333333333333,
      probabilityOfWaiting: 0.5, meanWait: 1.0, waitQuantile99: 7.824046010856292,
      tailAtOneAndAHalf: 0.23618327637050734),
    .init(
      servers: 1, arrivalRate: 0.8, serviceRate: 2, erlangB: 0.2857142857142857,
      probabilityOfWaiting: 0.4, meanWait: 0.3333333333333333, waitQuantile99: 3.0740662117616138,
      tailAtOneAndAHalf: 0.06611955528863463),
    .init(
      servers: 4, arrivalRate: 2, serviceRate: 1, erlangB: 0.09523809523809523,
      probabilityOfWaiting: 0.17391304347826086, meanWait: 0.08695652173913043,
      waitQuantile99: 1.427985165589416, tailAtOneAndAHalf: 0.008658620585715468),
    .init(
      servers: 4, arrivalRate: 3.2, serviceRate: 1, erlangB: 0.2281449299579469,
      probabilityOfWaiting: 0.5964324717874044, meanWait: 0.7455405897342555,
      waitQuantile99: 5.110476168422507, tailAtOneAndAHalf: 0.17964200829885396),
    .init(
      servers: 8, arrivalRate: 4, serviceRate: 1, erlangB: 0.030420058225892697,
      probabilityOfWaiting: 0.059043994695266104, meanWait: 0.014760998673816526,
      waitQuantile99: 0.4439244364592397, tailAtOneAndAHalf: 0.00014635543036996778),
    .init(
      servers: 8, arrivalRate: 6.4, serviceRate: 1, erlangB: 0.1443938898533949,
      probabilityOfWaiting: 0.4576449254420161, meanWait: 0.2860280784012601,
      waitQuantile99: 2.389692824050471, tailAtOneAndAHalf: 0.04151661096938547),
    .init(
      servers: 10, arrivalRate: 2.375, serviceRate: 0.25, erlangB: 0.19137915830131796,
      probabilityOfWaiting: 0.8255855781256987, meanWait: 6.604684625005589,
      waitQuantile99: 35.30806266580143, tailAtOneAndAHalf: 0.684434483816004),
    .init(
      servers: 50, arrivalRate: 45, serviceRate: 1, erlangB: 0.05410447216462617,
      probabilityOfWaiting: 0.3638644672069884, meanWait: 0.07277289344139767,
      waitQuantile99: 0.7188392724935889, tailAtOneAndAHalf: 0.00020124774966435424),
    .init(
      servers: 200, arrivalRate: 190, serviceRate: 1, erlangB: 0.027968164458745344,
      probabilityOfWaiting: 0.3652638565625464, meanWait: 0.03652638565625464,
      waitQuantile99: 0.359803489411784, tailAtOneAndAHalf: 1.1173506131792898e-07),
  ]

  @Test(arguments: references)
  func matchesDirectSums(_ reference: Reference) throws {
    let queue = try ErlangC(
      servers: reference.servers, arrivalRate: reference.arrivalRate,
      serviceRate: reference.serviceRate)
    let tolerance = 1e-12
    #expect(
      isClose(queue.blockingProbability, reference.erlangB, relativeTolerance: tolerance),
      "\(reference): B = \(queue.blockingProbability)")
    #expect(
      isClose(
        queue.probabilityOfWaiting, reference.probabilityOfWaiting,
        relativeTolerance: tolerance), "\(reference): C = \(queue.probabilityOfWaiting)")
    #expect(
      isClose(queue.meanWait, reference.meanWait, relativeTolerance: tolerance),
      "\(reference): W_q = \(queue.meanWait)")
    #expect(
      isClose(queue.waitQuantile(0.99), reference.waitQuantile99, relativeTolerance: 1e-10),
      "\(reference): q99 = \(queue.waitQuantile(0.99))")
    #expect(
      isClose(
        queue.probabilityWaitExceeds(1.5), reference.tailAtOneAndAHalf, relativeTolerance: 1e-10),
      "\(reference): P(W > 1.5) = \(queue.probabilityWaitExceeds(1.5))")
    let erlangB = try ErlangC.erlangB(
      servers: reference.servers, offeredLoad: reference.arrivalRate / reference.serviceRate)
    #expect(isClose(erlangB, reference.erlangB, relativeTolerance: tolerance))
  }

  /// M/M/1 closed forms: P(wait) = ρ, W_q = ρ/(μ − λ), L_q = ρ²/(1 − ρ).
  @Test(arguments: [0.1, 0.5, 0.9, 0.99])
  func singleServerClosedForms(utilisation rho: Double) throws {
    let mu = 3.0
    let queue = try ErlangC(servers: 1, arrivalRate: rho * mu, serviceRate: mu)
    #expect(isClose(queue.probabilityOfWaiting, rho, relativeTolerance: 1e-14))
    #expect(isClose(queue.meanWait, rho / (mu - rho * mu), relativeTolerance: 1e-13))
    #expect(isClose(queue.meanQueueLength, rho * rho / (1 - rho), relativeTolerance: 1e-12))
    #expect(isClose(queue.utilisation, rho, relativeTolerance: 1e-15))
  }

  /// The quantile inverts the tail: P(W > q(p)) = 1 − p above the atom, and q is 0 within it.
  @Test func quantileInvertsTail() throws {
    let queue = try ErlangC(servers: 4, arrivalRate: 3.2, serviceRate: 1)
    let atom = 1 - queue.probabilityOfWaiting
    for p in stride(from: 0.0, through: 0.999, by: 0.037) {
      let q = queue.waitQuantile(p)
      if p <= atom {
        #expect(q == 0, "p = \(p)")
      } else {
        #expect(
          isClose(queue.probabilityWaitExceeds(q), 1 - p, relativeTolerance: 1e-12), "p = \(p)")
      }
    }
  }

  @Test func specialValues() throws {
    let queue = try ErlangC(servers: 2, arrivalRate: 1, serviceRate: 1)
    #expect(queue.waitQuantile(.nan).isNaN)
    #expect(queue.waitQuantile(-0.1).isNaN)
    #expect(queue.waitQuantile(1.1).isNaN)
    #expect(queue.waitQuantile(1) == .infinity)
    #expect(queue.waitQuantile(0) == 0)
    #expect(queue.probabilityWaitExceeds(-1) == 1)
    #expect(queue.probabilityWaitExceeds(0) == queue.probabilityOfWaiting)
    #expect(queue.probabilityWaitExceeds(.infinity) == 0)
    #expect(queue.probabilityWaitExceeds(.nan).isNaN)

    let idle = try ErlangC(servers: 3, arrivalRate: 0, serviceRate: 1)
    #expect(idle.probabilityOfWaiting == 0)
    #expect(idle.meanWait == 0)
    #expect(idle.waitQuantile(0.999) == 0)
    #expect(try ErlangC.erlangB(servers: 0, offeredLoad: 5) == 1)
    #expect(try ErlangC.erlangB(servers: 5, offeredLoad: 0) == 0)
  }

  /// Thousands of servers: the recursion neither overflows (aᶜ, c!) nor leaves [0, 1].
  @Test func largeServerCountsStayInRange() throws {
    for servers in [1_000, 5_000, 20_000] {
      let queue = try ErlangC(servers: servers, arrivalRate: 0.98 * Double(servers), serviceRate: 1)
      #expect(queue.probabilityOfWaiting > 0 && queue.probabilityOfWaiting < 1, "c = \(servers)")
      #expect(queue.meanWait.isFinite, "c = \(servers)")
    }
  }

  @Test func badInputThrowsTypedErrors() {
    #expect(throws: QueueingError.unstable(servers: 2, offeredLoad: 2)) {
      try ErlangC(servers: 2, arrivalRate: 4, serviceRate: 2)
    }
    #expect(throws: QueueingError.invalidParameter(name: "servers", value: 0, requirement: "≥ 1")) {
      try ErlangC(servers: 0, arrivalRate: 1, serviceRate: 2)
    }
    #expect(throws: QueueingError.self) {
      try ErlangC(servers: 1, arrivalRate: .nan, serviceRate: 2)
    }
    #expect(throws: QueueingError.self) { try ErlangC(servers: 1, arrivalRate: -1, serviceRate: 2) }
    #expect(throws: QueueingError.self) { try ErlangC(servers: 1, arrivalRate: 1, serviceRate: 0) }
    #expect(throws: QueueingError.self) {
      try ErlangC(servers: 1, arrivalRate: 1, serviceRate: .infinity)
    }
    #expect(throws: QueueingError.self) { try ErlangC.erlangB(servers: -1, offeredLoad: 1) }
    #expect(throws: QueueingError.self) { try ErlangC.erlangB(servers: 1, offeredLoad: .infinity) }
  }

  @Test func unstableDiagnosticReadsWell() {
    let error = QueueingError.unstable(servers: 4, offeredLoad: 5)
    #expect(
      error.description
        == "error: offered load 5.0 on 4 servers gives utilisation 1.25 ≥ 1; the queue has no steady state\n"
        + "help: use more than 5 servers or a lower arrival rate")
  }
}
