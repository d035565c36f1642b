import CapsimCore

extension SimulationProgress {
  /// The progress line after `elapsed` seconds: trials done, rate and time left, e.g. `capsim: 1,792 of
  /// 3,000 trials, 1,725 trials/s, about 1s left`.
  ///
  /// Under a precision target the run rarely makes its maximum, so the line gives the precision the last
  /// batch reached and estimates the time left from it (``PrecisionProgress/expectedTrials``, at most the
  /// maximum's), e.g. `capsim: 9,472 trials, ±3.2% at 9,216 (target ±2.0%), 5,884 trials/s, about 15s
  /// left`. Two
  /// minutes or more left are given in whole minutes.
  public func line(elapsedSeconds elapsed: Double) -> String {
    func whole(_ count: Int) -> String { NumberFormatting.fixed(Double(count), decimals: 0) }
    let rate = elapsed > 0 ? Double(trialsDone) / elapsed : 0
    let speed = "\(whole(Int(rate))) trials/s"
    func timeLeft(until trials: Int) -> String {
      let seconds = rate > 0 ? Double(Swift.max(0, trials - trialsDone)) / rate : 0
      if seconds >= 120 { return "about \(Int((seconds / 60).rounded(.up))) min left" }
      return "about \(Int(seconds.rounded(.up)))s left"
    }
    let done = whole(trialsDone)
    let planned = whole(trialsPlanned)
    guard let precision else {
      return "capsim: \(done) of \(planned) trials, \(speed), \(timeLeft(until: trialsPlanned))"
    }
    let target = "target ±\(PrecisionOutcome.percent(precision.target))"
    guard let reached = precision.reached, reached.isFinite else {
      return "capsim: \(done) trials, \(target), \(speed)"
    }
    let expected = precision.expectedTrials.map { Swift.min($0, trialsPlanned) }
    return "capsim: \(done) trials, ±\(PrecisionOutcome.percent(reached)) at "
      + "\(whole(precision.checkedTrials)) (\(target)), \(speed)"
      + (expected.map { ", \(timeLeft(until: $0))" } ?? "")
  }
}
