/// The thresholds behind a ``Recommendation``; the defaults are those documented in `docs/recommend.md`.
public struct RecommendationPolicy: Sendable, Hashable, Codable {
  /// Below this P(cheaper) the verdict has low confidence and becomes "re-evaluate" (0.75).
  public var lowConfidenceBelow: Double
  /// An expected saving below this share of the alternative's mean total cost is too small to act on,
  /// whatever P(cheaper) is: it is within the uncertainty of inputs the simulation does not draw (prices,
  /// measured samples, the planned volume). The confidence is then low (0.05).
  public var materialSaving: Double
  /// At or above this P(cheaper) the confidence is high (0.9).
  public var highConfidenceAtLeast: Double
  /// A committed option whose median crossover month falls after this share of the horizon pays off
  /// too late to commit now (2/3).
  public var lateCrossoverAfter: Double
  /// A re-evaluation is set after this share of the horizon, rounded up to whole months (1/4: month 3
  /// of a 12-month horizon).
  public var reviewAfter: Double
  /// Median job time (hours) above which runs count as long (12 h).
  public var longRunHours: Double
  /// Mean utilisation of the best committed option at or above which demand counts as sustained (0.5).
  public var sustainedUtilisation: Double

  /// Creates a policy; every argument defaults to the documented value.
  public init(
    lowConfidenceBelow: Double = 0.75, materialSaving: Double = 0.05,
    highConfidenceAtLeast: Double = 0.9, lateCrossoverAfter: Double = 2.0 / 3.0,
    reviewAfter: Double = 0.25, longRunHours: Double = 12, sustainedUtilisation: Double = 0.5
  ) {
    self.lowConfidenceBelow = lowConfidenceBelow
    self.materialSaving = materialSaving
    self.highConfidenceAtLeast = highConfidenceAtLeast
    self.lateCrossoverAfter = lateCrossoverAfter
    self.reviewAfter = reviewAfter
    self.longRunHours = longRunHours
    self.sustainedUtilisation = sustainedUtilisation
  }

  /// The confidence level of a paired comparison: low when P(cheaper) is below ``lowConfidenceBelow`` or
  /// the mean saving is below ``materialSaving`` of the alternative's mean; otherwise high from
  /// ``highConfidenceAtLeast``, moderate between. NaN is low.
  public func level(of comparison: PairedComparison) -> Recommendation.ConfidenceLevel {
    guard comparison.probabilityCheaper >= lowConfidenceBelow, isMaterial(comparison) else {
      return .low
    }
    return comparison.probabilityCheaper >= highConfidenceAtLeast ? .high : .moderate
  }

  /// Whether the mean saving is at least ``materialSaving`` of the alternative's mean total (false for NaN).
  public func isMaterial(_ comparison: PairedComparison) -> Bool {
    comparison.relativeSaving >= materialSaving
  }

  /// The month of a re-evaluation: ⌈``reviewAfter`` × horizon⌉, at least 1 and at most the horizon.
  public func reviewMonth(horizonMonths: Int) -> Int {
    let month = Int((reviewAfter * Double(horizonMonths)).rounded(.up))
    return Swift.min(Swift.max(1, month), Swift.max(1, horizonMonths))
  }

  /// Whether a crossover in `month` (1-based; `nil` = not within the horizon in most trials) is too late:
  /// after ``lateCrossoverAfter`` × horizon.
  public func isLate(crossoverMonth month: Int?, horizonMonths: Int) -> Bool {
    guard let month else { return true }
    return Double(month) > lateCrossoverAfter * Double(horizonMonths)
  }
}
