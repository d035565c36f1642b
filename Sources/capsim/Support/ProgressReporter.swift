import CapsimCore
import CapsimReports
import Foundation

/// Shows a run's progress on standard error — trials done, rate, time left — when standard error is a
/// terminal, the run has lasted over a second, and neither `--quiet`, `NO_COLOR` nor `TERM=dumb` asks for
/// plain output. The line is redrawn at most ten times a second and erased when the run ends.
final class ProgressReporter: @unchecked Sendable {
  private let lock = NSLock()
  private let clock = ContinuousClock()
  private let start: ContinuousClock.Instant
  private var lastDrawn: ContinuousClock.Instant?
  private var drawn = false
  let enabled: Bool
  /// Seconds before the first line: 1, or `CAPSIM_PROGRESS_AFTER` (the end-to-end tests set 0, so that a
  /// short run in any build draws its line).
  private let delay: Double

  /// A reporter that draws only if `quiet` is false and the environment allows it.
  init(quiet: Bool) {
    let environment = ProcessInfo.processInfo.environment
    enabled =
      !quiet && isatty(STDERR_FILENO) == 1 && environment["NO_COLOR"] == nil
      && environment["TERM"] != "dumb"
    delay = environment["CAPSIM_PROGRESS_AFTER"].flatMap(Double.init).map { Swift.max(0, $0) } ?? 1
    start = clock.now
  }

  /// The engine's progress callback.
  var callback: (@Sendable (SimulationProgress) -> Void)? {
    guard enabled else { return nil }
    return { [self] progress in self.report(progress) }
  }

  private func report(_ progress: SimulationProgress) {
    lock.lock()
    defer { lock.unlock() }
    let now = clock.now
    let elapsed = DurationSeconds.of(now - start)
    guard elapsed >= delay else { return }
    if let lastDrawn, DurationSeconds.of(now - lastDrawn) < 0.1 { return }
    lastDrawn = now
    let line = progress.line(elapsedSeconds: elapsed)
    FileHandle.standardError.write(Data("\r\u{1B}[2K\(line)".utf8))
    drawn = true
  }

  /// Erases the progress line, if one was drawn.
  func finish() {
    lock.lock()
    defer { lock.unlock() }
    if drawn { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    drawn = false
  }
}

/// Seconds of a `Duration`.
enum DurationSeconds {
  static func of(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
  }
}
