import CapsimCore
import Foundation

/// Writes a report to standard output or to a file (atomically, so a failed write leaves no half file).
enum OutputWriter {
  /// An output file could not be written.
  struct WriteError: DiagnosticConvertible {
    let path: String
    let reason: String
    var diagnostic: Diagnostic {
      Diagnostic(
        location: SourceLocation(file: path), message: "cannot write the report: \(reason)",
        help: "check that the directory exists and is writable")
    }
  }

  /// Writes `text` as UTF-8 to `path`, or to standard output when `path` is `nil` or `-`.
  static func write(_ text: String, to path: String?) throws {
    try write(Data(text.utf8), to: path)
  }

  /// Writes `data` (a binary report such as a workbook) to `path`, or to standard output.
  static func write(_ data: Data, to path: String?) throws {
    guard let path, path != "-" else {
      FileHandle.standardOutput.write(data)
      return
    }
    do {
      try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw WriteError(path: path, reason: (error as NSError).localizedDescription)
    }
  }
}
