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

  /// One data row of a catalog, validated, before rows are combined.
  struct CatalogRow {
    var line: Int
    var instance: String
    var accelerator: String
    var count: Double?
    var region: String
    var zone: String
    /// `vCPUs` and `MemoryGiB` where the file has them (only GCP's N1 host choice reads them).
    var vCPUs: Double?
    var memoryGiB: Double?
    var price: Double?
    var spot: Double?
    var priceLocation: SourceLocation
    var spotLocation: SourceLocation?
  }

  /// A SkyPilot catalog `vms.csv` of any cloud (every column is found by name, so AWS, GCP, Azure,
  /// Lambda, RunPod and the others, whose column orders differ, read alike).
  ///
  /// - A row with an instance type and an accelerator gives an `on_demand` `instance_hour` price
  ///   with `gpus_per_unit = AcceleratorCount` (fractional for Azure's partial GPUs), and a `spot`
  ///   price when `SpotPrice` is set.
  /// - GCP accelerator rows (empty `InstanceType`) are combined with the host VM row of the same
  ///   zone (``GCPAcceleratorHost``: a fixed machine type, or for N1-attached GPUs SkyPilot's
  ///   cheapest large-enough N1 row): the price is host plus GPUs, named after the host.
  /// - Skipped and counted by reason: CPU-only rows, rows with no price, TPU rows, accelerator rows
  ///   whose host has no row in their zone, exact repeats, and repeats of an instance and zone with
  ///   different prices (the first is kept).
  /// - Azure's unquoted `Generation` values (`V1,V2`) are joined back into their column, with one
  ///   warning for the file; a spot price above on-demand is kept, with one warning for the file.
  ///
  /// Names are `<provider>-<instance>-<region>[-<zone>]-on-demand` (or `-spot`), slugified. The
  /// summary counts every row read: priced, combined, used as a host, or skipped.
  static func parseSkyPilot(_ source: ImportSource, options: PriceImportOptions) throws -> (
    rows: [Row], summary: ImportSummary
  ) {
    guard let dateText = options.effectiveDate else {
      throw ImportError.invalidOption(
        SourceLocation(file: "--effective-date"), reason: "a SkyPilot catalog carries no date",
        help: "pass --effective-date YYYY-MM-DD, the day the catalog was fetched")
    }
    let date = try validatedDate(
      dateText, latest: options.latestEffectiveDate, at: SourceLocation(file: "--effective-date"))
    let currency = try validatedCurrency(options.currency, at: SourceLocation(file: "--currency"))
    let (catalogRows, recovered) = try readCatalogRows(source)
    if catalogRows.isEmpty {
      throw ImportError.noDataRows(SourceLocation(file: source.fileName), kind: "SkyPilot catalog")
    }
    let provider = try catalogProvider(source, rows: catalogRows, options: options)
    var builder = SkyPilotPriceBuilder(
      provider: provider, currency: currency, date: date,
      source: options.source ?? "SkyPilot catalog \(source.fileName)",
      summary: ImportSummary(file: source.fileName))
    builder.summary.rowsRead = catalogRows.count
    if recovered > 0 {
      builder.summary.warnings.append(
        "\(recovered) row\(recovered == 1 ? "" : "s") had an unquoted comma in the last column "
          + "(Azure's Generation values such as V1,V2); the extra fields were joined back into it")
    }
    builder.build(catalogRows)
    // Counts were checked row by row; a price (a GCP host plus its GPUs, summed) is checked per GPU-hour.
    for (quote, location) in builder.rows {
      if let violation = PriceLimits.violations(of: quote).first {
        throw ImportError.invalidValue(
          location, value: NumericLimit.format(violation.value), reason: violation.message,
          help: "correct the value: " + violation.help)
      }
    }
    return (builder.rows, builder.summary)
  }

  /// Reads and validates every data row; returns them with the number of rows whose surplus fields
  /// were joined into a trailing `Generation` column.
  static func readCatalogRows(_ source: ImportSource) throws -> ([CatalogRow], Int) {
    var table = try CSVTable(source)
    var index: [String: Int] = [:]
    for column in skyPilotRequired { index[column] = try table.require(column) }
    let spotColumn = table.index(of: "SpotPrice")
    let zoneColumn = table.index(of: "AvailabilityZone")
    let vCPUColumn = table.index(of: "vCPUs")
    let memoryColumn = table.index(of: "MemoryGiB")
    let generation = table.index(of: "Generation")
    var rows: [CatalogRow] = []
    try table.forEachRow(absorbingExtraFieldsInto: generation) { fields, start, reader in
      func text(_ name: String) throws(ImportError) -> String {
        let value = reader.trimmedString(fields[index[name] ?? 0])
        try PrintableText.check(value, at: location(index[name] ?? 0, name))
        return value
      }
      /// A size column read as a finite number ≥ 0, else `nil` (sizes only rank N1 hosts).
      func size(_ column: Int?) -> Double? {
        column.flatMap { Double(reader.trimmedString(fields[$0])) }.flatMap {
          $0.isFinite && $0 >= 0 ? $0 : nil
        }
      }
      func location(_ column: Int, _ name: String) -> SourceLocation {
        reader.location(of: fields[column], record: start, name: name)
      }
      func price(_ column: Int, _ name: String) throws(ImportError) -> Double? {
        let value = reader.trimmedString(fields[column])
        if value.isEmpty { return nil }
        return try validatedNumber(
          value, reason: "prices must be ≥ 0", allowZero: true, at: location(column, name))
      }
      let accelerator = try text("AcceleratorName")
      var count: Double?
      if !accelerator.isEmpty {
        let countColumn = index["AcceleratorCount"] ?? 0
        let countText = try text("AcceleratorCount")
        let countLocation = location(countColumn, "AcceleratorCount")
        let value = try validatedNumber(
          countText, reason: "an instance must have more than 0 accelerators",
          allowZero: false, at: countLocation)
        guard PriceLimits.gpusPerUnit.contains(value) else {
          throw ImportError.invalidValue(
            countLocation, value: countText,
            reason: "it must be \(PriceLimits.gpusPerUnit.rule)",
            help: "correct the value: " + PriceLimits.gpusPerUnit.reason)
        }
        count = value
      }
      let priceColumn = index["Price"] ?? 0
      rows.append(
        CatalogRow(
          line: start.line, instance: try text("InstanceType"), accelerator: accelerator,
          count: count, region: try text("Region"),
          zone: try zoneColumn.map { column throws(ImportError) in
            let zone = reader.trimmedString(fields[column])
            try PrintableText.check(zone, at: location(column, "AvailabilityZone"))
            return zone
          } ?? "",
          vCPUs: size(vCPUColumn), memoryGiB: size(memoryColumn),
          price: try price(priceColumn, "Price"),
          spot: try spotColumn.flatMap { column throws(ImportError) in
            try price(column, "SpotPrice")
          },
          priceLocation: location(priceColumn, "Price"),
          spotLocation: spotColumn.map { location($0, "SpotPrice") }))
    }
    return (rows, table.recoveredRowCount)
  }

  /// `--provider`, else the cloud named by the path, else the cloud the instance names follow.
  static func catalogProvider(
    _ source: ImportSource, rows: [CatalogRow], options: PriceImportOptions
  ) throws(ImportError) -> String {
    if let provider = options.provider, !provider.isEmpty { return provider }
    if let cloud = SkyPilotCloud.fromPath(source.fileName) { return cloud }
    if let cloud = SkyPilotCloud.fromInstanceTypes(rows.lazy.map(\.instance)) { return cloud }
    throw ImportError.invalidOption(
      SourceLocation(file: "--provider"),
      reason:
        "the cloud of '\(source.fileName)' cannot be told from its path or its instance types",
      help:
        "pass --provider NAME, or import the file from its catalogs/v7/<cloud>/vms.csv path")
  }
}

/// Turns validated catalog rows into prices, combining GCP host and accelerator rows and keeping the
/// summary's row accounting.
struct SkyPilotPriceBuilder {
  let provider: String
  let currency: String
  let date: String
  let source: String
  var summary: ImportSummary
  private(set) var rows: [PriceParser.Row] = []
  private var seen: [String: (quote: PriceQuote, line: Int)] = [:]
  private var pricedRows = 0
  private var spotAboveOnDemand: [String] = []

  init(provider: String, currency: String, date: String, source: String, summary: ImportSummary) {
    self.provider = provider
    self.currency = currency
    self.date = date
    self.source = source
    self.summary = summary
  }

  private struct HostKey: Hashable {
    var instance: String
    var zone: String
  }

  private struct ZoneKey: Hashable {
    var region: String
    var zone: String
  }

  mutating func build(_ catalogRows: [PriceParser.CatalogRow]) {
    var hosts: [HostKey: Int] = [:]
    var attachable: [ZoneKey: [Int]] = [:]
    for (position, row) in catalogRows.enumerated()
    where row.accelerator.isEmpty && !row.instance.isEmpty {
      let key = HostKey(instance: row.instance, zone: row.zone)
      if hosts[key] == nil { hosts[key] = position }
      if GCPAcceleratorHost.isAttachableHost(row.instance), row.price != nil {
        attachable[ZoneKey(region: row.region, zone: row.zone), default: []].append(position)
      }
    }
    var usedHosts: Set<Int> = []
    var combined = 0
    var pairings: [String: Int] = [:]
    var pairingOrder: [String] = []
    for row in catalogRows {
      if row.accelerator.isEmpty { continue }
      let count = row.count ?? 1
      guard row.instance.isEmpty else {
        emit(row, instance: row.instance, gpuModel: row.accelerator, count: count)
        continue
      }
      guard let rule = GCPAcceleratorHost.rule(accelerator: row.accelerator, count: count) else {
        summary.skip(
          row.accelerator.lowercased().hasPrefix("tpu")
            ? "TPU row (capsim prices GPUs)" : "accelerator row with no known host machine type")
        continue
      }
      let hostPosition: Int?
      switch rule {
      case .fixed(let host):
        hostPosition = hosts[HostKey(instance: host, zone: row.zone)]
      case .attached(let vCPUs, let memory):
        hostPosition = Self.cheapestHost(
          among: attachable[ZoneKey(region: row.region, zone: row.zone)] ?? [], in: catalogRows,
          vCPUs: vCPUs, memoryGiB: memory)
      }
      guard let hostPosition else {
        if case .attached = rule {
          summary.skip("accelerator row with no N1 host row large enough in its zone")
        } else {
          summary.skip("accelerator row whose host VM type has no row in its zone")
        }
        continue
      }
      let hostRow = catalogRows[hostPosition]
      let host = hostRow.instance
      var merged = row
      merged.price = sum(hostRow.price, row.price)
      merged.spot = sum(hostRow.spot, row.spot)
      let gpus = Self.countText(count)
      let instance: String
      if case .attached = rule {
        instance = "\(host)-\(gpus)x-\(row.accelerator)"
      } else {
        instance = host
      }
      if emit(merged, instance: instance, gpuModel: row.accelerator, count: count) {
        combined += 1
        pricedRows -= 1
        usedHosts.insert(hostPosition)
        let pairing = "\(row.accelerator)×\(gpus) + \(host)"
        if pairings[pairing] == nil { pairingOrder.append(pairing) }
        pairings[pairing, default: 0] += 1
      }
    }
    for (position, row) in catalogRows.enumerated() where row.accelerator.isEmpty {
      if usedHosts.contains(position) { continue }
      if row.instance.isEmpty {
        summary.skip("no instance type and no accelerator")
      } else if GCPAcceleratorHost.isGPUMachineFamily(row.instance) {
        summary.skip("GPU machine row with no accelerator row in its zone")
      } else {
        summary.skip("no accelerator (CPU-only instance)")
      }
    }
    if combined > 0 {
      summary.notes.append(
        "combined \(combined) accelerator row\(combined == 1 ? "" : "s") with the host VM row of "
          + "the same zone (price = host + GPUs; spot only when both have one): "
          + pairingOrder.map { "\($0) (\(pairings[$0] ?? 0))" }.joined(separator: ", "))
    }
    summary.notes.append(
      "rows: \(pricedRows) priced, \(combined) accelerator rows combined with "
        + "\(usedHosts.count) host VM rows, \(summary.skippedRowCount) skipped; "
        + "\(rows.count) prices created")
    if let first = spotAboveOnDemand.first {
      summary.warnings.append(
        "\(spotAboveOnDemand.count) spot price\(spotAboveOnDemand.count == 1 ? " is" : "s are") "
          + "above the on-demand price of the same instance (first: \(first)); kept as given")
    }
  }

  /// SkyPilot's N1 host choice: among `positions` (N1 rows of one zone with a price, in file
  /// order), the cheapest on-demand row with at least `vCPUs` and `memoryGiB`; the first on a tie.
  static func cheapestHost(
    among positions: [Int], in rows: [PriceParser.CatalogRow], vCPUs: Double, memoryGiB: Double
  ) -> Int? {
    var best: (position: Int, price: Double)?
    for position in positions {
      let row = rows[position]
      guard let price = row.price, let cpus = row.vCPUs, let memory = row.memoryGiB,
        cpus >= vCPUs, memory >= memoryGiB
      else { continue }
      if best == nil || price < best?.price ?? .infinity { best = (position, price) }
    }
    return best?.position
  }

  private func sum(_ host: Double?, _ accelerator: Double?) -> Double? {
    guard let host, let accelerator else { return nil }
    return host + accelerator
  }

  static func countText(_ count: Double) -> String {
    count == count.rounded() && abs(count) < 1e6 ? String(Int(count)) : String(count)
  }

  /// Adds the row's on-demand and spot prices; counts the row as priced or skipped. Returns whether
  /// it created a price.
  @discardableResult
  private mutating func emit(
    _ row: PriceParser.CatalogRow, instance: String, gpuModel: String, count: Double
  ) -> Bool {
    let stem = SampleParser.slug(
      [provider, instance, row.region, row.zone].filter { !$0.isEmpty }.joined(separator: "-"))
    var candidates: [(PriceQuote, SourceLocation)] = []
    for (amount, model, suffix, location) in [
      (row.price, PricingModel.onDemand, "on-demand", row.priceLocation),
      (row.spot, .spot, "spot", row.spotLocation ?? row.priceLocation),
    ] {
      guard let amount else { continue }
      let quote = PriceQuote(
        name: "\(stem)-\(suffix)", provider: provider, gpuModel: gpuModel, pricingModel: model,
        amount: amount, unit: .instanceHour, gpusPerUnit: count, currency: currency,
        effectiveDate: date, source: source, region: row.region)
      candidates.append((quote, location))
    }
    guard !candidates.isEmpty else {
      summary.skip("no price")
      return false
    }
    var added = false
    var differs = false
    for (quote, location) in candidates {
      if let earlier = seen[quote.name] {
        if earlier.quote != quote { differs = true }
        continue
      }
      seen[quote.name] = (quote, row.line)
      rows.append((quote, location))
      added = true
    }
    guard added else {
      summary.skip(
        differs
          ? "repeat of an instance and zone with different prices (first row kept)"
          : "repeated row")
      return false
    }
    pricedRows += 1
    if let price = row.price, let spot = row.spot, spot > price {
      spotAboveOnDemand.append("line \(row.line), \(stem): spot \(spot) > on-demand \(price)")
    }
    return true
  }
}
