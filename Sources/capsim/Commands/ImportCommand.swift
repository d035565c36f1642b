import ArgumentParser
import CapsimStore
import Foundation

/// `capsim import …`: bring measurements, prices and platforms into the database.
struct ImportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import platforms, samples or prices (each file all-or-nothing, in one transaction).",
    discussion: "File layouts are documented in docs/data-formats.md.",
    subcommands: [ImportPlatformsCommand.self, ImportSamplesCommand.self, ImportPricesCommand.self])
}

extension SampleFormat: ExpressibleByArgument {}
extension PriceFormat: ExpressibleByArgument {}
extension SampleReduction: ExpressibleByArgument {}
extension InfrastructureKind: ExpressibleByArgument {}

/// Prints what an import did to standard error (standard output stays free for data).
func report(_ summary: ImportSummary) {
  for line in summary.lines { Diagnostics.note(line) }
}

/// `capsim import platforms FILE`.
struct ImportPlatformsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "platforms",
    abstract: "Import platforms from CSV (name,kind,gpu_model,provider,description).")

  @Argument(help: "CSV file.") var file: String
  @Flag(help: "Overwrite platforms that already exist with different values.") var replace = false
  @OptionGroup var database: DatabaseOptions

  func run() async throws {
    try await Diagnostics.reportingInputErrors {
      let source = try ImportSource(contentsOfFile: file)
      report(try database.open().importPlatforms(csv: source, replace: replace))
    }
  }
}

/// `capsim import samples FILE`.
struct ImportSamplesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "samples",
    abstract:
      "Import measured durations: capsim CSV, JSON Lines, hyperfine JSON, or any CSV table.",
    discussion: """
      The format is detected from the file (use --format to force it). For any other CSV table (a cluster \
      trace, a spreadsheet export) name the value column and the sample set:

        capsim import samples cluster_log.csv --value-column duration --set helios-job-time \\
          --platform helios --create-platform shared --where state=COMPLETED --where 'duration!='

      An option marked (table) or (hyperfine) is refused for a file of another layout, never ignored. \
      Re-importing identical data is a no-op; different data under an existing name needs --replace.
      """)

  @Argument(help: "File to import.") var file: String
  @Option(help: "File format (default: detected).") var format: SampleFormat?
  @Flag(help: "Overwrite sample sets that already exist with different values.") var replace = false
  @Option(
    name: .customLong("set"), help: "Sample-set name (table, hyperfine: prefix for each command).")
  var sampleSetName: String?
  @Option(help: "Platform the values were measured on (table, hyperfine).") var platform: String?
  @Option(
    help:
      "What a value measures: step_time, job_time or queue_wait (table, hyperfine; default job_time)."
  )
  var metric: String?
  @Option(help: "Unit of the values: ns, us, ms, s, min, h (table; default s).") var unit: String?
  @Option(
    help:
      "Factor from the values to seconds, e.g. 0.001 for milliseconds (table; instead of --unit)."
  )
  var scale: Double?
  @Option(help: "Column holding the value (table).") var valueColumn: String?
  @Option(
    help:
      "Column subtracted from the value column, e.g. end_time minus start_time (table); timestamps (ISO 8601, epoch s or ms) are detected per column."
  )
  var minusColumn: String?
  @Option(help: "Column holding each row's GPU count (table).") var gpuCountColumn: String?
  @Option(help: "Column holding each row's timestamp (table).") var timestampColumn: String?
  @Option(help: "Column holding each row's run or job id (table).") var runIdColumn: String?
  @Option(
    name: .customLong("where"),
    help: ArgumentHelp(
      "Keep only rows where COLUMN=VALUE (also !=, <, <=, >, >=; 'value' is the derived duration in seconds); repeatable, all must hold (table).",
      valueName: "filter"))
  var filters: [String] = []
  @Option(
    help:
      "Reduce the rows with the same value in this column to one value (table; with --reduce), e.g. the step column of a per-worker step log."
  )
  var groupBy: String?
  @Option(help: "How --group-by reduces a group: the synchronous step time is its max.")
  var reduce: SampleReduction?
  @Option(
    help: ArgumentHelp(
      "Column names of a file without a header row, comma-separated.", valueName: "a,b,c"))
  var columns: String?
  @Option(help: "Create missing platforms with this kind (shared or dedicated).")
  var createPlatform: InfrastructureKind?
  @Option(help: "GPU model of created platforms (with --create-platform; default unknown).")
  var gpuModel: String?
  @Option(help: "Provider of created platforms (with --create-platform; default unknown).")
  var provider: String?
  @OptionGroup var database: DatabaseOptions

  func run() async throws {
    try await Diagnostics.reportingInputErrors {
      var options = SampleImportOptions()
      options.format = format
      options.replace = replace
      options.sampleSetName = sampleSetName
      options.platform = platform
      options.metric = metric
      options.unit = unit
      options.scale = scale
      options.valueColumn = valueColumn
      options.minusColumn = minusColumn
      options.gpuCountColumn = gpuCountColumn
      options.recordedAtColumn = timestampColumn
      options.runIDColumn = runIdColumn
      options.groupByColumn = groupBy
      options.reduce = reduce
      options.filters = try filters.map { text throws(ImportError) in try RowFilter(parsing: text) }
      options.columnNames = columns.map {
        $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
      }
      if createPlatform == nil,
        let flag = gpuModel != nil ? "--gpu-model" : provider.map({ _ in "--provider" })
      {
        throw ImportError.invalidOption(
          SourceLocation(file: flag),
          reason: "\(flag) describes the platforms --create-platform creates, and it is not given",
          help:
            "add --create-platform shared (or dedicated) to create missing platforms, or leave \(flag) out"
        )
      }
      options.createMissingPlatforms = createPlatform.map {
        PlatformDefaults(kind: $0, gpuModel: gpuModel ?? "unknown", provider: provider ?? "unknown")
      }
      let source = try ImportSource(contentsOfFile: file)
      report(try database.open().importSamples(source, options: options))
    }
  }
}

/// `capsim import prices FILE`.
struct ImportPricesCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "prices",
    abstract: "Import prices: capsim price CSV or a SkyPilot catalog vms.csv.",
    discussion: """
      SkyPilot rows become per-instance on-demand prices and separate spot prices; capsim normalises them \
      to per-GPU-hour. GCP accelerator rows are combined with their host VM rows (host + GPUs). The \
      summary accounts for every row. Catalogs carry no date, so --effective-date is required for them:

        capsim import prices catalogs/v7/lambda/vms.csv --effective-date 2026-11-01
      """)

  @Argument(help: "File to import.") var file: String
  @Option(help: "File format (default: detected from the header).") var format: PriceFormat?
  @Flag(help: "Overwrite prices that already exist with different values.") var replace = false
  @Option(
    help:
      "Provider (SkyPilot; default: the cloud named by catalogs/v7/<cloud>/ or by the instance names)."
  )
  var provider: String?
  @Option(
    help:
      "Date the prices were observed, YYYY-MM-DD, at most a year from today (required for SkyPilot catalogs)."
  )
  var effectiveDate: String?
  @Option(help: "Where the prices come from (SkyPilot; default: the catalog path).") var source:
    String?
  @Option(help: "Currency of a SkyPilot catalog.") var currency: String = "USD"
  @OptionGroup var database: DatabaseOptions

  func run() async throws {
    try await Diagnostics.reportingInputErrors {
      var options = PriceImportOptions()
      options.format = format
      options.replace = replace
      options.provider = provider
      options.effectiveDate = effectiveDate
      options.source = source
      options.currency = currency
      // A year from today (or from CAPSIM_RUN_DATE): a later date is almost always a mistyped year.
      options.latestEffectiveDate = CalendarDay(
        daysSinceEpoch: try ScenarioRunOptions.runDate().daysSinceEpoch + 366)
      let input = try ImportSource(contentsOfFile: file)
      report(try database.open().importPrices(input, options: options))
    }
  }
}
