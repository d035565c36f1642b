import RealModule

// MARK: - Ziggurat

extension RandomNumberGenerator {
  /// A standard normal draw, N(0, 1), by the ziggurat method.
  ///
  /// Marsaglia and Tsang's ziggurat with 256 layers of equal area v ≈ 0.004928673 under
  /// f(x) = exp(−x²/2), base strip to r ≈ 3.6541529. One 64-bit output supplies three disjoint, hence
  /// independent, fields: bits 0–7 pick the layer, bit 8 the sign and bits 12–63 a 52-bit magnitude.
  /// Taking the layer and the value from independent bits is Doornik's correction of the original
  /// 32-bit generator, whose layer index was correlated with the value. About 98.8% of calls return after
  /// one multiplication and one comparison. Otherwise: in a wedge, a second uniform tests the point
  /// against f; in the base strip beyond r, Marsaglia's tail method draws a = −ln(U₁)/r,
  /// b = −ln(U₂) until 2b > a² and returns r + a. The result is exact up to the 52-bit resolution of
  /// the magnitude (|x| < 3.65 lies on a grid of step ≤ 8.2·10⁻¹⁶); the tail has no upper limit.
  ///
  /// Determinism: the number of outputs consumed depends only on the stream, so a given stream always
  /// gives the same sequence of normals. Tables: `ZigguratNormalTables.swift` (generated; script there).
  ///
  /// - Complexity: O(1) expected; 1.02 generator outputs per draw on average.
  /// - References: G. Marsaglia, W. W. Tsang, "The ziggurat method for generating random variables",
  ///   J. Stat. Softw. 5(8), 2000, doi:10.18637/jss.v005.i08. J. A. Doornik, "An improved ziggurat
  ///   method to generate normal random samples", University of Oxford, 2005. G. Marsaglia,
  ///   "Generating a variable from the tail of the normal distribution", Technometrics 6(1), 1964,
  ///   doi:10.1080/00401706.1964.10490150.
  @inlinable @inline(__always)
  public mutating func nextStandardNormal() -> Double {
    nextStandardNormal(first: next())
  }

  /// ``nextStandardNormal()`` when its first output `bits` was taken already (by
  /// ``RandomLayout/outputs(_:draw:keys:into:)``, for many streams at once) and this generator stands
  /// just after it: the same value, and the generator left where ``nextStandardNormal()`` leaves it.
  @inlinable @inline(__always)
  public mutating func nextStandardNormal(first bits: UInt64) -> Double {
    let x = zigguratNormalCandidate(bits)
    return x.isFinite ? x : nextStandardNormalSlowPath(bits)
  }

  /// The rest of ``nextStandardNormal()`` after its first output `bits` missed the fast path (about 1.2% of
  /// draws): out of line, so that the fast path inlines into its callers.
  @inlinable @inline(never)
  mutating func nextStandardNormalSlowPath(_ first: UInt64) -> Double {
    var bits = first
    while true {
      let layer = Int(truncatingIfNeeded: bits & 0xFF)
      let negative = bits & 0x100 != 0
      if layer == 0 {
        return negative ? -nextNormalTail() : nextNormalTail()
      }
      let signed = zigguratNormalWedge(bits, uniform: nextUnitDouble())
      if signed.isFinite {
        return signed
      }
      bits = next()
      let x = zigguratNormalCandidate(bits)
      if x.isFinite {
        return x
      }
    }
  }

  /// A draw from the standard normal conditioned on Z > r (Marsaglia 1964), r = the ziggurat's base.
  @inlinable
  mutating func nextNormalTail() -> Double {
    while true {
      let a = -Double.log(nextOpenUnitDouble()) / zigguratNormalR
      let b = -Double.log(nextOpenUnitDouble())
      if b + b > a * a {
        return zigguratNormalR + a
      }
    }
  }
}

// MARK: - Table look-ups

// The tables are read only here, inside the module, where they are statically initialised constants:
// reading a global array from inlined client code costs a lazy-initialisation check per access.

/// The ziggurat's fast path for one 64-bit output: the signed value if it lies inside its layer's
/// inner rectangle (98.8% of outputs), otherwise NaN.
@usableFromInline
func zigguratNormalCandidate(_ bits: UInt64) -> Double {
  let layer = Int(truncatingIfNeeded: bits & 0xFF)
  let magnitude = bits >> 12
  let x = Double(magnitude) * zigguratNormalW[layer]
  guard magnitude < zigguratNormalK[layer] else { return .nan }
  return Double(bitPattern: x.bitPattern ^ ((bits & 0x100) << 55))  // bit 8 → sign bit, no branch
}

/// The wedge test of layer `bits & 0xFF` (≥ 1) with the independent uniform `uniform` in [0, 1): the
/// signed value if the point falls under the density, otherwise NaN.
@usableFromInline
func zigguratNormalWedge(_ bits: UInt64, uniform: Double) -> Double {
  let layer = Int(truncatingIfNeeded: bits & 0xFF)
  let x = Double(bits >> 12) * zigguratNormalW[layer]
  let lowerHeight = zigguratNormalF[layer]
  let height = (zigguratNormalF[layer - 1] - lowerHeight) * uniform + lowerHeight
  guard height < Double.exp(-0.5 * x * x) else { return .nan }
  return bits & 0x100 != 0 ? -x : x
}

// MARK: - Polar method (baseline)

extension RandomNumberGenerator {
  /// A standard normal draw, N(0, 1), by Marsaglia's polar method: kept as a reference and as the
  /// benchmark baseline for ``nextStandardNormal()``.
  ///
  /// Draw (u, v) uniform on the square (−1, 1)² until s = u² + v² lies in (0, 1), then return
  /// u·√(−2 ln s / s). Exact; uses 4/π ≈ 1.27 pairs of uniforms per accepted pair and discards the
  /// second normal so that every call consumes the stream the same way.
  ///
  /// - Complexity: O(1) expected; 2.55 generator outputs, one log and one square root per draw.
  /// - Reference: G. Marsaglia, T. A. Bray, "A convenient method for generating normal variables",
  ///   SIAM Review 6(3), 1964, doi:10.1137/1006063.
  @inlinable
  public mutating func nextStandardNormalPolar() -> Double {
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
