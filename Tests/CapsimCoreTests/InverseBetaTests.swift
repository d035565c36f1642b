import Testing

@testable import CapsimCore

/// `inverseRegularizedBeta` decides most halvings of its bisection without evaluating I_x (a bracket found
/// by Newton's method and checked with a margin). Its answer must be the very double that bisection gives
/// when every halving is evaluated: `everyHalving` below, the function as it was before the bracket. The
/// shapes are PERT's (α, β = 1 + 4·(mode − low)/(high − low), …: 1 to 5), and the probabilities reach
/// both tails, where the bracket's checks can fail and every halving is evaluated.
@Suite("Inverse incomplete beta")
struct InverseBetaTests {
  static func everyHalving(_ a: Double, _ b: Double, _ p: Double) -> Double {
    if p <= 0 { return 0 }
    if p >= 1 { return 1 }
    var low = 0.0
    var high = 1.0
    for _ in 0..<64 {
      let mid = 0.5 * (low + high)
      if mid == low || mid == high { break }
      if SpecialFunctions.regularizedBeta(a, b, mid) < p { low = mid } else { high = mid }
    }
    return 0.5 * (low + high)
  }

  static let shapes: [(Double, Double)] = [
    (1, 1), (1, 5), (5, 1), (3, 3), (1.8, 4.2), (4.2, 1.8),
    (2.3333333333333335, 3.6666666666666665),
    (1.0000001, 4.9999999), (1.5, 1.5),
  ]

  static let tails: [Double] = [
    1e-300, 1e-100, 1e-15, 1e-12, 1e-9, 1e-6, 0.001, 1 - 1e-6, 1 - 1e-9, 1 - 1e-12,
    1 - 1e-15, 0.9999999999999999,
  ]

  @Test func theSameDoubleAsEvaluatingEveryHalving() {
    var stream = CounterStream(key: 20_261_207)
    var checked = 0
    for (a, b) in Self.shapes {
      let ps = Self.tails + (0..<400).map { _ in stream.nextUnitDouble() }
      for p in ps where p > 0 {
        let fast = SpecialFunctions.inverseRegularizedBeta(a, b, p)
        let reference = Self.everyHalving(a, b, p)
        #expect(
          fast.bitPattern == reference.bitPattern, "a \(a), b \(b), p \(p): \(fast) ≠ \(reference)")
        checked += 1
      }
    }
    #expect(checked == Self.shapes.count * (Self.tails.count + 400))
  }

  /// Closed forms: I_x(1, b) = 1 − (1 − x)^b and I_x(a, 1) = x^a, so the quantiles are
  /// 1 − (1 − p)^(1/b) and p^(1/a).
  @Test func closedFormQuantiles() {
    for p in [0.001, 0.05, 0.3, 0.5, 0.77, 0.95, 0.999] {
      for shape in [1.5, 3.0, 5.0] {
        let first = SpecialFunctions.inverseRegularizedBeta(1, shape, p)
        let expectedFirst = 1 - Double.pow(1 - p, 1 / shape)
        #expect(abs(first - expectedFirst) <= 1e-12, "a 1, b \(shape), p \(p)")
        let second = SpecialFunctions.inverseRegularizedBeta(shape, 1, p)
        #expect(abs(second - Double.pow(p, 1 / shape)) <= 1e-12, "a \(shape), b 1, p \(p)")
      }
    }
  }
}
