import GRDB

extension CapsimDatabase {
  /// The columns of a platform file, in documented order.
  static let platformColumns = ["name", "kind", "gpu_model", "provider", "description"]

  /// Imports platforms from a CSV file with the columns `name,kind,gpu_model,provider[,description]`
  /// (any order). The whole file is one transaction.
  ///
  /// A platform whose name exists with identical fields is reported unchanged; with different
  /// fields it is an error unless `replace` is true, in which case it is updated in place (its
  /// sample sets keep pointing at it).
  ///
  /// - Throws: ``ImportError`` for bad input (nothing is written), ``StoreError`` for database faults.
  @discardableResult
  public func importPlatforms(csv source: ImportSource, replace: Bool = false) throws
    -> ImportSummary
  {
    try write { db in try Self.importPlatforms(db, source, replace: replace) }
  }

  /// The platform import inside a caller's transaction.
  static func importPlatforms(_ db: Database, _ source: ImportSource, replace: Bool) throws
    -> ImportSummary
  {
    var table = try CSVTable(source)
    try table.rejectUnknownColumns(known: platformColumns)
    let nameColumn = try table.require("name")
    let kindColumn = try table.require("kind")
    let gpuColumn = try table.require("gpu_model")
    let providerColumn = try table.require("provider")
    let descriptionColumn = table.index(of: "description")
    let columns = table.columns
    var parsed: [(Platform, SourceLocation)] = []
    var firstLine: [String: Int] = [:]
    try table.forEachRow { fields, start, reader in
      func text(_ column: Int, required: Bool) throws -> String {
        let value = reader.trimmedString(fields[column])
        let location = reader.location(of: fields[column], record: start, name: columns[column])
        if required, value.isEmpty {
          throw ImportError.emptyValue(location, help: "every platform needs a \(columns[column])")
        }
        try PrintableText.check(value, at: location, multiline: column == descriptionColumn)
        return value
      }
      let name = try text(nameColumn, required: true)
      let nameLocation = reader.location(of: fields[nameColumn], record: start, name: "name")
      if let line = firstLine[name] {
        throw ImportError.duplicateInFile(
          nameLocation, kind: "platform", name: name, firstLine: line)
      }
      firstLine[name] = start.line
      let kindText = try text(kindColumn, required: true)
      guard let kind = InfrastructureKind(rawValue: kindText) else {
        throw ImportError.unknownName(
          reader.location(of: fields[kindColumn], record: start, name: "kind"),
          kind: "platform kind",
          name: kindText, known: InfrastructureKind.allCases.map(\.rawValue))
      }
      let platform = Platform(
        name: name, kind: kind, gpuModel: try text(gpuColumn, required: true),
        provider: try text(providerColumn, required: true),
        summary: try descriptionColumn.map { try text($0, required: false) } ?? "")
      parsed.append((platform, nameLocation))
    }
    if parsed.isEmpty {
      throw ImportError.noDataRows(SourceLocation(file: source.fileName), kind: "platform")
    }
    var summary = ImportSummary(file: source.fileName)
    for (platform, location) in parsed {
      if let existing = try fetchPlatform(db, named: platform.name) {
        if existing == platform {
          summary.record("platform", platform.name, .unchanged)
          continue
        }
        guard replace else {
          throw ImportError.alreadyExists(location, kind: "platform", name: platform.name)
        }
        try db.execute(
          literal: """
            UPDATE platform SET kind = \(platform.kind.rawValue), gpu_model = \(platform.gpuModel),
              provider = \(platform.provider), description = \(platform.summary)
            WHERE name = \(platform.name)
            """)
        summary.record("platform", platform.name, .replaced)
      } else {
        try insertPlatform(db, platform)
        summary.record("platform", platform.name, .added)
      }
    }
    return summary
  }

  /// Inserts a platform and returns its row id.
  @discardableResult
  static func insertPlatform(_ db: Database, _ platform: Platform) throws -> Int64 {
    try db.execute(
      literal: """
        INSERT INTO platform (name, kind, gpu_model, provider, description)
        VALUES (\(platform.name), \(platform.kind.rawValue), \(platform.gpuModel), \(platform.provider),
          \(platform.summary))
        """)
    return db.lastInsertedRowID
  }
}
