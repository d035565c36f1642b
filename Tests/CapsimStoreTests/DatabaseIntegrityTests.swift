import Foundation
import GRDB
import Testing

@testable import CapsimStore

/// A damaged database file is never written to (SQLite would often write into one without complaint:
/// `run` and `import` did, and exited 0), a read that meets the damage says so, and a database a newer
/// capsim migrated is refused unchanged. Every database error names the file.
@Suite struct DatabaseIntegrityTests {
  let directory: URL

  init() throws {
    directory = try temporaryDirectory()
  }

  func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

  func bytes(_ file: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: file)) }

  /// A capsim database at `file` with two platforms and a set of 2,000 values (several pages).
  func makeDatabase(_ file: String) throws {
    let database = try CapsimDatabase(path: file)
    try database.importPlatforms(
      csv: source("p.csv", "name,kind,gpu_model,provider\ncloud-a100,shared,A100,aws\n"))
    var csv = "sample_set,platform,metric,unit,value\n"
    for index in 0..<2_000 { csv += "steps,cloud-a100,step_time,s,\(index)\n" }
    try database.importSamples(source("s.csv", csv))
    try database.dbQueue.close()
  }

  /// Overwrites the root page of `table` with 0xFF bytes, as a disk fault or a stray write would.
  func damage(_ table: String, in file: String) throws {
    let queue = try DatabaseQueue(path: file)
    let (root, pageSize) = try queue.read { db in
      (
        try Int.fetchOne(
          db, sql: "SELECT rootpage FROM sqlite_master WHERE name = ?", arguments: [table])
          ?? 0,
        try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
      )
    }
    try queue.close()
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
    try handle.seek(toOffset: UInt64((root - 1) * pageSize))
    try handle.write(contentsOf: Data(repeating: 0xFF, count: pageSize))
    try handle.close()
  }

  func expectDamaged(
    _ file: String, sourceLocation: Testing.SourceLocation = #_sourceLocation,
    _ body: () throws -> Void
  ) {
    do {
      try body()
      Issue.record("expected the database to be reported damaged", sourceLocation: sourceLocation)
    } catch let error as StoreError {
      guard case .damaged(let path, let detail) = error else {
        Issue.record("expected .damaged, got \(error)", sourceLocation: sourceLocation)
        return
      }
      #expect(path == file, sourceLocation: sourceLocation)
      #expect(!detail.isEmpty && !detail.contains("\n"), sourceLocation: sourceLocation)
      #expect(
        error.description.hasPrefix("\(file): error: the database file is damaged (SQLite: "),
        sourceLocation: sourceLocation)
      #expect(
        error.description.hasSuffix(
          "); nothing was written to it\nhelp: restore it from a backup, or give --db a new file "
            + "name to start a new database from the bundled data"),
        sourceLocation: sourceLocation)
    } catch {
      Issue.record("expected a StoreError, got \(error)", sourceLocation: sourceLocation)
    }
  }

  /// Damage where the command does not read (the run table, for an import) used to go unnoticed, and
  /// the import was written into the damaged file.
  @Test func nothingIsWrittenIntoADamagedFile() throws {
    let file = path("damaged.sqlite")
    try makeDatabase(file)
    try damage("simulation_run", in: file)
    let before = try bytes(file)
    let database = try CapsimDatabase(path: file)
    // Reading what is intact still works.
    #expect(try database.platforms().map(\.name) == ["cloud-a100"])
    expectDamaged(file) {
      try database.importSamples(
        source("n.csv", "sample_set,platform,metric,unit,value\nnew,cloud-a100,job_time,s,1\n"))
    }
    expectDamaged(file) {
      try database.importPlatforms(
        csv: source("q.csv", "name,kind,gpu_model,provider\nmetal,dedicated,A100,on-prem\n"))
    }
    expectDamaged(file) {
      try database.saveRun(
        scenarioName: "s", scenarioText: "", seed: 1, trials: 1, capsimVersion: "test",
        resultJSON: "{}", options: [])
    }
    try database.dbQueue.close()
    #expect(try bytes(file) == before)
  }

  /// A read that meets the damage says the file is damaged and names it, instead of "database error:
  /// database disk image is malformed" with advice about free disk space.
  @Test func aReadThatMeetsTheDamageNamesTheFile() throws {
    let file = path("damaged.sqlite")
    try makeDatabase(file)
    try damage("sample", in: file)
    let database = try CapsimDatabase(path: file)
    expectDamaged(file) { _ = try database.sampleSet(named: "steps") }
  }

  /// A database whose schema is older than this capsim's is migrated, which writes; a damaged one is not.
  @Test func aDamagedDatabaseIsNotMigrated() throws {
    let file = path("old.sqlite")
    let legacy = try DatabaseQueue(path: file)
    try CapsimDatabase.migrator.migrate(legacy, upTo: "v3-application-id")
    try legacy.close()
    // The migration to v4 would neither read nor check the price table.
    try damage("price", in: file)
    let before = try bytes(file)
    expectDamaged(file) { _ = try CapsimDatabase(path: file) }
    #expect(try bytes(file) == before)
  }

  @Test func aDatabaseFromANewerCapsimIsRefusedUnchanged() throws {
    let file = path("newer.sqlite")
    try makeDatabase(file)
    let queue = try DatabaseQueue(path: file)
    try queue.write { db in
      try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')")
    }
    try queue.close()
    let before = try bytes(file)
    let expected = StoreError.newerDatabase(path: file, migrations: ["v99-future"])
    #expect(throws: expected) { _ = try CapsimDatabase(path: file) }
    #expect(throws: expected) { _ = try CapsimDatabase.openDefault(path: file) }
    #expect(try bytes(file) == before)
    #expect(
      expected.description
        == "\(file): error: the database was created or upgraded by a newer capsim: it has schema "
        + "migration 'v99-future', which this capsim does not know; it was left unchanged\n"
        + "help: use it with that newer capsim (or a later one), or give --db another file for this "
        + "capsim")
  }

  /// A stored value that cannot be read back is a database error naming the file.
  @Test func aDatabaseErrorNamesTheFile() throws {
    let file = path("odd.sqlite")
    let database = try CapsimDatabase(path: file)
    let id = try database.saveRun(
      scenarioName: "s", scenarioText: "", seed: 1, trials: 1, capsimVersion: "test",
      resultJSON: "{}", options: [])
    try database.dbQueue.write { db in
      try db.execute(
        sql: "UPDATE simulation_run SET overrides_json = 'not json' WHERE id = ?", arguments: [id])
    }
    let error = #expect(throws: StoreError.self) { _ = try database.run(id: id) }
    #expect(
      error?.description.hasPrefix(
        "\(file): error: database error: a stored run's overrides are not valid JSON") == true)
  }
}
