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
  /// Below 0.1% it keeps up to two significant digits (0.00004 → `0.004%`, 0.000012 → `0.0012%`), so a small
  /// target does not read 0.
  static func percent(_ share: Double) -> String {
    guard share.isFinite else { return "not estimable" }
    if share != 0, Swift.abs(share) < 0.001 {
      var text = NumberFormatting.readable(share * 100, significant: 2)
      while text.hasSuffix("0") { text.removeLast() }
      return text + "%"
    }
    return "\((share * 10_000).rounded() / 100)%"
  }

  /// The labelled sentence the text reports print: `Precision: ` and ``summary(trials:)``.
  public func line(trials: Int) -> String { "Precision: " + summary(trials: trials) }
}
