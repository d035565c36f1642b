import RealModule

/// Mean and variance of the maximum of G independent copies of a random variable, computed once at set-up.
///
/// For a per-worker quantile function Q = F⁻¹ the maximum M_G has quantile Q(u^{1/G}); substituting
/// v = u^{1/G} gives
///
///   E[M_G] = ∫₀¹ Q(v) · G v^{G−1} dv,   E[(M_G − c)²] = ∫₀¹ (Q(v) − c)² · G v^{G−1} dv,
///
/// with the shift c = E[X] so that Var = E[(M_G − c)²] − (E[M_G] − c)² does not cancel catastrophically.
enum MaximumMoments {
  /// The result of one integration.
  struct Result {
    var mean: Double
    var variance: Double
    /// Relative change of the two integrals between the last two refinement levels (an error estimate).
    var relativeChange: Double
  }

  /// Largest tanh–sinh abscissa t on the upper side: π·sinh(t) ≤ 34.5 keeps 1 − v ≥ 1e-15, so v is still
  /// distinguishable from 1 in double precision and Q(v) stays finite.
  static let upperLimit = Double.asinh(34.5 / .pi)
  /// Lower side: v ≥ e^{−80} ≈ 1.8e-35 (the weight G v^{G−1}·dv/dt is negligible beyond).
  static let lowerLimit = -Double.asinh(80 / .pi)

  /// Tanh–sinh (double-exponential) quadrature of the two integrals above on (0, 1): v(t) = 1/(1 + e^{−π sinh t}),
  /// dv/dt = π cosh t · v(1 − v), trapezoid rule in t with step h = 2^{−k}, halving h until both integrals change
  /// by less than 1e-10 relatively (at least 3 levels, at most 12). The method tolerates the endpoint
  /// singularities of unbounded quantile functions (Takahasi & Mori 1974, doi:10.2977/prims/1195192451).
  ///
  /// Accuracy: the truncation at 1 − v = 1e-15 drops G·∫_{1−1e-15}^{1} Q(v)² dv, below 1e-8 relative for tails
  /// no heavier than a lognormal with σ ≈ 1; a step-function Q (an empirical distribution) converges only
  /// algebraically, which `relativeChange` then shows.
  ///
  /// - Complexity: O(2^k) quantile evaluations, typically 100–400; once per model.
  static func integrate(quantile: (Double) -> Double, gpus: Int, shift: Double) -> Result {
    let g = Double(gpus)
    func weight(_ t: Double) -> (v: Double, w: Double) {
      let e = Double.exp(-Double.pi * Double.sinh(t))
      let v = 1 / (1 + e)
      let complement = e / (1 + e)
      let density = g * (gpus == 1 ? 1 : Double.exp((g - 1) * Double.log(v)))
      return (v, Double.pi * Double.cosh(t) * v * complement * density)
    }
    var first = 0.0
    var second = 0.0
    func add(_ t: Double) {
      let (v, w) = weight(t)
      guard w > 0 else { return }
      let x = quantile(v) - shift
      guard x.isFinite else { return }
      first += w * x
      second += w * x * x
    }
    // Level 0: integer abscissae.
    var t = 0.0
    while t <= upperLimit {
      add(t)
      t += 1
    }
    t = -1
    while t >= lowerLimit {
      add(t)
      t -= 1
    }
    var h = 1.0
    var previous = (first * h, second * h)
    var change = Double.infinity
    for level in 1...12 {
      h /= 2
      var odd = h
      while odd <= upperLimit {
        add(odd)
        odd += 2 * h
      }
      odd = -h
      while odd >= lowerLimit {
        add(odd)
        odd -= 2 * h
      }
      let current = (first * h, second * h)
      let scale = Swift.max(abs(current.0) + abs(shift), Double.leastNormalMagnitude)
      change = Swift.max(
        abs(current.0 - previous.0) / scale,
        abs(current.1 - previous.1) / Swift.max(abs(current.1), Double.leastNormalMagnitude))
      previous = current
      if level >= 3 && change < 1e-10 { break }
    }
    let meanOffset = previous.0
    return Result(
      mean: shift + meanOffset, variance: Swift.max(0, previous.1 - meanOffset * meanOffset),
      relativeChange: change)
  }

  /// Exact moments of the maximum of G bootstrap draws from `sorted` (ascending, n values):
  /// P(M_G = x₍ᵢ₎) = (i/n)^G − ((i−1)/n)^G.
  ///
  /// - Complexity: O(n).
  static func empirical(sorted: [Double], gpus: Int) -> Result {
    let n = Double(sorted.count)
    let g = Double(gpus)
    let shift = sorted.reduce(0, +) / n
    var below = 0.0
    var first = 0.0
    var second = 0.0
    for (index, value) in sorted.enumerated() {
      let upTo = Double.pow(Double(index + 1) / n, g)
      let p = upTo - below
      below = upTo
      let x = value - shift
      first += p * x
      second += p * x * x
    }
    return Result(
      mean: shift + first, variance: Swift.max(0, second - first * first), relativeChange: 0)
  }
}
