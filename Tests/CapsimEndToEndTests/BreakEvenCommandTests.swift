import Foundation
import Testing
import _CapsimTestSupport

@Suite("capsim break-even, end to end")
struct BreakEvenCommandTests {
  /// The borderline scenario starts at 80 jobs a month (growing) and its comment says shared is cheaper
  /// starting at 70 and bare metal starting at 90 (checked by ExampleScenarioClaimsTests): the break-even
  /// starting volume must lie between them.
  @Test func borderlineBreakEvenLiesBetweenItsTippingVolumes() throws {
    let database = try Fixtures.temporaryDirectory().appendingPathComponent("capsim.sqlite").path
    let run = try CapsimExecutable.run([
      "break-even", "scenarios/borderline-growing-team.yaml", "--db", database, "--trials", "200",
      "--format", "json",
    ])
    #expect(run.exitCode == 0, "\(run.standardError)")
    let json =
      try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
    let analysis = try #require(json?["break_even"] as? [String: Any])
    let jobs = try #require(analysis["break_even_jobs_per_month"] as? Double)
    let ninety = try #require(analysis["jobs_for_ninety_percent"] as? Double)
    #expect(jobs > 70 && jobs < 90, "break-even at \(jobs) jobs a month")
    #expect(ninety > jobs, "90% level \(ninety) above the break-even \(jobs)")
    #expect(analysis["committed_nodes"] as? Int == 4)
  }

  @Test func unknownOptionIsOneClearError() throws {
    let database = try Fixtures.temporaryDirectory().appendingPathComponent("capsim.sqlite").path
    let run = try CapsimExecutable.run([
      "break-even", "scenarios/borderline-growing-team.yaml", "--db", database, "--shared",
      "neocloud",
    ])
    #expect(run.exitCode == 64)
    #expect(run.standardError.contains("neocloud-on-demand"))
  }
}
