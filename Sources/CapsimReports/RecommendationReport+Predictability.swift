import Foundation

extension RecommendationReport {
  /// Which two options the predictability line compares (``predictabilityLine(_:)``), as the JSON's and
  /// CSV's `predictability.comparison`: `before_after` (the best pay-per-use option before a change, the
  /// recommended one after it) or, when the recommended option is the best pay-per-use one already,
  /// `recommended_vs_alternative`.
  static func predictabilityComparison(_ r: Recommendation) -> String {
    r.before.name == r.leading.name ? "recommended_vs_alternative" : "before_after"
  }
}
