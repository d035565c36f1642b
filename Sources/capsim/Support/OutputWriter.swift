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

  static func write(_ text: String, to path: String?) throws {
    guard let path, path != "-" else {
      FileHandle.standardOutput.write(Data(text.utf8))
      return
    }
    do {
      try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw WriteError(path: path, reason: (error as NSError).localizedDescription)
    }
  }
}
