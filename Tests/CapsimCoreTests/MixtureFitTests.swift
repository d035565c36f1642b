import CapsimCore
import Testing

@Suite("Two-component lognormal mixture fit")
struct MixtureFitTests {
  /// 10⁵ draws from 0.85·LN(0, 0.03) + 0.15·LN(ln 1.3, 0.05): EM recovers the parameters.
  @Test(arguments: [1, 2] as [UInt64])
  func recoversKnownParameters(seed: UInt64) throws {
    var generator = Xoshiro256StarStar(seed: seed)
    let values = (0..<100_000).map { _ -> Double in
      let slow = generator.nextUnitDouble() < 0.15
      let z = generator.nextStandardNormal()
      return slow ? (Double.log(1.3) + 0.05 * z).exp : (0.03 * z).exp
    }
    let fit = try TwoComponentLogNormalMixture(fitting: values)
    #expect(abs(fit.slowWeight - 0.15) < 0.005, "seed \(seed): weight \(fit.slowWeight)")
    #expect(abs(fit.fastMu) < 0.001, "seed \(seed): \(fit.fastMu)")
    #expect(abs(fit.slowMu - Double.log(1.3)) < 0.002, "seed \(seed): \(fit.slowMu)")
    #expect(abs(fit.fastSigma - 0.03) < 0.001 && abs(fit.slowSigma - 0.05) < 0.002, "seed \(seed)")
  }

  @Test func rejectsDegenerateData() {
    #expect(throws: FitError.self) { try TwoComponentLogNormalMixture(fitting: [1, 2, 3]) }
    #expect(throws: FitError.self) {
      try TwoComponentLogNormalMixture(fitting: Array(repeating: 2.0, count: 20))
    }
    #expect(throws: FitError.self) {
      try TwoComponentLogNormalMixture(fitting: Array(repeating: 2.0, count: 19) + [-1])
    }
  }
}

extension Double {
  fileprivate var exp: Double { Double.exp(self) }
}
