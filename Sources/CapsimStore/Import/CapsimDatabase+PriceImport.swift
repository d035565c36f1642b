import GRDB

extension CapsimDatabase {
  /// Imports prices from capsim's price CSV or a SkyPilot catalog `vms.csv`, as one transaction.
  ///
  /// A price whose name exists with identical values is reported unchanged; with different values
  /// it is an error unless `options.replace`, which updates it in the same transaction.
  ///
  /// - Throws: ``ImportError`` for bad input (nothing is written), ``StoreError`` for database faults.
  @discardableResult
  public func importPrices(
    _ source: ImportSource, options: PriceImportOptions = PriceImportOptions()
  ) throws
    -> ImportSummary
  {
    let (rows, parsedSummary) = try Self.parsePrices(source, options: options)
    return try write { db in
      try Self.writePrices(db, rows, summary: parsedSummary, replace: options.replace)
    }
  }

  /// The format `importPrices` would use for `source`.
  public static func detectPriceFormat(_ source: ImportSource, options: PriceImportOptions) throws
    -> PriceFormat
  {
    if let format = options.format { return format }
    let table = try CSVTable(source)
    return PriceParser.isSkyPilotHeader(table.columns) ? .skypilot : .csv
  }

  static func parsePrices(_ source: ImportSource, options: PriceImportOptions) throws -> (
    [PriceParser.Row], ImportSummary
  ) {
    for (text, flag) in [(options.provider, "--provider"), (options.source, "--source")] {
      if let text { try PrintableText.check(option: text, flag: flag) }
    }
    switch try detectPriceFormat(source, options: options) {
    case .csv:
      return (
        try PriceParser.parseDocumentedCSV(source, options: options),
        ImportSummary(file: source.fileName)
      )
    case .skypilot: return try PriceParser.parseSkyPilot(source, options: options)
    }
  }

  static func writePrices(
    _ db: Database, _ rows: [PriceParser.Row], summary: ImportSummary, replace: Bool
  ) throws
    -> ImportSummary
  {
    var summary = summary
    for (quote, location) in rows {
      if let existing = try fetchPrice(db, named: quote.name) {
        if existing == quote {
          summary.record("price", quote.name, .unchanged)
          continue
        }
        guard replace else {
          throw ImportError.alreadyExists(location, kind: "price", name: quote.name)
        }
        try db.execute(literal: "DELETE FROM price WHERE name = \(quote.name)")
        try insertPrice(db, quote)
        summary.record("price", quote.name, .replaced)
      } else {
        try insertPrice(db, quote)
        summary.record("price", quote.name, .added)
      }
    }
    return summary
  }

  static func insertPrice(_ db: Database, _ quote: PriceQuote) throws {
    try db.execute(
      literal: """
        INSERT INTO price (name, provider, gpu_model, pricing_model, amount, unit, gpus_per_unit,
          minimum_term_months, setup_fee, currency, effective_date, source, region)
        VALUES (\(quote.name), \(quote.provider), \(quote.gpuModel), \(quote.pricingModel.rawValue), \(quote.amount),
          \(quote.unit.rawValue), \(quote.gpusPerUnit), \(quote.minimumTermMonths), \(quote.setupFee),
          \(quote.currency), \(quote.effectiveDate), \(quote.source), \(quote.region))
        """)
  }
}
