import Foundation
import Testing
import _CapsimTestSupport

@Suite("capsim data, end to end")
struct DataCommandTests {
  let database: String

  init() throws {
    database = try Fixtures.temporaryDirectory().appendingPathComponent("capsim.sqlite").path
  }

  @Test func listFitsIn100ColumnsAndNamesEverySet() throws {
    let run = try CapsimExecutable.run(["data", "list", "--db", database])
    #expect(run.exitCode == 0, "\(run.standardError)")
    for line in run.standardOutput.split(separator: "\n") {
      #expect(line.count <= 100, "line of \(line.count) columns: \(line)")
    }
    for name in [
      "h100-8gpu-step-time-shared", "h100-8gpu-step-time-baremetal", "baremetal-h100-8x-commit-12m",
    ] {
      #expect(run.standardOutput.contains(name))
    }
  }

  @Test func csvListOpensAsOneTable() throws {
    let run = try CapsimExecutable.run(["data", "list", "--db", database, "--format", "csv"])
    let lines = run.standardOutput.split(separator: "\n")
    #expect(lines.first?.hasPrefix("section,name,") == true)
    #expect(
      lines.contains { $0.hasPrefix("price,lambda-h100-sxm5-8x-on-demand,lambda,on_demand,") })
  }

  @Test func showUnknownNameSuggestsTheClosest() throws {
    let run = try CapsimExecutable.run([
      "data", "show", "h100-8gpu-step-time-sharde", "--db", database,
    ])
    #expect(run.exitCode == 64)
    #expect(run.standardError.contains("did you mean 'h100-8gpu-step-time-shared'"))
  }
}
