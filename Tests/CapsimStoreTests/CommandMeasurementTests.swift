import Testing

@testable import CapsimStore

/// `capsim measure`'s library: runs real commands, parses output, exports hyperfine JSON that
/// imports back to the same values.
@Suite struct CommandMeasurementTests {
  @Test func wallTimesExportAndImportBackIdentically() throws {
    let measurement = CommandMeasurement(command: ["true"], runs: 4, warmupRuns: 1)
    var progress: [(Int, Bool)] = []
    let values = try measurement.run { index, _, _, warmup in progress.append((index, warmup)) }
    #expect(values.count == 4 && values.allSatisfy { $0.seconds > 0 && $0.seconds < 60 })
    #expect(
      progress.map(\.0) == [1, 2, 3, 4, 5]
        && progress.map(\.1) == [true, false, false, false, false])
    let seconds = values.map(\.seconds)

    let database = try databaseWithPlatforms()
    var options = SampleImportOptions()
    options.platform = "metal-a100"
    options.sampleSetName = "back"
    try database.importSamples(
      source("export.json", measurement.hyperfineJSON(seconds)), options: options)
    #expect(try database.sampleSet(named: "back").seconds == seconds)

    var measured = SampleImportOptions()
    measured.format = .jsonLines
    try database.importSamples(
      source(
        "capsim measure",
        CommandMeasurement.jsonLines(
          values, set: "measured", platform: "metal-a100", metric: "job_time", host: "h")),
      options: measured)
    #expect(try database.sampleSet(named: "measured").seconds == seconds)
  }

  @Test func parsedValuesInTheirUnit() throws {
    let measurement = CommandMeasurement(
      command: ["sh", "-c", "echo 'step 12.5 ms'; echo 'step 0.5 ms'; echo 'loss 3'"], runs: 2,
      pattern: "step ([0-9.]+) ms", unit: .milliseconds)
    #expect(try measurement.run().map(\.seconds) == [0.0125, 0.0005, 0.0125, 0.0005])
    let nothing = CommandMeasurement(command: ["true"], runs: 1, pattern: "step ([0-9.]+)")
    #expect(throws: ImportError.self) { try nothing.run() }
  }

  @Test func aFailingRunStopsWithItsStatus() throws {
    let measurement = CommandMeasurement(
      command: ["sh", "-c", "exit 7"], runs: 3, warmupRuns: 0)
    #expect(throws: CommandMeasurement.Failure(command: "sh -c 'exit 7'", run: 1, status: 7)) {
      try measurement.run()
    }
  }
}
