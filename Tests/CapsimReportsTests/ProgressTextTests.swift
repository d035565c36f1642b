import CapsimCore
import CapsimReports
import Testing

/// The progress line on standard error. Every expected figure is worked by hand from the inputs: rate =
/// trials done ÷ seconds, time left = trials to go ÷ rate, rounded up; under a precision target the trials to
/// go end at the trials checked × (reached ÷ target)², rounded up to whole batches of 1,024 and capped by the
/// maximum.
@Suite("Progress line")
struct ProgressTextTests {
  @Test func aFixedRunCountsDownToItsTrials() {
    let progress = SimulationProgress(trialsDone: 2_000, trialsPlanned: 6_000)
    // 2,000 / 4 s = 500 a second; 4,000 to go take 8 s.
    #expect(
      progress.line(elapsedSeconds: 4)
        == "capsim: 2,000 of 6,000 trials, 500 trials/s, about 8s left")
    // 999,000 to go at 1,000 a second: 999 s, 16.65 minutes, given as 17.
    #expect(
      SimulationProgress(trialsDone: 1_000, trialsPlanned: 1_000_000).line(elapsedSeconds: 1)
        == "capsim: 1,000 of 1,000,000 trials, 1,000 trials/s, about 17 min left")
  }

  @Test func aPrecisionRunEstimatesFromThePrecisionReached() {
    func progress(_ reached: Double?, checked: Int, planned: Int = 1_000_000) -> SimulationProgress
    {
      SimulationProgress(
        trialsDone: 4_608, trialsPlanned: planned,
        precision: PrecisionProgress(target: 0.02, reached: reached, checkedTrials: checked))
    }
    // Before the first batch ends there is nothing to estimate from.
    #expect(
      progress(nil, checked: 0).line(elapsedSeconds: 2)
        == "capsim: 4,608 trials, target ±2.0%, 2,304 trials/s")
    // ±4% after 4,096 trials: 4,096 × (4 / 2)² = 16,384 (16 batches); 11,776 to go at 2,304 a second is
    // 5.11 s, given as 6 — not the 432 s that the maximum of 1,000,000 would give.
    #expect(progress(0.04, checked: 4_096).precision?.expectedTrials == 16_384)
    #expect(
      progress(0.04, checked: 4_096).line(elapsedSeconds: 2)
        == "capsim: 4,608 trials, ±4.0% at 4,096 (target ±2.0%), 2,304 trials/s, about 6s left")
    // Capped by the maximum: 8,192 − 4,608 = 3,584 to go, 1.56 s, given as 2.
    #expect(
      progress(0.04, checked: 4_096, planned: 8_192).line(elapsedSeconds: 2)
        == "capsim: 4,608 trials, ±4.0% at 4,096 (target ±2.0%), 2,304 trials/s, about 2s left")
    // 3,072 × (3 / 2)² = 6,912, rounded up to 7 batches.
    #expect(progress(0.03, checked: 3_072).precision?.expectedTrials == 7_168)
    // A target below 0.1% keeps two significant digits rather than reading 0.0%.
    let small = SimulationProgress(
      trialsDone: 2_048, trialsPlanned: 1_000_000,
      precision: PrecisionProgress(target: 0.000_04, reached: nil, checkedTrials: 0))
    #expect(small.line(elapsedSeconds: 1) == "capsim: 2,048 trials, target ±0.004%, 2,048 trials/s")
    // A half-width that cannot be estimated (a mean of 0) gives no time left.
    #expect(progress(.infinity, checked: 4_096).precision?.expectedTrials == nil)
    #expect(
      progress(.infinity, checked: 4_096).line(elapsedSeconds: 2)
        == "capsim: 4,608 trials, target ±2.0%, 2,304 trials/s")
  }
}
