import RealModule

extension RandomNumberGenerator {
  /// A standard normal draw, N(0, 1).
  ///
  /// Marsaglia's polar method: draw (u, v) uniform on the square (−1, 1)² until s = u² + v² lies in
  /// (0, 1), then return u·√(−2 ln s / s). Exact; uses 4/π ≈ 1.27 pairs of uniforms per accepted pair and
  /// discards the second normal so that every call consumes the stream the same way.
  ///
  /// Reference: G. Marsaglia, T. A. Bray, "A convenient method for generating normal variables",
  /// SIAM Review 6(3), 1964, doi:10.1137/1006063.
  @inlinable
  public mutating func nextStandardNormal() -> Double {
    while true {
      let u = 2 * nextUnitDouble() - 1
      let v = 2 * nextUnitDouble() - 1
      let s = u * u + v * v
      if s > 0 && s < 1 {
        return u * (-2 * Double.log(s) / s).squareRoot()
      }
    }
  }
}
