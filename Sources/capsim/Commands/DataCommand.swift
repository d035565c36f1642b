import ArgumentParser
import CapsimReports
import CapsimStore

/// `capsim data …`: look at what the database holds.
struct DataCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "data",
    abstract: "List or show the platforms, sample sets and prices in the database.",
    subcommands: [DataListCommand.self, DataShowCommand.self],
    defaultSubcommand: DataListCommand.self)
}

/// `capsim data list`.
struct DataListCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract:
      "Sample sets with n, mean, median, p95, p99 and CoV (seconds); prices per GPU-hour; platforms."
  )

  @OptionGroup var output: OutputOptions<DataCatalog>
  @Option(help: "Mark prices older than this many days as stale (default 90).") var maxPriceAge:
    Int?
  @OptionGroup var database: DatabaseOptions

  func run() async throws {
    try await Diagnostics.reportingInputErrors {
      let store = try database.open()
      let sets = try store.sampleSets().map { info in
        DataCatalog.SampleSetEntry(
          name: info.name, platform: info.platform, metric: info.metric, source: info.source,
          summary: try SampleSummary(store.sampleSet(named: info.name).seconds))
      }
      let catalog = DataCatalog(
        platforms: try store.platforms(), sampleSets: sets, prices: try store.prices(),
        runDate: try ScenarioRunOptions.runDate(),
        maximumPriceAgeDays: maxPriceAge ?? PriceAgeCheck.defaultMaximumAgeDays)
      try output.write(catalog)
    }
  }
}

/// `capsim data show NAME`.
struct DataShowCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show one sample set (summary with 95% intervals), price or platform.")

  @Argument(help: "Name of a sample set, price or platform.") var name: String
  @OptionGroup var database: DatabaseOptions

  func run() async throws {
    try await Diagnostics.reportingInputErrors {
      try OutputWriter.write(DataCatalog.describe(database.open().item(named: name)), to: nil)
    }
  }
}
