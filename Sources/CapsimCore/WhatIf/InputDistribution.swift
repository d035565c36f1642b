import RealModule

/// The distribution of one uncertain scenario input, as a planner writes it.
///
/// Every case is sampled through its quantile function (inverse CDF), so plain Monte Carlo and Latin
/// hypercube sampling share one mechanism: a uniform `p` in (0, 1) becomes `quantile(p)`.
/// The 90% interval case reads `{p5, p95}` as Guesstimate and Squiggle do: lognormal when both ends are
/// positive, normal otherwise, with the two ends at the 5th and 95th percentiles.
public enum InputDistribution: Sendable, Hashable, Codable {
  /// Lognormal with the given median and 95th percentile (p95 > median > 0).
  case lognormal(median: Double, p95: Double)
  /// Normal with mean and standard deviation (sd > 0).
  case normal(mean: Double, sd: Double)
  /// Uniform on [low, high] (low < high).
  case uniform(low: Double, high: Double)
  /// Triangular on [low, high] with its mode (low ≤ mode ≤ high, low < high).
  case triangular(low: Double, mode: Double, high: Double)
  /// Beta-PERT on [low, high] with its mode, λ = 4: low + (high − low)·Beta(α, β) with
  /// α = 1 + 4(mode − low)/(high − low), β = 1 + 4(high − mode)/(high − low).
  case pert(low: Double, mode: Double, high: Double)
  /// A 90% interval: p5 and p95 (p5 < p95); lognormal if p5 > 0, else normal.
  case interval90(p5: Double, p95: Double)

  /// Φ⁻¹(0.95).
  static let z95 = 1.644_853_626_951_472_2

  /// Checks the parameters; the message says what is wrong, in the file's terms.
  public func validate() throws(InputDistributionError) {
    func finite(_ values: Double...) throws(InputDistributionError) {
      if values.contains(where: { !$0.isFinite }) {
        throw .invalid("every parameter must be a finite number")
      }
    }
    switch self {
    case .lognormal(let median, let p95):
      try finite(median, p95)
      if median <= 0 { throw .invalid("a lognormal's median must be > 0 (got \(median))") }
      if p95 <= median {
        throw .invalid("a lognormal's p95 (\(p95)) must be above its median (\(median))")
      }
    case .normal(let mean, let sd):
      try finite(mean, sd)
      if sd <= 0 { throw .invalid("a normal's sd must be > 0 (got \(sd))") }
    case .uniform(let low, let high):
      try finite(low, high)
      if low >= high { throw .invalid("a uniform's low (\(low)) must be below its high (\(high))") }
    case .triangular(let low, let mode, let high), .pert(let low, let mode, let high):
      try finite(low, mode, high)
      if low >= high { throw .invalid("low (\(low)) must be below high (\(high))") }
      if mode < low || mode > high {
        throw .invalid("the mode (\(mode)) must lie between low (\(low)) and high (\(high))")
      }
    case .interval90(let p5, let p95):
      try finite(p5, p95)
      if p95 <= p5 { throw .invalid("p95 (\(p95)) must be above p5 (\(p5))") }
    }
  }

  /// The inverse CDF at `p` in (0, 1). Parameters must be valid (see ``validate()``).
  public func quantile(_ p: Double) -> Double {
    switch self {
    case .lognormal(let median, let p95):
      let sigma = Double.log(p95 / median) / Self.z95
      return median * Double.exp(sigma * SpecialFunctions.standardNormalQuantile(p))
    case .normal(let mean, let sd):
      return mean + sd * SpecialFunctions.standardNormalQuantile(p)
    case .uniform(let low, let high):
      return low + (high - low) * p
    case .triangular(let low, let mode, let high):
      let width = high - low
      if p < (mode - low) / width { return low + (p * width * (mode - low)).squareRoot() }
      return high - ((1 - p) * width * (high - mode)).squareRoot()
    case .pert(let low, let mode, let high):
      let (alpha, beta) = Self.pertShape(low: low, mode: mode, high: high)
      return low + (high - low) * SpecialFunctions.inverseRegularizedBeta(alpha, beta, p)
    case .interval90(let p5, let p95):
      let z = SpecialFunctions.standardNormalQuantile(p)
      if p5 > 0 {
        let mu = 0.5 * (Double.log(p5) + Double.log(p95))
        let sigma = (Double.log(p95) - Double.log(p5)) / (2 * Self.z95)
        return Double.exp(mu + sigma * z)
      }
      return 0.5 * (p5 + p95) + (p95 - p5) / (2 * Self.z95) * z
    }
  }

  /// The mean, in closed form.
  public var mean: Double {
    switch self {
    case .lognormal(let median, let p95):
      let sigma = Double.log(p95 / median) / Self.z95
      return median * Double.exp(0.5 * sigma * sigma)
    case .normal(let mean, _): return mean
    case .uniform(let low, let high): return 0.5 * (low + high)
    case .triangular(let low, let mode, let high): return (low + mode + high) / 3
    case .pert(let low, let mode, let high): return (low + 4 * mode + high) / 6
    case .interval90(let p5, let p95):
      if p5 > 0 {
        let sigma = (Double.log(p95) - Double.log(p5)) / (2 * Self.z95)
        return (p5 * p95).squareRoot() * Double.exp(0.5 * sigma * sigma)
      }
      return 0.5 * (p5 + p95)
    }
  }

  /// The median: the base value a scenario keeps in the field.
  public var median: Double { quantile(0.5) }

  /// The low end a tornado moves the input to: its 5th percentile.
  public var low: Double { quantile(0.05) }

  /// The high end a tornado moves the input to: its 95th percentile.
  public var high: Double { quantile(0.95) }

  /// The smallest value the distribution can produce (−∞ for normal ones).
  public var lowerBound: Double {
    switch self {
    case .lognormal: return 0
    case .normal: return -.infinity
    case .uniform(let low, _), .triangular(let low, _, _), .pert(let low, _, _): return low
    case .interval90(let p5, _): return p5 > 0 ? 0 : -.infinity
    }
  }

  /// A short rendering such as `lognormal(median 100, p95 180)`, for reports.
  public var summary: String {
    func f(_ x: Double) -> String { x.formatted(significantDigits: 6) }
    switch self {
    case .lognormal(let m, let p): return "lognormal(median \(f(m)), p95 \(f(p)))"
    case .normal(let m, let s): return "normal(mean \(f(m)), sd \(f(s)))"
    case .uniform(let a, let b): return "uniform(\(f(a)), \(f(b)))"
    case .triangular(let l, let m, let h): return "triangular(\(f(l)), \(f(m)), \(f(h)))"
    case .pert(let l, let m, let h): return "pert(\(f(l)), \(f(m)), \(f(h)))"
    case .interval90(let a, let b):
      return "\(f(a)) to \(f(b)) (90%, \(a > 0 ? "lognormal" : "normal"))"
    }
  }

  static func pertShape(low: Double, mode: Double, high: Double) -> (Double, Double) {
    let width = high - low
    return (1 + 4 * (mode - low) / width, 1 + 4 * (high - mode) / width)
  }
}

extension Double {
  /// Rounded to `digits` significant digits; whole numbers without a decimal point.
  func formatted(significantDigits digits: Int) -> String {
    var value = self
    if value != 0 && value.isFinite {
      let scale = Double.pow(10, Double(digits - 1) - Double.log10(abs(value)).rounded(.down))
      value = (value * scale).rounded() / scale
    }
    if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
  }
}

/// Why an uncertain input's distribution is impossible.
public enum InputDistributionError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The parameters do not describe a distribution; the message says why.
  case invalid(String)

  /// The message.
  public var description: String {
    switch self {
    case .invalid(let message): return message
    }
  }
}

extension SpecialFunctions {
  /// The regularised incomplete beta function I_x(a, b), by the continued fraction of
  /// Numerical Recipes §6.4 (modified Lentz), using the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where it
  /// converges faster. Accurate to about 1e-14 for a, b in the ranges PERT produces (1…5).
  public static func regularizedBeta(_ a: Double, _ b: Double, _ x: Double) -> Double {
    IncompleteBeta(a, b).value(x)
  }

  static func betaContinuedFraction(_ a: Double, _ b: Double, _ x: Double) -> Double {
    let tiny = 1e-300
    var c = 1.0
    var d = 1 - (a + b) * x / (a + 1)
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    for m in 1...300 {
      let m = Double(m)
      let m2 = 2 * m
      var aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2))
      d = 1 + aa * d
      if abs(d) < tiny { d = tiny }
      c = 1 + aa / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      h *= d * c
      aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1))
      d = 1 + aa * d
      if abs(d) < tiny { d = tiny }
      c = 1 + aa / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let step = d * c
      h *= step
      if abs(step - 1) < 1e-16 { break }
    }
    return h
  }

  /// The inverse of ``regularizedBeta(_:_:_:)`` in x: where bisection on [0, 1] (I_x is increasing) ends
  /// after at most 64 halvings, the resolution of a double.
  ///
  /// Most halvings are decided without evaluating I_x (``IncompleteBeta/bracket(_:)``), which halves the time of a
  /// quantile (measured on PERT shapes), and it is the same double as evaluating every halving.
  public static func inverseRegularizedBeta(_ a: Double, _ b: Double, _ p: Double) -> Double {
    if p <= 0 { return 0 }
    if p >= 1 { return 1 }
    let beta = IncompleteBeta(a, b)
    let (below, above) = beta.bracket(p)
    var low = 0.0
    var high = 1.0
    for _ in 0..<64 {
      let mid = 0.5 * (low + high)
      if mid == low || mid == high { break }
      let under = mid <= below ? true : mid >= above ? false : beta.value(mid) < p
      if under { low = mid } else { high = mid }
    }
    return 0.5 * (low + high)
  }
}

/// I_x(a, b) for fixed a and b, with ln Γ(a + b) − ln Γ(a) − ln Γ(b) computed once.
struct IncompleteBeta {
  let a: Double
  let b: Double
  /// ln Γ(a + b) − ln Γ(a) − ln Γ(b), subtracted in that order.
  let logNormaliser: Double

  init(_ a: Double, _ b: Double) {
    self.a = a
    self.b = b
    logNormaliser =
      SpecialFunctions.logGamma(a + b) - SpecialFunctions.logGamma(a)
      - SpecialFunctions.logGamma(b)
  }

  /// I_x(a, b): ``SpecialFunctions/regularizedBeta(_:_:_:)``, the same arithmetic in the same order.
  func value(_ x: Double) -> Double {
    if x <= 0 { return 0 }
    if x >= 1 { return 1 }
    let logFront = logNormaliser + a * Double.log(x) + b * Double.log(1 - x)
    let front = Double.exp(logFront)
    if x < (a + 1) / (a + b + 2) {
      return front * SpecialFunctions.betaContinuedFraction(a, b, x) / a
    }
    return 1 - front * SpecialFunctions.betaContinuedFraction(b, a, 1 - x) / b
  }

  /// Points `below` and `above` around the x where I_x = `p`, such that the computed I_x is below `p`
  /// at every x ≤ `below` and at least `p` at every x ≥ `above`; (0, 1) when they cannot be shown.
  ///
  /// Newton's method (kept inside the interval its steps have bracketed) finds the root to about 1e-12
  /// relative; then I_x just left and just right of it (±1e-12 relative, widened a thousandfold up to
  /// twice) must clear `p` by 1e-13·p + 1e-15. That margin is ten times the error of the computed I_x
  /// (1e-14 relative, and below 1e-16 from the complement 1 − … near 1), so, I_x being increasing, the
  /// computed value stays on the same side of `p` at every point beyond either end.
  func bracket(_ p: Double) -> (below: Double, above: Double) {
    var low = 0.0
    var high = 1.0
    var x = a / (a + b)
    for _ in 0..<40 {
      let f = value(x)
      if f < p { low = x } else { high = x }
      let density = Double.exp(
        logNormaliser + (a - 1) * Double.log(x) + (b - 1) * Double.log(1 - x))
      var next = x - (f - p) / density
      if !(next > low && next < high) { next = 0.5 * (low + high) }
      let step = Swift.abs(next - x)
      x = next
      if step <= 1e-12 * x { break }
    }
    let margin = 1e-13 * p + 1e-15
    var delta = 1e-12 * x
    for _ in 0..<3 {
      let below = x - delta
      let above = x + delta
      let belowHolds = below <= 0 || value(below) < p - margin
      let aboveHolds = above >= 1 || value(above) >= p + margin
      if belowHolds && aboveHolds { return (Swift.max(0, below), Swift.min(1, above)) }
      delta *= 1000
    }
    return (0, 1)
  }
}
