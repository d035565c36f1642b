import Foundation
import GRDB
import Testing

@testable import CapsimStore

/// CapsimCore's location, not Swift Testing's.
typealias SourceLocation = CapsimCore.SourceLocation

/// Every row of every capsim table as text, for "the database is exactly as before" checks
/// (in the spirit of GRDB's testMigrationFailureTriggersRollback).
func dump(_ database: CapsimDatabase) throws -> String {
  try database.dbQueue.read { db in
    var text = ""
    for table in [
      "platform", "sample_set", "sample", "price", "simulation_run", "simulation_result",
    ] {
      text += "## \(table)\n"
      for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid") {
        text += row.description + "\n"
      }
    }
    return text
  }
}

/// The number of rows in a table.
func rowCount(_ database: CapsimDatabase, _ table: String) throws -> Int {
  try database.dbQueue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? -1
  }
}

/// A source from inline text.
func source(_ name: String, _ text: String) -> ImportSource {
  ImportSource(fileName: name, text: text)
}

/// A fresh in-memory database with two platforms.
func databaseWithPlatforms() throws -> CapsimDatabase {
  let database = try CapsimDatabase.inMemory()
  try database.importPlatforms(
    csv: source(
      "platforms.csv",
      """
      name,kind,gpu_model,provider,description
      cloud-a100,shared,A100-80GB,aws,on-demand p4de
      metal-a100,dedicated,A100-80GB,on-prem,"rack 3, row 2"
      """))
  return database
}

/// Runs `body`, expects it to throw an `ImportError`, and checks that the database did not change.
func expectRejected(
  _ database: CapsimDatabase, sourceLocation: Testing.SourceLocation = #_sourceLocation,
  _ body: () throws -> Void
) throws -> ImportError? {
  let before = try dump(database)
  var caught: ImportError?
  do {
    try body()
    Issue.record("expected an ImportError", sourceLocation: sourceLocation)
  } catch let error as ImportError {
    caught = error
  }
  #expect(
    try dump(database) == before, "database changed after a rejected import",
    sourceLocation: sourceLocation)
  return caught
}

/// A unique temporary directory for tests that need real files.
func temporaryDirectory() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent(
    "capsim-store-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}
