import Testing

@testable import CapsimCore

/// The segment count's multiplication fast path gives the count of its definition, ⌈T_s/τ⌉ with T_s/τ within
/// 10⁻⁹ (relative) of a whole number taken as it, written here with the division and libm's rounding.
@Suite("Interruptions: segment count")
struct SegmentCountTests {
  static func reference(solveHours: Double, intervalHours: Double) -> Int {
    let quotient = solveHours / intervalHours
    let nearest = quotient.rounded()
    let count =
      abs(quotient - nearest) <= 1e-9 * Swift.max(1, quotient) ? nearest : quotient.rounded(.up)
    return Swift.max(1, Int(Swift.min(count, 0x1p53)))
  }

  @Test(arguments: [0.1, 1.0 / 3, 0.7, 1, 1.234_567_891, 3.9, 17])
  func fastPathGivesTheDefinedCount(intervalHours: Double) throws {
    let model = try InterruptionModel(
      gpus: 1, preemptionsPerGPUHour: 0.01, failuresPerGPUHour: 0,
      checkpointInterval: .fixed(hours: intervalHours), checkpointHours: 0.1, restartHours: 0.2)
    var hours: [Double] = [0, 1e-300, 0.5, 1e6, 3e15]
    // Whole multiples of τ and their neighbours: ulps away, inside and just outside the tolerance.
    for k in [1.0, 2, 3, 7, 10, 100, 12_345, 1e9] {
      let exact = k * intervalHours
      hours += [exact, exact.nextUp, exact.nextDown, exact.nextUp.nextUp, exact.nextDown.nextDown]
      for relative in [0.99e-9, 1e-9, 1.01e-9, 1.99e-9, 2e-9, 2.01e-9, 3e-9, 1e-7] {
        hours += [exact * (1 + relative), exact * (1 - relative)]
      }
      hours += [(k + 0.5) * intervalHours, (k + 0.25) * intervalHours]
    }
    var generator = Xoshiro256StarStar(seed: 11)
    for _ in 0..<20_000 { hours.append(generator.nextUnitDouble() * 400) }
    for solve in hours {
      #expect(
        model.segmentCount(solveHours: solve)
          == Self.reference(solveHours: solve, intervalHours: intervalHours),
        "T_s = \(solve), τ = \(intervalHours)")
    }
  }
}
