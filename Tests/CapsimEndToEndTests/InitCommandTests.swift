import Foundation
import Testing
import _CapsimTestSupport

@Suite("capsim init, end to end")
struct InitCommandTests {
  let directory: URL
  var database: String { directory.appendingPathComponent("capsim.sqlite").path }

  init() throws {
    directory = try Fixtures.temporaryDirectory()
  }

  @Test func theStarterScenarioLoadsAndRuns() throws {
    let file = directory.appendingPathComponent("starter.yaml").path
    let initRun = try CapsimExecutable.run(["init", "-o", file, "--db", database])
    #expect(initRun.exitCode == 0, "\(initRun.standardError)")
    let text = try String(contentsOfFile: file, encoding: .utf8)
    #expect(text.hasPrefix("# Starter scenario written by `capsim init`"))
    #expect(text.contains("price: lambda-h100-sxm5-8x-on-demand"))
    #expect(text.contains("price: baremetal-h100-8x-commit-12m"))
    let run = try CapsimExecutable.run([
      "run", file, "--db", database, "--trials", "50", "--no-save",
    ])
    #expect(run.exitCode == 0, "\(run.standardError)")
    #expect(run.standardOutput.contains("pay-per-use") && run.standardOutput.contains("committed"))
    let again = try CapsimExecutable.run(["init", "-o", file, "--db", database])
    #expect(again.exitCode != 0 && again.standardError.contains("--force"))
  }

  @Test func chosenNamesAreUsedAndUnknownOnesSuggested() throws {
    let chosen = try CapsimExecutable.run([
      "init", "--shared", "lambda-a100-sxm4-40gb-1x-on-demand", "--dedicated",
      "baremetal-a100-8x-commit-12m", "--samples", "a100-1gpu-job-time-shared",
      "--dedicated-samples", "a100-1gpu-job-time-baremetal", "--db", database,
    ])
    #expect(chosen.exitCode == 0, "\(chosen.standardError)")
    #expect(chosen.standardOutput.contains("gpus_per_job: 1 "))
    #expect(chosen.standardOutput.contains("steps_per_job: 1 "))
    let file = directory.appendingPathComponent("a100.yaml")
    try chosen.standardOutput.write(to: file, atomically: true, encoding: .utf8)
    let run = try CapsimExecutable.run([
      "run", file.path, "--db", database, "--trials", "50", "--no-save",
    ])
    #expect(run.exitCode == 0, "\(run.standardError)")
    let bad = try CapsimExecutable.run([
      "init", "--shared", "lambda-h100-sxm5-8x-ondemand", "--db", database,
    ])
    #expect(bad.exitCode == 64)
    #expect(bad.standardError.contains("did you mean 'lambda-h100-sxm5-8x-on-demand'"))
  }
}
