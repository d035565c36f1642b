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
      name: "amount above 10^6 per GPU-hour",
      row: row.replacingOccurrences(of: "2.5", with: "1e308"),
      message:
        "prices.csv:3:20: error: field 'amount' is 1e308; that is 1e+308 per GPU-hour, which must be between 0 and 1000000\nhelp: correct the value: the price of one GPU for one hour in the price's currency, at most 10^6 (the same limit as a scenario's price_per_gpu_hour)"
    ),
    Case(
      name: "amount per node-month above 10^6 per GPU-hour",
      row: "x,p,H100,bare_metal,5840000001,node_month,8,0,0,USD,2025-01-01,src,",
      message:
        "prices.csv:3:21: error: field 'amount' is 5840000001; that is 1000000.0001712329 per GPU-hour, which must be between 0 and 1000000"
    ),
    Case(
      name: "gpus per unit below 0.01",
      row: row.replacingOccurrences(of: "gpu_hour,1,", with: "gpu_hour,1e-300,"),
      message:
        "prices.csv:3:33: error: field 'gpus_per_unit' is 1e-300; it must be between 0.01 and 100000\nhelp: correct the value: GPUs in one unit, from 0.01"
    ),
    Case(
      name: "part of a GPU in a committed node",
      row: "x,p,H100,bare_metal,2.5,node_month,0.5,0,0,USD,2025-01-01,src,",
      message:
        "prices.csv:3:36: error: field 'gpus_per_unit' is 0.5; it must be a whole number between 1 and 100000\nhelp: correct the value: GPUs in one committed node; jobs run on whole GPUs"
    ),
    Case(
      name: "minimum term of 10^11 months",
      row: row.replacingOccurrences(of: "gpu_hour,1,0,", with: "gpu_hour,1,100000000000,"),
      message:
        "prices.csv:3:35: error: field 'minimum_term_months' is 100000000000; a term is a whole number between 0 and 600 months\nhelp: use 0 for pay-as-you-go; the shortest commitment in months, from 0 to 600 (50 years)"
    ),
    Case(
      name: "set-up fee above 10^9",
      row: row.replacingOccurrences(of: ",0,0,USD", with: ",0,1e308,USD"),
      message:
        "prices.csv:3:37: error: field 'setup_fee' is 1e308; it must be between 0 and 1000000000"
    ),
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

  @Test func dateMoreThanTheLatestIsRejected() throws {
    let database = try CapsimDatabase.inMemory()
    var options = PriceImportOptions()
    options.latestEffectiveDate = CalendarDay("2026-06-01")
    let far = Self.header + Self.row.replacingOccurrences(of: "2025-01-01", with: "9999-12-31")
    let error = try expectRejected(database) {
      try database.importPrices(source("prices.csv", far), options: options)
    }
    #expect(
      error?.description
        == """
        prices.csv:2:43: error: field 'effective_date' is '9999-12-31'; a price cannot take effect after 2026-06-01, a year from today
        help: check the year; a price dated in the future is never flagged as stale (give the day it was observed or takes effect)
        """)
    let onTheDay = Self.header + Self.row.replacingOccurrences(of: "2025-01-01", with: "2026-06-01")
    #expect(
      try database.importPrices(source("prices.csv", onTheDay), options: options).count(
        "price", .added) == 1)
  }

  @Test func skyPilotCountsAndPricesAreBounded() throws {
    let header =
      "InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,Price,SpotPrice,Region\n"
    var options = PriceImportOptions()
    options.effectiveDate = "2025-06-01"
    options.provider = "aws"
    let database = try CapsimDatabase.inMemory()
    let tiny = try expectRejected(database) {
      try database.importPrices(
        source("vms.csv", header + "g.x,A10G,1e-300,4,16,1.0,,us-east-1\n"), options: options)
    }
    #expect(
      tiny?.description.hasPrefix(
        "vms.csv:2:10: error: field 'AcceleratorCount' is 1e-300; it must be between 0.01 and 100000"
      )
        == true, "\(tiny?.description ?? "nil")")
    let huge = try expectRejected(database) {
      try database.importPrices(
        source("vms.csv", header + "g.x,A10G,1,4,16,1.0,1e308,us-east-1\n"), options: options)
    }
    #expect(
      huge?.description.hasPrefix(
        "vms.csv:2:21: error: field 'SpotPrice' is 1e+308; that is 1e+308 per GPU-hour, which must be between 0 and 1000000"
      ) == true, "\(huge?.description ?? "nil")")
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
