import Testing

@testable import CapsimStore

@Suite struct PriceImportTests {
  static let header =
    "name,provider,gpu_model,pricing_model,amount,unit,gpus_per_unit,minimum_term_months,setup_fee,currency,effective_date,source,region\n"
  static let prices =
    header + """
      lambda-h100-8x-on-demand,lambda,H100-SXM5-80GB,on_demand,23.92,instance_hour,8,0,0,USD,2025-01-15,https://lambda.ai/pricing,
      metal-h100-node,hetzner,H100-SXM5-80GB,bare_metal,14600,node_month,8,12,,EUR,2024-02-29,"quote, 2024",fsn1
      """

  @Test func documentedCSV() throws {
    let database = try CapsimDatabase.inMemory()
    let summary = try database.importPrices(source("prices.csv", Self.prices))
    #expect(summary.count("price", .added) == 2)
    let metal = try database.price(named: "metal-h100-node")
    #expect(
      metal
        == PriceQuote(
          name: "metal-h100-node", provider: "hetzner", gpuModel: "H100-SXM5-80GB",
          pricingModel: .bareMetal,
          amount: 14600, unit: .nodeMonth, gpusPerUnit: 8, minimumTermMonths: 12, setupFee: 0,
          currency: "EUR",
          effectiveDate: "2024-02-29", source: "quote, 2024", region: "fsn1"))
    // 14600 / (8 · 730)
    #expect(metal.perGPUHour == 14600.0 / 5840.0)
    #expect(try database.price(named: "lambda-h100-8x-on-demand").perGPUHour == 2.99)
    #expect(
      try database.importPrices(source("prices.csv", Self.prices)).count("price", .unchanged) == 2)
  }

  @Test func changedPriceNeedsReplace() throws {
    let database = try CapsimDatabase.inMemory()
    try database.importPrices(source("prices.csv", Self.prices))
    let changed = Self.prices.replacingOccurrences(of: "23.92", with: "24.00")
    let error = try expectRejected(database) {
      try database.importPrices(source("prices.csv", changed))
    }
    #expect(
      error
        == .alreadyExists(
          SourceLocation(file: "prices.csv", line: 2, column: 1, field: "name"), kind: "price",
          name: "lambda-h100-8x-on-demand"))
    var options = PriceImportOptions()
    options.replace = true
    #expect(
      try database.importPrices(source("prices.csv", changed), options: options).count(
        "price", .replaced) == 1)
    #expect(try database.price(named: "lambda-h100-8x-on-demand").amount == 24)
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var row: String
    var message: String
    var testDescription: String { name }
  }

  static let row = "x,p,H100,on_demand,2.5,gpu_hour,1,0,0,USD,2025-01-01,src,"
  static let cases: [Case] = [
    Case(
      name: "negative", row: row.replacingOccurrences(of: "2.5", with: "-2.5"),
      message: "prices.csv:3:20: error: field 'amount' is -2.5; prices must be ≥ 0"),
    Case(
      name: "NaN", row: row.replacingOccurrences(of: "2.5", with: "nan"),
      message: "prices.csv:3:20: error: field 'amount' is nan; prices must be ≥ 0"),
    Case(
      name: "pricing model", row: row.replacingOccurrences(of: "on_demand", with: "ondemand"),
      message:
        "prices.csv:3:10: error: field 'pricing_model': unknown pricing model 'ondemand'\nhelp: did you mean 'on_demand'?"
    ),
    Case(
      name: "date", row: row.replacingOccurrences(of: "2025-01-01", with: "2025-02-30"),
      message:
        "prices.csv:3:43: error: field 'effective_date' is '2025-02-30'; a date must be a real date written YYYY-MM-DD"
    ),
    Case(
      name: "currency", row: row.replacingOccurrences(of: "USD", with: "usd"),
      message:
        "prices.csv:3:39: error: field 'currency' is 'usd'; a currency is a three-letter upper-case ISO 4217 code"
    ),
    Case(
      name: "gpus per unit", row: row.replacingOccurrences(of: "gpu_hour,1,", with: "gpu_hour,0,"),
      message:
        "prices.csv:3:33: error: field 'gpus_per_unit' is 0; a unit must hold more than 0 GPUs"),
    Case(
      name: "duplicate name", row: "lambda-h100-8x-on-demand" + row.dropFirst(),
      message:
        "prices.csv:3:1: error: field 'name': price 'lambda-h100-8x-on-demand' is defined twice in this file (first on line 2)"
    ),
  ]

  @Test(arguments: cases)
  func badRowsRejectTheWholeFile(_ example: Case) throws {
    let database = try CapsimDatabase.inMemory()
    try database.importPrices(
      source("first.csv", Self.header + "kept,p,H100,spot,1,gpu_hour,1,0,0,USD,2025-01-01,s,\n"))
    let text =
      Self.header
      + "lambda-h100-8x-on-demand,lambda,H100,on_demand,23.92,instance_hour,8,0,0,USD,2025-01-15,s,\n"
      + example.row + "\n"
    let error = try expectRejected(database) {
      try database.importPrices(source("prices.csv", text))
    }
    #expect(error?.description.hasPrefix(example.message) == true, "\(error?.description ?? "nil")")
    #expect(try database.prices().map(\.name) == ["kept"])
  }

  @Test func skyPilotCatalog() throws {
    let database = try CapsimDatabase.inMemory()
    var options = PriceImportOptions()
    options.effectiveDate = "2025-06-01"
    let catalog = ImportSource(fileName: "catalogs/v6/aws/vms.csv", text: Fixtures.skyPilotVMs)
    #expect(try CapsimDatabase.detectPriceFormat(catalog, options: options) == .skypilot)
    let summary = try database.importPrices(catalog, options: options)
    #expect(summary.count("price", .added) == 18)
    #expect(
      summary.skipped == [
        .init(reason: "repeated row", count: 1),
        .init(reason: "no price", count: 1),
        .init(reason: "no accelerator (CPU-only instance)", count: 2),
      ])
    let prices = try database.prices()
    #expect(prices.filter { $0.pricingModel == .onDemand }.count == 11)
    #expect(prices.filter { $0.pricingModel == .spot }.count == 7)
    let g5 = try database.price(named: "aws-g5-12xlarge-us-west-2-usw2-az1-on-demand")
    #expect(
      g5.unit == .instanceHour && g5.gpusPerUnit == 4 && g5.gpuModel == "A10G"
        && g5.region == "us-west-2")
    #expect(g5.perGPUHour == 5.672 / 4)
    #expect(
      g5.source == "SkyPilot catalog catalogs/v6/aws/vms.csv" && g5.effectiveDate == "2025-06-01")
    #expect(
      try database.price(named: "aws-p4d-24xlarge-us-east-1-use1-az1-spot").perGPUHour == 12.9204
        / 8)
    // Fractional accelerator: one sixth of an A10 for 0.454 per hour is 2.724 per GPU-hour.
    let azure = try database.price(named: "aws-standard-nv6ads-a10-v5-eastus-on-demand")
    #expect(azure.perGPUHour == 0.454 / 0.16666666666666666)
    #expect(throws: StoreError.self) {
      _ = try database.price(named: "aws-p4d-24xlarge-us-east-1-use1-az2-spot")
    }
    // Re-importing the same catalog changes nothing.
    #expect(try database.importPrices(catalog, options: options).count("price", .unchanged) == 18)
  }

  @Test func skyPilotNeedsADateAndAProvider() throws {
    let database = try CapsimDatabase.inMemory()
    var options = PriceImportOptions()
    options.format = .skypilot
    let bare = ImportSource(fileName: "vms.csv", text: Fixtures.skyPilotVMs)
    options.effectiveDate = "2025-06-01"
    let error = try expectRejected(database) { try database.importPrices(bare, options: options) }
    #expect(error?.location.file == "--provider")
    options.effectiveDate = nil
    options.provider = "aws"
    let dateError = try expectRejected(database) {
      try database.importPrices(bare, options: options)
    }
    #expect(dateError?.location.file == "--effective-date")
  }
}
