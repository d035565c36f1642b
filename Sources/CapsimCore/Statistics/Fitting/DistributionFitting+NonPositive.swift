extension DistributionFitting {
  /// The values a fit uses when some are ≤ 0: the positive ones, if any requested family needs
  /// positive data (every family but the normal), so that one zero does not block every positive
  /// family. All families are then fitted to the same values, so their AIC stay comparable.
  ///
  /// - Returns: the values to fit (all of them when nothing is left out) and how many were left out.
  /// - Complexity: O(n).
  public static func valuesForFitting(_ values: [Double], families: [DistributionFamily])
    -> (values: [Double], leftOut: Int)
  {
    guard families.contains(where: \.requiresPositiveValues) else { return (values, 0) }
    let positive = values.filter { !($0 <= 0) }
    return (positive, values.count - positive.count)
  }
}
