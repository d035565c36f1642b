/// How the step time of a synchronous job grows with its GPU count: one row of ``StragglerModel/growthTable(gpuCounts:)``.
public struct StragglerGrowthRow: Sendable, Hashable, Codable {
  /// Workers per step, G.
  public var gpus: Int
  /// E[M_G], the mean step time.
  public var mean: Double
  /// √Var[M_G].
  public var standardDeviation: Double
  /// √Var[M_G] / E[M_G].
  public var coefficientOfVariation: Double
  /// E[M_G] / E[X]: the slowdown of the mean step relative to one worker.
  public var meanAmplification: Double

  /// Creates a row.
  public init(
    gpus: Int, mean: Double, standardDeviation: Double, coefficientOfVariation: Double,
    meanAmplification: Double
  ) {
    self.gpus = gpus
    self.mean = mean
    self.standardDeviation = standardDeviation
    self.coefficientOfVariation = coefficientOfVariation
    self.meanAmplification = meanAmplification
  }
}

extension StragglerModel {
  /// The GPU counts of the report's straggler table.
  public static let reportGPUCounts = [1, 2, 4, 8, 16, 32, 64]

  /// The same per-worker step distribution evaluated at other GPU counts: mean, standard deviation, CoV and mean
  /// amplification of the slowest-of-G step time for each G in `gpuCounts` (in the given order).
  ///
  /// For light tails the mean grows like the G-th worker's upper quantile (about ln G standard deviations for an
  /// exponential, √(2 ln G) for a normal), while the spread of the maximum shrinks or grows slowly, so the CoV of a
  /// step generally falls with G even as the mean rises.
  ///
  /// - Throws: ``MechanismError`` if a count is < 1 or the moments are not finite.
  /// - Complexity: one model set-up per count (a few hundred quantile evaluations, or O(n) for a sample set).
  public func growthTable(gpuCounts: [Int] = StragglerModel.reportGPUCounts) throws(MechanismError)
    -> [StragglerGrowthRow]
  {
    var rows: [StragglerGrowthRow] = []
    rows.reserveCapacity(gpuCounts.count)
    for count in gpuCounts {
      let model = try withGPUs(count)
      rows.append(
        StragglerGrowthRow(
          gpus: count, mean: model.maxMean, standardDeviation: model.maxStandardDeviation,
          coefficientOfVariation: model.maxCoefficientOfVariation,
          meanAmplification: model.meanAmplification))
    }
    return rows
  }

  /// This model with `gpus` workers instead.
  ///
  /// - Throws: ``MechanismError`` as the initialisers do.
  public func withGPUs(_ gpus: Int) throws(MechanismError) -> StragglerModel {
    switch source {
    case .distribution(let step):
      return try StragglerModel(step: step, gpus: gpus, exactStepLimit: exactStepLimit)
    case .samples(let sorted):
      return try StragglerModel(stepSamples: sorted, gpus: gpus, exactStepLimit: exactStepLimit)
    }
  }
}
