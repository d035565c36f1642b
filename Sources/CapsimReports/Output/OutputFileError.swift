import CapsimCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A report, export or workbook could not be written to the path the user gave.
public struct OutputFileError: DiagnosticConvertible, Equatable, Sendable {
  /// What went wrong.
  public enum Reason: Equatable, Sendable {
    /// The path names a directory.
    case isDirectory
    /// The directory that would hold the new file does not exist.
    case missingDirectory(String)
    /// The path names a socket, which cannot be opened for writing.
    case isSocket
    /// Symbolic links loop or nest deeper than the limit.
    case tooManyLinks
    /// A system call failed with `errno` while doing `operation`.
    case system(operation: String, errno: Int32)
  }

  /// The path as the user gave it.
  public var path: String
  /// Why it could not be written.
  public var reason: Reason

  /// Creates an error for `path`.
  public init(path: String, reason: Reason) {
    self.path = path
    self.reason = reason
  }

  /// The message and help line.
  public var diagnostic: Diagnostic {
    let location = SourceLocation(file: path)
    switch reason {
    case .isDirectory:
      return Diagnostic(
        location: location, message: "cannot write the output: the path is a directory",
        help:
          "give a file name inside it, for example '\(path.hasSuffix("/") ? path : path + "/")report'"
      )
    case .missingDirectory(let directory):
      return Diagnostic(
        location: location,
        message: "cannot write the output: the directory '\(directory)' does not exist",
        help: "create it first (mkdir -p '\(directory)') or choose another path")
    case .isSocket:
      return Diagnostic(
        location: location, message: "cannot write the output: the path is a socket",
        help: "give a regular file, a device such as /dev/null, a FIFO, or '-' for standard output")
    case .tooManyLinks:
      return Diagnostic(
        location: location,
        message: "cannot write the output: too many levels of symbolic links",
        help: "check the links with 'ls -l' and point -o at the file itself")
    case .system(let operation, let code):
      let text = String(cString: strerror(code))
      let help: String
      switch code {
      case EACCES, EPERM, EROFS:
        help = "choose a writable location, or change the permissions of the file or its directory"
      case ENOSPC, EDQUOT:
        help = "free some space on that file system or write elsewhere"
      case ENOTDIR:
        help = "a component of the path is a file, not a directory; check the path"
      default:
        help = "check the path and try again"
      }
      return Diagnostic(
        location: location, message: "cannot write the output: \(operation) failed: \(text)",
        help: help)
    }
  }
}
