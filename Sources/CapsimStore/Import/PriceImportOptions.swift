/// The layouts `importPrices` understands.
public enum PriceFormat: String, Sendable, Hashable, CaseIterable {
  /// capsim's own price CSV (see docs/data-formats.md).
  case csv
  /// A SkyPilot catalog `vms.csv` (`InstanceType,AcceleratorName,AcceleratorCount,…,Price,SpotPrice,Region…`).
  case skypilot
}

/// Options for ``CapsimDatabase/importPrices(_:options:)``.
public struct PriceImportOptions: Sendable, Hashable {
  /// The layout; `nil` detects it from the header (`InstanceType` and `Price` → SkyPilot).
  public var format: PriceFormat?
  /// Overwrite prices whose name exists with different values (otherwise that is an error).
  public var replace: Bool = false
  /// SkyPilot: the provider, used in names; default the cloud named by the path
  /// (`catalogs/v7/<cloud>/vms.csv`) or, failing that, by the instance-type names.
  public var provider: String?
  /// SkyPilot: the date the catalog's prices were observed, `YYYY-MM-DD` (required: catalogs carry none).
  public var effectiveDate: String?
  /// SkyPilot: provenance; default `SkyPilot catalog <path>`.
  public var source: String?
  /// SkyPilot: ISO 4217 currency of the catalog; default `USD`.
  public var currency: String = "USD"
  /// The latest `effective_date` accepted (the `capsim` command passes a year from today); `nil`
  /// accepts any. A date far ahead is almost always a mistyped year, and a price dated in the future is
  /// never flagged as stale.
  public var latestEffectiveDate: CalendarDay?

  /// Options with every field at its default.
  public init() {}
}
