import CapsimReports
import Foundation

/// Writes a command's output to standard output or to the path given with `-o` (see ``OutputFile``: devices,
/// FIFOs and links are written through, regular files replaced atomically).
enum OutputWriter {
  /// Writes `text` to `path` (`nil` or `-`: standard output).
  static func write(_ text: String, to path: String?) throws {
    try OutputFile.write(text, to: path)
  }

  /// Writes `data` (a workbook, for example) to `path` (`nil` or `-`: standard output).
  static func write(_ data: Data, to path: String?) throws {
    try OutputFile.write(data, to: path)
  }
}
