/// A finite mixture: with probability wᵢ, X is drawn from component i.
///
/// cdf F(x) = Σ wᵢFᵢ(x), density Σ wᵢfᵢ(x), mean Σ wᵢμᵢ, variance Σ wᵢ(σᵢ² + μᵢ²) − μ².
/// The quantile has no closed form: it is bracketed by the smallest and largest component
/// quantiles at p (F lies between them for continuous components) and found by bisection on F to
/// 1e-12 relative. Components are existentials, so the mixture is not `Hashable` or `Codable`;
/// store its parts (for example as ``ParametricDistribution`` values and weights) instead.
public struct MixtureDistribution: ContinuousDistribution {
  /// The components with their weights, normalised to sum to 1.
  public let components: [(weight: Double, distribution: any ContinuousDistribution)]
  /// Cumulative normalised weights; the last is exactly 1.
  private let cumulativeWeights: [Double]

  /// Creates the mixture, normalising the weights.
  ///
  /// - Throws: ``DistributionError/emptyMixture``; ``DistributionError/invalidWeight(index:value:)``
  ///   for a negative, NaN or infinite weight, or (index −1) if the weights sum to 0.
  /// - Complexity: O(k) for k components.
  public init(
    components: [(weight: Double, distribution: any ContinuousDistribution)]
  ) throws(DistributionError) {
    guard !components.isEmpty else { throw .emptyMixture }
    for (index, component) in components.enumerated()
    where !(component.weight.isFinite && component.weight >= 0) {
      throw .invalidWeight(index: index, value: component.weight)
    }
    let total = components.reduce(0) { $0 + $1.weight }
    guard total > 0, total.isFinite else { throw .invalidWeight(index: -1, value: total) }
    self.components = components.map { (weight: $0.weight / total, distribution: $0.distribution) }
    var running = 0.0
    var cumulative = self.components.map { component -> Double in
      running += component.weight
      return running
    }
    cumulative[cumulative.count - 1] = 1
    self.cumulativeWeights = cumulative
  }

  /// Σ wᵢμᵢ.
  public var mean: Double {
    components.reduce(0) { $0 + $1.weight * $1.distribution.mean }
  }

  /// Σ wᵢ(σᵢ² + (μᵢ − μ)²) (the law of total variance).
  public var variance: Double {
    let overall = mean
    return components.reduce(0) { sum, component in
      let offset = component.distribution.mean - overall
      return sum + component.weight * (component.distribution.variance + offset * offset)
    }
  }

  /// Σ wᵢfᵢ(x). - Complexity: O(k).
  public func pdf(_ x: Double) -> Double {
    components.reduce(0) { $0 + $1.weight * $1.distribution.pdf(x) }
  }

  /// Σ wᵢFᵢ(x). - Complexity: O(k).
  public func cdf(_ x: Double) -> Double {
    Swift.min(1, components.reduce(0) { $0 + $1.weight * $1.distribution.cdf(x) })
  }

  /// Σ wᵢ(1 − Fᵢ(x)), from each component's survival function. - Complexity: O(k).
  public func survival(_ x: Double) -> Double {
    Swift.min(1, components.reduce(0) { $0 + $1.weight * $1.distribution.survival(x) })
  }

  /// The smallest x with F(x) ≥ p, to 1e-12 relative; at p = 0 and 1 the extreme component
  /// quantiles; NaN outside [0, 1]. - Complexity: O(k · 50) cdf evaluations.
  public func quantile(_ p: Double) -> Double {
    guard p >= 0, p <= 1 else { return .nan }
    let active = components.filter { $0.weight > 0 }
    let bounds = active.map { $0.distribution.quantile(p) }
    let lower = bounds.min() ?? .nan
    let upper = bounds.max() ?? .nan
    if p == 0 { return lower }
    if p == 1 { return upper }
    if lower == upper { return lower }
    return QuantileSolver.invert(p, lower: lower, upper: upper, cdf: cdf)
  }

  /// Picks component i with probability wᵢ (one uniform), then draws from it.
  /// - Complexity: O(log k) plus the component's draw.
  public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
    let u = generator.nextUnitDouble()
    var low = 0
    var high = cumulativeWeights.count - 1
    while low < high {
      let middle = (low + high) / 2
      if u < cumulativeWeights[middle] { high = middle } else { low = middle + 1 }
    }
    return components[low].distribution.sample(using: &generator)
  }
}
