import Foundation
import GRDB

/// The capsim SQLite database: platforms, sample sets, prices and saved simulation runs.
///
/// Opening a database runs the schema migrations (see ``CapsimDatabase/migrator``). Every import is
/// one transaction: a file is either imported completely or not at all. Reads return CapsimCore
/// values (``Platform``, ``SampleSet``, ``PriceQuote``).
///
/// ## Topics
/// ### Opening
/// - ``init(path:)``
/// - ``inMemory()``
/// - ``openDefault(path:)``
/// ### Importing
/// - ``importPlatforms(csv:replace:)``
/// - ``importSamples(_:options:)``
/// - ``importPrices(_:options:)``
/// ### Reading
/// - ``platforms()``
/// - ``sampleSets()``
/// - ``sampleSet(named:)``
/// - ``prices()``
/// ### Run history
/// - ``saveRun(_:)``
/// - ``runs()``
/// - ``run(id:)``
public final class CapsimDatabase: Sendable {
  /// The underlying GRDB queue (serialises all access).
  let dbQueue: DatabaseQueue
  /// The path of the database file, or `:memory:`.
  public let path: String

  /// Opens the database at `path`, creating the file if it does not exist, and migrates it to the
  /// current schema.
  ///
  /// - Throws: ``StoreError/directoryNotFound(path:directory:)`` when the parent directory is missing,
  ///   ``StoreError/cannotOpen(path:reason:)`` when SQLite cannot open or migrate the file.
  public convenience init(path: String) throws(StoreError) {
    try Self.checkPath(path)
    let queue: DatabaseQueue
    do {
      queue = try DatabaseQueue(path: path, configuration: Self.configuration())
    } catch {
      throw Self.openError(path: path, error)
    }
    try self.init(queue: queue, path: path)
  }

  /// Rejects an empty path (SQLite would open a temporary database and lose everything saved in it) and a
  /// path whose directory does not exist.
  static func checkPath(_ path: String) throws(StoreError) {
    guard !path.isEmpty else { throw StoreError.emptyPath }
    let directory = (path as NSString).deletingLastPathComponent
    var isDirectory: ObjCBool = false
    if !directory.isEmpty,
      !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory)
        || !isDirectory.boolValue
    {
      throw StoreError.directoryNotFound(path: path, directory: directory)
    }
  }

  /// A new, empty, migrated database that lives in memory only (for tests and dry runs).
  public static func inMemory() throws(StoreError) -> CapsimDatabase {
    do {
      return try CapsimDatabase(
        queue: DatabaseQueue(configuration: configuration()), path: ":memory:")
    } catch let error as StoreError {
      throw error
    } catch {
      throw StoreError.cannotOpen(path: ":memory:", reason: reason(error))
    }
  }

  private init(queue: DatabaseQueue, path: String) throws(StoreError) {
    self.dbQueue = queue
    self.path = path
    // Look before writing anything: a file another application owns is refused untouched, and a current
    // capsim database is not written to at all (so a read-only one can still be read).
    let ownership: Ownership
    do {
      ownership = try queue.read { db in try Self.ownership(db) }
    } catch {
      throw Self.openError(path: path, error)
    }
    switch ownership {
    case .foreign(let reason):
      throw StoreError.notCapsimDatabase(path: path, reason: reason)
    case .newer(let migrations):
      throw StoreError.newerDatabase(path: path, migrations: migrations)
    case .current:
      return
    case .empty, .needsMigration:
      do {
        // A damaged file is not migrated: the migration would write into it.
        if ownership == .needsMigration { try queue.read(Self.checkIntegrity) }
        try Self.migrator.migrate(queue)
      } catch {
        throw Self.openError(path: path, error)
      }
    }
  }

  /// Foreign keys on (GRDB's default), a busy timeout so that concurrent processes wait for each other's
  /// transactions instead of failing with "database is locked", and a label for diagnostics.
  static func configuration() -> Configuration {
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    configuration.busyMode = .timeout(busyTimeoutSeconds)
    configuration.label = "capsim"
    return configuration
  }

  /// How long a statement waits for another process's lock before giving up (then ``write(_:)`` retries
  /// the whole transaction up to ``busyRetryCount`` times).
  static let busyTimeoutSeconds: TimeInterval = 30
  /// Attempts at a write transaction that keeps finding the database locked.
  static let busyRetryCount = 3

  /// Maps an error from opening or migrating to a ``StoreError``.
  static func openError(path: String, _ error: any Error) -> StoreError {
    if let error = error as? StoreError { return error }
    if let damage = damage(error) { return .damaged(path: path, detail: damage) }
    if let error = error as? DatabaseError {
      switch error.resultCode {
      case .SQLITE_NOTADB:
        return .notCapsimDatabase(path: path, reason: "it is not an SQLite database file")
      case .SQLITE_READONLY:
        return .readOnly(path: path)
      default: break
      }
    }
    return .cannotOpen(path: path, reason: reason(error))
  }

  /// Maps an error from reading or writing this database to a ``StoreError`` that names its file.
  func storeError(_ error: any Error) -> StoreError {
    if let error = error as? StoreError { return error }
    if let damage = Self.damage(error) { return .damaged(path: path, detail: damage) }
    if let error = error as? DatabaseError, error.resultCode == .SQLITE_READONLY {
      return .readOnly(path: path)
    }
    return .database(path: path, reason: Self.reason(error))
  }

  /// SQLite's description of the damage, when `error` says the file is malformed.
  static func damage(_ error: any Error) -> String? {
    if let error = error as? DamagedDatabase { return error.detail }
    if let error = error as? DatabaseError, error.resultCode == .SQLITE_CORRUPT {
      return reason(error)
    }
    return nil
  }

  /// A one-line reason for a GRDB or system error.
  static func reason(_ error: any Error) -> String {
    if let error = error as? StoredDataProblem { return error.reason }
    if let error = error as? DatabaseError {
      return error.message ?? "\(error.resultCode)"
    }
    return "\(error)"
  }

  // MARK: - Integrity

  /// SQLite's `PRAGMA quick_check`, stopped at its first finding: the structure of every page (not
  /// whether each index matches its table). It runs before every write, so that nothing is written into a damaged file (SQLite
  /// would often write into one without complaint); it reads the whole file, about 3 ms for the bundled
  /// database and 50 ms for one of 8 MB, and reads do not run it.
  ///
  /// - Throws: ``DamagedDatabase`` with SQLite's first finding.
  static func checkIntegrity(_ db: Database) throws {
    let findings = try String.fetchAll(db, sql: "PRAGMA quick_check(1)")
    guard findings == ["ok"] else {
      // The finding comes after a "*** in database main ***" line.
      let lines: [String] = findings.flatMap { finding in
        finding.split(separator: "\n").map { String($0).trimmingSpaces() }
      }
      let first = lines.first { line in !line.isEmpty && !line.hasPrefix("***") }
      throw DamagedDatabase(detail: first ?? "the integrity check found it damaged")
    }
  }

  // MARK: - Transactions

  /// Runs `body` in one write transaction, after ``checkIntegrity(_:)``, mapping GRDB failures to
  /// ``StoreError/database(path:reason:)`` (``StoreError/damaged(path:detail:)`` for a damaged file)
  /// and letting the caller's typed errors through unchanged. A throw rolls everything back.
  func write<T>(_ body: (Database) throws -> T) throws -> T {
    var attempt = 1
    while true {
      do {
        return try dbQueue.write { db in
          try Self.checkIntegrity(db)
          return try body(db)
        }
      } catch let error as ImportError {
        throw error
      } catch let error as StoreError {
        throw error
      } catch let error as DatabaseError
        where (error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED)
        && attempt < Self.busyRetryCount
      {
        // Another process held the lock past the busy timeout; the transaction rolled back: try again.
        attempt += 1
      } catch {
        throw storeError(error)
      }
    }
  }

  /// Runs `body` in a read, mapping GRDB failures to ``StoreError/database(path:reason:)``
  /// (``StoreError/damaged(path:detail:)`` for a damaged file).
  func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
    do {
      return try dbQueue.read(body)
    } catch {
      throw storeError(error)
    }
  }
}

/// A stored value that cannot be read back (a platform kind capsim does not know, a fit that does not
/// decode), thrown inside a transaction; ``CapsimDatabase`` reports it as
/// ``StoreError/database(path:reason:)`` naming its file.
struct StoredDataProblem: Error {
  var reason: String
}

/// SQLite's integrity check found the file damaged (``CapsimDatabase/checkIntegrity(_:)``); reported as
/// ``StoreError/damaged(path:detail:)``.
struct DamagedDatabase: Error {
  var detail: String
}
