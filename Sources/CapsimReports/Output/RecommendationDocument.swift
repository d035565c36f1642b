import Foundation

/// The report of `capsim recommend`: the decision, and the run behind it.
public struct RecommendationDocument: ReportDocument {
  /// The decision.
  public var recommendation: Recommendation
  /// The simulation it was drawn from.
  public var outcome: SimulationOutcome

  /// Creates a report.
  public init(recommendation: Recommendation, outcome: SimulationOutcome) {
    self.recommendation = recommendation
    self.outcome = outcome
  }

  /// table, md, json, csv, xlsx, html (the run's monthly series belongs to `capsim run`).
  public static let formats: [ReportFormat] = [.table, .md, .json, .csv, .xlsx, .html]

  /// Renders the decision in `format`.
  public func render(_ format: ReportFormat, settings: RenderSettings) throws -> RenderedReport {
    switch format {
    case .table:
      return .text(RecommendationReport.table(recommendation, width: settings.width))
    case .md: return .text(RecommendationReport.markdown(recommendation))
    case .json:
      return .text(
        try RecommendationReport.json(recommendation, capsimVersion: settings.capsimVersion))
    case .csv: return .text(RecommendationReport.csv(recommendation))
    case .html: return .text(RecommendationPage(document: self, settings: settings).render())
    case .xlsx:
      return .binary(try RecommendationWorkbook(document: self, settings: settings).data())
    case .monthlyCSV:
      throw UnsupportedFormatError(format: format, offered: Self.formats)
    }
  }
}
