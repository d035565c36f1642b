import CapsimCore
import Foundation

/// The report of `capsim break-even`: the analysis and the run settings behind it.
public struct BreakEvenDocument: ReportDocument {
  /// The analysis.
  public var analysis: BreakEvenAnalysis
  /// Currency of the costs.
  public var currency: String
  /// Trials of each simulation.
  public var trials: Int
  /// Seed of each simulation.
  public var seed: UInt64
  /// The scenario's uncertain inputs: break-even draws none of them per trial but runs each at its
  /// median, and the report says so.
  public var inputsAtMedian: [UncertainInput]

  /// Creates a report.
  public init(
    analysis: BreakEvenAnalysis, currency: String, trials: Int, seed: UInt64,
    inputsAtMedian: [UncertainInput] = []
  ) {
    self.analysis = analysis
    self.currency = currency
    self.trials = trials
    self.seed = seed
    self.inputsAtMedian = inputsAtMedian
  }

  /// table, json, csv, xlsx, html.
  public static let formats: [ReportFormat] = [.table, .json, .csv, .xlsx, .html]

  /// Renders the analysis in `format`.
  public func render(_ format: ReportFormat, settings: RenderSettings) throws -> RenderedReport {
    switch format {
    case .table:
      return .text(
        BreakEvenReport.table(
          analysis, currency: currency, trials: trials, seed: seed, inputsAtMedian: inputsAtMedian,
          width: settings.width))
    case .json:
      return .text(
        try BreakEvenReport.json(
          analysis, currency: currency, trials: trials, seed: seed, inputsAtMedian: inputsAtMedian,
          capsimVersion: settings.capsimVersion))
    case .csv:
      return .text(BreakEvenReport.csv(analysis, currency: currency, trials: trials, seed: seed))
    case .html: return .text(BreakEvenPage(document: self, settings: settings).render())
    case .xlsx: return .binary(try BreakEvenWorkbook(document: self, settings: settings).data())
    case .md, .monthlyCSV:
      throw UnsupportedFormatError(format: format, offered: Self.formats)
    }
  }
}
