import Foundation
import Testing
import _CapsimTestSupport

/// The tester's cases: a database with an overwritten page, into which `run` and `import` wrote and
/// exited 0 while `data list` failed with a message naming no file; and a database a newer capsim
/// migrated, read and written without a word. Each is now one diagnostic naming the file, exit 64,
/// and the file is left byte-identical.
@Suite("A damaged or newer database, end to end")
struct DamagedDatabaseTests {
  /// A database made from the bundled data, with page `page` overwritten by 0xFF bytes. Capsim's frozen
  /// migrations give every new database the same root pages: 9 is the `sample` table's, 13 the
  /// `simulation_run` table's.
  static func damagedDatabase(page: Int) throws -> (directory: URL, database: String) {
    let directory = try Fixtures.temporaryDirectory()
    let database = directory.appendingPathComponent("capsim.sqlite").path
    #expect(try CapsimExecutable.run(["data", "list", "--db", database]).exitCode == 0)
    var bytes = try Data(contentsOf: URL(fileURLWithPath: database))
    let pageSize = Int(bytes[16]) << 8 | Int(bytes[17])
    bytes.replaceSubrange(
      (page - 1) * pageSize..<page * pageSize, with: Data(repeating: 0xFF, count: pageSize))
    try bytes.write(to: URL(fileURLWithPath: database))
    return (directory, database)
  }

  static func damaged(_ database: String) -> String {
    "\(database): error: the database file is damaged (SQLite: "
  }

  static let damagedHelp =
    "); nothing was written to it\nhelp: restore it from a backup, or give --db a new file name to "
    + "start a new database from the bundled data\n"

  static let scenario = """
    version: 1
    name: damaged
    horizon_months: 12
    trials: 20
    seed: 3
    workload:
      jobs_per_month: 40
      gpus_per_job: 8
      steps_per_job: 72000
    options:
      - name: cloud
        samples: h100-8gpu-step-time-shared
        price: lambda-h100-sxm5-8x-on-demand
      - name: metal
        samples: h100-8gpu-step-time-baremetal
        price: baremetal-h100-8x-commit-12m
        nodes: 4

    """

  /// Damage where neither command reads: `import` and `run` used to write into the file and exit 0.
  @Test func importAndRunWriteNothingIntoADamagedFile() throws {
    let (directory, database) = try Self.damagedDatabase(page: 13)
    let before = try Data(contentsOf: URL(fileURLWithPath: database))
    let samples = directory.appendingPathComponent("s.csv").path
    try Data("sample_set,platform,metric,unit,value\nfz,cloud-h100-shared,step_time,s,1\n".utf8)
      .write(to: URL(fileURLWithPath: samples))
    let scenario = directory.appendingPathComponent("s.yaml").path
    try Data(Self.scenario.utf8).write(to: URL(fileURLWithPath: scenario))

    for arguments in [["import", "samples", samples], ["run", scenario]] {
      let result = try CapsimExecutable.run(arguments + ["--db", database])
      #expect(result.exitCode == 64, "\(arguments[0]): \(result.standardError)")
      #expect(result.standardError.hasPrefix(Self.damaged(database)), "\(result.standardError)")
      #expect(result.standardError.hasSuffix(Self.damagedHelp), "\(result.standardError)")
      #expect(result.standardError.split(separator: "\n").count == 2, "\(result.standardError)")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)
  }

  /// `data list` reads the damaged page: the error names the file and says it is damaged, instead of
  /// "database error: database disk image is malformed" with advice about free disk space.
  @Test func aReadOfADamagedPageNamesTheFile() throws {
    let (_, database) = try Self.damagedDatabase(page: 9)
    let result = try CapsimExecutable.run(["data", "list", "--db", database])
    #expect(result.exitCode == 64)
    #expect(result.standardError.hasPrefix(Self.damaged(database)), "\(result.standardError)")
    #expect(result.standardError.hasSuffix(Self.damagedHelp), "\(result.standardError)")
  }
}
