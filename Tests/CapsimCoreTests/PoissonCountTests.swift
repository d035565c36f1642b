import Testing

@testable import CapsimCore

@Suite("Poisson month counts: the table search is the sequential search")
struct PoissonCountTests {
  /// The table's binary search must return the count of the sequential-search inversion (its definition)
  /// for the same uniform, and consume the same uniforms: means below, at and above the 500 chunk, tiny and
  /// fractional ones, from streams that include uniforms in the extreme tails.
  @Test(arguments: [1e-6, 0.3, 1, 7.5, 200, 499.999, 500, 500.5, 1_234.25, 3_000])
  func tableDrawEqualsSequentialSearch(mean: Double) {
    let table = PoissonCount.Table(mean: mean)
    for seed in 0..<2_000 as Range<UInt64> {
      var sequential = CounterStream(key: SplitMix64.mix(seed))
      var searched = sequential
      let expected = PoissonCount.draw(mean: mean, using: &sequential)
      let found = table.draw(using: &searched)
      #expect(found == expected, "mean \(mean), seed \(seed)")
      #expect(searched == sequential, "mean \(mean), seed \(seed): uniforms consumed")
    }
  }

  /// Uniforms at the ends: 0 gives 0 (F(0) > 0), the largest uniform below 1 the end of the search.
  @Test(arguments: [3.0, 200, 750])
  func extremeUniforms(mean: Double) {
    struct Constant: RandomNumberGenerator {
      let value: UInt64
      mutating func next() -> UInt64 { value }
    }
    let table = PoissonCount.Table(mean: mean)
    for value in [0, 1 << 11, UInt64.max - (1 << 11), UInt64.max] as [UInt64] {
      var sequential = Constant(value: value)
      var searched = Constant(value: value)
      #expect(
        table.draw(using: &searched) == PoissonCount.draw(mean: mean, using: &sequential),
        "mean \(mean), bits \(value)")
    }
  }
}
