import Foundation
import Testing

@testable import CapsimStore

/// Prints how long a 10⁶-row sample import takes; asserts only correctness, never time. Run with
/// `CAPSIM_IMPORT_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter ImportThroughput`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["CAPSIM_IMPORT_BENCH"] == "1"))
struct ImportThroughputTests {
  @Test func millionSampleImport() throws {
    let count = 1_000_000
    var text = "sample_set,platform,metric,unit,value,gpu_count\n"
    text.reserveCapacity(count * 48)
    for index in 0..<count {
      text += "big,cloud-a100,step_time,ms,\(Double(index % 9973) * 0.25 + 100),8\n"
    }
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let (database, _) = try CapsimDatabase.openDefault(
      path: directory.appendingPathComponent("bench.sqlite").path)
    try database.importPlatforms(
      csv: source("p.csv", "name,kind,gpu_model,provider\ncloud-a100,shared,A100,aws\n"))
    let input = source("big.csv", text)
    let clock = ContinuousClock()
    let start = clock.now
    let summary = try database.importSamples(input)
    let imported = clock.now
    let set = try database.sampleSet(named: "big")
    let read = clock.now
    print(
      "10^6-sample CSV import (parse + one transaction, file-backed): \(imported - start); read back: \(read - imported)"
    )
    #expect(
      summary.valuesStored == count && set.seconds.count == count && set.seconds[1] == 0.10025)
  }
}
