import ArgumentParser
import CapsimCore

/// `--precision` and `--max-trials`, for the commands whose answer is one simulation (`run`, `recommend`).
///
/// Commands that compare many evaluations (`sweep`, `sensitivity`, `break-even`) do not take them: their
/// evaluations share random numbers only when each runs the same trials.
struct PrecisionOptions: ParsableArguments {
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "Run trials in batches of 1,024 until every total cost and the leading paired difference are known "
        + "to this relative 95% half-width (above 0, at most 50%; e.g. 1% or 0.01); --trials is then ignored.",
      valueName: "share"))
  var precision: PrecisionArgument?

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp(
      "With a precision target (--precision or the scenario's precision key): the most trials to run "
        + "(default 1,000,000; without --force, no more than the work budget of 2e8 simulated jobs allows)."
    ))
  var maxTrials: Int?

  /// The largest relative half-width a target may ask for, as the scenario key allows: beyond it an
  /// estimate says nothing.
  static let largestTarget = 0.5

  func validate() throws {
    if let maxTrials, !(1...10_000_000).contains(maxTrials) {
      throw ValidationError("--max-trials must be between 1 and 10,000,000 (got \(maxTrials))")
    }
    if let precision, !(precision.value > 0 && precision.value <= Self.largestTarget) {
      throw ValidationError(
        "--precision must be above 0% and at most 50% (got \(precision.text)); 1% (or 0.01) is typical"
      )
    }
  }

  /// Applies the options to `scenario`: `--precision` replaces its target, `--max-trials` its limit.
  ///
  /// - Throws: ``MaxTrialsWithoutTarget`` for `--max-trials` without any precision target.
  func apply(to scenario: inout Scenario) throws {
    if let precision {
      scenario.precision = PrecisionTarget(
        relativeHalfWidth: precision.value,
        maximumTrials: scenario.precision?.maximumTrials ?? PrecisionTarget.defaultMaximumTrials)
    }
    if let maxTrials {
      guard scenario.precision != nil else {
        throw MaxTrialsWithoutTarget(maximum: maxTrials)
      }
      scenario.precision?.maximumTrials = maxTrials
    }
  }

  /// `1%`, `0.5%`: a relative half-width as a percentage.
  static func percent(_ share: Double) -> String {
    let value = (share * 100_000).rounded() / 1_000
    return (value == value.rounded() ? String(Int(value)) : String(value)) + "%"
  }
}

/// `--max-trials` given where neither `--precision` nor the scenario sets a precision target.
struct MaxTrialsWithoutTarget: Error, DiagnosticConvertible {
  let maximum: Int

  var diagnostic: Diagnostic {
    Diagnostic(
      location: nil,
      message:
        "--max-trials \(maximum) applies only with a precision target, and this run has none",
      help: "add --precision (e.g. --precision 1%) or the scenario key precision, or use --trials")
  }
}
