import Foundation

/// The report of `capsim run`: a simulation outcome with what is needed to reproduce it.
public struct RunReport: ReportDocument {
  /// The simulation's results.
  public var outcome: SimulationOutcome
  /// The scenario file's text as run (before the command-line overrides).
  public var scenarioText: String
  /// The command-line overrides applied to it, as `name=value` (for example `seed=7`).
  public var overrides: [String]
  /// Each price the options used (once each), with its date and source.
  public var prices: [PriceQuote]

  /// Creates a report.
  public init(
    outcome: SimulationOutcome, scenarioText: String = "", overrides: [String] = [],
    prices: [PriceQuote] = []
  ) {
    self.outcome = outcome
    self.scenarioText = scenarioText
    self.overrides = overrides
    // Each price once, in the order the options use them.
    self.prices = prices.reduce(into: []) { kept, price in
      if !kept.contains(where: { $0.name == price.name }) { kept.append(price) }
    }
  }

  /// table, md, json, csv, monthly-csv, xlsx, html.
  public static let formats: [ReportFormat] = [
    .table, .md, .json, .csv, .monthlyCSV, .xlsx, .html,
  ]

  /// Renders the run in `format`.
  public func render(_ format: ReportFormat, settings: RenderSettings) throws -> RenderedReport {
    switch format {
    case .table:
      return .text(TerminalReport(width: settings.width, detail: settings.detail).render(outcome))
    case .md: return .text(MarkdownReport.render(outcome))
    case .json: return .text(try JSONReport.render(outcome, capsimVersion: settings.capsimVersion))
    case .csv:
      return .text(
        settings.layout == .wide ? CSVReport.renderWide(outcome) : CSVReport.render(outcome))
    case .monthlyCSV: return .text(MonthlyCSVReport.render(outcome))
    case .xlsx: return .binary(try RunWorkbook(report: self, settings: settings).data())
    case .html: return .text(RunPage(report: self, settings: settings).render())
    }
  }
}
