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
}
