import RealModule
import Testing

@testable import CapsimCore

@Suite("Ziggurat standard exponential")
struct RandomExponentialTests {
  static let seeds: [UInt64] = [1, 2, 3, 20_240_601]

  @Test("10⁶ draws: E[X], E[X²], E[X³] within 5 SE of 1, 2, 6")
  func rawMoments() {
    // For Exp(1), E[Xᵏ] = k!, so SE(mean of Xᵏ) = √((2k)! − (k!)²)/√n: √1, √20, √684.
    let n = 1_000_000
    let root = Double(n).squareRoot()
    for seed in Self.seeds {
      var generator = Xoshiro256StarStar(seed: seed, stream: 0)
      var sums = (0.0, 0.0, 0.0)
      for _ in 0..<n {
        let x = generator.nextStandardExponential()
        sums.0 += x
        sums.1 += x * x
        sums.2 += x * x * x
      }
      let moments = (sums.0 / Double(n), sums.1 / Double(n), sums.2 / Double(n))
      #expect(abs(moments.0 - 1) < 5 / root, "seed \(seed): E[X] \(moments.0)")
      #expect(abs(moments.1 - 2) < 5 * 20.0.squareRoot() / root, "seed \(seed): E[X²] \(moments.1)")
      #expect(
        abs(moments.2 - 6) < 5 * 684.0.squareRoot() / root, "seed \(seed): E[X³] \(moments.2)")
    }
  }

  @Test("KS statistic of 10⁵ draws against 1 − e^(−x) is below 1.95/√n")
  func kolmogorovSmirnovExponential() {
    let n = 100_000
    for seed in Self.seeds {
      var generator = Xoshiro256StarStar(seed: seed, stream: 1)
      let values = (0..<n).map { _ in generator.nextStandardExponential() }
      let statistic = kolmogorovSmirnov(values) { -Double.expMinusOne(-$0) }
      #expect(statistic < 1.95 / Double(n).squareRoot(), "seed \(seed): D = \(statistic)")
      #expect(values.allSatisfy { $0 >= 0 }, "seed \(seed)")
    }
  }

  @Test("Tail frequencies P(X > r), P(X > 10) within 5 binomial SE")
  func tails() {
    // scipy.stats.expon.sf(7.69711747013105) = 0.0004541343538414966; expon.sf(10) = 4.5399929762484854e-05
    let n = 2_000_000
    let cases: [(Double, Double)] = [
      (7.69711747013105, 0.0004541343538414966), (10, 4.5399929762484854e-05),
    ]
    for seed in Self.seeds {
      var generator = Xoshiro256StarStar(seed: seed, stream: 2)
      let values = (0..<n).map { _ in generator.nextStandardExponential() }
      for (threshold, p) in cases {
        let hits = Double(values.count { $0 > threshold })
        let se = (Double(n) * p * (1 - p)).squareRoot()
        #expect(abs(hits - Double(n) * p) < 5 * se, "seed \(seed), X > \(threshold): \(hits)")
      }
    }
  }

  @Test("Tables: 256 layers of equal area v, and r·e^(−r) + e^(−r) = v")
  func tables() {
    // v from mpmath; (r + 1)·exp(−r) with scipy/numpy = 0.003949659822581556.
    let v = 0.003949659822581557
    let r = zigguratExponentialR
    #expect(((r + 1) * Double.exp(-r)).isApproximatelyEqual(to: v, relativeTolerance: 1e-13))
    for layer in 1..<256 {
      let x = zigguratExponentialW[layer] * 0x1p53
      let area = x * (zigguratExponentialF[layer - 1] - zigguratExponentialF[layer])
      #expect(area.isApproximatelyEqual(to: v, relativeTolerance: 1e-9), "layer \(layer)")
    }
  }
}
