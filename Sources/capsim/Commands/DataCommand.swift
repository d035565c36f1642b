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
      let store = try database.open()
      if try store.sampleSetNames().contains(name) {
        let set = try store.sampleSet(named: name)
        let source = try store.sampleSets().first { $0.name == name }?.source ?? ""
        let entry = DataCatalog.SampleSetEntry(
          name: set.name, platform: set.platform, metric: set.metric, source: source,
          summary: try SampleSummary(set.seconds))
        var text = DataCatalog.describe(entry, platform: try store.platform(named: set.platform))
        let workers = name + "-per-worker"
        let grouped =
          try store.sampleSetNames().contains(workers)
          ? try store.observedStragglers(named: workers) : nil
        if let stragglers = try store.observedStragglers(named: name) ?? grouped {
          text += DataCatalog.describe(stragglers)
        }
        try OutputWriter.write(text, to: nil)
      } else if let price = try store.prices().first(where: { $0.name == name }) {
        try OutputWriter.write(DataCatalog.describe(price), to: nil)
      } else if let platform = try store.platforms().first(where: { $0.name == name }) {
        let sets = try store.sampleSets().filter { $0.platform == name }.map(\.name)
        try OutputWriter.write(DataCatalog.describe(platform, sampleSets: sets), to: nil)
      } else {
        let known =
          try store.sampleSetNames() + store.prices().map(\.name) + store.platforms().map(\.name)
        throw StoreError.unknownName(
          kind: "sample set, price or platform", name: name, known: known)
      }
    }
  }
}
