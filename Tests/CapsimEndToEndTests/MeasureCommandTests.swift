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

  /// Options that would refuse the values are checked before the first run: the command is never run
  /// (its marker file stays absent), nothing is stored, and the error names the option. An export to a
  /// missing directory used to fail only after the set (and the platform) were stored, so a retry
  /// conflicted; a bad --platform or an empty --set failed after every run, located at
  /// "capsim measure:1:1".
  @Test(arguments: [
    (
      "export directory missing",
      [
        "--set", "m", "--platform", "laptop", "--create-platform", "shared", "--export-json",
        "/nonexistent-capsim-dir/x.json",
      ],
      "/nonexistent-capsim-dir/x.json: error: cannot write the output: the directory '/nonexistent-capsim-dir' does not exist\n"
        + "help: create it first (mkdir -p '/nonexistent-capsim-dir') or choose another path\n"
    ),
    (
      "unknown platform", ["--set", "m", "--platform", "cloud-h100-sharde"],
      "--platform: error: unknown platform 'cloud-h100-sharde'\n"
        + "help: did you mean 'cloud-h100-shared' or 'cloud-a100-shared'? Or add --create-platform shared (or dedicated) to create it\n"
    ),
    (
      "empty set name", ["--set", "", "--platform", "cloud-h100-shared"],
      "--set: error: the sample-set name is empty\nhelp: name the set the values are stored as, e.g. --set sleep-1\n"
    ),
    (
      "bad metric", ["--set", "m", "--platform", "cloud-h100-shared", "--metric", "Job"],
      "--metric: error: 'Job' is not a metric name (lower-case letters and underscores)\n"
        + "help: use job_time, step_time, queue_wait or another snake_case name\n"
    ),
  ])
  func refusedBeforeRunningAndNothingStored(name: String, options: [String], message: String)
    throws
  {
    #expect(try CapsimExecutable.run(["data", "list", "--db", database]).exitCode == 0)
    let before = try Data(contentsOf: URL(fileURLWithPath: database))
    let marker = directory.appendingPathComponent("ran").path
    let run = try CapsimExecutable.run(
      ["measure"] + options + ["--runs", "2", "--db", database, "--", "touch", marker])
    #expect(run.exitCode == 64)
    #expect(run.standardError == message)
    #expect(!FileManager.default.fileExists(atPath: marker), "the command ran")
    #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)
  }

  @Test func anExistingSetIsRefusedBeforeRunningUnlessReplaced() throws {
    let first = try CapsimExecutable.run([
      "measure", "--set", "again", "--platform", "cloud-h100-shared", "--runs", "1", "--db",
      database, "--", "true",
    ])
    #expect(first.exitCode == 0, "\(first.standardError)")
    let marker = directory.appendingPathComponent("ran").path
    let second = try CapsimExecutable.run([
      "measure", "--set", "again", "--platform", "cloud-h100-shared", "--runs", "1", "--db",
      database, "--", "touch", marker,
    ])
    #expect(second.exitCode == 64)
    #expect(
      second.standardError
        == "--set: error: sample set 'again' already exists with different content\n"
        + "help: use --replace to overwrite it, or import under another name\n")
    #expect(!FileManager.default.fileExists(atPath: marker))
  }
}
