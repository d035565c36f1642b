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
    let directory = (path as NSString).deletingLastPathComponent
    var isDirectory: ObjCBool = false
    if !directory.isEmpty,
      !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory)
        || !isDirectory.boolValue
    {
      throw StoreError.directoryNotFound(path: path, directory: directory)
    }
    let queue: DatabaseQueue
    do {
      queue = try DatabaseQueue(path: path, configuration: Self.configuration())
    } catch {
      throw StoreError.cannotOpen(path: path, reason: Self.reason(error))
    }
    try self.init(queue: queue, path: path)
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
    do {
      try Self.migrator.migrate(queue)
    } catch {
      throw StoreError.cannotOpen(path: path, reason: Self.reason(error))
    }
  }

  /// Foreign keys on (GRDB's default), and a label for diagnostics.
  static func configuration() -> Configuration {
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    configuration.label = "capsim"
    return configuration
  }

  /// A one-line reason for a GRDB or system error.
  static func reason(_ error: any Error) -> String {
    if let error = error as? DatabaseError {
      return error.message ?? "\(error.resultCode)"
    }
    return "\(error)"
  }

  // MARK: - Transactions

  /// Runs `body` in one write transaction, mapping GRDB failures to ``StoreError/database(reason:)``
  /// and letting the caller's typed errors through unchanged. A throw rolls everything back.
  func write<T>(_ body: (Database) throws -> T) throws -> T {
    do {
      return try dbQueue.write(body)
    } catch let error as ImportError {
      throw error
    } catch let error as StoreError {
      throw error
    } catch {
      throw StoreError.database(reason: Self.reason(error))
    }
  }

  /// Runs `body` in a read, mapping GRDB failures to ``StoreError/database(reason:)``.
  func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
    do {
      return try dbQueue.read(body)
    } catch let error as StoreError {
      throw error
    } catch {
      throw StoreError.database(reason: Self.reason(error))
    }
  }
}
