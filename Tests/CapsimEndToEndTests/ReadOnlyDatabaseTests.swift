import Foundation
import Testing
import _CapsimTestSupport

#if canImport(Glibc)
import Glibc
#endif

/// A database the user may read but not write: one diagnostic with a help line, exit 64, file unchanged.
/// Root ignores file permissions, so as root the binary runs as `nobody` (setpriv, util-linux).
@Suite("A read-only database")
struct ReadOnlyDatabaseTests {
  @Test func importIntoAReadOnlyDatabaseIsOneClearError() throws {
    guard CapsimExecutable.canRunUnprivileged else { return }
    let directory = try Fixtures.temporaryDirectory()
    let database = directory.appendingPathComponent("capsim.sqlite").path
    #expect(try CapsimExecutable.run(["data", "list", "--db", database]).exitCode == 0)
    let samples = directory.appendingPathComponent("new.csv").path
    try Data("sample_set,platform,metric,unit,value\nnewset,cloud-h100-shared,step_time,s,1\n".utf8)
      .write(to: URL(fileURLWithPath: samples))
    #expect(chmod(directory.path, 0o755) == 0)
    #expect(chmod(database, 0o444) == 0)
    #expect(chmod(samples, 0o644) == 0)
    let before = try Data(contentsOf: URL(fileURLWithPath: database))

    let (message, status) = try CapsimExecutable.runUnprivileged(
      ["import", "samples", samples, "--db", database], home: directory.path)

    #expect(status == 64, "\(message)")
    #expect(
      message
        == "\(database): error: the database is read-only\n"
        + "help: make the file and its directory writable (SQLite writes a journal beside it), or copy "
        + "it somewhere writable\n")
    #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)
  }

  /// A new database (or an empty file to fill) in a directory the user cannot write: the error used to
  /// name the temporary file ("capsim.sqlite.partial-PID") and suggest the file was not a database.
  @Test(arguments: ["missing", "zero bytes"])
  func aNewDatabaseInAReadOnlyDirectoryNamesTheRealPathAndCause(_ kind: String) throws {
    guard CapsimExecutable.canRunUnprivileged else { return }
    let directory = try Fixtures.temporaryDirectory()
    let database = directory.appendingPathComponent("capsim.sqlite").path
    if kind == "zero bytes" {
      #expect(FileManager.default.createFile(atPath: database, contents: Data()))
      #expect(chmod(database, 0o666) == 0)
    }
    #expect(chmod(directory.path, 0o555) == 0)
    defer { _ = chmod(directory.path, 0o755) }

    let (message, status) = try CapsimExecutable.runUnprivileged(
      ["data", "list", "--db", database], home: directory.path)

    #expect(status == 64, "\(message)")
    #expect(
      message
        == "\(database): error: cannot create the database: directory '\(directory.path)' is not "
        + "writable\nhelp: capsim builds a new database beside it and renames it into place: make the "
        + "directory writable for this user, or give --db a path in a writable directory\n")
    let left = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    #expect(left == (kind == "missing" ? [] : ["capsim.sqlite"]))
  }
}
