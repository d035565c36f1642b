import Foundation
import Testing
import _CapsimTestSupport

/// Two `capsim` processes on one database at once wait for each other (SQLite busy timeout and retry)
/// instead of failing with "database is locked", and no run or import is lost.
@Suite("Concurrent processes on one database")
struct ConcurrentUseTests {
  /// Processes that start at once on a file that does not exist yet, or on an empty one (`touch`), each
  /// create it from the bundled data or open the one another created, and every run is kept: none replaces
  /// a database another has already stored a run in.
  @Test(arguments: [false, true])
  func processesStartingOnANewOrEmptyFileKeepEveryRun(emptyFile: Bool) async throws {
    let directory = try Fixtures.temporaryDirectory()
    let database = directory.appendingPathComponent("new.sqlite").path
    if emptyFile { #expect(FileManager.default.createFile(atPath: database, contents: Data())) }
    let processes = 6
    let results = try await withThrowingTaskGroup(of: CapsimExecutable.Result.self) { group in
      for _ in 0..<processes {
        group.addTask {
          try CapsimExecutable.run([
            "run", "scenarios/early-experimentation.yaml", "--trials", "5", "--db", database,
          ])
        }
      }
      var all: [CapsimExecutable.Result] = []
      for try await result in group { all.append(result) }
      return all
    }
    for result in results { #expect(result.exitCode == 0, "\(result.standardError)") }
    let list = try CapsimExecutable.run(["runs", "list", "--db", database, "--format", "csv"])
    #expect(list.exitCode == 0, "\(list.standardError)")
    #expect(list.standardOutput.split(separator: "\n").dropFirst().count == processes)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.contains(".partial-") }
    #expect(leftovers.isEmpty, "\(leftovers)")
  }

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
