import CapsimCore
import Testing

/// A generator that returns fixed words, to probe the extremes of the conversions.
private struct FixedWords: RandomNumberGenerator {
  var words: [UInt64]
  var index = 0
  mutating func next() -> UInt64 {
    defer { index += 1 }
    return words[index % words.count]
  }
}

@Suite("Uniform conversions")
struct RandomUniformTests {
  @Test func openUnitDoubleNeverReachesZeroOrOne() {
    var generator = FixedWords(words: [0, UInt64.max])
    let smallest = generator.nextOpenUnitDouble()
    let largest = generator.nextOpenUnitDouble()
    #expect(smallest == 0x1p-53)
    #expect(largest == 1 - 0x1p-53)
    #expect(largest < 1)
  }

  @Test func unitDoubleCoversZeroButNotOne() {
    var generator = FixedWords(words: [0, UInt64.max])
    #expect(generator.nextUnitDouble() == 0)
    #expect(generator.nextUnitDouble() == 1 - 0x1p-53)
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func openUnitDoubleMeanAndVarianceMatchUniform(seed: UInt64) {
    var generator = Xoshiro256StarStar(seed: seed)
    let n = 1_000_000
    var sum = 0.0
    var squares = 0.0
    for _ in 0..<n {
      let u = generator.nextOpenUnitDouble()
      sum += u
      squares += u * u
    }
    let mean = sum / Double(n)
    let variance = squares / Double(n) - mean * mean
    // U(0,1): mean 1/2 with SE √(1/12)/√n; variance 1/12 with SE √(1/180)/√n (fourth central moment 1/80).
    #expect(abs(mean - 0.5) < 5 * (1.0 / 12).squareRoot() / Double(n).squareRoot(), "seed \(seed)")
    #expect(
      abs(variance - 1.0 / 12) < 5 * (1.0 / 180).squareRoot() / Double(n).squareRoot(),
      "seed \(seed)")
  }
}
