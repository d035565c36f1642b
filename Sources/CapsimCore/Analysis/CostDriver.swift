/// One cost line's part in the difference between two options: a reason for a recommendation.
///
/// `difference` = mean of the line on the alternative − mean of the line on the leading option, so a
/// positive value is money the leading option saves on that line and a negative one money it costs. The
/// differences of all lines add up to the mean total saving (the total is the sum of the lines trial by
/// trial, and means are linear); `share` = difference / mean total saving (NaN when that is 0), so shares
/// add up to 1 and a line working against the verdict has a negative share.
public struct CostDriver: Sendable, Hashable, Codable {
  /// The line's metric key (`cost_commitment`, `cost_compute_useful`, …; see `CostLines`).
  public var key: String
  /// Its report label.
  public var label: String
  /// Mean of the line on the leading option.
  public var leadingMean: Double
  /// Mean of the line on the alternative.
  public var alternativeMean: Double

  /// Creates a driver from the two means.
  public init(key: String, label: String, leadingMean: Double, alternativeMean: Double) {
    self.key = key
    self.label = label
    self.leadingMean = leadingMean
    self.alternativeMean = alternativeMean
  }

  /// Alternative − leading: what the leading option saves on this line (negative: what it costs more).
  public var difference: Double { alternativeMean - leadingMean }

  /// Ranks the cost lines of two options by |difference|, largest first (ties in report order), and drops
  /// lines that are 0 on both.
  ///
  /// - Complexity: O(L log L) for L lines.
  public static func ranked(leading: OptionOutcome, alternative: OptionOutcome) -> [CostDriver] {
    let lines = CostLines().entries.enumerated().compactMap { index, entry -> (Int, CostDriver)? in
      let a = leading.metric(entry.key)?.estimate.value ?? 0
      let b = alternative.metric(entry.key)?.estimate.value ?? 0
      guard a != 0 || b != 0 else { return nil }
      let label = entry.label.hasPrefix("Cost: ") ? String(entry.label.dropFirst(6)) : entry.label
      return (index, CostDriver(key: entry.key, label: label, leadingMean: a, alternativeMean: b))
    }
    return lines.sorted { x, y in
      let (dx, dy) = (Swift.abs(x.1.difference), Swift.abs(y.1.difference))
      return dx != dy ? dx > dy : x.0 < y.0
    }.map(\.1)
  }
}
