import Foundation
import GRDB

extension CapsimDatabase {
  /// Opens the database at `path`; if the file does not exist, or exists but is empty (zero bytes, or an
  /// SQLite file with no tables and no application id, such as `touch` or `sqlite3 FILE 'VACUUM'` leave),
  /// creates it from the embedded default data set (``DefaultDataSet``).
  ///
  /// The new database is built in a temporary file next to `path`, migrated and filled in one
  /// transaction, then moved into place (replacing the empty file), so a failure never leaves a
  /// half-made database behind. Processes that find the same empty file take turns under an exclusive
  /// lock on it, so one that another process filled meanwhile is opened instead; a file with any table is
  /// never replaced, and a new file is linked into place only if none has appeared there. A symbolic link
  /// to an empty file has its target filled; a link to nothing is an error.
  ///
  /// - Returns: the database, and whether it was just created from the defaults.
  /// - Throws: ``StoreError``.
  public static func openDefault(path: String) throws(StoreError) -> (
    CapsimDatabase, createdFromDefaults: Bool
  ) {
    try checkPath(path)
    // A symbolic link to an existing file stands for that file: the file is checked, locked and filled,
    // and the link is kept.
    let isLink = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
    let path =
      isLink && FileManager.default.fileExists(atPath: path)
      ? URL(fileURLWithPath: path).resolvingSymlinksInPath().path : path
    let replacesEmptyFile = FileManager.default.fileExists(atPath: path)
    if replacesEmptyFile, !isEmptyDatabaseFile(path) {
      return (try CapsimDatabase(path: path), false)
    }
    if !replacesEmptyFile,
      let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path)
    {
      throw StoreError.cannotOpen(
        path: path, reason: "it is a symbolic link to \(target), which does not exist")
    }
    // Processes that find the same empty file take turns: each holds an exclusive flock(2) on it from
    // its second check to its rename (closing the descriptor releases it). The first fills it; the others,
    // checking again once they hold the lock, find the filled database at the path and open it, so none
    // replaces a database another has already written to. Only an empty regular file is locked (the
    // check above), and where the file system refuses flock each process goes on unlocked.
    let emptyFile =
      replacesEmptyFile ? open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK) : -1
    defer { if emptyFile >= 0 { close(emptyFile) } }
    if emptyFile >= 0 {
      while flock(emptyFile, LOCK_EX) != 0 && errno == EINTR {}
    }
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
      throw StoreError.database(path: path, reason: reason(error))
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
    // link(2) fails if `path` exists, atomically: another process that created it meanwhile keeps its
    // file, and this one opens it. A file system without hard links gets a rename after a check.
    var failure: Int32 = 0
    if link(temporary, path) != 0 {
      failure = errno
      if failure != EEXIST, !FileManager.default.fileExists(atPath: path) {
        failure = rename(temporary, path) == 0 ? 0 : errno
      }
    }
    removeTemporary()
    if failure == 0 { return (try CapsimDatabase(path: path), true) }
    if FileManager.default.fileExists(atPath: path) {
      return (try CapsimDatabase(path: path), false)
    }
    throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(failure)))
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
    } catch {
      throw storeError(error)
    }
  }
}
