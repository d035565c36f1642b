import RealModule

extension SpecialFunctions {
  // MARK: - Standard normal

  /// The standard normal density φ(x) = e^(−x²/2)/√(2π). φ(±∞) = 0; NaN for NaN.
  /// - Complexity: O(1).
  @inlinable
  public static func standardNormalPDF(_ x: Double) -> Double {
    0.398_942_280_401_432_7 * Double.exp(-0.5 * x * x)
  }

  /// The standard normal cdf Φ(x) = ½ erfc(−x/√2).
  ///
  /// Using erfc (not 1 + erf) keeps full relative accuracy in the lower tail, down to Φ(−38) ≈ 3e-316;
  /// the upper tail saturates at 1 (use ``standardNormalSurvival(_:)`` there). Φ(−∞) = 0, Φ(+∞) = 1,
  /// NaN for NaN. Relative accuracy ~1e-15 for |x| < 5, ~x²·1e-16 beyond (argument rounding).
  ///
  /// Reference: W. J. Cody, "Rational Chebyshev approximations for the error function",
  /// Math. Comp. 23 (1969), doi:10.1090/S0025-5718-1969-0247736-4 (the erfc in libm).
  /// - Complexity: O(1).
  @inlinable
  public static func standardNormalCDF(_ x: Double) -> Double {
    0.5 * Double.erfc(-x * 0.707_106_781_186_547_6)
  }

  /// The standard normal survival function 1 − Φ(x) = Φ(−x), accurate in the upper tail.
  /// - Complexity: O(1).
  @inlinable
  public static func standardNormalSurvival(_ x: Double) -> Double {
    0.5 * Double.erfc(x * 0.707_106_781_186_547_6)
  }

  /// The standard normal quantile Φ⁻¹(p): Wichura's algorithm AS241 (PPND16).
  ///
  /// Three rational approximations of degree 7: |p − ½| ≤ 0.425, then r = √(−ln min(p, 1 − p)) ≤ 5,
  /// then r > 5; relative accuracy about 1e-16 over the whole double range (p down to 1e-300 and
  /// below). Φ⁻¹(0) = −∞, Φ⁻¹(1) = +∞; NaN for p outside [0, 1] or NaN. For p close to 1 the result
  /// is limited by the rounding of p itself; pass the lower-tail probability where you can.
  ///
  /// Reference: M. J. Wichura, "Algorithm AS 241: The percentage points of the normal distribution",
  /// J. R. Stat. Soc. C 37(3), 1988, doi:10.2307/2347330.
  /// - Complexity: O(1).
  public static func standardNormalQuantile(_ p: Double) -> Double {
    guard p >= 0, p <= 1 else { return .nan }
    if p == 0 { return -.infinity }
    if p == 1 { return .infinity }
    let q = p - 0.5
    if Swift.abs(q) <= 0.425 {
      let r = 0.180_625 - q * q
      let numerator =
        (((((((2509.080_928_730_122_672_7 * r + 33430.575_583_588_128_105) * r
          + 67265.770_927_008_700_853) * r + 45921.953_931_549_871_457) * r
          + 13731.693_765_509_461_125) * r + 1971.590_950_306_551_442_7) * r
          + 133.141_667_891_784_377_45) * r + 3.387_132_872_796_366_608)
      let denominator =
        (((((((5226.495_278_852_854_561 * r + 28729.085_735_721_942_674) * r
          + 39307.895_800_092_710_61) * r + 21213.794_301_586_595_867) * r
          + 5394.196_021_424_751_107_7) * r + 687.187_007_492_057_908_3) * r
          + 42.313_330_701_600_911_252) * r + 1)
      return q * numerator / denominator
    }
    var r = q < 0 ? p : 1 - p
    r = (-Double.log(r)).squareRoot()
    let value: Double
    if r <= 5 {
      r -= 1.6
      let numerator =
        (((((((7.745_450_142_783_414_076_4e-4 * r + 0.022_723_844_989_269_184_583) * r
          + 0.241_780_725_177_450_611_77) * r + 1.270_458_252_452_368_382_58) * r
          + 3.647_848_324_763_204_605_04) * r + 5.769_497_221_460_691_405_5) * r
          + 4.630_337_846_156_545_295_9) * r + 1.423_437_110_749_683_577_34)
      let denominator =
        (((((((1.050_750_071_644_416_843_24e-9 * r + 5.475_938_084_995_344_946e-4) * r
          + 0.015_198_666_563_616_457_196_6) * r + 0.148_103_976_427_480_074_59) * r
          + 0.689_767_334_985_100_004_55) * r + 1.676_384_830_183_803_849_4) * r
          + 2.053_191_626_637_758_821_87) * r + 1)
      value = numerator / denominator
    } else {
      r -= 5
      let numerator =
        (((((((2.010_334_399_292_288_132_65e-7 * r + 2.711_555_568_743_487_578_15e-5) * r
          + 0.001_242_660_947_388_078_438_6) * r + 0.026_532_189_526_576_123_093) * r
          + 0.296_560_571_828_504_891_23) * r + 1.784_826_539_917_291_335_8) * r
          + 5.463_784_911_164_114_369_9) * r + 6.657_904_643_501_103_777_2)
      let denominator =
        (((((((2.044_263_103_389_939_785_64e-15 * r + 1.421_511_758_316_445_888_7e-7) * r
          + 1.846_318_317_510_054_681_8e-5) * r + 7.868_691_311_456_132_591e-4) * r
          + 0.014_875_361_290_850_614_852_5) * r + 0.136_929_880_922_735_805_31) * r
          + 0.599_832_206_555_887_937_69) * r + 1)
      value = numerator / denominator
    }
    return q < 0 ? -value : value
  }
}
