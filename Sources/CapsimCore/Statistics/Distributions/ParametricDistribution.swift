/// A distribution from one of the ``DistributionFamily`` families, by name and parameters, with an
/// optional shift: the value scenario files and the database store, and what fitting returns.
///
/// Built from a family and a parameter dictionary such as `["mu": 0.1, "sigma": 0.2]` (see
/// ``DistributionFamily/parameterNames``), validated once, and usable directly as a
/// ``ContinuousDistribution`` (X = shift + Y, Y from the family). Encodes as
/// `{"family": "lognormal", "parameters": {"mu": 0.1, "sigma": 0.2}, "shift": 0}`.
public struct ParametricDistribution: ContinuousDistribution, Hashable, Codable {
  /// The concrete distribution of Y.
  enum Base: Hashable, Sendable {
    case normal(NormalDistribution)
    case lognormal(LogNormalDistribution)
    case gamma(GammaDistribution)
    case weibull(WeibullDistribution)
    case exponential(ExponentialDistribution)
  }

  /// The validated concrete distribution.
  let base: Base
  /// The constant added to every value (0 for none).
  public let shift: Double

  /// Creates the distribution of `family` from named parameters (aliases such as `sigma` for a
  /// normal's `standardDeviation` are accepted and stored under the canonical name).
  ///
  /// - Throws: ``DistributionError/missingParameter(name:family:expected:)``,
  ///   ``DistributionError/unknownParameter(name:family:expected:)`` (its diagnostic suggests the
  ///   nearest name), or ``DistributionError/invalidParameter(name:value:requirement:)`` naming
  ///   the parameter that is out of range; also for a non-finite `shift`.
  public init(
    family: DistributionFamily, parameters: [String: Double], shift: Double = 0
  ) throws(DistributionError) {
    var canonical: [String: Double] = [:]
    for name in parameters.keys.sorted() {
      let value = parameters[name] ?? .nan
      let resolved = family.parameterNames.contains(name) ? name : family.parameterAliases[name]
      guard let resolved else {
        throw .unknownParameter(
          name: name, family: family.rawValue, expected: family.parameterNames)
      }
      if canonical[resolved] != nil {
        throw .invalidParameter(
          name: name, value: value, requirement: "given once (it is another name for '\(resolved)')"
        )
      }
      canonical[resolved] = value
    }
    func value(_ name: String) throws(DistributionError) -> Double {
      guard let found = canonical[name] else {
        throw .missingParameter(
          name: name, family: family.rawValue, expected: family.parameterNames)
      }
      return found
    }
    try DistributionError.requireFinite(shift, name: "shift")
    switch family {
    case .normal:
      base = .normal(
        try NormalDistribution(
          mean: value("mean"), standardDeviation: value("standardDeviation")))
    case .lognormal:
      base = .lognormal(try LogNormalDistribution(mu: value("mu"), sigma: value("sigma")))
    case .gamma:
      base = .gamma(try GammaDistribution(shape: value("shape"), scale: value("scale")))
    case .weibull:
      base = .weibull(try WeibullDistribution(shape: value("shape"), scale: value("scale")))
    case .exponential:
      base = .exponential(try ExponentialDistribution(rate: value("rate")))
    }
    self.shift = shift
  }

  /// Wraps a validated normal distribution.
  public init(_ distribution: NormalDistribution) {
    base = .normal(distribution)
    shift = 0
  }
  /// Wraps a validated log-normal distribution.
  public init(_ distribution: LogNormalDistribution) {
    base = .lognormal(distribution)
    shift = 0
  }
  /// Wraps a validated gamma distribution.
  public init(_ distribution: GammaDistribution) {
    base = .gamma(distribution)
    shift = 0
  }
  /// Wraps a validated Weibull distribution.
  public init(_ distribution: WeibullDistribution) {
    base = .weibull(distribution)
    shift = 0
  }
  /// Wraps a validated exponential distribution.
  public init(_ distribution: ExponentialDistribution) {
    base = .exponential(distribution)
    shift = 0
  }

  /// The family.
  public var family: DistributionFamily {
    switch base {
    case .normal: .normal
    case .lognormal: .lognormal
    case .gamma: .gamma
    case .weibull: .weibull
    case .exponential: .exponential
    }
  }

  /// The parameters under their canonical names.
  public var parameters: [String: Double] {
    switch base {
    case .normal(let d): ["mean": d.mean, "standardDeviation": d.standardDeviation]
    case .lognormal(let d): ["mu": d.mu, "sigma": d.sigma]
    case .gamma(let d): ["shape": d.shape, "scale": d.scale]
    case .weibull(let d): ["shape": d.shape, "scale": d.scale]
    case .exponential(let d): ["rate": d.rate]
    }
  }

  /// The unshifted concrete distribution (Y) as an existential.
  public var baseDistribution: any ContinuousDistribution {
    switch base {
    case .normal(let d): d
    case .lognormal(let d): d
    case .gamma(let d): d
    case .weibull(let d): d
    case .exponential(let d): d
    }
  }

  /// The same family and parameters moved by `shift` (replacing any previous shift).
  /// - Throws: ``DistributionError/invalidParameter(name:value:requirement:)`` if not finite.
  public func shifted(by shift: Double) throws(DistributionError) -> ParametricDistribution {
    try DistributionError.requireFinite(shift, name: "shift")
    return ParametricDistribution(base: base, shift: shift)
  }

  private init(base: Base, shift: Double) {
    self.base = base
    self.shift = shift
  }
}
