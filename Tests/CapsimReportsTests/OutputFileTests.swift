import Foundation
import Testing

@testable import CapsimReports

#if canImport(Glibc)
import Glibc
#endif

/// Every kind of path `-o` can name: what it names must be written, never replaced (issue 13: `-o /dev/null`
/// as root once replaced the device with a regular file).
@Suite("Output files")
struct OutputFileTests {
  let directory: String

  init() throws {
    directory =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("capsim-output-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  }

  private func fileType(_ path: String) -> mode_t {
    var status = stat()
    #expect(lstat(path, &status) == 0, "lstat \(path)")
    return status.st_mode & S_IFMT
  }

  private func entries() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
  }

  @Test("/dev/null is written through and stays a character device")
  func devNull() throws {
    try OutputFile.write("report\n", to: "/dev/null")
    #expect(fileType("/dev/null") == S_IFCHR)
  }

  @Test(
    "a character device made with mknod stays a device",
    .enabled(
      if: getuid() == 0, "mknod of a character device needs root; /dev/null is checked instead"))
  func characterDevice() throws {
    let path = directory + "/null-device"
    // Major 1, minor 3 (glibc's encoding of small numbers: major << 8 | minor): the same device as
    // /dev/null, so writes to it are discarded.
    let device = dev_t((1 << 8) | 3)
    #expect(mknod(path, S_IFCHR | 0o666, device) == 0, "mknod: \(String(cString: strerror(errno)))")
    try OutputFile.write(String(repeating: "x", count: 100_000), to: path)
    #expect(fileType(path) == S_IFCHR)
    #expect(try entries() == ["null-device"])
  }

  @Test("a FIFO receives the whole report, read by a concurrent reader")
  func fifo() async throws {
    let path = directory + "/pipe"
    #expect(mkfifo(path, 0o600) == 0)
    // Larger than a pipe's buffer (64 KiB), so the writer blocks until the reader drains it.
    let report = (0..<20_000).map { "line \($0)\n" }.joined()
    let reader = Task.detached { () -> Data in
      let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
      defer { try? handle.close() }
      return try handle.readToEnd() ?? Data()
    }
    try OutputFile.write(report, to: path)
    let received = try await reader.value
    #expect(received == Data(report.utf8))
    #expect(fileType(path) == S_IFIFO)
  }

  @Test("a symbolic link to a file: the target is updated and the link kept")
  func symbolicLink() throws {
    let target = directory + "/target.json"
    try Data("old".utf8).write(to: URL(fileURLWithPath: target))
    #expect(symlink("target.json", directory + "/link.json") == 0)
    try OutputFile.write("new", to: directory + "/link.json")
    #expect(fileType(directory + "/link.json") == S_IFLNK)
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
    #expect(try entries() == ["link.json", "target.json"])
  }

  @Test("a chain of links ending at a path that does not exist yet creates the file at the end")
  func danglingLinkChain() throws {
    #expect(symlink("second", directory + "/first") == 0)
    #expect(symlink(directory + "/final.csv", directory + "/second") == 0)
    try OutputFile.write("a,b\n", to: directory + "/first")
    #expect(fileType(directory + "/first") == S_IFLNK)
    #expect(fileType(directory + "/second") == S_IFLNK)
    #expect(try String(contentsOfFile: directory + "/final.csv", encoding: .utf8) == "a,b\n")
  }

  @Test("a link loop is an error, not a hang")
  func linkLoop() throws {
    #expect(symlink("b", directory + "/a") == 0)
    #expect(symlink("a", directory + "/b") == 0)
    #expect(throws: OutputFileError(path: directory + "/a", reason: .tooManyLinks)) {
      try OutputFile.write("x", to: directory + "/a")
    }
  }

  @Test("an existing file keeps its permission bits (0640)")
  func keepsMode() throws {
    let path = directory + "/report.md"
    try Data("old".utf8).write(to: URL(fileURLWithPath: path))
    #expect(chmod(path, 0o640) == 0)
    try OutputFile.write("new", to: path)
    var status = stat()
    #expect(stat(path, &status) == 0)
    #expect(status.st_mode & 0o7777 == 0o640)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
  }

  @Test("a new file gets 0666 less the umask, like any file a program creates")
  func newFileMode() throws {
    let path = directory + "/new.csv"
    let mask = umask(0o022)
    defer { umask(mask) }
    try OutputFile.write("x", to: path)
    var status = stat()
    #expect(stat(path, &status) == 0)
    #expect(status.st_mode & 0o7777 == 0o644)
  }

  @Test("a write that fails leaves the old file as it was and no temporary file behind")
  func failedWriteKeepsOldFile() throws {
    let path = directory + "/report.json"
    try Data("previous".utf8).write(to: URL(fileURLWithPath: path))
    #expect(throws: OutputFileError.self) {
      try OutputFile.write(Data("replacement".utf8), to: path, failingAfterTemporaryWrite: true)
    }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "previous")
    #expect(try entries() == ["report.json"])
  }

  @Test(
    "a read-only directory gives one error with the path and a help line, and changes nothing",
    .enabled(
      if: getuid() != 0, "root ignores directory permissions; the CLI test runs this as nobody"))
  func readOnlyDirectory() throws {
    let path = directory + "/report.json"
    try Data("previous".utf8).write(to: URL(fileURLWithPath: path))
    #expect(chmod(directory, 0o555) == 0)
    defer { chmod(directory, 0o755) }
    let error = #expect(throws: OutputFileError.self) { try OutputFile.write("new", to: path) }
    #expect(error?.reason == .system(operation: "create", errno: EACCES))
    #expect(error?.diagnostic.description.contains("help: choose a writable location") == true)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "previous")
    #expect(try entries() == ["report.json"])
  }

  @Test("a directory as the path is an error that says so")
  func directoryIsAnError() throws {
    let error = #expect(throws: OutputFileError.self) { try OutputFile.write("x", to: directory) }
    #expect(
      error?.diagnostic.description
        == "\(directory): error: cannot write the output: the path is a directory\n"
        + "help: give a file name inside it, for example '\(directory)/report'")
  }

  @Test("a missing directory is named, with the command that creates it")
  func missingDirectory() throws {
    let path = directory + "/no/such/out.json"
    let error = #expect(throws: OutputFileError.self) { try OutputFile.write("x", to: path) }
    #expect(
      error?.diagnostic.description
        == "\(path): error: cannot write the output: the directory '\(directory)/no/such' does not exist\n"
        + "help: create it first (mkdir -p '\(directory)/no/such') or choose another path")
  }

  @Test("a path through a regular file is not a directory")
  func fileAsDirectory() throws {
    try Data().write(to: URL(fileURLWithPath: directory + "/plain"))
    let error = #expect(throws: OutputFileError.self) {
      try OutputFile.write("x", to: directory + "/plain/out.json")
    }
    #expect(error?.reason == .system(operation: "open", errno: ENOTDIR))
  }

  @Test("paths are classified as written in place or atomically")
  func classifiesPaths() throws {
    #expect(try OutputFile.resolve("/dev/null") == .inPlace("/dev/null", append: false))
    #expect(try OutputFile.resolve("/dev/stdout") == .inPlace("/dev/stdout", append: true))
    #expect(try OutputFile.resolve(directory + "/x") == .atomic(directory + "/x", existing: nil))
    #expect(OutputFile.directoryName(of: "report.csv") == ".")
    #expect(OutputFile.directoryName(of: "/report.csv") == "/")
  }
}
