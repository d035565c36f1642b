import Foundation

/// Renders what the database holds: sample sets with their summaries, prices and platforms.
public struct DataCatalog: Sendable {
  /// A sample set with its summary statistics.
  public struct SampleSetEntry: Sendable {
    /// Sample-set name.
    public var name: String
    /// Platform it was measured on.
    public var platform: String
    /// What a value measures.
    public var metric: String
    /// Where the values came from.
    public var source: String
    /// Summary statistics of the values (seconds).
    public var summary: SampleSummary

    /// Creates an entry.
    public init(
      name: String, platform: String, metric: String, source: String, summary: SampleSummary
    ) {
      self.name = name
      self.platform = platform
      self.metric = metric
      self.source = source
      self.summary = summary
    }
  }

  /// Platforms, by name.
  public var platforms: [Platform]
  /// Sample sets, by name.
  public var sampleSets: [SampleSetEntry]
  /// Prices, by name.
  public var prices: [PriceQuote]
  /// The day prices' ages are counted to; `nil` leaves the age out.
  public var runDate: CalendarDay?
  /// Prices older than this many days are marked stale.
  public var maximumPriceAgeDays: Int

  /// Creates a catalog; with `runDate`, each price shows its age and the stale ones are marked.
  public init(
    platforms: [Platform], sampleSets: [SampleSetEntry], prices: [PriceQuote],
    runDate: CalendarDay? = nil, maximumPriceAgeDays: Int = PriceAgeCheck.defaultMaximumAgeDays
  ) {
    self.platforms = platforms
    self.sampleSets = sampleSets
    self.prices = prices
    self.runDate = runDate
    self.maximumPriceAgeDays = maximumPriceAgeDays
  }

  /// A price's age in days on ``runDate``, if known.
  func age(_ price: PriceQuote) -> Int? {
    runDate.flatMap { PriceAgeCheck.ageInDays(of: price, on: $0) }
  }

  /// Whether any price is older than the threshold.
  var hasStalePrices: Bool {
    prices.contains { (age($0) ?? 0) > maximumPriceAgeDays }
  }

  // MARK: - Table

  /// Three aligned tables for a terminal, each within 100 columns.
  public func table() -> String {
    var out = "Sample sets (seconds)\n"
    out += TextTable(
      header: ["name", "metric", "n", "mean", "median", "p95", "p99", "CoV"],
      rightAligned: [false, false, true, true, true, true, true, true],
      rows: sampleSets.map { entry in
        let s = entry.summary
        return [
          entry.name, entry.metric, NumberFormatting.fixed(Double(s.count), decimals: 0),
          NumberFormatting.readable(s.mean),
          NumberFormatting.readable(s.median.value), NumberFormatting.readable(s.p95.value),
          NumberFormatting.readable(s.p99.value),
          s.coefficientOfVariation.map { NumberFormatting.percent($0) } ?? "n/a",
        ]
      }
    ).render()
    out += "\nPrices (normalised to one GPU-hour)\n"
    let showAge = runDate != nil
    out += TextTable(
      header: ["name", "model", "per GPU-h", "quoted", "term", showAge ? "age" : "date"],
      rightAligned: [false, false, true, true, true, showAge],
      rows: prices.map { price in
        [
          price.name, price.pricingModel.rawValue,
          NumberFormatting.fixed(price.perGPUHour, decimals: 3),
          "\(NumberFormatting.fixed(price.amount, decimals: price.amount >= 1000 ? 0 : 2)) "
            + "\(price.currency)/\(Self.shortUnitLabel(price))",
          price.minimumTermMonths > 0 ? "\(price.minimumTermMonths) mo" : "–",
          showAge
            ? age(price).map { "\($0) d" + ($0 > maximumPriceAgeDays ? " *" : "  ") } ?? "?"
            : price.effectiveDate,
        ]
      }
    ).render()
    if showAge, hasStalePrices, let runDate {
      out +=
        "age: days since the price's date, on \(runDate); * older than \(maximumPriceAgeDays) days "
        + "(reports note it)\n"
    }
    out += "\nPlatforms\n"
    out += TextTable(
      header: ["name", "kind", "GPU model", "provider"],
      rightAligned: [false, false, false, false],
      rows: platforms.map { [$0.name, $0.kind.rawValue, $0.gpuModel, $0.provider] }
    ).render()
    out += "\nStart a scenario from these: capsim init -o my-scenario.yaml (then capsim run it)\n"
    return out
  }

  // MARK: - CSV

  /// One CSV table with a `section` column (`sample_set`, `price`), full-precision numbers, for spreadsheets.
  public func csv() -> String {
    var lines = [
      "section,name,platform_or_provider,metric_or_pricing_model,n,mean,median,p95,p99,cov,per_gpu_hour,amount,unit,gpus_per_unit,minimum_term_months,setup_fee,currency,effective_date,source,age_days"
    ]
    for entry in sampleSets {
      let s = entry.summary
      lines.append(
        [
          "sample_set", entry.name, entry.platform, entry.metric, String(s.count),
          NumberFormatting.exact(s.mean),
          NumberFormatting.exact(s.median.value), NumberFormatting.exact(s.p95.value),
          NumberFormatting.exact(s.p99.value),
          NumberFormatting.exact(s.coefficientOfVariation), "", "", "s", "", "", "", "", "",
          entry.source, "",
        ].map(CSVReport.escape).joined(separator: ","))
    }
    for price in prices {
      lines.append(
        [
          "price", price.name, price.provider, price.pricingModel.rawValue, "", "", "", "", "", "",
          NumberFormatting.exact(price.perGPUHour), NumberFormatting.exact(price.amount),
          price.unit.rawValue,
          NumberFormatting.exact(price.gpusPerUnit), String(price.minimumTermMonths),
          NumberFormatting.exact(price.setupFee),
          price.currency, price.effectiveDate, price.source, age(price).map(String.init) ?? "",
        ].map(CSVReport.escape).joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: - Details

  /// What `capsim data show` prints for `item`.
  ///
  /// - Throws: ``DescriptiveStatisticsError`` when a sample set's values cannot be summarised.
  public static func describe(_ item: CatalogItem) throws -> String {
    switch item {
    case .sampleSet(let set, let source, let platform, let stragglers):
      let entry = SampleSetEntry(
        name: set.name, platform: set.platform, metric: set.metric, source: source,
        summary: try SampleSummary(set.seconds))
      return describe(entry, platform: platform) + (stragglers.map(describe) ?? "")
    case .price(let price): return describe(price)
    case .platform(let platform, let sampleSets): return describe(platform, sampleSets: sampleSets)
    }
  }

  /// A sample set's full summary: moments, quantiles with 95% distribution-free intervals, tail ratio.
  public static func describe(_ entry: SampleSetEntry, platform: Platform) -> String {
    let s = entry.summary
    var lines = [
      "Sample set \(entry.name)",
      "  platform   \(platform.name) (\(platform.kind.rawValue), \(platform.gpuModel), \(platform.provider))",
      "  metric     \(entry.metric), values in seconds",
      "  source     \(entry.source)",
      "  n          \(s.count)",
      "  mean       \(NumberFormatting.readable(s.mean, significant: 6))"
        + (s.standardError.map {
          " ± \(NumberFormatting.readable(1.959964 * $0, significant: 3)) (95% CI; SE \(NumberFormatting.readable($0, significant: 3)))"
        } ?? ""),
      "  std dev    \(s.standardDeviation.map { NumberFormatting.readable($0, significant: 6) } ?? "n/a")",
      "  CoV        \(s.coefficientOfVariation.map { NumberFormatting.percent($0) } ?? "n/a")",
      "  skewness   \(s.skewness.map { NumberFormatting.fixed($0, decimals: 3) } ?? "n/a")",
      "  min / max  \(NumberFormatting.readable(s.minimum, significant: 6)) / \(NumberFormatting.readable(s.maximum, significant: 6))",
      "  quantiles (Hyndman–Fan type 7, as Excel PERCENTILE.INC) with 95% order-statistic intervals:",
    ]
    for (label, q) in zip(["p50", "p90", "p95", "p99", "p99.9"], s.quantiles) {
      let interval =
        (q.lower != nil && q.upper != nil)
        ? "[\(NumberFormatting.readable(q.lower!, significant: 6)), \(NumberFormatting.readable(q.upper!, significant: 6))]"
        : "(too few values for a 95% interval)"
      lines.append(
        "    \(label.padding(toLength: 6, withPad: " ", startingAt: 0))\(NumberFormatting.readable(q.value, significant: 6))  \(interval)"
      )
    }
    lines.append(
      "  tail ratio p99/p50  \(s.tailRatio.map { NumberFormatting.fixed($0, decimals: 3) } ?? "n/a")"
    )
    return lines.joined(separator: "\n") + "\n"
  }

  /// The observed-straggler section of `capsim data show` for a per-worker step log.
  public static func describe(_ stragglers: ObservedStragglers) -> String {
    let s = stragglers
    func seconds(_ value: Double) -> String { NumberFormatting.readable(value, significant: 4) }
    func times(_ value: Double) -> String { NumberFormatting.fixed(value, decimals: 3) + "×" }
    func row(_ label: String, _ text: String) -> String {
      "    " + label.padding(toLength: 34, withPad: " ", startingAt: 0) + text
    }
    func pair(_ mean: Double, _ meanFactor: Double, _ p95: Double, _ p95Factor: Double) -> String {
      "mean \(seconds(mean)) s (\(times(meanFactor)))   p95 \(seconds(p95)) s (\(times(p95Factor)))"
    }
    var lines = [
      "  stragglers (per-worker durations grouped by step: \(s.stepCount) steps of "
        + "\(s.workersPerStep) workers"
        + (s.stepsWithOtherSizes > 0
          ? "; \(s.stepsWithOtherSizes) steps with other worker counts left out" : "") + ")",
      row("per-worker median", "\(seconds(s.workerMedian)) s"),
      row(
        "step time = slowest worker",
        pair(
          s.observedMean, s.observedMeanAmplification, s.observedP95, s.observedP95Amplification)),
      row(
        "independent workers (F^\(s.workersPerStep))",
        pair(
          s.predictedMean, s.predictedMeanAmplification, s.predictedP95,
          s.predictedP95Amplification)),
    ]
    let ratio = s.observedMean / s.predictedMean
    lines.append(
      row("observed / independent mean", NumberFormatting.fixed(ratio, decimals: 3))
        + (ratio > 1.1
          ? ": slower than independent workers would be (a persistently slow worker or correlated pauses)"
          : ratio < 0.9
            ? ": faster than independent workers would be (slowdowns shared across workers)"
            : ": the independent-workers model fits within 10%"))
    return lines.joined(separator: "\n") + "\n"
  }

  /// A price with its normalisation and provenance, and a line for each field outside ``PriceLimits``
  /// (a price an older capsim stored unchecked, which a scenario cannot use).
  public static func describe(_ price: PriceQuote) -> String {
    let problems = PriceLimits.violations(of: price).map { violation in
      "  problem         \(violation.field) \(NumericLimit.format(violation.value)): \(violation.message)"
    }
    let repair =
      problems.isEmpty
      ? []
      : ["  A scenario naming this price is rejected.", "  \(PriceLimits.storedUncheckedHelp)."]
    return
      ([
        "Price \(price.name)",
        "  provider        \(price.provider)"
          + (price.region.isEmpty ? "" : ", region \(price.region)"),
        "  GPU model       \(price.gpuModel)",
        "  pricing model   \(price.pricingModel.rawValue)",
        "  quoted          \(NumberFormatting.readable(price.amount, significant: 6)) \(price.currency) per \(unitLabel(price))",
        "  per GPU-hour    \(NumberFormatting.fixed(price.perGPUHour, decimals: 4)) \(price.currency)"
          + " (= amount / (\(NumberFormatting.exact(price.gpusPerUnit)) GPUs × \(NumberFormatting.exact(price.unit.hours)) h))",
        "  minimum term    \(price.minimumTermMonths) months",
        "  set-up fee      \(NumberFormatting.readable(price.setupFee, significant: 6)) \(price.currency) per unit",
        "  effective date  \(price.effectiveDate)",
        "  source          \(price.source)",
      ] + problems + repair).joined(separator: "\n") + "\n"
  }

  /// A platform and the sample sets measured on it.
  public static func describe(_ platform: Platform, sampleSets: [String]) -> String {
    [
      "Platform \(platform.name)",
      "  kind         \(platform.kind.rawValue)",
      "  GPU model    \(platform.gpuModel)",
      "  provider     \(platform.provider)",
      "  description  \(platform.summary)",
      "  sample sets  \(sampleSets.isEmpty ? "none" : sampleSets.joined(separator: ", "))",
    ].joined(separator: "\n") + "\n"
  }

  /// A compact unit for tables: "GPU-h", "8-GPU h" (instance-hour), "8-GPU mo" (node-month).
  static func shortUnitLabel(_ price: PriceQuote) -> String {
    switch price.unit {
    case .gpuHour: return "GPU-h"
    case .instanceHour: return "\(NumberFormatting.exact(price.gpusPerUnit))-GPU h"
    case .nodeMonth: return "\(NumberFormatting.exact(price.gpusPerUnit))-GPU mo"
    }
  }

  static func unitLabel(_ price: PriceQuote) -> String {
    switch price.unit {
    case .gpuHour: return "GPU-hour"
    case .instanceHour: return "\(NumberFormatting.exact(price.gpusPerUnit))-GPU instance-hour"
    case .nodeMonth: return "\(NumberFormatting.exact(price.gpusPerUnit))-GPU node-month"
    }
  }
}
