import GRDB

extension CapsimDatabase {
  /// SQLite's `application_id` for capsim databases: the bytes "CAPS" (0x43415053), set by migration
  /// "v3-application-id" and checked on every open (see https://www.sqlite.org/pragma.html#pragma_application_id).
  public static let applicationID: Int32 = 0x4341_5053

  /// What an opened file is, judged without writing to it.
  enum Ownership: Equatable {
    /// No tables at all: a new file, which capsim may take.
    case empty
    /// A capsim database made before the application id existed, or one with migrations still to run.
    case needsMigration
    /// A capsim database with every migration applied.
    case current
    /// A capsim database with migrations this capsim does not know (named): a newer capsim made it.
    case newer(migrations: [String])
    /// Another application's database; the reason says how we know.
    case foreign(reason: String)
  }

  /// Reads the application id, the tables and the applied migrations.
  static func ownership(_ db: Database) throws -> Ownership {
    let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
    let tables = try String.fetchAll(
      db,
      sql:
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    )
    if applicationID != 0 && applicationID != Self.applicationID {
      return .foreign(
        reason: "its application_id is \(applicationID), not capsim's (\(Self.applicationID))")
    }
    if applicationID == 0 && tables.isEmpty { return .empty }
    guard tables.contains("grdb_migrations") else {
      return .foreign(
        reason: "it holds tables capsim did not create ("
          + tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", …" : "") + ")")
    }
    let applied = try String.fetchSet(db, sql: "SELECT identifier FROM grdb_migrations")
    guard applied.contains("v1-initial") else {
      return .foreign(reason: "its tables were not made by capsim's migrations")
    }
    if try migrator.hasBeenSuperseded(db) {
      let known = Set(migrator.migrations)
      return .newer(migrations: applied.filter { !known.contains($0) }.sorted())
    }
    return try migrator.hasCompletedMigrations(db) ? .current : .needsMigration
  }
}
