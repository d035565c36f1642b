import CapsimCore

/// What the database offers `capsim init`, and the errors for a name that does not fit its role, each
/// suggesting names that do (nearest in GPU model first, then cheapest or alphabetical).
struct StarterCatalog {
  var prices: [PriceQuote]
  var sets: [SampleSetInfo]
  var platforms: [String: Platform]

  /// How many suitable names a `help:` line lists.
  static let suggestionCount = 3

  /// The GPU model of the platform a sample set was measured on ("" if unknown).
  func gpuModel(_ info: SampleSetInfo) -> String { platforms[info.platform]?.gpuModel ?? "" }

  /// `quote` given to `option`, which needs a committed price when `committed` (else a pay-per-use one).
  func wrongPriceKind(_ quote: PriceQuote, option: String, committed: Bool) -> StoreError {
    let needed =
      committed
      ? "the committed option needs a committed price (reserved or bare_metal)"
      : "the pay-per-use option needs a pay-per-use price (on_demand or spot)"
    let model = quote.pricingModel.rawValue
    let article = model.first.map { "aeiou".contains($0) } == true ? "an" : "a"
    let suitable = prices.filter { $0.pricingModel.isCommitment == committed }
      .sorted {
        ($0.gpuModel == quote.gpuModel ? 0 : 1, $0.perGPUHour, $0.name)
          < ($1.gpuModel == quote.gpuModel ? 0 : 1, $1.perGPUHour, $1.name)
      }
      .map(\.name)
    let other = committed ? "--shared" : "--dedicated"
    return .invalidChoice(
      option: option, message: "'\(quote.name)' is \(article) \(model) price; \(needed)",
      help: Self.suggesting(suitable, kind: committed ? "committed price" : "pay-per-use price")
        + "; '\(quote.name)' fits \(other)")
  }

  /// `info` given to `option` holds no durations (`queue_wait`, `spot_available`, …).
  func notDurations(_ info: SampleSetInfo, option: String, dedicated: Bool) -> StoreError {
    var help = Self.suggesting(
      suitable(like: info, dedicated: dedicated, metric: nil),
      kind: "step_time or job_time sample set")
    if info.metric == "queue_wait" {
      help +=
        "; queue_wait samples go under an option's 'queue_wait: {samples: …}' (docs/scenarios.md)"
    }
    return .invalidChoice(
      option: option,
      message:
        "'\(info.name)' holds \(info.metric) samples; an option's durations need step_time or job_time samples",
      help: help)
  }

  /// `--dedicated-samples` `dedicated` measures something else than `--samples` `shared`: the starter
  /// writes one `steps_per_job` for both options, so a mix would scale whole-job times by steps.
  func mixedMetrics(_ dedicated: SampleSetInfo, shared: SampleSetInfo) -> StoreError {
    .invalidChoice(
      option: "--dedicated-samples",
      message:
        "'\(dedicated.name)' holds \(dedicated.metric) samples but --samples '\(shared.name)' holds "
        + "\(shared.metric); both options share one steps_per_job, so they need the same kind",
      help: Self.suggesting(
        suitable(like: dedicated, dedicated: true, metric: shared.metric),
        kind: "\(shared.metric) sample set"))
  }

  /// Duration sample sets (of `metric` if given), the same GPU model as `info` first, then of the
  /// option's kind (dedicated or shared), then by name.
  func suitable(like info: SampleSetInfo, dedicated: Bool, metric: String?) -> [String] {
    func rank(_ candidate: SampleSetInfo) -> (Int, Int, String) {
      let sameModel = gpuModel(candidate) == gpuModel(info) ? 0 : 1
      let sameKind = (platforms[candidate.platform]?.kind == .dedicated) == dedicated ? 0 : 1
      return (sameModel, sameKind, candidate.name)
    }
    return sets.filter {
      CapsimDatabase.holdsDurations($0) && (metric == nil || $0.metric == metric)
    }
    .sorted { rank($0) < rank($1) }
    .map(\.name)
  }

  /// "use one such as 'a' or 'b' …", or how to get one when there is none.
  static func suggesting(_ names: [String], kind: String) -> String {
    guard !names.isEmpty else {
      return "the database has no \(kind); import one (capsim import --help)"
    }
    let shown = names.prefix(suggestionCount).map { "'\($0)'" }.joined(separator: " or ")
    let more = names.count > suggestionCount ? " ('capsim data list' shows all \(names.count))" : ""
    return "use a \(kind) such as \(shown)\(more)"
  }
}
