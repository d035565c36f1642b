extension ContentionModel {
  /// Episode parameters from a two-component mixture fitted to step (or run) times on shared infrastructure.
  ///
  /// Mapping, with μ_f, μ_s the fast and slow component means, w the slow component's weight and T the typical job
  /// length in hours:
  ///
  /// - slowdown s = μ_s / μ_f (``Slowdown/fixed(_:)``);
  /// - episode duration exponential with mean E[D] = `meanEpisodeHours` (default T);
  /// - rate r = s·w / ((1 − w)·E[D]), so that the long-run share of **work** done in episodes,
  ///   r·E[D]/s / (1 + r·E[D]/s), equals w;
  /// - a stationary start.
  ///
  /// Why the work share: each sample is a unit of work (a step, or a run of fixed length), so w is the share of work
  /// done slowly; with this choice the long-run wall time per unit of work is (1 − w) + w·s = (mixture mean)/μ_f,
  /// i.e. the model reproduces the mixture's mean exactly. (Equating the share of wall time to w instead would give
  /// s / ((1 − w)·s + w), a harmonic rather than arithmetic mean, and understate the mean.)
  ///
  /// The time scale E[D] is not identifiable from a marginal mixture: any E[D] gives the same long-run mean. Longer
  /// episodes make whole runs fast or slow (a bimodal run-time distribution, as per-run data shows); shorter ones
  /// average out within a run. The default E[D] = T makes a typical episode span about one job; state the choice
  /// in reports.
  ///
  /// Returns a model with r = 0 when w = 0 or μ_s = μ_f.
  ///
  /// - Throws: ``MechanismError/invalidParameter(mechanism:parameter:value:requirement:)`` unless
  ///   0 < μ_f ≤ μ_s < ∞, 0 ≤ w < 1, and T (and `meanEpisodeHours` if given) are finite and > 0.
  public static func estimate(
    fastComponentMean: Double, slowComponentMean: Double, slowWeight: Double,
    typicalJobHours: Double,
    meanEpisodeHours: Double? = nil
  ) throws(MechanismError) -> ContentionModel {
    let fast = try MechanismError.positive(fastComponentMean, "fast_component_mean", in: name)
    let slow = try MechanismError.positive(slowComponentMean, "slow_component_mean", in: name)
    guard slow >= fast else {
      throw .invalidParameter(
        mechanism: name, parameter: "slow_component_mean", value: slow,
        requirement: "must be ≥ fast_component_mean (\(fast))")
    }
    guard slowWeight.isFinite, slowWeight >= 0, slowWeight < 1 else {
      throw .invalidParameter(
        mechanism: name, parameter: "slow_weight", value: slowWeight,
        requirement: "must lie in [0, 1)")
    }
    let jobHours = try MechanismError.positive(typicalJobHours, "typical_job_hours", in: name)
    let episodeHours = try MechanismError.positive(
      meanEpisodeHours ?? jobHours, "mean_episode_hours", in: name)
    let factor = slow / fast
    let rate = factor > 1 ? factor * slowWeight / ((1 - slowWeight) * episodeHours) : 0
    return try ContentionModel(
      episodesPerHour: rate, duration: .exponential(meanHours: episodeHours),
      slowdown: .fixed(factor),
      initialState: .stationary)
  }
}
