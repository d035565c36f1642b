import RealModule

extension EmpiricalDistribution {
  private var count: Double { Double(sortedValues.count) }
  private var isSmoothed: Bool { bandwidth > 0 }

  /// Plain: the ECDF mean (1/n)Σxᵢ. Smoothed: see the type's documentation. - Complexity: O(n).
  public var mean: Double {
    if !isSmoothed || !reflectsAtZero { return sortedValues.reduce(0, +) / count }
    var sum = 0.0
    for value in sortedValues {
      let z = value / bandwidth
      sum +=
        value * (1 - 2 * SpecialFunctions.standardNormalCDF(-z))
        + 2 * bandwidth * SpecialFunctions.standardNormalPDF(z)
    }
    return sum / count
  }

  /// Plain: (1/n)Σ(xᵢ − x̄)². Smoothed: E[X²] − E[X]² with E[X²] = (1/n)Σxᵢ² + h².
  /// - Complexity: O(n).
  public var variance: Double {
    let sampleMean = sortedValues.reduce(0, +) / count
    let centred = sortedValues.reduce(0) { $0 + ($1 - sampleMean) * ($1 - sampleMean) } / count
    if !isSmoothed { return centred }
    if !reflectsAtZero { return centred + bandwidth * bandwidth }
    let secondMoment = centred + sampleMean * sampleMean + bandwidth * bandwidth
    let smoothedMean = mean
    return secondMoment - smoothedMean * smoothedMean
  }

  /// Plain: 0 (the ECDF has no density). Smoothed: the kernel density estimate (reflected at 0 for
  /// positive data, 0 below 0). NaN for NaN. - Complexity: O(n).
  public func pdf(_ x: Double) -> Double {
    if x.isNaN { return .nan }
    if !isSmoothed || (reflectsAtZero && x < 0) || x.isInfinite { return 0 }
    var sum = 0.0
    for value in sortedValues {
      sum += SpecialFunctions.standardNormalPDF((x - value) / bandwidth)
      if reflectsAtZero { sum += SpecialFunctions.standardNormalPDF((x + value) / bandwidth) }
    }
    return sum / (count * bandwidth)
  }

  /// Plain: the ECDF #{xᵢ ≤ x}/n (O(log n)). Smoothed: (1/n)Σ[Φ((x − xᵢ)/h) − Φ((−x − xᵢ)/h)]
  /// for x ≥ 0 with reflection, (1/n)ΣΦ((x − xᵢ)/h) without (O(n)). NaN for NaN.
  public func cdf(_ x: Double) -> Double {
    if x.isNaN { return .nan }
    if !isSmoothed { return Double(countAtOrBelow(x)) / count }
    if x == .infinity { return 1 }
    if x == -.infinity || (reflectsAtZero && x <= 0) { return 0 }
    var sum = 0.0
    for value in sortedValues {
      sum += SpecialFunctions.standardNormalCDF((x - value) / bandwidth)
      if reflectsAtZero { sum -= SpecialFunctions.standardNormalCDF((-x - value) / bandwidth) }
    }
    return Swift.min(1, Swift.max(0, sum / count))
  }

  /// Plain: #{xᵢ > x}/n. Smoothed: 1 − cdf. - Complexity: as ``cdf(_:)``.
  public func survival(_ x: Double) -> Double {
    if x.isNaN { return .nan }
    if !isSmoothed { return Double(sortedValues.count - countAtOrBelow(x)) / count }
    return 1 - cdf(x)
  }

  /// Plain: Hyndman–Fan type 7 (Excel PERCENTILE.INC; p = 0 gives the minimum, p = 1 the maximum).
  /// Smoothed: the inverse of the smoothed cdf by bisection to 1e-12 relative (0 or −∞ at p = 0,
  /// +∞ at p = 1). NaN outside [0, 1]. - Complexity: O(1) plain; O(n · 45) smoothed.
  public func quantile(_ p: Double) -> Double {
    guard p >= 0, p <= 1 else { return .nan }
    if !isSmoothed { return Self.typeSevenQuantile(sortedValues, p) }
    if p == 0 { return reflectsAtZero ? 0 : -.infinity }
    if p == 1 { return .infinity }
    let z = SpecialFunctions.standardNormalQuantile(p)
    let lower = (sortedValues.first ?? 0) + bandwidth * Swift.min(z, 0) - bandwidth
    let upper = (sortedValues.last ?? 0) + bandwidth * Swift.max(z, 0) + bandwidth
    return QuantileSolver.invert(
      p, lower: reflectsAtZero ? Swift.max(0, lower) : lower, upper: upper, cdf: cdf)
  }

  /// A bootstrap draw: a uniformly chosen value, plus h·Z when smoothed (reflected to |·| for
  /// positive data). Consumes one index draw and, when smoothed, one standard normal.
  /// - Complexity: O(1).
  public func sample<G: RandomNumberGenerator>(using generator: inout G) -> Double {
    let value = sortedValues[generator.nextIndex(below: sortedValues.count)]
    if !isSmoothed { return value }
    let draw = value + bandwidth * generator.nextStandardNormal()
    return reflectsAtZero && draw < 0 ? -draw : draw
  }
}
