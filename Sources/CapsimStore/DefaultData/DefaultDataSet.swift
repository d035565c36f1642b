import GRDB

/// The data set compiled into capsim (generated from `data/` by `scripts/embed-default-data.sh`), so
/// that a first run needs no other file.
public enum DefaultDataSet {
  /// The embedded file names relative to `data/`, sorted (`platforms.csv`, `prices.csv`, `samples/…`).
  public static var fileNames: [String] { files.map(\.name) }

  /// The text of an embedded file, or `nil`.
  public static func contents(of name: String) -> String? {
    files.first { $0.name == name }?.contents
  }

  /// Imports everything through the regular importers, inside the caller's transaction: platforms
  /// first, then sample files, then prices.
  static func importAll(into db: Database) throws -> [ImportSummary] {
    var summaries: [ImportSummary] = []
    if let platforms = contents(of: "platforms.csv") {
      summaries.append(
        try CapsimDatabase.importPlatforms(
          db, ImportSource(fileName: "data/platforms.csv", text: platforms), replace: false))
    }
    for (name, text) in files where name.hasPrefix("samples/") {
      let source = ImportSource(fileName: "data/\(name)", text: text)
      var options = SampleImportOptions()
      options.format = .csv
      let sets = try CapsimDatabase.parseSamples(source, options: options)
      summaries.append(
        try CapsimDatabase.writeSampleSets(db, sets, source: source, options: options))
    }
    if let prices = contents(of: "prices.csv") {
      let source = ImportSource(fileName: "data/prices.csv", text: prices)
      var options = PriceImportOptions()
      options.format = .csv
      let (rows, summary) = try CapsimDatabase.parsePrices(source, options: options)
      summaries.append(try CapsimDatabase.writePrices(db, rows, summary: summary, replace: false))
    }
    return summaries
  }
}
