import Foundation

/// Runs the built `capsim` executable, as a user would, and captures what it prints.
public enum CapsimExecutable {
  /// What one invocation printed and returned.
  public struct Result: Sendable {
    /// Standard output.
    public var standardOutput: String
    /// Standard error.
    public var standardError: String
    /// Exit status.
    public var exitCode: Int32
  }

  /// The package root (two levels above this file's folder).
  public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The `capsim` binary next to the running test bundle, as `swift test` builds it.
  public static var binary: URL {
    get throws {
      var candidates: [URL] = []
      if let executable = Bundle.main.executableURL {
        candidates.append(executable.deletingLastPathComponent().appendingPathComponent("capsim"))
      }
      for argument in CommandLine.arguments.prefix(1) {
        var url = URL(fileURLWithPath: argument)
        while url.pathComponents.count > 1 {
          url.deleteLastPathComponent()
          candidates.append(url.appendingPathComponent("capsim"))
          if url.lastPathComponent == ".build" { break }
        }
      }
      candidates.append(packageRoot.appendingPathComponent(".build/debug/capsim"))
      for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path)
      {
        return candidate
      }
      throw CocoaError(
        .fileNoSuchFile,
        userInfo: [NSFilePathErrorKey: candidates.map(\.path).joined(separator: ", ")])
    }
  }

  /// Starts `capsim arguments…` in the package root with `CAPSIM_DB` and `XDG_DATA_HOME` removed from
  /// the environment and `extraEnvironment` added, its standard output and error going to the pipes
  /// returned.
  public static func launch(
    _ arguments: [String], environment extraEnvironment: [String: String] = [:]
  ) throws -> (process: Process, output: Pipe, error: Pipe) {
    let process = Process()
    process.executableURL = try binary
    process.arguments = arguments
    process.currentDirectoryURL = packageRoot
    var environment = ProcessInfo.processInfo.environment
    environment["CAPSIM_DB"] = nil
    environment["XDG_DATA_HOME"] = nil
    environment.merge(extraEnvironment) { _, new in new }
    process.environment = environment
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    return (process, output, error)
  }

  /// Runs `capsim arguments…` as ``launch(_:environment:)`` starts it, and waits for it.
  public static func run(
    _ arguments: [String], environment extraEnvironment: [String: String] = [:]
  ) throws -> Result {
    let (process, output, error) = try launch(arguments, environment: extraEnvironment)
    // Read both pipes to the end before waiting, so a large output cannot block the child.
    let group = DispatchGroup()
    nonisolated(unsafe) var outputData = Data()
    nonisolated(unsafe) var errorData = Data()
    group.enter()
    DispatchQueue.global().async {
      outputData = readToEnd(output.fileHandleForReading.fileDescriptor)
      group.leave()
    }
    errorData = readToEnd(error.fileHandleForReading.fileDescriptor)
    group.wait()
    process.waitUntilExit()
    return Result(
      standardOutput: String(decoding: outputData, as: UTF8.self),
      standardError: String(decoding: errorData, as: UTF8.self), exitCode: process.terminationStatus
    )
  }

  /// Reads a pipe to its end with `read(2)`, retrying when a signal interrupts the call (Foundation's
  /// `readDataToEndOfFile` traps on EINTR).
  public static func readToEnd(_ descriptor: Int32) -> Data {
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count > 0 {
        data.append(contentsOf: buffer[0..<count])
      } else if count == 0 || errno != EINTR {
        return data
      }
    }
  }
}

extension CapsimExecutable {
  /// Whether ``runUnprivileged(_:home:)`` can run here: as a non-root user directly, or as root
  /// through util-linux's `setpriv`.
  public static var canRunUnprivileged: Bool {
    getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
  }

  /// Runs `capsim arguments…` in the package root as a user whom file permissions bind: the current
  /// user when not root; as root (which ignores permissions, as in CI), `nobody` through `setpriv`.
  /// Returns standard error and the exit status; standard output is discarded.
  public static func runUnprivileged(_ arguments: [String], home: String) throws -> (
    standardError: String, exitCode: Int32
  ) {
    let process = Process()
    if getuid() == 0 {
      process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
      process.arguments =
        ["--reuid=65534", "--regid=65534", "--clear-groups", try binary.path] + arguments
    } else {
      process.executableURL = try binary
      process.arguments = arguments
    }
    process.currentDirectoryURL = packageRoot
    process.environment = ["PATH": "/usr/bin:/bin", "HOME": home]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let message = String(
      decoding: readToEnd(errors.fileHandleForReading.fileDescriptor), as: UTF8.self)
    process.waitUntilExit()
    return (message, process.terminationStatus)
  }
}
