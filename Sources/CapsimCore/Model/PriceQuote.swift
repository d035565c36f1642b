/// How a price turns into money.
public enum PricingModel: String, Sendable, Hashable, Codable, CaseIterable {
  /// Pay per use at the list price; capacity may be available or not, never committed.
  case onDemand = "on_demand"
  /// Pay per use at a discount; the provider may reclaim the instance (preemption).
  case spot
  /// Reserved or committed cloud capacity for a term: billed whether used or not.
  case reserved
  /// Dedicated bare-metal nodes committed for a term: billed whether used or not.
  case bareMetal = "bare_metal"

  /// Whether the price buys committed capacity (billed when idle) rather than usage.
  public var isCommitment: Bool {
    switch self {
    case .onDemand, .spot: return false
    case .reserved, .bareMetal: return true
    }
  }
}

/// The quantity a price is quoted for.
public enum PriceUnit: String, Sendable, Hashable, Codable, CaseIterable {
  /// One GPU for one hour.
  case gpuHour = "gpu_hour"
  /// One instance or node (with `gpusPerUnit` GPUs) for one hour.
  case instanceHour = "instance_hour"
  /// One node (with `gpusPerUnit` GPUs) for one month of 730 hours.
  case nodeMonth = "node_month"

  /// Hours covered by one unit: 1, or 730 for a month (8,760 h / 12).
  public var hours: Double {
    switch self {
    case .gpuHour, .instanceHour: return 1
    case .nodeMonth: return PriceQuote.hoursPerMonth
    }
  }
}

/// One price row: what a provider charges for a GPU model under one pricing model, with provenance.
public struct PriceQuote: Sendable, Hashable, Codable {
  /// Hours in an average month, 8,760 / 12 = 730, the convention cloud providers bill by.
  public static let hoursPerMonth: Double = 730

  /// Unique name, used by scenarios (for example `lambda-h100-sxm5-8x-on-demand`).
  public var name: String
  /// Provider, such as `aws` or `lambda`.
  public var provider: String
  /// GPU model the price is for.
  public var gpuModel: String
  /// On-demand, spot, reserved or bare-metal commitment.
  public var pricingModel: PricingModel
  /// The price of one `unit`, in `currency`. Never negative.
  public var amount: Double
  /// What `amount` buys.
  public var unit: PriceUnit
  /// GPUs in one unit (1 for `gpu_hour`; 8 for an 8-GPU instance or node; fractional for
  /// instances that expose part of a GPU, as some cloud catalogs list).
  public var gpusPerUnit: Double
  /// Shortest commitment in months (0 for pay-as-you-go).
  public var minimumTermMonths: Int
  /// One-time set-up fee per unit (node), in `currency`.
  public var setupFee: Double
  /// ISO 4217 code, such as `USD`.
  public var currency: String
  /// Date the price was observed or took effect, `YYYY-MM-DD`.
  public var effectiveDate: String
  /// Where the price comes from (URL, catalog and commit, or a note that it is an assumption).
  public var source: String
  /// Region, if the price is regional; empty otherwise.
  public var region: String

  /// Creates a price row.
  public init(
    name: String, provider: String, gpuModel: String, pricingModel: PricingModel, amount: Double,
    unit: PriceUnit, gpusPerUnit: Double, minimumTermMonths: Int = 0, setupFee: Double = 0,
    currency: String = "USD", effectiveDate: String, source: String, region: String = ""
  ) {
    self.name = name
    self.provider = provider
    self.gpuModel = gpuModel
    self.pricingModel = pricingModel
    self.amount = amount
    self.unit = unit
    self.gpusPerUnit = gpusPerUnit
    self.minimumTermMonths = minimumTermMonths
    self.setupFee = setupFee
    self.currency = currency
    self.effectiveDate = effectiveDate
    self.source = source
    self.region = region
  }

  /// The price normalised to one GPU for one hour: `amount / (gpusPerUnit · unit.hours)`.
  public var perGPUHour: Double {
    amount / (gpusPerUnit * unit.hours)
  }

  /// This quote with its amount replaced so that it bills `value` per GPU-hour, as a scenario's
  /// `price_per_gpu_hour` asks: `amount = value · gpusPerUnit · unit.hours`, in the quote's own unit,
  /// nudged by at most a few ulps so that ``perGPUHour`` gives back exactly `value` whenever a double
  /// amount does. The unit, GPUs per unit, minimum term, set-up fee, currency and date stay as quoted;
  /// the source says the amount is the scenario's.
  ///
  /// - Parameter value: the price of one GPU for one hour, finite and ≥ 0 (the scenario loader checks
  ///   it against `ScenarioLimits`).
  /// - Complexity: O(1).
  public func replacingPerGPUHour(_ value: Double) -> PriceQuote {
    var quote = self
    let divisor = gpusPerUnit * unit.hours
    var amount = value * divisor
    // The nearest amount within 4 ulps (above first) that divides back to `value`, if there is one.
    var up = amount
    var down = amount
    for _ in 0..<4 where amount / divisor != value {
      up = up.nextUp
      down = down.nextDown
      if up / divisor == value {
        amount = up
      } else if down / divisor == value {
        amount = down
      }
    }
    quote.amount = amount
    let quoted = self.amount.formatted(significantDigits: 6)
    quote.source =
      "the scenario's price_per_gpu_hour, replacing the quoted \(quoted) \(currency) per "
      + "\(unit.rawValue) (source: \(source))"
    return quote
  }
}
