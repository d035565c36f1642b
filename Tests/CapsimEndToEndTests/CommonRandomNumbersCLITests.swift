import Foundation
import Testing
import _CapsimTestSupport

/// Common random numbers through the command line: changing one option's setting in the scenario file leaves
/// every other option's reported results byte-identical.
@Suite("Common random numbers, end to end")
struct CommonRandomNumbersCLITests {
  static func scenario(preemptions: Double) -> String {
    """
    version: 1
    name: crn-check
    horizon_months: 6
    trials: 200
    seed: 5
    workload: {jobs_per_month: 40, arrivals: poisson, gpus_per_job: 8, steps_per_job: 36000, deadline_hours: 24}
    options:
      - name: steady
        samples: h100-8gpu-step-time-shared
        price: lambda-h100-sxm5-8x-on-demand
        interruptions: {failures_per_gpu_hour: 0.00002, checkpoint_every_hours: daly, checkpoint_hours: 0.1, restart_hours: 0.25}
      - name: spot
        samples: h100-8gpu-step-time-spot
        price: aws-p5-h100-spot
        interruptions: {preemptions_per_gpu_hour: \(preemptions), failures_per_gpu_hour: 0.00002, checkpoint_every_hours: daly, checkpoint_hours: 0.1, restart_hours: 0.25}
      - name: metal
        samples: h100-8gpu-step-time-baremetal
        price: baremetal-h100-8x-commit-12m
        nodes: 2
    """
  }

  @Test func otherOptionsDoNotMoveWhenOneChanges() throws {
    let directory = try Fixtures.temporaryDirectory()
    let database = directory.appendingPathComponent("capsim.sqlite").path
    var options: [[String: [String: Any]]] = []
    for (index, rate) in [0.0003, 0.003].enumerated() {
      let path = directory.appendingPathComponent("crn-\(index).yaml").path
      try Self.scenario(preemptions: rate).write(toFile: path, atomically: true, encoding: .utf8)
      let run = try CapsimExecutable.run([
        "run", path, "--db", database, "--format", "json", "--no-save", "--threads", "2",
      ])
      #expect(run.exitCode == 0, "\(run.standardError)")
      let json =
        try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
      var byName: [String: [String: Any]] = [:]
      for option in json?["options"] as? [[String: Any]] ?? [] {
        byName[option["name"] as? String ?? ""] = option
      }
      options.append(byName)
    }
    for name in ["steady", "metal"] {
      let before = try #require(options[0][name])
      let after = try #require(options[1][name])
      #expect(NSDictionary(dictionary: before).isEqual(to: after), "\(name) moved")
    }
    let spotBefore = try #require(options[0]["spot"])
    let spotAfter = try #require(options[1]["spot"])
    #expect(!NSDictionary(dictionary: spotBefore).isEqual(to: spotAfter))
  }
}
