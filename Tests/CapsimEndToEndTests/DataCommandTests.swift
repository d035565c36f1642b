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

@Suite("stale prices, end to end")
struct StalePriceCommandTests {
  @Test func runNotesOldPricesAndTheThresholdCanChange() throws {
    let database = try Fixtures.temporaryDirectory().appendingPathComponent("capsim.sqlite").path
    let scenario = CapsimExecutable.packageRoot.appendingPathComponent(
      "scenarios/production-training.yaml"
    ).path
    let pinned = ["CAPSIM_RUN_DATE": "2026-12-06"]
    let run = try CapsimExecutable.run(
      ["run", scenario, "--db", database, "--trials", "50", "--no-save", "--format", "md"],
      environment: pinned)
    #expect(run.exitCode == 0, "\(run.standardError)")
    // aws-p5-h100-on-demand is dated 2025-06-01 in data/prices.csv: 553 days before 2026-12-06.
    #expect(
      run.standardOutput.contains("price 'aws-p5-h100-on-demand' is dated 2025-06-01, 553 days"))
    let relaxed = try CapsimExecutable.run(
      [
        "run", scenario, "--db", database, "--trials", "50", "--no-save", "--format", "md",
        "--max-price-age", "1000",
      ], environment: pinned)
    #expect(!relaxed.standardOutput.contains("is dated"))
    let list = try CapsimExecutable.run(["data", "list", "--db", database], environment: pinned)
    #expect(list.standardOutput.contains("553 d *"))
  }
}
