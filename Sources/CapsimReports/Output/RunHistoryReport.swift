import Foundation

/// The list of stored runs (`capsim runs list`).
public struct RunHistoryReport: ReportDocument {
  /// One stored run.
  public struct Entry: Sendable, Hashable, Encodable {
    /// Run id.
    public var id: Int64
    /// When it was stored (UTC, ISO 8601).
    public var createdAt: String
    /// The command that made it (`run` or `recommend`).
    public var command: String
    /// Scenario name.
    public var scenario: String
    /// Trials.
    public var trials: Int
    /// Seed.
    public var seed: UInt64
    /// capsim version that made it.
    public var capsimVersion: String

    /// Creates an entry.
    public init(
      id: Int64, createdAt: String, command: String = "run", scenario: String, trials: Int,
      seed: UInt64, capsimVersion: String
    ) {
      self.id = id
      self.createdAt = createdAt
      self.command = command
      self.scenario = scenario
      self.trials = trials
      self.seed = seed
      self.capsimVersion = capsimVersion
    }
  }

  /// The runs, newest first.
  public var runs: [Entry]

  /// Creates the report.
  public init(runs: [Entry]) { self.runs = runs }

  /// table, json, csv.
  public static let formats: [ReportFormat] = [.table, .json, .csv]

  /// Renders the list in `format`.
  public func render(_ format: ReportFormat, settings: RenderSettings) throws -> RenderedReport {
    switch format {
    case .table: return .text(table(width: settings.width))
    case .json:
      struct Document: Encodable { var runs: [Entry] }
      return .text(
        try ReportJSONEncoder.render(Document(runs: runs), capsimVersion: settings.capsimVersion))
    case .csv:
      let header = "id,created_at,command,scenario,trials,seed,seed_text,capsim_version"
      let rows = runs.map { run in
        [
          String(run.id), run.createdAt, run.command, run.scenario, String(run.trials),
          String(run.seed),
          CSVReport.seedText(run.seed), run.capsimVersion,
        ].map(CSVReport.escape).joined(separator: ",")
      }
      return .text(([header] + rows).joined(separator: "\n") + "\n")
    case .md, .monthlyCSV, .xlsx, .html:
      throw UnsupportedFormatError(format: format, offered: Self.formats)
    }
  }

  /// An aligned table within `width` columns, or a hint when no run is stored.
  public func table(width: Int = 100) -> String {
    guard !runs.isEmpty else { return "no runs stored yet; 'capsim run SCENARIO' stores one\n" }
    let table = TextTable(
      header: ["id", "created", "command", "scenario", "trials", "seed", "version"],
      rightAligned: [true, false, false, false, true, true, false],
      rows: runs.map {
        [
          String($0.id), $0.createdAt, $0.command, $0.scenario, String($0.trials), String($0.seed),
          $0.capsimVersion,
        ]
      })
    return table.render(width: width, keyColumns: 2).joined(separator: "\n") + "\n"
  }
}
