import RealModule

/// The distribution of a measured sample: the ECDF, type-7 quantiles and bootstrap draws,
/// optionally smoothed with a Gaussian kernel.
///
/// - Plain (``Smoothing/none``): cdf is the ECDF, #{xᵢ ≤ x}/n; `quantile` is Hyndman–Fan type 7
///   (same as Excel PERCENTILE.INC, R `quantile(type = 7)` and numpy's default); `sample` is the
///   plain bootstrap, a uniformly chosen xᵢ; mean and variance are those of the ECDF (variance with
///   divisor n). The ECDF has no density: `pdf` is 0 and `logPDF` −∞ everywhere.
/// - Smoothed (``Smoothing/gaussianKernel(bandwidth:)``): the smoothed bootstrap, X = xᵢ + hZ.
///   If every value is > 0 the kernel is **reflected** at 0 (X = |xᵢ + hZ|), so draws stay > 0
///   (almost surely) and the density is f(x) = (1/nh)Σ[φ((x − xᵢ)/h) + φ((x + xᵢ)/h)] for x ≥ 0.
///   Reflection keeps closed forms: E[X] = (1/n)Σ[xᵢ(1 − 2Φ(−xᵢ/h)) + 2hφ(xᵢ/h)],
///   E[X²] = (1/n)Σxᵢ² + h². Without reflection (data with values ≤ 0), mean is the sample mean and
///   variance is the divisor-n variance + h². The smoothed quantile inverts the cdf by bisection.
///
/// References: R. J. Hyndman, Y. Fan, "Sample quantiles in statistical packages", Am. Stat. 50(4),
/// 1996, doi:10.1080/00031305.1996.10473566; B. W. Silverman, *Density Estimation for Statistics
/// and Data Analysis* (Chapman & Hall, 1986), §3.4.2 and §6.4 (smoothed bootstrap, reflection).
public struct EmpiricalDistribution: ContinuousDistribution, Hashable, Codable {
  /// How draws are smoothed.
  public enum Smoothing: Hashable, Codable, Sendable {
    /// The plain bootstrap: draws are the observed values.
    case none
    /// The smoothed bootstrap with a Gaussian kernel of standard deviation `bandwidth`;
    /// `nil` means Silverman's rule of thumb h = 0.9·min(s, IQR/1.34)·n^(−1/5).
    case gaussianKernel(bandwidth: Double?)
  }

  /// The values, sorted ascending.
  public let sortedValues: [Double]
  /// The smoothing asked for.
  public let smoothing: Smoothing
  /// The kernel bandwidth h in use (0 without smoothing).
  public let bandwidth: Double
  /// Whether the kernel is reflected at 0 (smoothing on and every value > 0).
  public let reflectsAtZero: Bool

  /// Creates the empirical distribution of `values` (copied and sorted).
  ///
  /// - Throws: ``DistributionError/emptyValues``; ``DistributionError/nonFiniteValue(index:value:)``
  ///   for NaN or ±∞; ``DistributionError/invalidParameter(name:value:requirement:)`` for a given
  ///   bandwidth that is not finite and > 0, or when Silverman's rule gives 0 (fewer than two
  ///   distinct values).
  /// - Complexity: O(n log n).
  public init(values: [Double], smoothing: Smoothing = .none) throws(DistributionError) {
    guard !values.isEmpty else { throw .emptyValues }
    if let index = values.firstIndex(where: { !$0.isFinite }) {
      throw .nonFiniteValue(index: index, value: values[index])
    }
    let sorted = values.sorted()
    self.sortedValues = sorted
    self.smoothing = smoothing
    switch smoothing {
    case .none:
      bandwidth = 0
      reflectsAtZero = false
    case .gaussianKernel(let given):
      if let given {
        try DistributionError.requirePositive(given, name: "bandwidth")
        bandwidth = given
      } else {
        let rule = Self.silvermanBandwidth(sorted: sorted)
        guard rule > 0, rule.isFinite else {
          throw .invalidParameter(
            name: "bandwidth", value: rule,
            requirement: "> 0; Silverman's rule needs two distinct values, so give a bandwidth")
        }
        bandwidth = rule
      }
      reflectsAtZero = sorted[0] > 0
    }
  }

  /// Silverman's rule of thumb 0.9·min(s, IQR/1.34)·n^(−1/5) (s with divisor n − 1; IQR by type 7);
  /// if one of s and IQR is 0 the other is used. 0 when n < 2 or all values are equal.
  /// - Complexity: O(n) on sorted values.
  public static func silvermanBandwidth(sorted: [Double]) -> Double {
    let n = sorted.count
    guard n >= 2 else { return 0 }
    let mean = sorted.reduce(0, +) / Double(n)
    let sumOfSquares = sorted.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    let deviation = (sumOfSquares / Double(n - 1)).squareRoot()
    let iqr = (typeSevenQuantile(sorted, 0.75) - typeSevenQuantile(sorted, 0.25)) / 1.34
    let spread = iqr > 0 ? Swift.min(deviation, iqr) : deviation
    return 0.9 * spread * Double.pow(Double(n), -0.2)
  }

  /// Hyndman–Fan type 7 on sorted values: h = (n − 1)p, x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎).
  static func typeSevenQuantile(_ sorted: [Double], _ p: Double) -> Double {
    let position = Double(sorted.count - 1) * p
    let lowerIndex = Swift.min(Int(position.rounded(.down)), sorted.count - 1)
    let fraction = position - Double(lowerIndex)
    if lowerIndex + 1 >= sorted.count || fraction == 0 { return sorted[lowerIndex] }
    return sorted[lowerIndex] + fraction * (sorted[lowerIndex + 1] - sorted[lowerIndex])
  }

  /// Number of values ≤ x (binary search). - Complexity: O(log n).
  func countAtOrBelow(_ x: Double) -> Int {
    var low = 0
    var high = sortedValues.count
    while low < high {
      let middle = (low + high) / 2
      if sortedValues[middle] <= x { low = middle + 1 } else { high = middle }
    }
    return low
  }

  // MARK: - Codable

  private enum CodingKeys: String, CodingKey { case values, smoothing }

  /// Decodes `{"values": […], "smoothing": …}` through the validating initialiser.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    try self.init(
      values: container.decode([Double].self, forKey: .values),
      smoothing: container.decodeIfPresent(Smoothing.self, forKey: .smoothing) ?? .none)
  }

  /// Encodes the sorted values and the smoothing asked for.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(sortedValues, forKey: .values)
    try container.encode(smoothing, forKey: .smoothing)
  }
}
