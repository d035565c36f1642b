import Foundation
import GRDB
import Testing

@testable import CapsimStore

@Suite("Migration v2-distribution-fits")
struct FitMigrationTests {
  /// A database file migrated only to "v1-initial" (as capsim 0.1.0 left it), holding one platform,
  /// one sample set with three values and one price.
  func versionOneDatabase() throws -> String {
    let path = try temporaryDirectory().appendingPathComponent("v1.sqlite").path
    let queue = try DatabaseQueue(path: path, configuration: CapsimDatabase.configuration())
    try CapsimDatabase.migrator.migrate(queue, upTo: "v1-initial")
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO platform (id, name, kind, gpu_model, provider) VALUES (1, 'cloud', 'shared', 'H100', 'aws');
          INSERT INTO sample_set (id, name, platform_id, metric, unit, source, content_hash, imported_at)
            VALUES (1, 'old-steps', 1, 'step_time', 's', 'old.csv', '0123456789abcdef', '2026-01-01T00:00:00Z');
          INSERT INTO sample (sample_set_id, value_seconds) VALUES (1, 1.5), (1, 2.5), (1, 2.0), (1, 3.25);
          INSERT INTO price (name, provider, gpu_model, pricing_model, amount, unit, gpus_per_unit, currency,
            effective_date, source)
            VALUES ('p', 'aws', 'H100', 'on_demand', 2.5, 'gpu_hour', 1, 'USD', '2026-01-01', 'list');
          """)
    }
    let applied = try queue.read { db in try CapsimDatabase.migrator.appliedMigrations(db) }
    #expect(applied == ["v1-initial"])
    #expect(try queue.read { db in try db.tableExists("distribution_fit") } == false)
    try queue.close()
    return path
  }

  @Test func openingAVersionOneDatabaseAddsTheTableAndKeepsTheData() throws {
    let path = try versionOneDatabase()
    let database = try CapsimDatabase(path: path)
    let applied = try database.dbQueue.read { db in
      try CapsimDatabase.migrator.appliedMigrations(db)
    }
    #expect(applied == ["v1-initial", "v2-distribution-fits", "v3-application-id"])
    #expect(
      try database.sampleSet(named: "old-steps")
        == SampleSet(
          name: "old-steps", platform: "cloud", metric: "step_time", seconds: [1.5, 2.5, 2.0, 3.25])
    )
    #expect(try database.prices().map(\.name) == ["p"])
    #expect(try database.savedFit(forSampleSet: "old-steps") == nil)

    let result = try fit(.gamma, to: [1.5, 2.5, 2.0, 3.25])
    try database.saveFit(result, forSampleSet: "old-steps")
    #expect(try database.savedFit(forSampleSet: "old-steps") == result)
  }

  @Test func reopeningIsIdempotentAndKeepsTheSavedFit() throws {
    let path = try versionOneDatabase()
    let result = try fit(.lognormal, to: [1.5, 2.5, 2.0, 3.25])
    do {
      let first = try CapsimDatabase(path: path)
      try first.saveFit(result, forSampleSet: "old-steps")
      try first.dbQueue.close()
    }
    for _ in 0..<2 {
      let again = try CapsimDatabase(path: path)
      #expect(try again.savedFit(forSampleSet: "old-steps") == result)
      #expect(try again.sampleSet(named: "old-steps").seconds == [1.5, 2.5, 2.0, 3.25])
      let count = try again.dbQueue.read { db in
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM grdb_migrations")
      }
      #expect(count == 3)
      try again.dbQueue.close()
    }
  }

  @Test func theSchemaHasTheForeignKeyWithCascade() throws {
    let database = try CapsimDatabase.inMemory()
    let keys = try database.dbQueue.read { db in
      try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(distribution_fit)")
    }
    #expect(keys.count == 1)
    #expect(keys.first?["table"] == "sample_set")
    #expect(keys.first?["from"] == "sample_set_id")
    #expect(keys.first?["on_delete"] == "CASCADE")
    let unique = try database.dbQueue.read { db in
      try db.indexes(on: "distribution_fit").filter(\.isUnique).map(\.columns)
    }
    #expect(unique == [["sample_set_id"]])
  }
}
