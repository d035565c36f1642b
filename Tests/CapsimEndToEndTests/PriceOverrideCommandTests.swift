import Foundation
import Testing
import _CapsimTestSupport

/// `price_per_gpu_hour` end to end: a scenario's price per GPU-hour against the same price edited in
/// the database, in sweeps and tornadoes, and bad values.
@Suite("price_per_gpu_hour, end to end")
struct PriceOverrideCommandTests {
  let directory: URL

  init() throws {
    directory = try Fixtures.temporaryDirectory()
  }

  /// A test-owned committed price: 8-GPU node-months at `amount` (11,680 = 2.00 per GPU-hour).
  static func priceCSV(amount: String) -> String {
    """
    name,provider,gpu_model,pricing_model,amount,unit,gpus_per_unit,minimum_term_months,setup_fee,currency,effective_date,source,region
    test-metal,test,H100-SXM5-80GB,bare_metal,\(amount),node_month,8,12,2500.00,USD,2026-01-01,test fixture,

    """
  }

  /// borderline-growing-team with the committed option on the test price and 4 fixed nodes.
  static let scenario = """
    version: 1
    name: priced
    horizon_months: 12
    trials: 150
    seed: 7
    workload:
      jobs_per_month: 80
      growth: {model: linear, rate_per_month: 0.025}
      gpus_per_job: 8
      steps_per_job: 72000
      deadline_hours: 48
    options:
      - name: neocloud-on-demand
        samples: h100-8gpu-step-time-shared
        price: lambda-h100-sxm5-8x-on-demand
        queue_wait: {samples: h100-queue-wait-shared}
      - name: bare-metal
        samples: h100-8gpu-step-time-baremetal
        price: test-metal
        nodes: 4
    """

  /// A database with the bundled data and `test-metal` at `amount`.
  func database(_ name: String, amount: String) throws -> String {
    let path = directory.appendingPathComponent("\(name).sqlite").path
    let csv = directory.appendingPathComponent("\(name)-prices.csv")
    try Self.priceCSV(amount: amount).write(to: csv, atomically: true, encoding: .utf8)
    let imported = try CapsimExecutable.run(["import", "prices", csv.path, "--db", path])
    #expect(imported.exitCode == 0, "\(imported.standardError)")
    return path
  }

  func write(_ text: String, _ name: String) throws -> String {
    let url = directory.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  /// The JSON report without its `overrides` and the options' `notes` (the parts that say how the
  /// price was given), and the notes of each option.
  static func comparable(_ json: String) throws -> (NSDictionary, [String: [String]]) {
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
    let dictionary = try #require(object as? NSDictionary).mutableCopy() as! NSMutableDictionary
    dictionary.removeObject(forKey: "overrides")
    var notes: [String: [String]] = [:]
    let options = try #require(dictionary["options"] as? [NSDictionary]).map { option in
      let copy = option.mutableCopy() as! NSMutableDictionary
      notes[copy["name"] as? String ?? ""] = copy["notes"] as? [String] ?? []
      copy.removeObject(forKey: "notes")
      return copy
    }
    dictionary["options"] = options
    return (dictionary, notes)
  }

  /// The reference is the price edited in the database: 2.1 per GPU-hour is an amount of
  /// 2.1 × 8 × 730 = 12,264 per node-month. The scenario's `price_per_gpu_hour: 2.1`, in the file or in
  /// a --set, gives every metric of that run exactly (JSON compared whole, apart from overrides and the
  /// notes), and the notes say which way the price was given.
  @Test func aReplacedPriceEqualsThePriceEditedInTheDatabase() throws {
    let quoted = try database("quoted", amount: "11680.00")
    let edited = try database("edited", amount: "12264.00")
    let file = try write(Self.scenario, "priced.yaml")
    let inFile = try write(
      Self.scenario.replacingOccurrences(
        of: "price: test-metal\n", with: "price: test-metal\n    price_per_gpu_hour: 2.1\n"),
      "priced-in-file.yaml")
    let common = ["--format", "json", "--no-save"]
    let environment = ["CAPSIM_RUN_DATE": "2026-12-06"]
    let reference = try CapsimExecutable.run(
      ["run", file, "--db", edited] + common, environment: environment)
    let set = try CapsimExecutable.run(
      ["run", file, "--db", quoted, "--set", "options.bare-metal.price_per_gpu_hour=2.1"] + common,
      environment: environment)
    let written = try CapsimExecutable.run(
      ["run", inFile, "--db", quoted] + common, environment: environment)
    for result in [reference, set, written] {
      #expect(result.exitCode == 0, "\(result.standardError)")
    }
    let (referenceReport, referenceNotes) = try Self.comparable(reference.standardOutput)
    let (setReport, setNotes) = try Self.comparable(set.standardOutput)
    let (writtenReport, writtenNotes) = try Self.comparable(written.standardOutput)
    #expect(setReport == referenceReport)
    #expect(writtenReport == referenceReport)
    #expect(set.standardOutput.contains("\"price_per_gpu_hour\" : 2.1,"))
    let replaced =
      "price per GPU-hour (price_per_gpu_hour) set by the scenario to 2.1 USD, replacing the quoted "
      + "2 USD of 'test-metal' (dated 2026-01-01; its age is not checked)"
    #expect(setNotes["bare-metal"]?.contains(replaced) == true, "\(setNotes)")
    #expect(writtenNotes["bare-metal"] == setNotes["bare-metal"])
    // Edited in the database, the quote is the price billed and its age is flagged.
    #expect(
      referenceNotes["bare-metal"]?.contains { $0.hasPrefix("price 'test-metal' is dated") }
        == true, "\(referenceNotes)")
    // And the quoted price gives other numbers.
    let base = try CapsimExecutable.run(
      ["run", file, "--db", quoted] + common, environment: environment)
    #expect(try Self.comparable(base.standardOutput).0 != referenceReport)
  }

  /// Committed cost is linear in the price: 4 nodes × 8 GPUs × 730 h × 12 months = 280,320 GPU-hours,
  /// so 1.8 → 2.2 per GPU-hour adds 112,128 to bare metal's total at every point of a sweep, and the
  /// tornado's swing of the saving is the same 112,128.
  @Test func sweepAndTornadoMoveTheCostByGPUHoursTimesThePriceStep() throws {
    let quoted = try database("quoted", amount: "11680.00")
    let file = try write(Self.scenario, "priced.yaml")
    let vary = "options.bare-metal.price_per_gpu_hour=1.8,2.2"
    let sweep = try CapsimExecutable.run(
      ["sweep", file, "--db", quoted, "--trials", "40", "--vary", vary, "--format", "csv"])
    #expect(sweep.exitCode == 0, "\(sweep.standardError)")
    let rows = sweep.standardOutput.split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    let column = try #require(rows.first?.firstIndex(of: "bare-metal.total_cost"))
    let costs = rows.dropFirst().compactMap { Double($0[column]) }
    #expect(costs.count == 2)
    #expect(abs(costs[1] - costs[0] - 112_128) < 1e-6, "\(costs)")

    let tornado = try CapsimExecutable.run(
      ["sensitivity", file, "--db", quoted, "--trials", "40", "--vary", vary, "--format", "json"])
    #expect(tornado.exitCode == 0, "\(tornado.standardError)")
    let object = try JSONSerialization.jsonObject(with: Data(tornado.standardOutput.utf8))
    let bar = try #require(((object as? [String: Any])?["bars"] as? [[String: Any]])?.first)
    #expect(bar["path"] as? String == "options.bare-metal.price_per_gpu_hour", "\(bar)")
    let swing = try #require(bar["swing"] as? Double)
    #expect(abs(swing - 112_128) < 1e-6, "swing \(swing)")
  }

  struct BadCase: CustomTestStringConvertible, Sendable {
    let name: String
    let arguments: [String]
    let fileValue: String?
    let location: String
    let message: String
    var testDescription: String { name }
  }

  static let badCases: [BadCase] = [
    BadCase(
      name: "negative --set", arguments: ["--set", "options.bare-metal.price_per_gpu_hour=-2"],
      fileValue: nil, location: "--set 1: error:", message: "'price_per_gpu_hour' is -2"),
    BadCase(
      name: "NaN in the file", arguments: [], fileValue: ".nan",
      location: "bad.yaml:20:25: error:", message: "options[1].price_per_gpu_hour"),
    BadCase(
      name: "p95 below p5 in the file", arguments: [], fileValue: "{p5: 3, p95: 2}",
      location: "bad.yaml:20:25: error:", message: "p95 (2.0) must be above p5 (3.0)"),
    BadCase(
      name: "a distribution reaching below 0 in a --set",
      arguments: ["--set", "options.bare-metal.price_per_gpu_hour={normal: {mean: 1, sd: 1}}"],
      fileValue: nil, location: "--set 1: error:", message: "'price_per_gpu_hour' must be ≥ 0"),
  ]

  /// Each bad value is one error naming where it was written (file, line and column, or the --set)
  /// and the field, with a help line; exit 64 and nothing simulated.
  @Test(arguments: badCases)
  func aBadPriceIsOneErrorWithHelp(_ bad: BadCase) throws {
    let quoted = try database("quoted", amount: "11680.00")
    var text = Self.scenario
    if let value = bad.fileValue {
      text = text.replacingOccurrences(
        of: "price: test-metal\n", with: "price: test-metal\n    price_per_gpu_hour: \(value)\n")
    }
    let file = try write(text, "bad.yaml")
    let result = try CapsimExecutable.run(
      ["run", file, "--db", quoted, "--no-save"] + bad.arguments)
    #expect(result.exitCode == 64, "\(result.standardError)")
    #expect(result.standardOutput.isEmpty)
    #expect(
      result.standardError.components(separatedBy: "error:").count == 2, "\(result.standardError)")
    #expect(result.standardError.contains(bad.location), "\(result.standardError)")
    #expect(result.standardError.contains(bad.message), "\(result.standardError)")
    #expect(result.standardError.contains("\nhelp: "), "\(result.standardError)")
  }
}
