/// What an import did: each record added, replaced or left unchanged, and the rows it skipped.
public struct ImportSummary: Sendable, Hashable {
  /// What happened to one named record.
  public enum Outcome: String, Sendable, Hashable, CaseIterable {
    /// Newly written.
    case added
    /// Existed with different content and was overwritten (`replace` was asked for).
    case replaced
    /// Existed with identical content; nothing was written ("already imported, unchanged").
    case unchanged
    /// A platform that samples referenced and the import options allowed to be created.
    case created
  }

  /// One named record (platform, sample set or price) touched by the import.
  public struct Item: Sendable, Hashable {
    /// `platform`, `sample set` or `price`.
    public var kind: String
    /// The record's name.
    public var name: String
    /// What happened to it.
    public var outcome: Outcome
    /// Values stored for a sample set (0 for unchanged sets and for other kinds).
    public var valueCount: Int
  }

  /// Rows that were deliberately left out, grouped by reason.
  public struct Skip: Sendable, Hashable {
    /// Why, for example `filter state=COMPLETED` or `no accelerator`.
    public var reason: String
    /// How many rows.
    public var count: Int
  }

  /// The imported file.
  public var file: String
  /// Every record touched, in file order.
  public var items: [Item] = []
  /// Skipped rows by reason, in the order the reasons were first met.
  public var skipped: [Skip] = []
  /// Data rows read from the file, when the format counts them (SkyPilot catalogs).
  public var rowsRead: Int?
  /// How rows were interpreted or combined (for example GCP host and accelerator rows).
  public var notes: [String] = []
  /// Things the user should check; each is said once per file, not once per row.
  public var warnings: [String] = []

  /// Creates an empty summary for `file`.
  public init(file: String) {
    self.file = file
  }

  /// The number of records of `kind` with `outcome`.
  public func count(_ kind: String, _ outcome: Outcome) -> Int {
    items.lazy.filter { $0.kind == kind && $0.outcome == outcome }.count
  }

  /// The total of values stored by this import.
  public var valuesStored: Int {
    items.reduce(0) { $0 + $1.valueCount }
  }

  /// Human-readable lines, one per record then one per skip reason, for the CLI to print.
  ///
  /// When one kind has more than ``itemListLimit`` records with the same outcome (a cloud catalog
  /// creates thousands of prices) they are counted on one line instead of listed.
  public var lines: [String] {
    var lines: [String] = []
    if let rowsRead { lines.append("read \(rowsRead) row\(rowsRead == 1 ? "" : "s") from \(file)") }
    lines += notes
    var counts: [String: Int] = [:]
    for item in items { counts["\(item.kind)|\(item.outcome.rawValue)", default: 0] += 1 }
    var collapsed: Set<String> = []
    for item in items {
      let key = "\(item.kind)|\(item.outcome.rawValue)"
      let count = counts[key] ?? 0
      guard count > Self.itemListLimit else {
        lines.append(Self.line(for: item))
        continue
      }
      if collapsed.insert(key).inserted {
        let plural = item.kind == "sample set" ? "sample sets" : "\(item.kind)s"
        lines.append("\(item.outcome.rawValue) \(count) \(plural)")
      }
    }
    for skip in skipped {
      lines.append("skipped \(skip.count) row\(skip.count == 1 ? "" : "s"): \(skip.reason)")
    }
    lines += warnings.map { "warning: \($0)" }
    return lines
  }

  /// Above this many records of one kind and outcome, ``lines`` gives a count instead of a list.
  public static let itemListLimit = 50

  private static func line(for item: Item) -> String {
    switch item.outcome {
    case .added, .replaced:
      let values = item.kind == "sample set" ? " (\(item.valueCount) values)" : ""
      return "\(item.outcome.rawValue) \(item.kind) '\(item.name)'\(values)"
    case .unchanged:
      return "skipped \(item.kind) '\(item.name)': already imported, unchanged"
    case .created:
      return "created \(item.kind) '\(item.name)'"
    }
  }

  /// The number of rows skipped, over every reason.
  public var skippedRowCount: Int {
    skipped.reduce(0) { $0 + $1.count }
  }

  // MARK: - Building

  mutating func record(_ kind: String, _ name: String, _ outcome: Outcome, values: Int = 0) {
    items.append(Item(kind: kind, name: name, outcome: outcome, valueCount: values))
  }

  mutating func skip(_ reason: String, count: Int = 1) {
    guard count > 0 else { return }
    if let index = skipped.firstIndex(where: { $0.reason == reason }) {
      skipped[index].count += count
    } else {
      skipped.append(Skip(reason: reason, count: count))
    }
  }
}
