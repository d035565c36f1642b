import RealModule

/// Stragglers in synchronous data-parallel training: each step waits for the slowest of G workers.
///
/// If one worker's step time has cdf F and the G workers are independent, the step time is their maximum,
/// with cdf F(x)^G. It is sampled by inversion with one uniform instead of G draws:
///
///   M_G = F⁻¹(U^{1/G}),  U ~ Uniform(0, 1)
///
/// (for a bootstrap sample set of n sorted values, index ⌊n·U^{1/G}⌋, which is exact for the discrete
/// distribution). The mean m_G = ∫₀¹ F⁻¹(u^{1/G}) du and variance v_G of the maximum are computed once at
/// set-up (tanh–sinh quadrature, or exactly for a sample set), see ``maxMean`` and ``maxVariance``.
///
/// A job of S steps takes the sum of S independent step maxima: drawn exactly for S ≤ ``exactStepLimit``,
/// and otherwise by the central limit theorem as Normal(S·m_G, S·v_G) (one normal draw), floored at 0.
///
/// **Assumptions:** workers are independent and identically distributed within a step (no shared cause such as a
/// network stall), and steps are independent (no persistent slow GPU). A persistently slow GPU is a run-level
/// effect and belongs in the run-level speed draw, not here.
///
/// References: H. A. David, H. N. Nagaraja, *Order Statistics*, 3rd ed., Wiley 2003, doi:10.1002/0471722162
/// (distribution of the maximum); J. Dean, L. A. Barroso, "The tail at scale", CACM 56(2) 2013,
/// doi:10.1145/2408776.2408794 (why the slowest of many matters).
///
/// ## Topics
/// - ``init(step:gpus:exactStepLimit:)``, ``init(stepSamples:gpus:exactStepLimit:)``
/// - ``sampleStep(using:)``, ``sampleJobSeconds(steps:using:)``
/// - ``growthTable(gpuCounts:)``
public struct StragglerModel: Sendable {
  /// Where per-worker step times come from.
  enum Source: Sendable {
    case distribution(any ContinuousDistribution)
    case samples([Double])
  }

  /// Mechanism name used in error messages.
  static let name = "stragglers"

  let source: Source
  /// Synchronous workers (GPUs) per step, G ≥ 1.
  public let gpus: Int
  /// Largest step count summed exactly by ``sampleJobSeconds(steps:using:)``; above it the normal approximation
  /// is used. With S > 64 the skewness of the sum is that of one step divided by √S < 1/8.
  public let exactStepLimit: Int
  /// E[M_G], the mean step time with G workers (seconds, or the unit of the step distribution).
  public let maxMean: Double
  /// Var[M_G], the variance of the step time with G workers.
  public let maxVariance: Double
  /// Mean of one worker's step time, E[X] = m₁.
  public let workerMean: Double
  /// Relative change between the last two quadrature levels: an estimate of the relative error of
  /// ``maxMean``/``maxVariance`` (0 for a sample set, where the moments are exact).
  public let integrationError: Double
  @usableFromInline let inverseGPUs: Double
  @usableFromInline let jobStandardDeviationPerRootStep: Double

  // MARK: - Creating a model

  /// A model for a per-worker step-time distribution.
  ///
  /// - Throws: ``MechanismError/invalidParameter(mechanism:parameter:value:requirement:)`` if `gpus` < 1 or
  ///   `exactStepLimit` < 0; ``MechanismError/undefinedMoment(mechanism:message:)`` if `step`'s mean or variance is
  ///   not finite (then the maximum's variance need not exist) or the quadrature does not give finite moments.
  /// - Complexity: O(1) memory; a few hundred `step.quantile` evaluations.
  public init(step: some ContinuousDistribution, gpus: Int, exactStepLimit: Int = 64)
    throws(MechanismError)
  {
    try Self.validate(gpus: gpus, exactStepLimit: exactStepLimit)
    guard step.mean.isFinite, step.variance.isFinite, step.variance >= 0 else {
      throw .undefinedMoment(
        mechanism: Self.name,
        message:
          "the per-worker step time has mean \(step.mean) and variance \(step.variance); both must be finite"
      )
    }
    let moments = MaximumMoments.integrate(quantile: step.quantile, gpus: gpus, shift: step.mean)
    try self.init(
      source: .distribution(step), gpus: gpus, exactStepLimit: exactStepLimit, moments: moments,
      workerMean: step.mean)
  }

  /// A model for a bootstrap sample set of per-worker step times (each worker draws one value uniformly).
  ///
  /// The maximum's moments are exact: P(M_G = x₍ᵢ₎) = (i/n)^G − ((i−1)/n)^G over the sorted values.
  ///
  /// - Throws: ``MechanismError/invalidParameter(mechanism:parameter:value:requirement:)`` if `stepSamples` is empty or
  ///   holds a value that is negative, NaN or infinite, if `gpus` < 1 or if `exactStepLimit` < 0.
  /// - Complexity: O(n log n) once (sorting); the model keeps one sorted copy.
  public init(stepSamples: [Double], gpus: Int, exactStepLimit: Int = 64) throws(MechanismError) {
    try Self.validate(gpus: gpus, exactStepLimit: exactStepLimit)
    guard !stepSamples.isEmpty else {
      throw .invalidParameter(
        mechanism: Self.name, parameter: "step_samples", value: 0,
        requirement: "must hold at least one value")
    }
    for value in stepSamples {
      _ = try MechanismError.positive(value, "step_samples", in: Self.name, allowZero: true)
    }
    let sorted = stepSamples.sorted()
    let moments = MaximumMoments.empirical(sorted: sorted, gpus: gpus)
    try self.init(
      source: .samples(sorted), gpus: gpus, exactStepLimit: exactStepLimit, moments: moments,
      workerMean: sorted.reduce(0, +) / Double(sorted.count))
  }

  private init(
    source: Source, gpus: Int, exactStepLimit: Int, moments: MaximumMoments.Result,
    workerMean: Double
  ) throws(MechanismError) {
    guard moments.mean.isFinite, moments.variance.isFinite else {
      throw .undefinedMoment(
        mechanism: Self.name,
        message:
          "the slowest-of-\(gpus) step time has mean \(moments.mean) and variance \(moments.variance)"
      )
    }
    self.source = source
    self.gpus = gpus
    self.exactStepLimit = exactStepLimit
    self.maxMean = moments.mean
    self.maxVariance = moments.variance
    self.workerMean = workerMean
    self.integrationError = moments.relativeChange
    self.inverseGPUs = 1 / Double(gpus)
    self.jobStandardDeviationPerRootStep = moments.variance.squareRoot()
  }

  private static func validate(gpus: Int, exactStepLimit: Int) throws(MechanismError) {
    guard gpus >= 1 else {
      throw .invalidParameter(
        mechanism: name, parameter: "gpus", value: Double(gpus), requirement: "must be ≥ 1")
    }
    guard exactStepLimit >= 0 else {
      throw .invalidParameter(
        mechanism: name, parameter: "exact_step_limit", value: Double(exactStepLimit),
        requirement: "must be ≥ 0")
    }
  }

  // MARK: - Derived quantities

  /// Standard deviation of the G-worker step time, √v_G.
  public var maxStandardDeviation: Double { jobStandardDeviationPerRootStep }

  /// Coefficient of variation of the G-worker step time, √v_G / m_G (NaN when m_G = 0).
  public var maxCoefficientOfVariation: Double {
    maxMean != 0 ? maxStandardDeviation / maxMean : .nan
  }

  /// How much slower the mean step is than one worker's mean: m_G / m₁ (≥ 1; NaN when m₁ = 0).
  public var meanAmplification: Double { workerMean != 0 ? maxMean / workerMean : .nan }

  // MARK: - Sampling

  /// One step time with G workers: F⁻¹(U^{1/G}) for one uniform U in (0, 1).
  ///
  /// U^{1/G} is computed as exp(ln U / G) and capped at 1 − 2⁻⁵³ so that unbounded quantile functions stay finite.
  ///
  /// - Complexity: O(1): one uniform, one log and one exp (none when G = 1), one quantile evaluation
  ///   (O(1) for a sample set); allocates nothing.
  @inlinable
  public func sampleStep<G: RandomNumberGenerator>(using generator: inout G) -> Double {
    let u = generator.nextOpenUnitDouble()
    return stepTime(atUniform: u)
  }

  /// The step time for the uniform `u` (the inversion map), exposed for common-random-number use.
  public func stepTime(atUniform u: Double) -> Double {
    var p = gpus == 1 ? u : Double.exp(Double.log(u) * inverseGPUs)
    p = Swift.min(Swift.max(p, 0x1p-1074), 1 - 0x1p-53)
    switch source {
    case .distribution(let step):
      return step.quantile(p)
    case .samples(let sorted):
      return sorted[Swift.min(sorted.count - 1, Int(Double(sorted.count) * p))]
    }
  }

  /// The wall time of a job of `steps` synchronous steps: the sum of `steps` step times.
  ///
  /// Exact (a sum of independent ``sampleStep(using:)`` draws) when `steps` ≤ ``exactStepLimit``; otherwise
  /// max(0, S·m_G + √(S·v_G)·Z) with Z standard normal (central limit theorem). Returns 0 when `steps` ≤ 0.
  ///
  /// - Complexity: O(min(S, exactStepLimit)) draws; allocates nothing.
  @inlinable
  public func sampleJobSeconds<G: RandomNumberGenerator>(steps: Int, using generator: inout G)
    -> Double
  {
    guard steps > 0 else { return 0 }
    if steps <= exactStepLimit {
      var total = 0.0
      for _ in 0..<steps { total += stepTime(atUniform: generator.nextOpenUnitDouble()) }
      return total
    }
    let s = Double(steps)
    return Swift.max(
      0,
      s * maxMean + s.squareRoot() * jobStandardDeviationPerRootStep
        * generator.nextStandardNormal())
  }
}
