import Foundation
import Testing
import _CapsimTestSupport

/// Two `capsim` processes on one database at once wait for each other (SQLite busy timeout and retry)
/// instead of failing with "database is locked", and no run or import is lost.
@Suite("Concurrent processes on one database")
struct ConcurrentUseTests {
  @Test func importsAndRunsAtOnceWaitInsteadOfFailing() async throws {
    let directory = try Fixtures.temporaryDirectory()
    let database = directory.appendingPathComponent("shared.sqlite").path
    // A 100,000-row table keeps an import's write transaction open long enough to overlap.
    var rows = "duration\n"
    for index in 0..<100_000 { rows += "\(1 + Double(index % 997) / 10)\n" }
    let table = directory.appendingPathComponent("big.csv").path
    try rows.write(toFile: table, atomically: true, encoding: .utf8)
    let created = try CapsimExecutable.run(["data", "list", "--db", database])
    #expect(created.exitCode == 0, "\(created.standardError)")

    let rounds = 3
    let results = try await withThrowingTaskGroup(of: (String, CapsimExecutable.Result).self) {
      group in
      for round in 0..<rounds {
        group.addTask {
          let result = try CapsimExecutable.run([
            "import", "samples", table, "--format", "table", "--value-column", "duration",
            "--set", "big-\(round)", "--platform", "cloud-h100-shared", "--db", database,
          ])
          return ("import \(round)", result)
        }
        group.addTask {
          let result = try CapsimExecutable.run([
            "run", "scenarios/early-experimentation.yaml", "--trials", "20", "--db", database,
          ])
          return ("run \(round)", result)
        }
      }
      var all: [(String, CapsimExecutable.Result)] = []
      for try await result in group { all.append(result) }
      return all
    }
    for (name, result) in results {
      #expect(result.exitCode == 0, "\(name): \(result.standardError)")
      #expect(!result.standardError.contains("locked"), "\(name): \(result.standardError)")
    }
    let runs = try CapsimExecutable.run(["runs", "list", "--db", database])
    let stored = runs.standardOutput.split(separator: "\n").filter {
      $0.contains("early-experimentation")
    }
    #expect(stored.count == rounds, "\(runs.standardOutput)")
    let sets = try CapsimExecutable.run(["data", "list", "--db", database])
    for round in 0..<rounds {
      #expect(sets.standardOutput.contains("big-\(round) "), "\(sets.standardOutput)")
    }
  }
}
