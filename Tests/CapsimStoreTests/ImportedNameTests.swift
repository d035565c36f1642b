import Testing

@testable import CapsimStore

/// Imported names hold no control characters, like a scenario's option names: a sample set named
/// `a\u{1}b` or with a line break was stored, and `capsim data list` then wrote the raw bytes to the
/// terminal. Every importer refuses one where it stands (file, line, field) and writes nothing.
@Suite struct ImportedNameTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    /// Imports into `database`; must throw.
    var run: @Sendable (CapsimDatabase) throws -> Void
    var expected: ImportError
    var testDescription: String { name }
  }

  static let samplesHeader = "sample_set,platform,metric,unit,value\n"
  static let pricesHeader =
    "name,provider,gpu_model,pricing_model,amount,unit,gpus_per_unit,minimum_term_months,setup_fee,"
    + "currency,effective_date,source,region\n"
  static let priceRow =
    "NAME,PROVIDER,H100,on_demand,2,gpu_hour,1,0,0,USD,2025-01-15,SOURCE,REGION\n"

  static func price(
    name: String = "p", provider: String = "aws", source: String = "quote", region: String = ""
  ) -> String {
    pricesHeader
      + priceRow.replacingOccurrences(of: "NAME", with: name)
      .replacingOccurrences(of: "PROVIDER", with: provider)
      .replacingOccurrences(of: "SOURCE", with: source)
      .replacingOccurrences(of: "REGION", with: region)
  }

  static func field(
    _ file: String, _ line: Int, _ column: Int, _ field: String, value: String, code: String,
    multiline: Bool = false
  ) -> ImportError {
    .invalidValue(
      SourceLocation(file: file, line: line, column: column, field: field), value: value,
      reason: "it contains the control character \(code)",
      help: multiline
        ? "remove it: '\(field)' may hold line breaks and tabs, but no other control characters"
        : "remove it: '\(field)' is one line of printable text")
  }

  static func option(_ flag: String, value: String, code: String) -> ImportError {
    .invalidOption(
      SourceLocation(file: flag),
      reason:
        "\(flag) '\(escapingControlCharacters(value))' contains the control character \(code)",
      help: "remove it: \(flag) is one line of printable text")
  }

  static let cases: [Case] = [
    Case(
      name: "sample set with U+0001 (CSV)",
      run: {
        try $0.importSamples(source("s.csv", samplesHeader + "a\u{1}b,cloud-a100,job_time,s,1\n"))
      },
      expected: field("s.csv", 2, 1, "sample_set", value: "a\u{1}b", code: "U+0001")),
    Case(
      name: "sample set with a quoted line break (CSV)",
      run: {
        try $0.importSamples(source("s.csv", samplesHeader + "\"fz\na\",cloud-a100,job_time,s,1\n"))
      },
      expected: field("s.csv", 2, 1, "sample_set", value: "fz\na", code: "U+000A")),
    Case(
      name: "platform with DEL, created on request (CSV)",
      run: {
        var options = SampleImportOptions()
        options.createMissingPlatforms = PlatformDefaults(
          kind: .shared, gpuModel: "x", provider: "y")
        try $0.importSamples(
          source("s.csv", samplesHeader + "fz,new\u{7F},job_time,s,1\n"), options: options)
      },
      expected: field("s.csv", 2, 4, "platform", value: "new\u{7F}", code: "U+007F")),
    Case(
      name: "sample set with an escape sequence (JSON Lines)",
      run: {
        try $0.importSamples(
          source(
            "s.jsonl",
            #"{"sample_set": "a\u001b[31m", "platform": "cloud-a100", "metric": "job_time", "unit": "s", "value": 1}"#
          ))
      },
      expected: ImportError.invalidValue(
        SourceLocation(file: "s.jsonl", line: 1, column: 1, field: "sample_set"),
        value: "a\u{1B}[31m", reason: "it contains the control character U+001B",
        help: "remove it: 'sample_set' is one line of printable text")),
    Case(
      name: "--set with a tab (table)",
      run: {
        var options = SampleImportOptions()
        options.format = .table
        options.valueColumn = "d"
        options.sampleSetName = "a\tb"
        options.platform = "cloud-a100"
        try $0.importSamples(source("t.csv", "d\n1\n"), options: options)
      },
      expected: option("--set", value: "a\tb", code: "U+0009")),
    Case(
      name: "--platform with a C1 control (hyperfine)",
      run: {
        var options = SampleImportOptions()
        options.platform = "cloud\u{85}"
        try $0.importSamples(
          source("h.json", #"{"results": [{"command": "sleep 1", "times": [1]}]}"#),
          options: options)
      },
      expected: option("--platform", value: "cloud\u{85}", code: "U+0085")),
    Case(
      name: "--provider of created platforms",
      run: {
        var options = SampleImportOptions()
        options.createMissingPlatforms = PlatformDefaults(
          kind: .shared, gpuModel: "x", provider: "a\u{1B}")
        try $0.importSamples(
          source("s.csv", samplesHeader + "fz,new,job_time,s,1\n"), options: options)
      },
      expected: option("--provider", value: "a\u{1B}", code: "U+001B")),
    Case(
      name: "platform name",
      run: {
        try $0.importPlatforms(
          csv: source("p.csv", "name,kind,gpu_model,provider\n\"x\ny\",shared,H100,aws\n"))
      },
      expected: field("p.csv", 2, 1, "name", value: "x\ny", code: "U+000A")),
    Case(
      name: "platform provider",
      run: {
        try $0.importPlatforms(
          csv: source("p.csv", "name,kind,gpu_model,provider\nx,shared,H100,a\u{2}\n"))
      },
      expected: field("p.csv", 2, 15, "provider", value: "a\u{2}", code: "U+0002")),
    Case(
      name: "platform description with a bell (line breaks and tabs are allowed)",
      run: {
        try $0.importPlatforms(
          csv: source(
            "p.csv", "name,kind,gpu_model,provider,description\nx,shared,H100,aws,\"a\n\tb\u{7}\"\n"
          ))
      },
      expected: field(
        "p.csv", 2, 19, "description", value: "a\n\tb\u{7}", code: "U+0007", multiline: true)),
    Case(
      name: "price name",
      run: { try $0.importPrices(source("q.csv", price(name: "p\u{1}"))) },
      expected: field("q.csv", 2, 1, "name", value: "p\u{1}", code: "U+0001")),
    Case(
      name: "price provider",
      run: { try $0.importPrices(source("q.csv", price(provider: "a\u{1B}[2J"))) },
      expected: field("q.csv", 2, 3, "provider", value: "a\u{1B}[2J", code: "U+001B")),
    Case(
      name: "price region",
      run: { try $0.importPrices(source("q.csv", price(region: "eu\u{8}"))) },
      expected: field("q.csv", 2, 60, "region", value: "eu\u{8}", code: "U+0008")),
    Case(
      name: "SkyPilot region",
      run: {
        var options = PriceImportOptions()
        options.effectiveDate = "2026-01-01"
        options.provider = "lambda"
        try $0.importPrices(
          source(
            "vms.csv",
            "InstanceType,AcceleratorName,AcceleratorCount,Price,Region\n"
              + "gpu_1x_h100,H100,1,2.49,us\u{1}east\n"),
          options: options)
      },
      expected: field("vms.csv", 2, 25, "Region", value: "us\u{1}east", code: "U+0001")),
    Case(
      name: "SkyPilot --provider",
      run: {
        var options = PriceImportOptions()
        options.effectiveDate = "2026-01-01"
        options.provider = "lam\nbda"
        try $0.importPrices(
          source(
            "vms.csv",
            "InstanceType,AcceleratorName,AcceleratorCount,Price,Region\ngpu_1x_h100,H100,1,2.49,us\n"
          ),
          options: options)
      },
      expected: option("--provider", value: "lam\nbda", code: "U+000A")),
  ]

  @Test(arguments: cases)
  func aControlCharacterInANameIsRefusedWhereItStands(_ bad: Case) throws {
    let database = try databaseWithPlatforms()
    let error = try expectRejected(database) { try bad.run(database) }
    #expect(error == bad.expected)
  }

  @Test func theRenderedErrorShowsTheCharacterEscaped() throws {
    let error = Self.field("s.csv", 2, 1, "sample_set", value: "a\u{1}b", code: "U+0001")
    #expect(
      error.description == """
        s.csv:2:1: error: field 'sample_set' is 'a\\u{1}b'; it contains the control character U+0001
        help: remove it: 'sample_set' is one line of printable text
        """)
  }

  /// A description may span lines and hold tabs, as a scenario's may.
  @Test func aPlatformDescriptionMaySpanLines() throws {
    let database = try CapsimDatabase.inMemory()
    try database.importPlatforms(
      csv: source(
        "p.csv", "name,kind,gpu_model,provider,description\nx,shared,H100,aws,\"rack 3\n\trow 2\"\n"
      ))
    #expect(try database.platform(named: "x").summary == "rack 3\n\trow 2")
  }

  /// `capsim measure` refuses such a name before running the command, not after.
  @Test func measureRefusesTheNameBeforeRunning() throws {
    let database = try databaseWithPlatforms()
    #expect(throws: Self.option("--set", value: "a\nb", code: "U+000A")) {
      try database.checkMeasurementTarget(
        set: "a\nb", platform: "cloud-a100", metric: "job_time", createsPlatform: false,
        replace: false)
    }
  }
}
