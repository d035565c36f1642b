import Foundation
import GRDB

extension CapsimDatabase {
  /// Opens the database at `path`; if the file does not exist, creates it from the embedded default
  /// data set (``DefaultDataSet``).
  ///
  /// The new database is built in a temporary file next to `path`, migrated and filled in one
  /// transaction, then moved into place, so a failure never leaves a half-made database behind.
  ///
  /// - Returns: the database, and whether it was just created from the defaults.
  /// - Throws: ``StoreError``.
  public static func openDefault(path: String) throws(StoreError) -> (
    CapsimDatabase, createdFromDefaults: Bool
  ) {
    try checkPath(path)
    if FileManager.default.fileExists(atPath: path) {
      return (try CapsimDatabase(path: path), false)
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
      if let error = error as? StoreError { throw error }
      if let error = error as? ImportError { throw StoreError.defaultDataRejected(error) }
      throw StoreError.database(reason: reason(error))
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
