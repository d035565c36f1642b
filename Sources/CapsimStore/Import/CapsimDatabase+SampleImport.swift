import Foundation
import GRDB

#if canImport(GRDBSQLite)
import GRDBSQLite
#elseif canImport(SQLite3)
import SQLite3
#endif

extension CapsimDatabase {
  /// Imports sample sets from one file in any ``SampleFormat``, as one transaction.
  ///
  /// Each set's platform must exist (unless `options.createMissingPlatforms` is set). A set whose
  /// name exists with identical content (same hash) is skipped as unchanged; with different content
  /// it is an error unless `options.replace`, which deletes and re-inserts it in the same transaction.
  ///
  /// - Throws: ``ImportError`` for bad input (nothing is written), ``StoreError`` for database faults.
  @discardableResult
  public func importSamples(
    _ source: ImportSource, options: SampleImportOptions = SampleImportOptions()
  ) throws
    -> ImportSummary
  {
    let sets = try Self.parseSamples(source, options: options)
    return try write { db in try Self.writeSampleSets(db, sets, source: source, options: options) }
  }

  /// The format `importSamples` would use for `source` with `options`.
  public static func detectSampleFormat(_ source: ImportSource, options: SampleImportOptions)
    -> SampleFormat
  {
    if let format = options.format { return format }
    switch source.fileExtension {
    case "jsonl", "ndjson": return .jsonLines
    case "json": return .hyperfine
    default:
      if options.valueColumn != nil { return .table }
      let firstByte = source.bytes.first {
        $0 != 0xEF && $0 != 0xBB && $0 != 0xBF && $0 != 32 && $0 != 10 && $0 != 13
      }
      if firstByte == UInt8(ascii: "{") {
        return looksLikeHyperfine(source) ? .hyperfine : .jsonLines
      }
      return .csv
    }
  }

  private static func looksLikeHyperfine(_ source: ImportSource) -> Bool {
    String(decoding: source.bytes.prefix(200), as: UTF8.self).contains("\"results\"")
  }

  static func parseSamples(_ source: ImportSource, options: SampleImportOptions) throws
    -> [PendingSampleSet]
  {
    let format = detectSampleFormat(source, options: options)
    try options.checkApplicable(to: format, file: source.fileName)
    try options.checkPrintable()
    let forced = options.format != nil
    switch format {
    case .csv, .table:
      try SampleParser.rejectJSON(source, as: format, forced: forced)
      return format == .csv
        ? try SampleParser.parseDocumentedCSV(source)
        : try SampleParser.parseTable(source, options: options)
    case .jsonLines: return try SampleParser.parseJSONLines(source, forced: forced)
    case .hyperfine: return try SampleParser.parseHyperfine(source, options: options)
    }
  }

  // MARK: - Writing

  static func writeSampleSets(
    _ db: Database, _ sets: [PendingSampleSet], source: ImportSource, options: SampleImportOptions
  ) throws -> ImportSummary {
    var summary = ImportSummary(file: source.fileName)
    let format = detectSampleFormat(source, options: options)
    let provenance =
      options.provenance
      ?? "\((source.fileName as NSString).lastPathComponent) (\(format.rawValue) importer)"
    let importedAt = ISO8601DateFormatter().string(from: Date())
    for set in sets {
      for skip in set.skipped { summary.skip(skip.reason, count: skip.count) }
      summary.notes += set.notes
      let platformID = try resolvePlatform(db, set, options: options, summary: &summary)
      let hash = set.contentHash
      let existing = try Row.fetchOne(
        db, SQLRequest<Row>("SELECT id, content_hash FROM sample_set WHERE name = \(set.name)"))
      var outcome = ImportSummary.Outcome.added
      if let existing {
        if existing["content_hash"] == hash {
          summary.record("sample set", set.name, .unchanged)
          continue
        }
        guard options.replace else {
          throw ImportError.alreadyExists(set.location, kind: "sample set", name: set.name)
        }
        let id: Int64 = existing["id"]
        try db.execute(literal: "DELETE FROM sample_set WHERE id = \(id)")
        outcome = .replaced
      }
      try db.execute(
        literal: """
          INSERT INTO sample_set (name, platform_id, metric, unit, source, content_hash, imported_at)
          VALUES (\(set.name), \(platformID), \(set.metric), \(set.unit), \(provenance), \(hash), \(importedAt))
          """)
      try insertValues(db, set, setID: db.lastInsertedRowID)
      summary.record("sample set", set.name, outcome, values: set.seconds.count)
    }
    return summary
  }

  private static func resolvePlatform(
    _ db: Database, _ set: PendingSampleSet, options: SampleImportOptions,
    summary: inout ImportSummary
  ) throws -> Int64 {
    if let id = try Int64.fetchOne(
      db, SQLRequest<Int64>("SELECT id FROM platform WHERE name = \(set.platform)"))
    {
      return id
    }
    guard let defaults = options.createMissingPlatforms else {
      var location = set.location
      location.field = "platform"
      throw ImportError.unknownName(
        location, kind: "platform", name: set.platform, known: try names(db, table: "platform"))
    }
    let platform = Platform(
      name: set.platform, kind: defaults.kind, gpuModel: defaults.gpuModel,
      provider: defaults.provider,
      summary: "created while importing \(set.location.file)")
    summary.record("platform", platform.name, .created)
    return try insertPlatform(db, platform)
  }

  /// Bulk insert with one prepared statement and raw `sqlite3_bind_*` calls (about 4× faster than
  /// binding through GRDB's `StatementArguments`, see STACK-NOTES.md), inside the caller's transaction.
  private static func insertValues(_ db: Database, _ set: PendingSampleSet, setID: Int64) throws {
    let statement = try db.makeStatement(
      sql:
        "INSERT INTO sample (sample_set_id, value_seconds, gpu_count, recorded_at, run_id) VALUES (?, ?, ?, ?, ?)"
    )
    let handle = statement.sqliteStatement
    let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    func bind(_ text: String?, at position: Int32) {
      if let text {
        _ = sqlite3_bind_text(handle, position, text, -1, transient)
      } else {
        _ = sqlite3_bind_null(handle, position)
      }
    }
    let hasGPU = !set.gpuCounts.isEmpty
    let hasRecorded = !set.recordedAt.isEmpty
    let hasRunID = !set.runIDs.isEmpty
    for index in set.seconds.indices {
      _ = sqlite3_reset(handle)
      _ = sqlite3_bind_int64(handle, 1, setID)
      _ = sqlite3_bind_double(handle, 2, set.seconds[index])
      if hasGPU, let count = set.gpuCounts[index] {
        _ = sqlite3_bind_int64(handle, 3, count)
      } else {
        _ = sqlite3_bind_null(handle, 3)
      }
      bind(hasRecorded ? set.recordedAt[index] : nil, at: 4)
      bind(hasRunID ? set.runIDs[index] : nil, at: 5)
      let code = sqlite3_step(handle)
      guard code == SQLITE_DONE else {
        let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
        _ = sqlite3_reset(handle)
        throw StoredDataProblem(
          reason: "inserting value \(index + 1) of '\(set.name)': \(message)")
      }
    }
    _ = sqlite3_reset(handle)
  }
}
