import Foundation
import GRDB

extension CapsimDatabase {
  /// Opens the database at `path`; if the file does not exist, or exists but is empty (zero bytes, or an
  /// SQLite file with no tables and no application id, such as `touch` or `sqlite3 FILE 'VACUUM'` leave),
  /// creates it from the embedded default data set (``DefaultDataSet``).
  ///
  /// The new database is built in a temporary file next to `path`, migrated and filled in one
  /// transaction, then moved into place (replacing the empty file), so a failure never leaves a
  /// half-made database behind. An empty file is checked again just before it is replaced, so one that
  /// another process filled meanwhile is opened instead; a file with any table is never replaced.
  ///
  /// - Returns: the database, and whether it was just created from the defaults.
  /// - Throws: ``StoreError``.
  public static func openDefault(path: String) throws(StoreError) -> (
    CapsimDatabase, createdFromDefaults: Bool
  ) {
    try checkPath(path)
    let replacesEmptyFile = FileManager.default.fileExists(atPath: path)
    if replacesEmptyFile, !isEmptyDatabaseFile(path) {
      return (try CapsimDatabase(path: path), false)
    }
    let directory = (path as NSString).deletingLastPathComponent
    guard access(directory.isEmpty ? "." : directory, W_OK) == 0 else {
      throw StoreError.directoryNotWritable(
        path: path, directory: directory.isEmpty ? "." : directory)
    }
    let temporary = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
    func removeTemporary() {
      for suffix in ["", "-journal", "-wal", "-shm"] {
        try? FileManager.default.removeItem(atPath: temporary + suffix)
      }
    }
    removeTemporary()
    do {
      let database = try CapsimDatabase(path: temporary)
      try database.importDefaultData()
      try database.dbQueue.close()
    } catch {
      removeTemporary()
      // Errors about the temporary file are about the database the user named.
      switch error as? StoreError {
      case .readOnly(temporary)?:
        throw StoreError.directoryNotWritable(
          path: path, directory: directory.isEmpty ? "." : directory)
      case .cannotOpen(temporary, let reason)?:
        throw StoreError.cannotOpen(path: path, reason: reason)
      case let error?: throw error
      case nil: break
      }
      if let error = error as? ImportError { throw StoreError.defaultDataRejected(error) }
      throw StoreError.database(reason: reason(error))
    }
    if replacesEmptyFile {
      // rename(2) replaces the empty file atomically; anything else now at `path` is kept.
      guard isEmptyDatabaseFile(path) else {
        removeTemporary()
        return (try CapsimDatabase(path: path), false)
      }
      guard rename(temporary, path) == 0 else {
        let reason = String(cString: strerror(errno))
        removeTemporary()
        throw StoreError.cannotOpen(path: path, reason: reason)
      }
      return (try CapsimDatabase(path: path), true)
    }
    do {
      try FileManager.default.moveItem(atPath: temporary, toPath: path)
    } catch {
      removeTemporary()
      // Another process may have created it meanwhile: open theirs.
      if FileManager.default.fileExists(atPath: path) {
        return (try CapsimDatabase(path: path), false)
      }
      throw StoreError.cannotOpen(path: path, reason: "\(error.localizedDescription)")
    }
    return (try CapsimDatabase(path: path), true)
  }

  /// Whether the file at `path` holds nothing a user made: zero bytes, or an SQLite database with no
  /// application id and no tables (``Ownership/empty``). A file that cannot be read as SQLite is not
  /// empty; opening it then says why.
  static func isEmptyDatabaseFile(_ path: String) -> Bool {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
      attributes[.type] as? FileAttributeType == .typeRegular
    else { return false }
    if (attributes[.size] as? NSNumber)?.int64Value == 0 { return true }
    var configuration = configuration()
    configuration.readonly = true
    do {
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      defer { try? queue.close() }
      return try queue.read { db in try ownership(db) } == .empty
    } catch {
      return false
    }
  }

  /// Imports the embedded default data set into this database in one transaction.
  ///
  /// - Throws: ``StoreError/defaultDataRejected(_:)`` if the embedded files do not import.
  @discardableResult
  public func importDefaultData() throws(StoreError) -> [ImportSummary] {
    do {
      return try write { db in try DefaultDataSet.importAll(into: db) }
    } catch let error as ImportError {
      throw StoreError.defaultDataRejected(error)
    } catch let error as StoreError {
      throw error
    } catch {
      throw StoreError.database(reason: Self.reason(error))
    }
  }
}
