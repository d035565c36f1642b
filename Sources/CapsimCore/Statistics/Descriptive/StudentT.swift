/// The 0.975 quantile of Student's t distribution with `degreesOfFreedom` ν ≥ 1, for 95% intervals.
///
/// ν ≤ 30: a table of `scipy.stats.t.ppf(0.975, ν)` rounded to 15 significant digits.
/// ν > 30: the Cornish–Fisher expansion in 1/ν about z = Φ⁻¹(0.975) through the 1/ν⁴ term
/// (Abramowitz and Stegun 26.7.5), absolute error below 3·10⁻⁸ for ν > 30. ν < 1 gives NaN.
///
/// - Complexity: O(1).
/// - Reference: M. Abramowitz, I. A. Stegun, *Handbook of Mathematical Functions*, NBS 1964, 26.7.5.
func studentTQuantile975(degreesOfFreedom: Int) -> Double {
  guard degreesOfFreedom >= 1 else { return .nan }
  if degreesOfFreedom <= studentT975Table.count {
    return studentT975Table[degreesOfFreedom - 1]
  }
  let z = 1.959963984540054  // scipy.stats.norm.ppf(0.975)
  let z2 = z * z
  let g1 = z * (z2 + 1) / 4
  let g2 = z * ((5 * z2 + 16) * z2 + 3) / 96
  let g3 = z * (((3 * z2 + 19) * z2 + 17) * z2 - 15) / 384
  let g4 = z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) / 92_160
  let v = 1 / Double(degreesOfFreedom)
  return z + v * (g1 + v * (g2 + v * (g3 + v * g4)))
}

// [float('%.15g' % scipy.stats.t.ppf(0.975, v)) for v in range(1, 31)]
private let studentT975Table: [Double] = [
  12.7062047361747, 4.30265272974946, 3.18244630528371, 2.77644510519779, 2.57058183563631,
  2.44691185114498, 2.36462425159278, 2.30600413520417, 2.2621571627982, 2.22813885198627,
  2.20098516009164, 2.17881282966723, 2.16036865646279, 2.1447866879178, 2.13144954555978,
  2.11990529922125, 2.10981557783332, 2.10092204024104, 2.09302405440831, 2.08596344726586,
  2.07961384472768, 2.07387306790403, 2.06865761041905, 2.06389856162802, 2.0595385527533,
  2.05552943864287, 2.05183051648028, 2.04840714179525, 2.0452296421327, 2.04227245630124,
]
