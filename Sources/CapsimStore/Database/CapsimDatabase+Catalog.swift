import GRDB

/// Metadata of a stored sample set, without its values.
public struct SampleSetInfo: Sendable, Hashable, Codable {
  /// Unique name.
  public var name: String
  /// Platform the values were measured on.
  public var platform: String
  /// What a value measures (`step_time`, `job_time`, `queue_wait`, …).
  public var metric: String
  /// The unit the imported file used (values are stored in seconds whatever it was).
  public var unit: String
  /// Number of values.
  public var count: Int
  /// File name and importer the set came from.
  public var source: String
  /// 16 hex digits of the FNV-1a hash of the normalised content (duplicate detection).
  public var contentHash: String
  /// When it was imported, ISO 8601 UTC.
  public var importedAt: String
}

extension CapsimDatabase {
  // MARK: - Platforms

  /// All platforms, by name.
  public func platforms() throws(StoreError) -> [Platform] {
    try read { db in
      try Row.fetchAll(db, SQLRequest<Row>("SELECT * FROM platform ORDER BY name")).map(
        Self.platform(from:))
    }
  }

  /// The platform called `name`.
  ///
  /// - Throws: ``StoreError/unknownName(kind:name:known:)`` with did-you-mean suggestions.
  public func platform(named name: String) throws(StoreError) -> Platform {
    try read { db in
      guard let platform = try Self.fetchPlatform(db, named: name) else {
        throw StoreError.unknownName(
          kind: "platform", name: name, known: try Self.names(db, table: "platform"))
      }
      return platform
    }
  }

  static func fetchPlatform(_ db: Database, named name: String) throws -> Platform? {
    try Row.fetchOne(db, SQLRequest<Row>("SELECT * FROM platform WHERE name = \(name)")).map(
      platform(from:))
  }

  static func platform(from row: Row) throws -> Platform {
    let kindText: String = row["kind"]
    guard let kind = InfrastructureKind(rawValue: kindText) else {
      throw StoredDataProblem(reason: "platform kind '\(kindText)' is not valid")
    }
    return Platform(
      name: row["name"], kind: kind, gpuModel: row["gpu_model"], provider: row["provider"],
      summary: row["description"])
  }

  /// All values of the `name` column of `table` (a fixed table name, never user input), sorted.
  static func names(_ db: Database, table: String) throws -> [String] {
    try String.fetchAll(db, sql: "SELECT name FROM \(table) ORDER BY name")
  }

  // MARK: - Sample sets

  /// The names of all sample sets, sorted.
  public func sampleSetNames() throws(StoreError) -> [String] {
    try read { db in try Self.names(db, table: "sample_set") }
  }

  /// Metadata of all sample sets, by name.
  public func sampleSets() throws(StoreError) -> [SampleSetInfo] {
    try read { db in
      let request = SQLRequest<Row>(
        """
        SELECT s.*, p.name AS platform_name, (SELECT COUNT(*) FROM sample WHERE sample_set_id = s.id) AS value_count
        FROM sample_set s JOIN platform p ON p.id = s.platform_id ORDER BY s.name
        """)
      return try Row.fetchAll(db, request).map { row in
        SampleSetInfo(
          name: row["name"], platform: row["platform_name"], metric: row["metric"],
          unit: row["unit"],
          count: row["value_count"], source: row["source"], contentHash: row["content_hash"],
          importedAt: row["imported_at"])
      }
    }
  }

  /// The sample set called `name`, with its values in seconds in the order they were imported.
  ///
  /// - Throws: ``StoreError/unknownName(kind:name:known:)`` with did-you-mean suggestions.
  public func sampleSet(named name: String) throws(StoreError) -> SampleSet {
    try read { db in
      let request = SQLRequest<Row>(
        """
        SELECT s.id, s.metric, p.name AS platform_name FROM sample_set s JOIN platform p ON p.id = s.platform_id
        WHERE s.name = \(name)
        """)
      guard let row = try Row.fetchOne(db, request) else {
        throw StoreError.unknownName(
          kind: "sample set", name: name, known: try Self.names(db, table: "sample_set"))
      }
      let id: Int64 = row["id"]
      let values = try Double.fetchAll(
        db,
        SQLRequest<Double>(
          "SELECT value_seconds FROM sample WHERE sample_set_id = \(id) ORDER BY rowid"))
      return SampleSet(
        name: name, platform: row["platform_name"], metric: row["metric"], seconds: values)
    }
  }

  // MARK: - Prices

  /// All prices, by name.
  public func prices() throws(StoreError) -> [PriceQuote] {
    try read { db in
      try Row.fetchAll(db, SQLRequest<Row>("SELECT * FROM price ORDER BY name")).map(
        Self.price(from:))
    }
  }

  /// The price called `name`.
  ///
  /// - Throws: ``StoreError/unknownName(kind:name:known:)`` with did-you-mean suggestions.
  public func price(named name: String) throws(StoreError) -> PriceQuote {
    try read { db in
      guard let price = try Self.fetchPrice(db, named: name) else {
        throw StoreError.unknownName(
          kind: "price", name: name, known: try Self.names(db, table: "price"))
      }
      return price
    }
  }

  static func fetchPrice(_ db: Database, named name: String) throws -> PriceQuote? {
    try Row.fetchOne(db, SQLRequest<Row>("SELECT * FROM price WHERE name = \(name)")).map(
      price(from:))
  }

  static func price(from row: Row) throws -> PriceQuote {
    let modelText: String = row["pricing_model"]
    let unitText: String = row["unit"]
    guard let model = PricingModel(rawValue: modelText), let unit = PriceUnit(rawValue: unitText)
    else {
      throw StoredDataProblem(
        reason: "price '\(row["name"] as String)' has an invalid pricing model or unit")
    }
    return PriceQuote(
      name: row["name"], provider: row["provider"], gpuModel: row["gpu_model"], pricingModel: model,
      amount: row["amount"], unit: unit, gpusPerUnit: row["gpus_per_unit"],
      minimumTermMonths: row["minimum_term_months"], setupFee: row["setup_fee"],
      currency: row["currency"],
      effectiveDate: row["effective_date"], source: row["source"], region: row["region"])
  }
}
