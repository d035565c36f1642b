import Foundation

/// The bytes of one input file together with the name used in diagnostics and format detection.
public struct ImportSource: Sendable, Hashable {
  /// The file name or path as the user gave it (`data/prices.csv`, `<stdin>`).
  public var fileName: String
  /// The file's contents.
  public var bytes: [UInt8]

  /// Wraps bytes already in memory.
  public init(fileName: String, bytes: [UInt8]) {
    self.fileName = fileName
    self.bytes = bytes
  }

  /// Wraps text (encoded as UTF-8).
  public init(fileName: String, text: String) {
    self.init(fileName: fileName, bytes: Array(text.utf8))
  }

  /// Reads the file at `path`.
  ///
  /// - Throws: ``ImportError/unreadable(_:reason:)`` if the file cannot be read.
  public init(contentsOfFile path: String) throws(ImportError) {
    guard let data = FileManager.default.contents(atPath: path) else {
      let reason =
        FileManager.default.fileExists(atPath: path)
        ? "permission denied or not a file" : "no such file"
      throw ImportError.unreadable(SourceLocation(file: path), reason: reason)
    }
    self.init(fileName: path, bytes: [UInt8](data))
  }

  /// The file name's extension, lower-cased, without the dot (`csv`, `jsonl`), or empty.
  var fileExtension: String {
    (fileName as NSString).pathExtension.lowercased()
  }

  /// The name of the directory that holds the file (`aws` for `catalogs/v7/aws/vms.csv`), or `nil`.
  var parentDirectoryName: String? {
    let parent = (fileName as NSString).deletingLastPathComponent
    let name = (parent as NSString).lastPathComponent
    return name.isEmpty || name == "." || name == "/" ? nil : name
  }
}
