import RealModule

extension OptionChecker {
  /// The longest failure-free job, in hours (ten years): a longer one describes no real workload and would
  /// take the simulation's clocks past anything a report can show.
  public static let longestJobHours = 87_600.0
  /// A job may take at most this many times its failure-free work on average once interruptions,
  /// checkpoints, restarts and reruns are counted; beyond it the job in effect never finishes.
  public static let largestRecoveryFactor = 100.0
  /// At most this many interruptions per job on average: each one is simulated as an event.
  public static let mostInterruptionsPerJob = 10_000.0

  /// Rejects a job whose failure-free time is not finite or longer than ``longestJobHours``, and a job whose
  /// expected wall time under its interruption settings is absurd.
  ///
  /// The expected wall time is Daly's renewal expectation (``DalyFormula``) for the mean job,
  /// T_w = M·e^{R/M}·(e^{(τ+δ)/M} − 1)·T_s/τ with τ capped at T_s, multiplied by the expected number of
  /// attempts under fatal failures, (1 − p^{k+1})/(1 − p). When checkpoint plus restart approach the mean
  /// time between interruptions M, T_w grows like e^{(τ+δ)/M}: the job never finishes in practice.
  mutating func checkJobTime(interruptions: InterruptionModel?) {
    let option = resolved.option
    if case .empirical(let values) = resolved.duration, values.isEmpty { return }
    let durationKey = option.duration.sampleSetName == nil ? "distribution" : "samples"
    let jobHours = workload.stepsPerJob * resolved.duration.mean * option.durationScale / 3600
    guard jobHours.isFinite, jobHours <= Self.longestJobHours else {
      problems.append(
        .invalidValue(
          sourceMap.location(of: "\(path).\(durationKey)"),
          message:
            "option '\(option.name)': a job's failure-free time (steps_per_job × mean duration × "
            + "duration_scale) is \(Self.hours(jobHours)) on average; it must be at most "
            + "\(Self.hours(Self.longestJobHours))",
          help:
            "check the duration's unit (seconds per step), its parameters, steps_per_job and duration_scale"
        ))
      return
    }
    guard let model = interruptions, model.interruptionsPerHour > 0, jobHours > 0 else { return }
    let m = model.meanTimeBetweenInterruptions
    let expected: Double
    do {
      expected = try Self.expectedWallHours(jobHours: jobHours, model: model)
    } catch {
      problems.append(located(error, at: "interruptions"))
      return
    }
    let factor = expected / jobHours
    let interruptionCount = expected / m
    guard factor.isFinite, factor <= Self.largestRecoveryFactor,
      interruptionCount <= Self.mostInterruptionsPerJob
    else {
      let checkpoints =
        model.intervalHours.isFinite
        ? "checkpoints of \(Self.hours(model.checkpointHours)) every \(Self.hours(model.intervalHours))"
        : "no checkpoints"
      problems.append(
        .invalidValue(
          sourceMap.location(of: "\(path).interruptions"),
          message:
            "option '\(option.name)': a job of \(Self.hours(jobHours)) of work is interrupted every "
            + "\(Self.hours(m)) on average (\(workload.gpusPerJob) GPUs × the per-GPU-hour rates); with "
            + "\(checkpoints) and restarts of "
            + "\(Self.hours(model.restartHours)) its expected wall time (Daly 2006) is "
            + "\(Self.hours(expected)), "
            + (factor.isFinite && factor <= Self.largestRecoveryFactor
              ? "with \(Self.count(interruptionCount)) interruptions; at most "
                + "\(Self.count(Self.mostInterruptionsPerJob)) are simulated per job"
              : "more than \(Self.count(Self.largestRecoveryFactor)) times its work: it would never finish"),
          help:
            "checkpoint plus restart must be well below the mean time between interruptions: lower the "
            + "rates, shorten checkpoint_hours or restart_hours, or checkpoint more often"))
      return
    }
  }

  /// The expected wall hours of a job of `jobHours` failure-free work under `model`: Daly's renewal
  /// expectation with τ capped at the job, times the expected number of attempts (1 − p^{k+1})/(1 − p).
  public static func expectedWallHours(jobHours: Double, model: InterruptionModel)
    throws(MechanismError) -> Double
  {
    guard jobHours > 0 else { return 0 }
    let wall = try DalyFormula.expectedWallTime(
      solveHours: jobHours, intervalHours: Swift.min(model.intervalHours, jobHours),
      checkpointHours: model.checkpointHours, restartHours: model.restartHours,
      meanTimeBetweenInterruptions: model.meanTimeBetweenInterruptions)
    let p = model.fatalFailureProbability
    let attempts = p > 0 ? (1 - Double.pow(p, Double(model.maxReruns + 1))) / (1 - p) : 1
    return wall * attempts
  }

  /// `12.5 h`, `3.15e6 h` or `∞ h`: three significant digits.
  static func hours(_ value: Double) -> String {
    guard value.isFinite else { return "∞ h" }
    return significant(value) + " h"
  }

  /// A whole count, or `∞`.
  static func count(_ value: Double) -> String {
    guard value.isFinite else { return "∞" }
    return value < 1e15 ? String(Int64(value.rounded())) : significant(value)
  }

  /// Three significant digits, in scientific notation from 10^6.
  static func significant(_ value: Double) -> String {
    guard value != 0 else { return "0" }
    let exponent = Int(Double.log10(Swift.abs(value)).rounded(.down))
    if exponent >= 6 {
      let mantissa = (value / Double.pow(10, Double(exponent)) * 100).rounded() / 100
      return "\(mantissa)e\(exponent)"
    }
    let scale = Double.pow(10, Double(Swift.max(0, 2 - exponent)))
    let rounded = (value * scale).rounded() / scale
    return rounded == rounded.rounded() ? String(Int64(rounded)) : "\(rounded)"
  }
}
