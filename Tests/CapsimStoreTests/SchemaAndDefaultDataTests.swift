import Foundation
import GRDB
import Testing

@testable import CapsimStore

@Suite struct SchemaAndDefaultDataTests {
  @Test func migrationCreatesTheSchema() throws {
    let database = try CapsimDatabase.inMemory()
    let tables = try database.dbQueue.read { db in
      try String.fetchAll(
        db,
        sql:
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' ORDER BY name"
      )
    }
    #expect(
      tables == [
        "distribution_fit", "platform", "price", "sample", "sample_set", "simulation_result",
        "simulation_run",
      ])
    let applied = try database.dbQueue.read { db in
      try CapsimDatabase.migrator.appliedMigrations(db)
    }
    #expect(
      applied == ["v1-initial", "v2-distribution-fits", "v3-application-id", "v4-run-overrides"])
    let foreignKeys = try database.dbQueue.read { db in
      try Bool.fetchOne(db, sql: "PRAGMA foreign_keys")
    }
    #expect(foreignKeys == true)
  }

  @Test func checkConstraintsRejectBadRowsEvenWithoutTheImporters() throws {
    let database = try databaseWithPlatforms()
    #expect(throws: DatabaseError.self) {
      try database.dbQueue.write { db in
        try db.execute(
          sql:
            "INSERT INTO platform (name, kind, gpu_model, provider) VALUES ('x', 'cloud', 'g', 'p')"
        )
      }
    }
    #expect(throws: DatabaseError.self) {
      try database.dbQueue.write { db in
        try db.execute(
          sql: """
            INSERT INTO price (name, provider, gpu_model, pricing_model, amount, unit, gpus_per_unit, currency,
              effective_date, source) VALUES ('x', 'p', 'g', 'spot', -1, 'gpu_hour', 1, 'USD', '2025-01-01', 's')
            """)
      }
    }
  }

  @Test func missingDirectoryIsAClearError() throws {
    let path = "/nonexistent-capsim-dir/sub/capsim.sqlite"
    #expect(
      throws: StoreError.directoryNotFound(path: path, directory: "/nonexistent-capsim-dir/sub")
    ) {
      _ = try CapsimDatabase(path: path)
    }
    #expect(throws: StoreError.self) { _ = try CapsimDatabase.openDefault(path: path) }
  }

  @Test func openDefaultCreatesOnceFromTheEmbeddedData() throws {
    let directory = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("capsim.sqlite").path
    let (created, wasCreated) = try CapsimDatabase.openDefault(path: path)
    #expect(wasCreated)
    let counts = (
      try created.platforms().count, try created.sampleSetNames().count, try created.prices().count
    )
    #expect(counts.0 > 0 && counts.1 > 0 && counts.2 > 0)
    let before = try dump(created)
    let (reopened, createdAgain) = try CapsimDatabase.openDefault(path: path)
    #expect(!createdAgain)
    #expect(try dump(reopened) == before)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
      $0.contains("partial")
    }
    #expect(leftovers.isEmpty)
  }

  /// Fails when data/ was changed without re-running scripts/embed-default-data.sh.
  @Test func embeddedDataMatchesTheDataDirectory() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent()
    let data = root.appendingPathComponent("data")
    var onDisk: [String] = []
    if let enumerator = FileManager.default.enumerator(atPath: data.path) {
      for case let path as String in enumerator where path.hasSuffix(".csv") {
        if path == "platforms.csv" || path == "prices.csv" || path.hasPrefix("samples/") {
          onDisk.append(path)
        }
      }
    }
    #expect(DefaultDataSet.fileNames == onDisk.sorted(), "run scripts/embed-default-data.sh")
    for name in onDisk {
      let text = try String(contentsOf: data.appendingPathComponent(name), encoding: .utf8)
        .replacingOccurrences(of: "\r\n", with: "\n")
      #expect(
        DefaultDataSet.contents(of: name) == text,
        "\(name) differs: run scripts/embed-default-data.sh")
    }
  }

  @Test func defaultDataImportsInMemory() throws {
    let database = try CapsimDatabase.inMemory()
    let summaries = try database.importDefaultData()
    #expect(summaries.count == DefaultDataSet.fileNames.count)
  }
}
