import Foundation
import Testing
import _CapsimTestSupport

@Suite("capsim measure, end to end")
struct MeasureCommandTests {
  let directory: URL
  var database: String { directory.appendingPathComponent("capsim.sqlite").path }

  init() throws {
    directory = try Fixtures.temporaryDirectory()
  }

  /// The `data list --format csv` row of a sample set, without its name and source.
  func statistics(_ name: String) throws -> [Substring] {
    let list = try CapsimExecutable.run(["data", "list", "--db", database, "--format", "csv"])
    let row = try #require(
      list.standardOutput.split(separator: "\n").first { $0.hasPrefix("sample_set,\(name),") })
    return Array(row.split(separator: ",", omittingEmptySubsequences: false)[4...9])
  }

  @Test func recordsRunsAndTheExportImportsBackIdentically() throws {
    let export = directory.appendingPathComponent("hf.json").path
    let run = try CapsimExecutable.run([
      "measure", "--set", "tiny", "--platform", "laptop", "--create-platform", "shared", "--runs",
      "3", "--warmup", "1", "--export-json", export, "--db", database, "--", "sh", "-c", "exit 0",
    ])
    #expect(run.exitCode == 0, "\(run.standardError)")
    #expect(run.standardError.contains("run 1/4 (warm-up)"))
    #expect(run.standardError.contains("added sample set 'tiny' (3 values)"))
    #expect(run.standardError.contains("3 values: mean "))
    let back = try CapsimExecutable.run([
      "import", "samples", export, "--platform", "laptop", "--set", "tiny-back", "--db", database,
    ])
    #expect(back.exitCode == 0, "\(back.standardError)")
    #expect(try statistics("tiny") == statistics("tiny-back"))
  }

  @Test func aFailingCommandExitsWithItsStatusAndKeepsNothing() throws {
    let run = try CapsimExecutable.run([
      "measure", "--set", "broken", "--platform", "laptop", "--create-platform", "shared",
      "--db", database, "--", "sh", "-c", "exit 5",
    ])
    #expect(run.exitCode == 5)
    #expect(run.standardError.contains("exited with status 5 on run 1; nothing was recorded"))
    let list = try CapsimExecutable.run(["data", "list", "--db", database])
    #expect(!list.standardOutput.contains("broken"))
  }
}
