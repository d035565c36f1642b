import Testing

@testable import CapsimCore

/// The engine takes every job's first outputs of a mechanism's stream in one vectorised loop
/// (`RandomLayout.outputs`), the trial's job keys likewise (`RandomLayout.jobKeys`), and hands the outputs
/// to draw functions that accept a first output, with a stream standing after it
/// (`RandomLayout.stream(jobKey:_:after:)`). The reference for the outputs, the keys and the streams'
/// positions is the stream's definition, one `next()` at a time (`CounterStream`, whose outputs are
/// SplitMix64's, checked against the published reference values in the random-number tests). That the
/// engine's numbers are those of the per-job pipeline is `BatchPipelineTests`' business.
@Suite("Batched stream outputs equal the streams' own")
struct RandomLayoutBatchTests {
  static let trialKey = RandomLayout(seed: 7).trialKey(3)
  /// 37 jobs: not a multiple of any vector width, so a vectorised loop's remainder is covered.
  static let keys = (0..<37).map { RandomLayout.jobKey(trialKey: trialKey, job: $0) }

  @Test func jobKeysAreEachJobsKey() {
    for count in [0, 1, 7, 8, 9, 37, 1000] {
      var keys = [UInt64](repeating: 0, count: count)
      keys.withUnsafeMutableBufferPointer {
        RandomLayout.jobKeys(trialKey: Self.trialKey, into: $0)
      }
      #expect(keys == (0..<count).map { RandomLayout.jobKey(trialKey: Self.trialKey, job: $0) })
    }
  }

  @Test(arguments: RandomLayout.Mechanism.allCases)
  func outputsAreTheStreamsNthOutput(_ mechanism: RandomLayout.Mechanism) {
    for draw: UInt64 in 1...4 {
      var outputs = [UInt64](repeating: 0, count: Self.keys.count + 3)
      Self.keys.withUnsafeBufferPointer { keys in
        outputs.withUnsafeMutableBufferPointer {
          RandomLayout.outputs(mechanism, draw: draw, keys: keys, into: $0)
        }
      }
      for (job, key) in Self.keys.enumerated() {
        var stream = RandomLayout.stream(jobKey: key, mechanism)
        for _ in 1..<draw { _ = stream.next() }
        #expect(outputs[job] == stream.next(), "job \(job), draw \(draw)")
        // The stream after `draw` outputs goes on exactly as the stream that made them.
        var after = RandomLayout.stream(jobKey: key, mechanism, after: draw)
        #expect(after.next() == stream.next(), "job \(job), after \(draw)")
      }
      // Elements beyond the keys are left alone.
      #expect(outputs.suffix(3) == [0, 0, 0])
    }
  }

  /// A draw from a first output, with the stream standing after it, takes any further outputs (a
  /// ziggurat's wedges and tails, about 1% of first outputs, taken here over a hundred times each) from
  /// where the plain draw on the stream from its start takes them: the same value, and the stream left at
  /// the same place. (The plain draws are defined through the first-output ones, so what this checks is
  /// the stream's position, not the ziggurat.)
  @Test func drawsFromAFirstOutputEqualThePlainDraws() {
    var slowExponential = 0
    var slowNormal = 0
    for job in 0..<20_000 {
      let key = RandomLayout.jobKey(trialKey: Self.trialKey, job: job)
      for mechanism in [RandomLayout.Mechanism.interruptions, .stragglers] {
        var plain = RandomLayout.stream(jobKey: key, mechanism)
        var batched = RandomLayout.stream(jobKey: key, mechanism, after: 1)
        var firstOfPlain = RandomLayout.stream(jobKey: key, mechanism)
        let bits = firstOfPlain.next()
        if mechanism == .interruptions {
          let value = plain.nextStandardExponential()
          #expect(batched.nextStandardExponential(first: bits).bitPattern == value.bitPattern)
          if zigguratExponentialCandidate(bits) < 0 { slowExponential += 1 }
        } else {
          let value = plain.nextStandardNormal()
          #expect(batched.nextStandardNormal(first: bits).bitPattern == value.bitPattern)
          if !zigguratNormalCandidate(bits).isFinite { slowNormal += 1 }
        }
        #expect(
          batched.state == plain.state, "job \(job): the stream stands where the plain draw left it"
        )
        #expect(unitDouble(bits) == firstOfPlainUniform(key: key, mechanism))
      }
    }
    #expect(slowExponential > 100 && slowNormal > 100)
  }

  private func firstOfPlainUniform(key: UInt64, _ mechanism: RandomLayout.Mechanism) -> Double {
    var stream = RandomLayout.stream(jobKey: key, mechanism)
    return stream.nextUnitDouble()
  }
}
