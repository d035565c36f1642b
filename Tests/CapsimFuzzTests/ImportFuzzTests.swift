import CapsimCore
import CapsimStore
import Foundation
import Testing

/// Mutations of the bundled sample, price and platform files (and JSON Lines, hyperfine and table seeds)
/// through every importer. Imports are transactions, so rejected inputs leave the database as it was; a
/// crash ends the test process and leaves the input in `$TMPDIR/capsim-fuzz-current-import`.
@Suite("Fuzz: importers", .serialized)
struct ImportFuzzTests {
  static let jsonLines = """
    {"sample_set": "fuzz-jsonl", "platform": "cloud-h100-shared", "metric": "step_time", "unit": "ms", "value": 412.5}
    {"sample_set": "fuzz-jsonl", "platform": "cloud-h100-shared", "metric": "step_time", "unit": "ms", "value": 398, "gpu_count": 8}
    """
  static let hyperfine = """
    {"results": [{"command": "train --steps 10", "mean": 1.5, "times": [1.4, 1.5, 1.6, 1, 2]}]}
    """
  static let table = """
    job,state,duration,gpus
    1,COMPLETED,3600.5,8
    2,FAILED,12,8
    3,COMPLETED,7200,16
    """

  enum Target: CaseIterable {
    case samples, table, hyperfine, prices, platforms
  }

  @Test func mutatedImportFilesNeverCrashOrHang() throws {
    let sampleSeeds =
      FuzzSettings.seeds(in: "data/samples", suffix: ".csv") + [Self.jsonLines]
    let priceSeeds = FuzzSettings.seeds(in: "data", suffix: "prices.csv")
    let platformSeeds = FuzzSettings.seeds(in: "data", suffix: "platforms.csv")
    try #require(!sampleSeeds.isEmpty && !priceSeeds.isEmpty && !platformSeeds.isEmpty)
    let database = try CapsimDatabase.inMemory()
    try database.importDefaultData()
    var mutator = Mutator(seed: FuzzSettings.seed &+ 1)
    let clock = ContinuousClock()
    let deadline = clock.now + .seconds(FuzzSettings.seconds)
    var tried = 0
    var accepted = 0
    while clock.now < deadline {
      let target = Target.allCases[mutator.below(Target.allCases.count)]
      let seeds: [String]
      switch target {
      case .samples: seeds = sampleSeeds
      case .table: seeds = [Self.table]
      case .hyperfine: seeds = [Self.hyperfine]
      case .prices: seeds = priceSeeds
      case .platforms: seeds = platformSeeds
      }
      let bytes = mutator.mutate(seeds[mutator.below(seeds.count)], others: seeds)
      FuzzSettings.recordCurrent(bytes, target: "import")
      let source = ImportSource(fileName: "fuzz-\(tried)", bytes: bytes)
      let start = clock.now
      tried += 1
      do {
        try Self.importing(source, as: target, into: database)
        accepted += 1
      } catch {
        // Rejections are expected; only crashes and hangs are findings.
      }
      if clock.now - start > .seconds(10) {
        FuzzSettings.reportSlow(
          "input \(tried) (\(target), seed \(FuzzSettings.seed)) took \(clock.now - start)")
      }
    }
    print("import fuzz: \(tried) inputs, \(accepted) accepted")
    #expect(tried > 0)
  }

  static func importing(_ source: ImportSource, as target: Target, into database: CapsimDatabase)
    throws
  {
    var options = SampleImportOptions()
    options.replace = true
    switch target {
    case .samples:
      try database.importSamples(source, options: options)
    case .table:
      options.format = .table
      options.valueColumn = "duration"
      options.sampleSetName = "fuzz-table"
      options.platform = "cloud-h100-shared"
      options.gpuCountColumn = "gpus"
      options.filters = [try RowFilter(parsing: "state=COMPLETED")]
      try database.importSamples(source, options: options)
    case .hyperfine:
      options.format = .hyperfine
      options.platform = "cloud-h100-shared"
      try database.importSamples(source, options: options)
    case .prices:
      var priceOptions = PriceImportOptions()
      priceOptions.replace = true
      try database.importPrices(source, options: priceOptions)
    case .platforms:
      try database.importPlatforms(csv: source, replace: true)
    }
  }
}
