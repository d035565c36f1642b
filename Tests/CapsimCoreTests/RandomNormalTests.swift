import RealModule
import Testing

@testable import CapsimCore

/// Sample moments of `count` draws: mean, variance (1/n), skewness m₃/m₂^1.5, excess kurtosis m₄/m₂² − 3.
func sampleMoments(count: Int, _ draw: () -> Double) -> (
  mean: Double, variance: Double,
  skewness: Double, excessKurtosis: Double
) {
  let values = (0..<count).map { _ in draw() }
  let n = Double(count)
  let mean = values.reduce(0, +) / n
  var m2 = 0.0
  var m3 = 0.0
  var m4 = 0.0
  for value in values {
    let d = value - mean
    m2 += d * d
    m3 += d * d * d
    m4 += d * d * d * d
  }
  m2 /= n
  m3 /= n
  m4 /= n
  return (mean, m2, m3 / (m2 * m2.squareRoot()), m4 / (m2 * m2) - 3)
}

/// Kolmogorov–Smirnov statistic sup |Fₙ(x) − F(x)| of `values` against `cdf`.
func kolmogorovSmirnov(_ values: [Double], cdf: (Double) -> Double) -> Double {
  let sorted = values.sorted()
  let n = Double(sorted.count)
  var statistic = 0.0
  for (index, value) in sorted.enumerated() {
    let f = cdf(value)
    statistic = max(statistic, Double(index + 1) / n - f, f - Double(index) / n)
  }
  return statistic
}

@Suite("Ziggurat standard normal")
struct RandomNormalTests {
  static let seeds: [UInt64] = [1, 2, 3, 20_240_601]

  @Test("10⁶ draws: mean, variance, skewness, excess kurtosis within 5 SE of 0, 1, 0, 0")
  func moments() {
    let n = 1_000_000
    for seed in Self.seeds {
      var generator = Xoshiro256StarStar(seed: seed, stream: 0)
      let m = sampleMoments(count: n) { generator.nextStandardNormal() }
      // SE: 1/√n, √(2/n), √(6/n), √(24/n) (normal sampling theory).
      let root = Double(n).squareRoot()
      #expect(abs(m.mean) < 5 / root, "seed \(seed): mean \(m.mean)")
      #expect(abs(m.variance - 1) < 5 * 2.0.squareRoot() / root, "seed \(seed): var \(m.variance)")
      #expect(abs(m.skewness) < 5 * 6.0.squareRoot() / root, "seed \(seed): skew \(m.skewness)")
      #expect(
        abs(m.excessKurtosis) < 5 * 24.0.squareRoot() / root, "seed \(seed): \(m.excessKurtosis)")
    }
  }

  @Test("KS statistic of 10⁵ draws against Φ is below the 0.999 critical value 1.95/√n")
  func kolmogorovSmirnovNormal() {
    let n = 100_000
    for seed in Self.seeds {
      var generator = Xoshiro256StarStar(seed: seed, stream: 1)
      let values = (0..<n).map { _ in generator.nextStandardNormal() }
      let statistic = kolmogorovSmirnov(values) { 0.5 * Double.erfc(-$0 / 2.0.squareRoot()) }
      #expect(statistic < 1.95 / Double(n).squareRoot(), "seed \(seed): D = \(statistic)")
    }
  }

  @Test("Tail frequencies P(|Z| > 3), P(Z > r), P(Z > 4) within 5 binomial SE of the exact values")
  func tails() {
    // 2 * scipy.stats.norm.sf(3) = 0.0026997960632601866
    // scipy.stats.norm.sf(3.654152885361009) = 0.00012901624382695038 (the ziggurat's base r)
    // scipy.stats.norm.sf(4) = 3.167124183311986e-05
    let n = 2_000_000
    let cases: [(String, Double, (Double) -> Bool)] = [
      ("|Z| > 3", 0.0026997960632601866, { abs($0) > 3 }),
      ("Z > r", 0.00012901624382695038, { $0 > 3.654152885361009 }),
      ("Z < -r", 0.00012901624382695038, { $0 < -3.654152885361009 }),
      ("Z > 4", 3.167124183311986e-05, { $0 > 4 }),
    ]
    for seed in Self.seeds {
      var generator = Xoshiro256StarStar(seed: seed, stream: 2)
      let values = (0..<n).map { _ in generator.nextStandardNormal() }
      for (name, p, event) in cases {
        let hits = Double(values.count(where: event))
        let expected = Double(n) * p
        let se = (Double(n) * p * (1 - p)).squareRoot()
        #expect(abs(hits - expected) < 5 * se, "seed \(seed), \(name): \(hits) vs \(expected)")
      }
    }
  }

  @Test("Tables describe 256 layers of equal area v, with r·f(r) + tail = v")
  func tables() {
    // v from mpmath (ZigguratNormalTables.swift); r·exp(−r²/2) + √(2π)·scipy.stats.norm.sf(r)
    // = 0.004928673233974657.
    let v = 0.004928673233974655
    let r = zigguratNormalR
    let base =
      r * Double.exp(-r * r / 2) + (Double.pi / 2).squareRoot() * Double.erfc(r / 2.0.squareRoot())
    #expect(base.isApproximatelyEqual(to: v, relativeTolerance: 1e-13))
    let scale = 0x1p52
    for layer in 1..<256 {
      let x = zigguratNormalW[layer] * scale
      #expect(
        zigguratNormalF[layer].isApproximatelyEqual(
          to: Double.exp(-x * x / 2), relativeTolerance: 1e-14))
      let area = x * (zigguratNormalF[layer - 1] - zigguratNormalF[layer])
      #expect(area.isApproximatelyEqual(to: v, relativeTolerance: 1e-9), "layer \(layer)")
    }
    #expect(zigguratNormalK[1] == 0 && zigguratNormalF[0] == 1)
  }

  @Test("Same stream, same draws; the polar baseline still gives N(0, 1)")
  func determinism() {
    var a = Xoshiro256StarStar(seed: 5, stream: 3)
    var b = Xoshiro256StarStar(seed: 5, stream: 3)
    let first = (0..<10_000).map { _ in a.nextStandardNormal() }
    let second = (0..<10_000).map { _ in b.nextStandardNormal() }
    #expect(first == second && a == b)
    var polar = Xoshiro256StarStar(seed: 6, stream: 0)
    let m = sampleMoments(count: 200_000) { polar.nextStandardNormalPolar() }
    #expect(abs(m.mean) < 5 / 200_000.0.squareRoot() && abs(m.variance - 1) < 0.016)
  }
}
