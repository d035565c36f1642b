import Foundation
import Testing
import _CapsimTestSupport

#if canImport(Glibc)
import Glibc
#endif

/// `-o PATH` through the built binary, as a user (often root, in containers and CI) runs it: the path is
/// written through, never replaced (issue 13).
@Suite("capsim -o, end to end")
struct OutputPathTests {
  let directory: URL
  var database: String { directory.appendingPathComponent("capsim.sqlite").path }

  init() throws {
    directory = try Fixtures.temporaryDirectory()
  }

  private func run(_ extra: [String]) throws -> CapsimExecutable.Result {
    try CapsimExecutable.run(
      [
        "run", "scenarios/early-experimentation.yaml", "--db", database, "--trials", "20",
        "--no-save",
      ]
        + extra)
  }

  @Test("-o /dev/null leaves /dev/null a character device")
  func devNull() throws {
    let result = try run(["-o", "/dev/null"])
    #expect(result.exitCode == 0, "\(result.standardError)")
    #expect(result.standardOutput.isEmpty)
    var status = stat()
    #expect(lstat("/dev/null", &status) == 0)
    #expect(status.st_mode & S_IFMT == S_IFCHR)
  }

  @Test("-o - and -o /dev/stdout both write to standard output")
  func standardOutput() throws {
    let plain = try run(["--format", "csv"])
    let dash = try run(["--format", "csv", "-o", "-"])
    let device = try run(["--format", "csv", "-o", "/dev/stdout"])
    #expect(plain.exitCode == 0 && dash.exitCode == 0 && device.exitCode == 0)
    #expect(!plain.standardOutput.isEmpty)
    #expect(dash.standardOutput == plain.standardOutput)
    #expect(device.standardOutput == plain.standardOutput)
  }

  @Test("-o through a symbolic link updates the target and keeps the link")
  func symbolicLink() throws {
    let target = directory.appendingPathComponent("report.csv").path
    try Data("old".utf8).write(to: URL(fileURLWithPath: target))
    let link = directory.appendingPathComponent("latest.csv").path
    #expect(symlink(target, link) == 0)
    let result = try run(["--format", "csv", "-o", link])
    #expect(result.exitCode == 0, "\(result.standardError)")
    var status = stat()
    #expect(lstat(link, &status) == 0)
    #expect(status.st_mode & S_IFMT == S_IFLNK)
    #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("scenario,option,"))
  }

  @Test("-o a directory is one error that says so, exit 64")
  func directoryPath() throws {
    let result = try run(["-o", directory.path])
    #expect(result.exitCode == 64)
    #expect(
      result.standardError.hasSuffix(
        "\(directory.path): error: cannot write the output: the path is a directory\n"
          + "help: give a file name inside it, for example '\(directory.path)/report'\n"))
  }

  /// Root ignores directory permissions, so as root the binary runs as `nobody` (setpriv, util-linux).
  @Test("a failed write leaves the previous file as it was")
  func readOnlyDirectory() throws {
    // Nothing to run as another user with: the unit test covers the failure path.
    guard CapsimExecutable.canRunUnprivileged else { return }
    let locked = directory.appendingPathComponent("locked")
    try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
    let previous = locked.appendingPathComponent("report.json").path
    try Data("previous".utf8).write(to: URL(fileURLWithPath: previous))
    #expect(chmod(directory.path, 0o777) == 0)  // the database is created here by that user
    #expect(chmod(locked.path, 0o555) == 0)
    defer { chmod(locked.path, 0o755) }

    let (message, status) = try CapsimExecutable.runUnprivileged(
      [
        "run", "scenarios/early-experimentation.yaml", "--db", database, "--trials", "20",
        "--no-save", "--format", "json", "-o", previous,
      ], home: directory.path)

    #expect(status == 64, "\(message)")
    #expect(
      message.hasSuffix(
        "\(previous): error: cannot write the output: create failed: Permission denied\n"
          + "help: choose a writable location, or change the permissions of the file or its directory\n"
      ), "\(message)")
    #expect(try String(contentsOfFile: previous, encoding: .utf8) == "previous")
    #expect(try FileManager.default.contentsOfDirectory(atPath: locked.path) == ["report.json"])
  }
}
