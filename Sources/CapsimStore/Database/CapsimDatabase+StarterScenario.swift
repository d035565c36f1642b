import CapsimCore
import GRDB

/// What `capsim init` puts in a starter scenario; unset fields are chosen from the database.
public struct StarterScenarioChoice: Sendable, Hashable {
  /// Price of the pay-per-use option (default: the cheapest on-demand price per GPU-hour that has
  /// matching samples).
  public var sharedPrice: String?
  /// Price of the committed option (default: the cheapest bare-metal or reserved price per GPU-hour
  /// for the same GPU model).
  public var dedicatedPrice: String?
  /// Samples of the pay-per-use option (and of the committed one unless `dedicatedSamples`).
  public var samples: String?
  /// Samples of the committed option.
  public var dedicatedSamples: String?

  /// A choice with every field left to the database.
  public init() {}
}

extension CapsimDatabase {
  /// A commented starter scenario (YAML) comparing one pay-per-use and one committed option, built
  /// from what the database holds, so a user with only the binary can start. Every name it writes
  /// exists in this database and fits its role (a pay-per-use price for `--shared`, a committed one for
  /// `--dedicated`, `step_time` or `job_time` samples of one kind for both options), so the file loads
  /// and runs as written.
  ///
  /// - Throws: ``StoreError/invalidChoice(option:message:help:)`` naming the option for a name that
  ///   does not exist or does not fit its role, suggesting names that do;
  ///   ``StoreError/unknownName(kind:name:known:)`` when the database has no suitable price or sample
  ///   set to choose.
  public func starterScenario(_ choice: StarterScenarioChoice) throws(StoreError) -> String {
    let prices = try prices()
    let allSets = try sampleSets()
    let sets = allSets.filter(Self.holdsDurations)
    let platforms = Dictionary(
      try platforms().map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    let catalog = StarterCatalog(prices: prices, sets: allSets, platforms: platforms)
    func price(_ name: String, option: String, committed: Bool) throws(StoreError) -> PriceQuote {
      guard let found = prices.first(where: { $0.name == name }) else {
        throw .invalidChoice(
          option: option, message: "no price named '\(name)' in the database",
          help: NameSuggestions.help(for: name, kind: "price", known: prices.map(\.name)))
      }
      guard found.pricingModel.isCommitment == committed else {
        throw catalog.wrongPriceKind(found, option: option, committed: committed)
      }
      return found
    }
    func set(_ name: String, option: String, dedicated: Bool) throws(StoreError) -> SampleSetInfo {
      guard let found = allSets.first(where: { $0.name == name }) else {
        throw .invalidChoice(
          option: option, message: "no sample set named '\(name)' in the database",
          help: NameSuggestions.help(for: name, kind: "sample set", known: allSets.map(\.name)))
      }
      guard Self.holdsDurations(found) else {
        throw catalog.notDurations(found, option: option, dedicated: dedicated)
      }
      return found
    }
    func gpuModel(_ info: SampleSetInfo) -> String { catalog.gpuModel(info) }
    func isShared(_ info: SampleSetInfo) -> Bool { platforms[info.platform]?.kind == .shared }

    let gpuCounts = try typicalGPUCounts()
    let shared: PriceQuote
    if let name = choice.sharedPrice {
      shared = try price(name, option: "--shared", committed: false)
    } else {
      // The cheapest on-demand price per GPU-hour whose GPU model and GPUs per unit match a shared
      // sample set's platform and GPU count; else the cheapest with the model; else the cheapest.
      let candidates = prices.filter { $0.pricingModel == .onDemand }
        .sorted { ($0.perGPUHour, $0.name) < ($1.perGPUHour, $1.name) }
      func matches(_ quote: PriceQuote, countToo: Bool) -> Bool {
        sets.contains { info in
          gpuModel(info) == quote.gpuModel && isShared(info)
            && (!countToo || gpuCounts[info.name].map { Double($0) == quote.gpusPerUnit } ?? false)
        }
      }
      guard
        let first = candidates.first(where: { matches($0, countToo: true) })
          ?? candidates.first(where: { matches($0, countToo: false) }) ?? candidates.first
      else {
        throw .unknownName(kind: "on-demand price", name: "", known: prices.map(\.name))
      }
      shared = first
    }
    // A scenario's options must share one currency, or it would not run.
    let dedicated: PriceQuote
    if let name = choice.dedicatedPrice {
      dedicated = try price(name, option: "--dedicated", committed: true)
      guard dedicated.currency == shared.currency else {
        throw .invalidChoice(
          option: "--dedicated",
          message:
            "'\(dedicated.name)' is priced in \(dedicated.currency) but the pay-per-use price "
            + "'\(shared.name)' in \(shared.currency); a scenario's options share one currency",
          help: StarterCatalog.suggesting(
            prices.filter { $0.pricingModel.isCommitment && $0.currency == shared.currency }
              .map(\.name), kind: "committed price in \(shared.currency)"))
      }
    } else {
      let committed = prices.filter { $0.pricingModel.isCommitment }
        .sorted { ($0.perGPUHour, $0.name) < ($1.perGPUHour, $1.name) }
      let sameCurrency = committed.filter { $0.currency == shared.currency }
      guard
        let first = sameCurrency.first(where: { $0.gpuModel == shared.gpuModel })
          ?? sameCurrency.first
      else {
        guard !committed.isEmpty else {
          throw .unknownName(kind: "committed price", name: "", known: prices.map(\.name))
        }
        throw .invalidChoice(
          option: "--shared",
          message:
            "'\(shared.name)' is priced in \(shared.currency) and no committed price is: a scenario's "
            + "options share one currency",
          help: "import a committed price in \(shared.currency) (capsim import prices), or choose "
            + "--shared and --dedicated prices in one currency")
      }
      dedicated = first
    }
    /// The best fit for `quote` among the sets holding `metric` (any duration metric if nil).
    func samples(for quote: PriceQuote, shared wantShared: Bool, metric: String?)
      throws(StoreError) -> SampleSetInfo
    {
      let sets = sets.filter { metric == nil || $0.metric == metric }
      func fits(_ info: SampleSetInfo) -> Bool {
        gpuCounts[info.name].map { Double($0) == quote.gpusPerUnit } ?? false
      }
      let sameModel = sets.filter { gpuModel($0) == quote.gpuModel && isShared($0) == wantShared }
      let ranked =
        sameModel.filter(fits) + sameModel + sets.filter { gpuModel($0) == quote.gpuModel }
        + sets.filter { isShared($0) == wantShared } + sets
      guard let first = ranked.first else {
        throw .unknownName(
          kind: "\(metric ?? "step_time or job_time") sample set", name: "", known: [])
      }
      return first
    }
    var givenShared: SampleSetInfo?
    if let name = choice.samples {
      givenShared = try set(name, option: "--samples", dedicated: false)
    }
    var givenDedicated: SampleSetInfo?
    if let name = choice.dedicatedSamples {
      givenDedicated = try set(name, option: "--dedicated-samples", dedicated: true)
    }
    if let givenShared, let givenDedicated, givenShared.metric != givenDedicated.metric {
      throw catalog.mixedMetrics(givenDedicated, shared: givenShared)
    }
    // One steps_per_job serves both options, so a chosen set's metric decides the other's.
    let sharedSamples: SampleSetInfo
    if let givenShared {
      sharedSamples = givenShared
    } else {
      sharedSamples = try samples(for: shared, shared: true, metric: givenDedicated?.metric)
    }
    let dedicatedSamples: SampleSetInfo
    if let given = givenDedicated ?? givenShared {
      dedicatedSamples = given
    } else {
      dedicatedSamples = try samples(for: dedicated, shared: false, metric: sharedSamples.metric)
    }
    return Self.starterText(
      shared: shared, dedicated: dedicated, sharedSamples: sharedSamples,
      dedicatedSamples: dedicatedSamples,
      gpusPerJob: gpuCounts[sharedSamples.name] ?? max(1, Int(shared.gpusPerUnit.rounded())))
  }

  /// Whether a sample set holds durations an option can run on (`step_time` or `job_time`).
  static func holdsDurations(_ info: SampleSetInfo) -> Bool {
    info.metric == "step_time" || info.metric == "job_time"
  }

  /// The most common GPU count of each sample set's values (sets without GPU counts are absent).
  func typicalGPUCounts() throws(StoreError) -> [String: Int] {
    try read { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT s.name AS name, v.gpu_count AS gpus, COUNT(*) AS n FROM sample v
          JOIN sample_set s ON s.id = v.sample_set_id
          WHERE v.gpu_count IS NOT NULL AND v.gpu_count > 0
          GROUP BY s.name, v.gpu_count ORDER BY s.name, n DESC, v.gpu_count
          """)
      var counts: [String: Int] = [:]
      for row in rows {
        let name: String = row["name"]
        if counts[name] == nil { counts[name] = row["gpus"] }
      }
      return counts
    }
  }

  static func starterText(
    shared: PriceQuote, dedicated: PriceQuote, sharedSamples: SampleSetInfo,
    dedicatedSamples: SampleSetInfo, gpusPerJob gpus: Int
  ) -> String {
    let perStep = sharedSamples.metric == "step_time"
    let steps: (String, String?) =
      perStep
      ? (
        "  steps_per_job: 10000",
        "training steps per job ('\(sharedSamples.name)' holds seconds per step)"
      )
      : ("  steps_per_job: 1", "'\(sharedSamples.name)' holds whole-job times")
    let header: [(String, String?)] = [
      ("horizon_months: 12", "months simulated per trial"),
      ("trials: 2000", "Monte Carlo trials; reports give each estimate's CI"),
      ("seed: 1", "same seed, same numbers"),
      ("# max_price_age_days: 90", "reports note prices older than this on the run date"),
    ]
    let workload: [(String, String?)] = [
      ("workload:", nil),
      ("  jobs_per_month: 100", "how many jobs your team runs a month"),
      ("  arrivals: poisson", "random monthly counts; 'fixed': each month's mean"),
      ("  gpus_per_job: \(gpus)", "GPUs one job uses"),
      steps,
      ("  # deadline_hours: 24", "uncomment to count jobs that finish late"),
    ]
    let options: [(String, String?)] = [
      ("options:", nil),
      ("  - name: pay-per-use", nil),
      ("    samples: \(sharedSamples.name)", "measured durations on \(sharedSamples.platform)"),
      (
        "    price: \(shared.name)",
        "\(shared.pricingModel.rawValue), \(perGPUHourText(shared)) per GPU-hour"
      ),
      ("  - name: committed", nil),
      (
        "    samples: \(dedicatedSamples.name)",
        "measured durations on \(dedicatedSamples.platform)"
      ),
      (
        "    price: \(dedicated.name)",
        "\(dedicated.pricingModel.rawValue), \(perGPUHourText(dedicated)) per GPU-hour"
      ),
      ("    nodes: 1", "committed nodes; or 'auto' with a sizing target (docs/scenarios.md)"),
    ]
    let lines =
      [
        "# Starter scenario written by `capsim init` from the prices and samples in your database.",
        "# Edit the workload to match your team, then run:  capsim run THIS_FILE",
        "# Every key is described in docs/scenarios.md (capsim's repository) or `capsim run --help`.",
        "version: 1",
        "name: my-first-comparison",
        "description: Pay-per-use \(shared.name) against committed \(dedicated.name).",
      ] + aligned(header) + [""] + aligned(workload) + [""] + aligned(options) + [""]
    return lines.joined(separator: "\n")
  }

  /// `rows` with their comments in one column: column 29, or two spaces after the longest commented
  /// line of the group when that is longer (option lines carry long price and sample names).
  private static func aligned(_ rows: [(String, String?)]) -> [String] {
    let column = rows.filter { $0.1 != nil }.map { $0.0.count + 2 }.reduce(28, Swift.max)
    return rows.map { line, comment in
      guard let comment else { return line }
      return line + String(repeating: " ", count: column - line.count) + "# " + comment
    }
  }

  private static func perGPUHourText(_ quote: PriceQuote) -> String {
    let cents = (quote.perGPUHour * 1000).rounded() / 1000
    return "\(cents) \(quote.currency)"
  }
}
