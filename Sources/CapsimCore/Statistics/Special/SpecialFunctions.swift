import RealModule

/// Special functions used by capsim's distributions and fitting: gamma-family functions, the error
/// function, the normal cdf and its inverse, and the regularized incomplete gamma function.
///
/// All functions are pure, take and return `Double`, and never trap: arguments outside a function's
/// domain give NaN, as the C library does.
///
/// ## Topics
/// - ``logGamma(_:)``, ``digamma(_:)``, ``trigamma(_:)``
/// - ``erf(_:)``, ``erfc(_:)``, ``standardNormalCDF(_:)``, ``standardNormalQuantile(_:)``
/// - ``regularizedGammaP(_:_:)``, ``regularizedGammaQ(_:_:)``, ``inverseRegularizedGammaP(_:_:)``
public enum SpecialFunctions {
  // MARK: - Gamma family

  /// ln |Γ(x)|, from RealModule's `Double.logGamma` (the platform's `lgamma`).
  ///
  /// Domain: all reals; +∞ at the poles x = 0, −1, −2, …; NaN for NaN; +∞ for ±∞.
  /// Accuracy: a few ulps (glibc). - Complexity: O(1).
  @inlinable
  public static func logGamma(_ x: Double) -> Double {
    Double.logGamma(x)
  }

  /// The digamma function ψ(x) = d/dx ln Γ(x).
  ///
  /// For x < 10 the recurrence ψ(x) = ψ(x + 1) − 1/x moves the argument to x ≥ 10, where the
  /// asymptotic series ψ(x) = ln x − 1/(2x) − Σ B₂ₖ/(2k x²ᵏ) (seven terms, truncation < 1e-16)
  /// applies. Negative non-integer x uses the reflection ψ(1 − x) − ψ(x) = π cot(πx).
  /// Domain: x ∉ {0, −1, −2, …} (NaN there); ψ(+∞) = +∞; NaN for NaN and −∞.
  /// Absolute accuracy about 1e-15 (relative accuracy degrades only near the root x ≈ 1.4616).
  ///
  /// Reference: Abramowitz & Stegun, *Handbook of Mathematical Functions*, 6.3.18 and 6.3.7.
  /// - Complexity: O(1) (at most 10 recurrence steps).
  public static func digamma(_ x: Double) -> Double {
    if x.isNaN || x == -.infinity { return .nan }
    if x == .infinity { return .infinity }
    if x <= 0 {
      if x == x.rounded(.down) { return .nan }
      return digamma(1 - x) - Double.pi / Double.tan(Double.pi * x)
    }
    var value = x
    var result = 0.0
    while value < 10 {
      result -= 1 / value
      value += 1
    }
    let inverseSquare = 1 / (value * value)
    // B₂ₖ/(2k): 1/12, −1/120, 1/252, −1/240, 1/132, −691/32760, 1/12.
    let series =
      inverseSquare
      * (1.0 / 12
        - inverseSquare
        * (1.0 / 120
          - inverseSquare
          * (1.0 / 252
            - inverseSquare
            * (1.0 / 240
              - inverseSquare
              * (1.0 / 132 - inverseSquare * (691.0 / 32760 - inverseSquare / 12))))))
    return result + Double.log(value) - 0.5 / value - series
  }

  /// The trigamma function ψ′(x) = d²/dx² ln Γ(x).
  ///
  /// Recurrence ψ′(x) = ψ′(x + 1) + 1/x² up to x ≥ 10, then the asymptotic series
  /// ψ′(x) = 1/x + 1/(2x²) + Σ B₂ₖ/x²ᵏ⁺¹. Negative non-integer x uses the reflection
  /// ψ′(1 − x) + ψ′(x) = π²/sin²(πx). Domain: x ∉ {0, −1, …} (NaN there); ψ′(+∞) = 0; NaN for NaN.
  /// Relative accuracy about 1e-15 for x > 0.
  ///
  /// Reference: Abramowitz & Stegun, 6.4.12 and 6.4.6. - Complexity: O(1).
  public static func trigamma(_ x: Double) -> Double {
    if x.isNaN || x == -.infinity { return .nan }
    if x == .infinity { return 0 }
    if x <= 0 {
      if x == x.rounded(.down) { return .nan }
      let sine = Double.sin(Double.pi * x)
      return Double.pi * Double.pi / (sine * sine) - trigamma(1 - x)
    }
    var value = x
    var result = 0.0
    while value < 10 {
      result += 1 / (value * value)
      value += 1
    }
    let inverse = 1 / value
    let inverseSquare = inverse * inverse
    // B₂ₖ: 1/6, −1/30, 1/42, −1/30, 5/66, −691/2730, 7/6.
    let series =
      inverseSquare
      * (1.0 / 6
        - inverseSquare
        * (1.0 / 30
          - inverseSquare
          * (1.0 / 42
            - inverseSquare
            * (1.0 / 30
              - inverseSquare * (5.0 / 66 - inverseSquare * (691.0 / 2730 - inverseSquare * 7 / 6))))))
    return result + inverse * (1 + 0.5 * inverse + series)
  }

  // MARK: - Error function

  /// The error function erf(x) = (2/√π) ∫₀ˣ e^(−t²) dt, from RealModule (glibc `erf`).
  ///
  /// erf(±∞) = ±1; NaN for NaN. - Complexity: O(1).
  @inlinable
  public static func erf(_ x: Double) -> Double {
    Double.erf(x)
  }

  /// The complementary error function erfc(x) = 1 − erf(x), accurate in relative terms for large x
  /// (glibc `erfc`). erfc(−∞) = 2, erfc(+∞) = 0; NaN for NaN. - Complexity: O(1).
  @inlinable
  public static func erfc(_ x: Double) -> Double {
    Double.erfc(x)
  }

  // MARK: - Internal helpers

  /// ln(1 + d) − d, accurate also for small |d| (where the direct form cancels).
  ///
  /// For |d| ≤ 0.5 uses ln(1 + d) = 2 atanh(y), y = d/(2 + d), so that
  /// ln(1 + d) − d = −2y²/(1 − y) + 2(y³/3 + y⁵/5 + …).
  @usableFromInline
  static func log1pMinusX(_ d: Double) -> Double {
    if Swift.abs(d) > 0.5 { return Double.log(onePlus: d) - d }
    let y = d / (2 + d)
    let ySquared = y * y
    var power = y * ySquared
    var sum = 0.0
    var denominator = 3.0
    while true {
      let term = power / denominator
      sum += term
      if Swift.abs(term) <= 1e-17 * Swift.abs(sum) || term == 0 { break }
      power *= ySquared
      denominator += 2
    }
    return -2 * ySquared / (1 - y) + 2 * sum
  }

  /// Stirling's error: ln Γ(a) − [(a − ½) ln a − a + ½ ln 2π], for a > 0.
  ///
  /// Asymptotic series 1/(12a) − 1/(360a³) + … for a ≥ 10; direct difference below.
  @usableFromInline
  static func stirlingError(_ a: Double) -> Double {
    if a < 10 {
      return logGamma(a) - ((a - 0.5) * Double.log(a) - a + 0.918_938_533_204_672_7)
    }
    let inverseSquare = 1 / (a * a)
    let series =
      1.0 / 12
      - inverseSquare
      * (1.0 / 360
        - inverseSquare
        * (1.0 / 1260
          - inverseSquare
          * (1.0 / 1680 - inverseSquare * (1.0 / 1188 - inverseSquare * 691.0 / 360_360))))
    return series / a
  }
}
