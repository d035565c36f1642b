import CapsimCore

extension PrecisionOutcome {
  /// What the precision target came to, for reports after a "Precision: " label, e.g. `95% half-width 0.93%
  /// of every total cost and of the leading paired difference (target 1%), reached after 5,120 trials`.
  public func summary(trials: Int) -> String {
    let percent = Self.percent
    let outcome =
      met
      ? "reached after \(NumberFormatting.count(trials, "trial"))"
      : "NOT reached: stopped at the limit of \(NumberFormatting.count(maximumTrials, "trial"))"
    return
      "95% half-width \(percent(reached)) of every total cost and of the leading paired "
      + "difference (target \(percent(target))), \(outcome)"
  }

  /// A relative half-width as a percentage to two decimals (0.0497 → `4.97%`, 0.05 → `5.0%`), or
  /// `not estimable` when it is not finite.
  static func percent(_ share: Double) -> String {
    share.isFinite ? "\((share * 10_000).rounded() / 100)%" : "not estimable"
  }

  /// The labelled sentence the text reports print: `Precision: ` and ``summary(trials:)``.
  public func line(trials: Int) -> String { "Precision: " + summary(trials: trials) }
}
