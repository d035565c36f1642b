/// The layouts `importSamples` understands.
public enum SampleFormat: String, Sendable, Hashable, CaseIterable {
  /// capsim's own CSV: `sample_set,platform,metric,unit,value[,gpu_count,recorded_at,run_id]`.
  case csv
  /// JSON Lines: one object per line with the same keys as the CSV.
  case jsonLines = "jsonl"
  /// `hyperfine --export-json` output: each command's `times` (seconds) becomes a sample set.
  case hyperfine
  /// Any CSV (cluster traces, spreadsheets), mapped by options: value column, unit, filters…
  case table
}

/// A comparison in a row filter (`--where`).
public enum FilterComparison: String, Sendable, Hashable, CaseIterable {
  /// `column=value`
  case equal = "="
  /// `column!=value`
  case notEqual = "!="
  /// `column<x`
  case less = "<"
  /// `column<=x`
  case lessOrEqual = "<="
  /// `column>x`
  case greater = ">"
  /// `column>=x`
  case greaterOrEqual = ">="
}

/// What to create when samples reference a platform that does not exist yet.
public struct PlatformDefaults: Sendable, Hashable {
  /// Shared or dedicated.
  public var kind: InfrastructureKind
  /// GPU model, such as `H100-SXM5-80GB`.
  public var gpuModel: String
  /// Provider, such as `aws` or `on-prem`.
  public var provider: String

  /// Creates platform defaults.
  public init(kind: InfrastructureKind, gpuModel: String, provider: String) {
    self.kind = kind
    self.gpuModel = gpuModel
    self.provider = provider
  }
}

/// Options for ``CapsimDatabase/importSamples(_:options:)``. Only `format`, `replace`,
/// `createMissingPlatforms` and `provenance` apply to every format; the rest say how to read hyperfine
/// output and arbitrary tables, and setting one for a format it does not apply to is an error
/// (``ImportError/invalidOption(_:reason:help:)`` naming its flag), not ignored.
public struct SampleImportOptions: Sendable, Hashable {
  /// The layout; `nil` detects it (`.jsonl`/`.ndjson` → JSON Lines, `.json` → hyperfine, a CSV
  /// with `valueColumn` set → table, other CSV → capsim CSV).
  public var format: SampleFormat?
  /// Overwrite sample sets whose name exists with different content (otherwise that is an error).
  public var replace: Bool = false
  /// Create referenced platforms that do not exist, with these fields (otherwise an error).
  public var createMissingPlatforms: PlatformDefaults?

  /// Table: the sample set's name. Hyperfine: the set name for a single command, or the prefix
  /// (`prefix-<command slug>`) when the file has several; without it the command is slugified.
  public var sampleSetName: String?
  /// Hyperfine and table: the platform the values were measured on.
  public var platform: String?
  /// Hyperfine and table: what a value measures; default `job_time`.
  public var metric: String?
  /// Table: the unit of the value column (`ns`, `us`, `ms`, `s`, `min`, `h`); default `s`.
  public var unit: String?
  /// Table: multiply values by this to get seconds (instead of `unit`), e.g. `0.001` for ms.
  public var scale: Double?
  /// Table: the column holding the values.
  public var valueColumn: String?
  /// Table: subtract this column from the value column (e.g. value `end_time`, minus `start_time`).
  public var minusColumn: String?
  /// Table: optional column with the GPU count of each row.
  public var gpuCountColumn: String?
  /// Table: optional column with when each row was recorded (stored as text).
  public var recordedAtColumn: String?
  /// Table: optional column with a run or job id (stored as text).
  public var runIDColumn: String?
  /// Table: rows must pass every filter (AND); the others are skipped and counted.
  public var filters: [RowFilter] = []
  /// Table: rows with the same value in this column are reduced to one value (`reduce`), e.g. the
  /// `step` column of a per-worker step log.
  public var groupByColumn: String?
  /// Table: how a group's values become one (with `groupByColumn`).
  public var reduce: SampleReduction?
  /// Table: column names for a file without a header row (Alibaba PAI's `pai_job_table.csv`).
  public var columnNames: [String]?

  /// What to store as the sets' source; default `<file name> (<format> importer)`.
  public var provenance: String?

  /// Options with every field at its default (detect the format, no replace).
  public init() {}
}

/// How the rows of one group become one value (`--reduce`).
public enum SampleReduction: String, Sendable, Hashable, CaseIterable {
  /// The largest: a synchronous step waits for its slowest worker.
  case max
  /// The smallest.
  case min
  /// The arithmetic mean.
  case mean
  /// The sum.
  case sum

  /// The reduction of `values` (non-empty).
  func apply(_ values: [Double]) -> Double {
    switch self {
    case .max: return values.max() ?? .nan
    case .min: return values.min() ?? .nan
    case .mean: return values.reduce(0, +) / Double(values.count)
    case .sum: return values.reduce(0, +)
    }
  }
}

extension SampleImportOptions {
  /// The options that apply to some formats only, with the command-line flag that sets each and the
  /// formats it applies to, in the order `capsim import samples --help` lists them.
  private var formatSpecificOptions: [(flag: String, isSet: Bool, formats: [SampleFormat])] {
    [
      ("--set", sampleSetName != nil, [.table, .hyperfine]),
      ("--platform", platform != nil, [.table, .hyperfine]),
      ("--metric", metric != nil, [.table, .hyperfine]),
      ("--unit", unit != nil, [.table]),
      ("--scale", scale != nil, [.table]),
      ("--value-column", valueColumn != nil, [.table]),
      ("--minus-column", minusColumn != nil, [.table]),
      ("--gpu-count-column", gpuCountColumn != nil, [.table]),
      ("--timestamp-column", recordedAtColumn != nil, [.table]),
      ("--run-id-column", runIDColumn != nil, [.table]),
      ("--where", !filters.isEmpty, [.table]),
      ("--group-by", groupByColumn != nil, [.table]),
      ("--reduce", reduce != nil, [.table]),
      ("--columns", columnNames != nil, [.table]),
    ]
  }

  /// Refuses a set name, platform, GPU model or provider with a control character (``PrintableText``).
  ///
  /// - Throws: ``ImportError/invalidOption(_:reason:help:)`` located at the option's flag.
  func checkPrintable() throws(ImportError) {
    for (text, flag) in [
      (sampleSetName, "--set"), (platform, "--platform"),
      (createMissingPlatforms?.gpuModel, "--gpu-model"),
      (createMissingPlatforms?.provider, "--provider"),
    ] {
      if let text { try PrintableText.check(option: text, flag: flag) }
    }
  }

  /// Refuses options that mean nothing for `format` (a `--where` on capsim's own CSV used to be ignored,
  /// every row stored): one error naming every such option, where each applies, and what to do.
  ///
  /// - Throws: ``ImportError/invalidOption(_:reason:help:)`` located at the first such option.
  func checkApplicable(to format: SampleFormat, file: String) throws(ImportError) {
    let misplaced = formatSpecificOptions.filter { $0.isSet && !$0.formats.contains(format) }
    guard let first = misplaced.first else { return }
    func list(_ items: [String]) -> String {
      items.count == 1
        ? items[0] : items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }
    // "--set applies only to table and hyperfine imports, --unit and --where only to table imports"
    var groups: [(flags: [String], formats: [SampleFormat])] = []
    for option in misplaced {
      if let index = groups.firstIndex(where: { $0.formats == option.formats }) {
        groups[index].flags.append(option.flag)
      } else {
        groups.append(([option.flag], option.formats))
      }
    }
    let scopes = groups.enumerated().map { position, group in
      let verb = position > 0 ? "" : group.flags.count == 1 ? " applies" : " apply"
      return list(group.flags) + verb + " only to "
        + list(group.formats.map { $0 == .table ? "table" : $0.rawValue }) + " imports"
    }
    let flags = misplaced.map(\.flag)
    let layout: String
    let help: String
    let it = flags.count == 1 ? "it" : "them"
    switch format {
    case .csv:
      layout = "capsim's sample CSV"
      help =
        "leave \(it) out: a capsim sample CSV names its sample sets, platforms, metrics and units in "
        + "its own columns; to filter or rename its rows, import it as a table instead (--format table "
        + "--value-column value --set NAME --platform NAME --unit UNIT; see docs/data-formats.md)"
    case .jsonLines:
      layout = "JSON Lines"
      help =
        "leave \(it) out: JSON Lines records name their sample sets, platforms, metrics and units in "
        + "their own keys"
    case .hyperfine:
      layout = "hyperfine JSON"
      help = "leave \(it) out: hyperfine output takes only --set, --platform and --metric"
    case .table:
      layout = "a table"
      help = "leave \(it) out"
    }
    throw ImportError.invalidOption(
      SourceLocation(file: first.flag),
      reason: "\(list(flags)) \(flags.count == 1 ? "does" : "do") not apply to \(file), read as "
        + "\(layout): " + scopes.joined(separator: ", "),
      help: help)
  }
}
