/// Per-trial values of a scenario's uncertain inputs: for each trial, the scenario that trial simulates.
///
/// The what-if layer builds one from a scenario's uncertain inputs (drawn once per trial, optionally by Latin
/// hypercube with rank correlations); the engine asks it for every trial's scenario and builds that trial's
/// option models from it, so every mechanism, price and cost setting can vary from trial to trial. A
/// variation must be a pure function of the trial index, so results stay identical on any thread count.
public protocol TrialScenarioVariation: Sendable {
  /// The scenario trial `trial` simulates: `base` with that trial's input values applied.
  func scenario(forTrial trial: Int, base: ResolvedScenario) -> ResolvedScenario

  /// This variation ready to give the scenarios of the trials in `trials`.
  ///
  /// The engine calls it, in trial order, before it hands each chunk of trials to a thread, so that a
  /// variation can draw its per-trial values as the run reaches them and let go of those of the trials it
  /// has passed: neither the memory nor the time before the first trial grows with the trial count (or a
  /// precision target's maximum). The values of a trial must not depend on the ranges asked for.
  func covering(trials: Range<Int>) -> any TrialScenarioVariation
}

extension TrialScenarioVariation {
  /// The variation itself: one that gives every trial's scenario from the start.
  public func covering(trials: Range<Int>) -> any TrialScenarioVariation { self }
}
