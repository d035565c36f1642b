import RealModule

extension RandomNumberGenerator {
  /// A standard exponential draw, Exp(1) (density e^(−x) on x ≥ 0), by the ziggurat method.
  ///
  /// Marsaglia and Tsang's ziggurat with 256 layers of equal area v ≈ 0.003949660 under f(x) = e^(−x),
  /// base strip to r ≈ 7.6971175. Bits 0–7 of one 64-bit output pick the layer and bits 11–63 give
  /// an independent 53-bit magnitude (Doornik's correction). About 98.9% of calls return after one
  /// multiplication and one comparison; a wedge costs one more uniform and one `exp`; the tail uses
  /// memorylessness, r − ln(U). Exact up to the 53-bit resolution of the magnitude. Measured in
  /// `Benchmarks/` at the same speed as inversion, −ln(U) (~5 ns): the table look-up is an out-of-line
  /// call into this module, which is what both cost today; the ziggurat avoids libm's `log`.
  ///
  /// Determinism: the outputs consumed depend only on the stream.
  ///
  /// - Complexity: O(1) expected; about 1.01 generator outputs per draw.
  /// - Reference: G. Marsaglia, W. W. Tsang, "The ziggurat method for generating random variables",
  ///   J. Stat. Softw. 5(8), 2000, doi:10.18637/jss.v005.i08.
  @inlinable @inline(__always)
  public mutating func nextStandardExponential() -> Double {
    nextStandardExponential(first: next())
  }

  /// ``nextStandardExponential()`` when its first output `bits` was taken already (by
  /// ``RandomLayout/outputs(_:draw:keys:into:)``, for many streams at once) and this generator stands
  /// just after it: the same value, and the generator left where ``nextStandardExponential()`` leaves it.
  @inlinable @inline(__always)
  public mutating func nextStandardExponential(first bits: UInt64) -> Double {
    let x = zigguratExponentialCandidate(bits)
    return x >= 0 ? x : nextStandardExponentialSlowPath(bits)
  }

  /// The rest of ``nextStandardExponential()`` after its first output `bits` missed the fast path (about
  /// 1.1% of draws): out of line, so that the fast path inlines into its callers.
  @inlinable @inline(never)
  mutating func nextStandardExponentialSlowPath(_ first: UInt64) -> Double {
    var bits = first
    while true {
      if bits & 0xFF == 0 {
        return zigguratExponentialR - Double.log(nextOpenUnitDouble())
      }
      let wedge = zigguratExponentialWedge(bits, uniform: nextUnitDouble())
      if wedge >= 0 {
        return wedge
      }
      bits = next()
      let x = zigguratExponentialCandidate(bits)
      if x >= 0 {
        return x
      }
    }
  }
}

// MARK: - Table look-ups (inside the module: see RandomNumberGenerator+Normal.swift)

/// The fast path: the value if it lies inside its layer's inner rectangle, otherwise −1.
@usableFromInline
func zigguratExponentialCandidate(_ bits: UInt64) -> Double {
  let layer = Int(truncatingIfNeeded: bits & 0xFF)
  let magnitude = bits >> 11
  guard magnitude < zigguratExponentialK[layer] else { return -1 }
  return Double(magnitude) * zigguratExponentialW[layer]
}

/// The wedge test of layer `bits & 0xFF` (≥ 1) with the independent uniform `uniform`: the value if
/// the point falls under e^(−x), otherwise −1.
@usableFromInline
func zigguratExponentialWedge(_ bits: UInt64, uniform: Double) -> Double {
  let layer = Int(truncatingIfNeeded: bits & 0xFF)
  let x = Double(bits >> 11) * zigguratExponentialW[layer]
  let lowerHeight = zigguratExponentialF[layer]
  let height = (zigguratExponentialF[layer - 1] - lowerHeight) * uniform + lowerHeight
  return height < Double.exp(-x) ? x : -1
}
