import CapsimCore
import Foundation
import Testing

/// The observed-straggler estimator against closed forms on constructed data.
@Suite struct ObservedStragglerTests {
  /// The grid x_i = i/n (i = 1…n) is the empirical distribution of n evenly spread U(0,1) values.
  func grid(_ n: Int) -> [Double] { (1...n).map { Double($0) / Double(n) } }

  @Test(arguments: [2, 3])
  func expectedMaximumOfAGridHasAClosedForm(groupSize: Int) {
    // Σᵢ (i/n)((i/n)^G − ((i−1)/n)^G) = 1 − Σ_{i<n} i^G / n^{G+1}; Faulhaber: Σ_{i<n} i² =
    // (n−1)n(2n−1)/6, Σ_{i<n} i³ = ((n−1)n/2)².
    for n in [10, 1000] {
      let m = Double(n)
      let exact =
        groupSize == 2
        ? 1 - (m - 1) * (2 * m - 1) / (6 * m * m) : 1 - (m - 1) * (m - 1) / (4 * m * m)
      let value = ObservedStragglers.expectedMaximum(sorted: grid(n), of: groupSize)
      #expect(abs(value - exact) < 1e-12, "n \(n) G \(groupSize)")
      // And the continuous limit E[max of G U(0,1)] = G/(G+1), within 1/n.
      #expect(abs(value - Double(groupSize) / Double(groupSize + 1)) < 1 / m)
    }
  }

  @Test func everyTupleOfValuesMakesObservedEqualPredicted() throws {
    // All 9 ordered pairs of {1, 2, 3}: the per-step maxima are distributed exactly as F², with
    // mean (1·1 + 2·3 + 3·5)/9 = 22/9; p95 is 3 on both sides; the pooled median is 2.
    var steps: [[Double]] = []
    for a in [1.0, 2, 3] { for b in [1.0, 2, 3] { steps.append([a, b]) } }
    let result = try #require(ObservedStragglers(steps: steps))
    #expect(result.workersPerStep == 2 && result.stepCount == 9)
    #expect(abs(result.observedMean - 22.0 / 9) < 1e-12)
    #expect(abs(result.predictedMean - 22.0 / 9) < 1e-12)
    #expect(result.observedP95 == 3 && result.predictedP95 == 3)
    #expect(result.workerMedian == 2)
    #expect(abs(result.observedMeanAmplification - 11.0 / 9) < 1e-12)
  }

  @Test func aPersistentlySlowWorkerShowsAboveThePrediction() throws {
    // Worker 2 always takes 3 s, the others 1 s: every step max is 3 (observed mean 3), while the
    // pooled distribution (1 w.p. 2/3, 3 w.p. 1/3) gives E[max of 3] = 1·(2/3)³ + 3·(1 − (2/3)³)
    // = 8/27 + 57/27 = 65/27.
    let steps = Array(repeating: [1.0, 1.0, 3.0], count: 4) + [[5, 5]]
    let result = try #require(ObservedStragglers(steps: steps))
    #expect(result.stepsWithOtherSizes == 1 && result.stepCount == 4)
    #expect(result.observedMean == 3)
    #expect(abs(result.predictedMean - 65.0 / 27) < 1e-12)
    #expect(result.workerMedian == 1)
  }

  @Test func p95OfTheMaximumOfUniformWorkers() {
    // F^G(x) = 0.95 at x = 0.95^{1/G}; on the grid the inverse ECDF is within 1/n of it.
    let n = 1000
    let p = 0.95
    for g in [2, 8] {
      let value = ObservedStragglers.inverseECDF(sorted: grid(n), pow(p, 1 / Double(g)))
      #expect(abs(value - pow(p, 1 / Double(g))) <= 1 / Double(n))
    }
  }

  @Test func tooLittleStructureGivesNothing() {
    #expect(ObservedStragglers(steps: [[1, 2]]) == nil)
    #expect(ObservedStragglers(steps: [[1], [2], [3]]) == nil)
    #expect(ObservedStragglers(steps: [[1, .nan], [2, 3]]) == nil)
  }
}
