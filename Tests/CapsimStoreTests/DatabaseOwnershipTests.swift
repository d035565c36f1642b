import Foundation
import GRDB
import Testing

@testable import CapsimStore

/// The database belongs to capsim: another application's file is refused without a byte written, and
/// opening errors name the path and say what to do.
@Suite struct DatabaseOwnershipTests {
  let directory: URL

  init() throws {
    directory = try temporaryDirectory()
  }

  func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

  @Test func aNewDatabaseCarriesCapsimsApplicationID() throws {
    let database = try CapsimDatabase(path: path("new.sqlite"))
    let id = try database.dbQueue.read { db in try Int32.fetchOne(db, sql: "PRAGMA application_id")
    }
    // "CAPS" in ASCII: 0x43 0x41 0x50 0x53.
    #expect(id == 0x4341_5053)
  }

  @Test func aForeignDatabaseWithAPlatformTableStaysByteIdentical() throws {
    let file = path("foreign.sqlite")
    let foreign = try DatabaseQueue(path: file)
    try foreign.write { db in
      try db.execute(sql: "CREATE TABLE platform (id INTEGER PRIMARY KEY, owner TEXT)")
      try db.execute(sql: "INSERT INTO platform (owner) VALUES ('someone else')")
    }
    try foreign.close()
    let before = try Data(contentsOf: URL(fileURLWithPath: file))
    #expect(
      throws: StoreError.notCapsimDatabase(
        path: file, reason: "it holds tables capsim did not create (platform)")
    ) { _ = try CapsimDatabase(path: file) }
    #expect(throws: StoreError.self) { _ = try CapsimDatabase.openDefault(path: file) }
    #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
    let siblings = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    #expect(siblings == ["foreign.sqlite"])
  }

  /// A zero-byte file (`: > capsim.sqlite`) and an SQLite file with no tables hold nothing, so they start
  /// with the bundled data like a missing file, and no temporary file is left beside them.
  @Test(arguments: ["zero bytes", "no tables"])
  func anEmptyFileIsFilledWithTheBundledData(_ kind: String) throws {
    let file = path("empty.sqlite")
    if kind == "zero bytes" {
      #expect(FileManager.default.createFile(atPath: file, contents: Data()))
    } else {
      let blank = try DatabaseQueue(path: file)
      try blank.write { db in
        try db.execute(sql: "CREATE TABLE scratch (x); DROP TABLE scratch")
      }
      try blank.close()
      #expect(try Data(contentsOf: URL(fileURLWithPath: file)).count > 0)
    }
    let (database, created) = try CapsimDatabase.openDefault(path: file)
    #expect(created)
    #expect(try !database.prices().isEmpty && !database.platforms().isEmpty)
    let (bundled, _) = try CapsimDatabase.openDefault(path: path("missing.sqlite"))
    for table in ["platform", "sample_set", "sample", "price"] {
      #expect(try rowCount(database, table) == rowCount(bundled, table), "\(table)")
    }
    #expect(try database.prices() == bundled.prices())
    try FileManager.default.removeItem(atPath: path("missing.sqlite"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["empty.sqlite"])
    // Opened again, it is a capsim database like any other.
    #expect(try CapsimDatabase.openDefault(path: file).createdFromDefaults == false)
  }

  /// Runs `body` on its own thread and waits at most `seconds` for it: nil if it has not returned by then
  /// (the thread is left blocked; the test records the hang instead of hanging itself).
  func finishing<T: Sendable>(within seconds: Double, _ body: @escaping @Sendable () -> T) -> T? {
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var result: T?
    Thread.detachNewThread {
      result = body()
      done.signal()
    }
    return done.wait(timeout: .now() + seconds) == .success ? result : nil
  }

  /// Only an empty file is locked while it is filled: a database that another program holds a flock on
  /// opens at once, and a named pipe at the path is an error, not a read that waits for a writer forever.
  @Test func onlyAnEmptyFileIsLockedAndANamedPipeDoesNotHang() throws {
    let file = path("held.sqlite")
    _ = try CapsimDatabase.openDefault(path: file)
    let holder = open(file, O_RDONLY)
    #expect(holder >= 0 && flock(holder, LOCK_EX) == 0)
    defer { close(holder) }
    let opened = finishing(within: 20) { (try? CapsimDatabase.openDefault(path: file)) != nil }
    #expect(opened == true, "opening a database someone holds a flock on waited")

    let pipe = path("pipe.sqlite")
    #expect(mkfifo(pipe, 0o600) == 0)
    let failed = finishing(within: 20) { (try? CapsimDatabase.openDefault(path: pipe)) == nil }
    #expect(failed == true, "a named pipe as the database hung or opened")
  }

  /// A symbolic link to a file that does not exist is an error that says so; nothing is created at its
  /// target (SQLite would create an empty database there, without the bundled data).
  @Test func aDanglingSymbolicLinkIsAnErrorAndCreatesNothing() throws {
    let link = path("link.sqlite")
    let target = path("target.sqlite")
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    #expect(
      throws: StoreError.cannotOpen(
        path: link, reason: "it is a symbolic link to \(target), which does not exist")
    ) { _ = try CapsimDatabase.openDefault(path: link) }
    #expect(!FileManager.default.fileExists(atPath: target))
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["link.sqlite"])
  }

  /// A symbolic link to an empty file stands for that file: the file is filled and the link kept (it was
  /// opened unfilled, without the bundled data, because the emptiness check did not follow the link).
  @Test func aSymbolicLinkToAnEmptyFileHasItsTargetFilled() throws {
    let link = path("link.sqlite")
    let target = path("target.sqlite")
    #expect(FileManager.default.createFile(atPath: target, contents: Data()))
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    let (database, created) = try CapsimDatabase.openDefault(path: link)
    #expect(created)
    #expect(try !database.prices().isEmpty)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
    #expect(try CapsimDatabase.openDefault(path: link).createdFromDefaults == false)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == [
        "link.sqlite", "target.sqlite",
      ])
  }

  /// An empty table is still a table someone made: such a file is refused, not replaced.
  @Test func aForeignDatabaseWithOnlyAnEmptyTableIsNotReplaced() throws {
    let file = path("foreign-empty.sqlite")
    let foreign = try DatabaseQueue(path: file)
    try foreign.write { db in try db.execute(sql: "CREATE TABLE notes (x)") }
    try foreign.close()
    let before = try Data(contentsOf: URL(fileURLWithPath: file))
    #expect(
      throws: StoreError.notCapsimDatabase(
        path: file, reason: "it holds tables capsim did not create (notes)")
    ) { _ = try CapsimDatabase.openDefault(path: file) }
    #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
  }

  @Test func anotherApplicationIDIsRefused() throws {
    let file = path("other.sqlite")
    let other = try DatabaseQueue(path: file)
    try other.write { db in try db.execute(sql: "PRAGMA application_id = 1234") }
    try other.close()
    let before = try Data(contentsOf: URL(fileURLWithPath: file))
    #expect(
      throws: StoreError.notCapsimDatabase(
        path: file, reason: "its application_id is 1234, not capsim's (1128353875)")
    ) { _ = try CapsimDatabase(path: file) }
    #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
  }

  @Test func aFileThatIsNotSQLiteIsRefusedUnchanged() throws {
    let file = path("notes.sqlite")
    let text = Data("name,kind\nnot,a database\n".utf8)
    try text.write(to: URL(fileURLWithPath: file))
    #expect(
      throws: StoreError.notCapsimDatabase(path: file, reason: "it is not an SQLite database file")
    ) { _ = try CapsimDatabase(path: file) }
    #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == text)
  }

  @Test func aDatabaseFromBeforeTheApplicationIDIsAdoptedAndKeepsItsRows() throws {
    let file = path("legacy.sqlite")
    let legacy = try DatabaseQueue(path: file)
    try CapsimDatabase.migrator.migrate(legacy, upTo: "v2-distribution-fits")
    try legacy.write { db in
      try db.execute(
        sql:
          "INSERT INTO platform (name, kind, gpu_model, provider) VALUES ('old', 'shared', 'H100', 'p')"
      )
    }
    try legacy.close()
    let database = try CapsimDatabase(path: file)
    #expect(try database.platforms().map(\.name) == ["old"])
    let id = try database.dbQueue.read { db in try Int32.fetchOne(db, sql: "PRAGMA application_id")
    }
    #expect(id == CapsimDatabase.applicationID)
  }

  @Test func emptyPathAndMissingDirectoryNameTheFlag() throws {
    #expect(throws: StoreError.emptyPath) { _ = try CapsimDatabase(path: "") }
    #expect(throws: StoreError.emptyPath) { _ = try CapsimDatabase.openDefault(path: "") }
    let missing = "/nonexistent-capsim-dir/capsim.sqlite"
    let error = #expect(throws: StoreError.self) {
      _ = try CapsimDatabase.openDefault(path: missing)
    }
    #expect(
      error?.description == """
        /nonexistent-capsim-dir/capsim.sqlite: error: directory '/nonexistent-capsim-dir' does not exist
        help: create it first (mkdir -p '/nonexistent-capsim-dir') or give --db a path in an existing directory
        """)
  }
}
