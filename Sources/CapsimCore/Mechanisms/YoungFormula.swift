/// Young's first-order optimum checkpoint interval.
///
/// Reference: J. W. Young, "A first order approximation to the optimum checkpoint interval", Communications of the
/// ACM 17(9), 1974, 530–531, doi:10.1145/361147.361115.
public enum YoungFormula {
  /// τ_opt = √(2δM), for checkpoint cost δ ≥ 0 and mean time between interruptions M > 0 (+∞ gives +∞, or 0 when
  /// δ = 0). Accurate when δ ≪ M; ``DalyFormula/optimalInterval(checkpointHours:meanTimeBetweenInterruptions:)``
  /// adds the higher-order terms.
  ///
  /// - Throws: ``MechanismError/invalidParameter(mechanism:parameter:value:requirement:)`` unless δ is finite and ≥ 0
  ///   and M > 0.
  /// - Complexity: O(1).
  public static func optimalInterval(
    checkpointHours: Double, meanTimeBetweenInterruptions: Double
  ) throws(MechanismError) -> Double {
    let delta = try MechanismError.positive(
      checkpointHours, "checkpoint_hours", in: DalyFormula.name, allowZero: true)
    let m = try DalyFormula.meanTime(meanTimeBetweenInterruptions)
    guard delta > 0 else { return 0 }
    return (2 * delta * m).squareRoot()
  }
}
