extension PriceParser {
  /// Columns a SkyPilot `vms.csv` must have (others, such as `GpuInfo`, are read past).
  static let skyPilotRequired = [
    "InstanceType", "AcceleratorName", "AcceleratorCount", "Price", "Region",
  ]

  /// Whether a header looks like a SkyPilot catalog.
  static func isSkyPilotHeader(_ columns: [String]) -> Bool {
    columns.contains("InstanceType") && columns.contains("AcceleratorName")
      && columns.contains("Price")
  }

  /// A SkyPilot catalog `vms.csv`: each row with an accelerator and a `Price` becomes an `on_demand`
  /// `instance_hour` price with `gpus_per_unit = AcceleratorCount`; each `SpotPrice` a `spot` price.
  /// Rows without an accelerator, and rows with neither price, are skipped and counted; an exact
  /// repeat of a row is skipped too. Names are `<provider>-<instance>-<region>[-<zone>]-on-demand`
  /// (or `-spot`), slugified.
  static func parseSkyPilot(_ source: ImportSource, options: PriceImportOptions) throws -> (
    rows: [Row], summary: ImportSummary
  ) {
    guard let provider = options.provider ?? source.parentDirectoryName, !provider.isEmpty else {
      throw ImportError.invalidOption(
        SourceLocation(file: "--provider"),
        reason: "the provider cannot be inferred from the path '\(source.fileName)'",
        help: "pass --provider NAME (catalogs normally live at catalogs/v7/<cloud>/vms.csv)")
    }
    guard let dateText = options.effectiveDate else {
      throw ImportError.invalidOption(
        SourceLocation(file: "--effective-date"), reason: "a SkyPilot catalog carries no date",
        help: "pass --effective-date YYYY-MM-DD, the day the catalog was fetched")
    }
    let date = try validatedDate(dateText, at: SourceLocation(file: "--effective-date"))
    let currency = try validatedCurrency(options.currency, at: SourceLocation(file: "--currency"))
    let provenance = options.source ?? "SkyPilot catalog \(source.fileName)"

    var table = try CSVTable(source)
    var index: [String: Int] = [:]
    for column in skyPilotRequired { index[column] = try table.require(column) }
    let spotColumn = table.index(of: "SpotPrice")
    let zoneColumn = table.index(of: "AvailabilityZone")
    var rows: [Row] = []
    var seen: [String: (quote: PriceQuote, line: Int)] = [:]
    var summary = ImportSummary(file: source.fileName)
    try table.forEachRow { fields, start, reader in
      func location(_ column: Int, _ name: String) -> SourceLocation {
        reader.location(of: fields[column], record: start, name: name)
      }
      func text(_ name: String) -> String { reader.trimmedString(fields[index[name] ?? 0]) }
      let accelerator = text("AcceleratorName")
      if accelerator.isEmpty {
        summary.skip("no accelerator (CPU-only instance)")
        return
      }
      let countColumn = index["AcceleratorCount"] ?? 0
      let gpus = try validatedNumber(
        text("AcceleratorCount"), reason: "an instance must have more than 0 accelerators",
        allowZero: false,
        at: location(countColumn, "AcceleratorCount"))
      let instance = text("InstanceType")
      let region = text("Region")
      let zone = zoneColumn.map { reader.trimmedString(fields[$0]) } ?? ""
      let stem = SampleParser.slug(
        [provider, instance, region, zone].filter { !$0.isEmpty }.joined(separator: "-"))
      var priced = false
      for (column, model, suffix) in [
        (index["Price"], PricingModel.onDemand, "on-demand"), (spotColumn, .spot, "spot"),
      ] {
        guard let column else { continue }
        let priceText = reader.trimmedString(fields[column])
        if priceText.isEmpty { continue }
        let header = model == .spot ? "SpotPrice" : "Price"
        let amount = try validatedNumber(
          priceText, reason: "prices must be ≥ 0", allowZero: true, at: location(column, header))
        let quote = PriceQuote(
          name: "\(stem)-\(suffix)", provider: provider, gpuModel: accelerator, pricingModel: model,
          amount: amount,
          unit: .instanceHour, gpusPerUnit: gpus, currency: currency, effectiveDate: date,
          source: provenance,
          region: region)
        priced = true
        if let earlier = seen[quote.name] {
          guard earlier.quote == quote else {
            throw ImportError.duplicateInFile(
              location(column, header), kind: "price", name: quote.name, firstLine: earlier.line)
          }
          summary.skip("repeated row")
          continue
        }
        seen[quote.name] = (quote, start.line)
        rows.append((quote, location(column, header)))
      }
      if !priced { summary.skip("no price") }
    }
    return (rows, summary)
  }
}
