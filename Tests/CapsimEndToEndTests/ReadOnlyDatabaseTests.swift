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
    let isRoot = getuid() == 0
    if isRoot && !FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") { return }
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

    let process = Process()
    let arguments = ["import", "samples", samples, "--db", database]
    if isRoot {
      process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
      process.arguments =
        ["--reuid=65534", "--regid=65534", "--clear-groups", try CapsimExecutable.binary.path]
        + arguments
    } else {
      process.executableURL = try CapsimExecutable.binary
      process.arguments = arguments
    }
    process.currentDirectoryURL = CapsimExecutable.packageRoot
    process.environment = ["PATH": "/usr/bin:/bin", "HOME": directory.path]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()

    #expect(process.terminationStatus == 64, "\(message)")
    #expect(
      message
        == "\(database): error: the database is read-only\n"
        + "help: make the file and its directory writable (SQLite writes a journal beside it), or copy "
        + "it somewhere writable\n")
    #expect(try Data(contentsOf: URL(fileURLWithPath: database)) == before)
  }
}
