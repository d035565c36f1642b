import Foundation

// MARK: - JSON

extension RecommendationReport {
  /// Pretty-printed JSON with sorted `snake_case` keys, full-precision numbers and `null` for values that
  /// do not exist (NaN, a missing standard error), ending in a newline. Layout in `docs/recommend.md`.
  public static func json(_ r: Recommendation, capsimVersion: String) throws -> String {
    try ReportJSONEncoder.render(Document(r), capsimVersion: capsimVersion)
  }

  struct Document: Encodable {
    var scenario: String
    var trials: Int
    var seed: UInt64
    var horizonMonths: Int
    var currency: String
    var verdict: Verdict
    var confidence: Confidence
    var savings: Savings
    var predictability: Predictability
    var crossoverMedianMonth: Int?
    var leading: Option
    var alternative: Option
    var reasons: [Reason]
    var signals: [Signal]
    var policy: RecommendationPolicy
    var overrides: [JSONReport.OverrideEntry]
    /// Present only with a precision target: the target, the half-width reached, whether it was met and
    /// the trial limit.
    var precision: PrecisionOutcome?
    /// Present only when some input was a distribution.
    var uncertainInputs: [UncertainInput]?
    /// With correlated uncertain inputs: each requested rank correlation and the one achieved.
    var inputCorrelations: [AchievedCorrelation]?
    /// Present only with uncertain inputs: top tornado inputs and the flip value.
    var verdictSensitivity: VerdictSensitivity?

    init(_ r: Recommendation) {
      scenario = r.scenario
      trials = r.trials
      seed = r.seed
      horizonMonths = r.horizonMonths
      currency = r.currency
      verdict = Verdict(r)
      let c = r.comparison
      confidence = Confidence(
        level: r.confidence.rawValue, probability: finite(c.probabilityCheaper),
        standardError: finite(c.probabilityStandardError), ciLower: finite(c.probabilityLower),
        ciUpper: finite(c.probabilityUpper))
      savings = Savings(
        mean: finite(c.meanSaving), standardError: finite(c.meanSavingStandardError),
        p05: finite(c.savingP05), p50: finite(c.savingP50), p95: finite(c.savingP95),
        relative: finite(c.relativeSaving))
      predictability = Predictability(
        comparison: RecommendationReport.predictabilityComparison(r),
        beforeOption: r.before.name, beforeP95OverP50: finite(r.before.tailRatio),
        afterOption: r.leading.name, afterP95OverP50: finite(r.leading.tailRatio),
        alternativeOption: r.alternative.name,
        alternativeP95OverP50: finite(r.alternative.tailRatio))
      crossoverMedianMonth = r.crossoverMedianMonth
      leading = Option(r.leading)
      alternative = Option(r.alternative)
      let total = c.meanSaving
      reasons = r.reasons.map {
        Reason(
          key: $0.key, label: $0.label, leadingMean: finite($0.leadingMean),
          alternativeMean: finite($0.alternativeMean),
          difference: finite($0.difference),
          share: total == 0 ? nil : finite($0.difference / total))
      }
      signals = r.signals.map {
        Signal(
          key: $0.kind.rawValue, present: $0.present, evidence: finite($0.evidence), unit: $0.unit,
          rule: $0.rule)
      }
      policy = r.policy
      overrides = r.overrides.map(JSONReport.OverrideEntry.init)
      precision = r.precision
      uncertainInputs = r.uncertainInputs.isEmpty ? nil : r.uncertainInputs
      inputCorrelations = r.inputCorrelations.isEmpty ? nil : r.inputCorrelations
      verdictSensitivity = r.verdictSensitivity
    }
  }

  struct Verdict: Encodable {
    var kind: String
    var option: String?
    var nodes: Int?
    var atMonth: Int?
    var reasons: [String]
    var sentence: String

    init(_ r: Recommendation) {
      kind = RecommendationReport.verdictKey(r.verdict)
      switch r.verdict {
      case .stayOnShared(let option): self.option = option
      case .migrateToDedicated(let option, let nodes), .goHybrid(let option, let nodes):
        self.option = option
        self.nodes = nodes
      case .reevaluate(let month): atMonth = month
      }
      reasons = r.reevaluationReasons.map(\.rawValue)
      sentence = RecommendationReport.verdictSentence(r)
    }

  }

  struct Confidence: Encodable {
    var level: String
    var probability: Double?
    var standardError: Double?
    var ciLower: Double?
    var ciUpper: Double?
  }

  struct Savings: Encodable {
    var mean: Double?
    var standardError: Double?
    var p05: Double?
    var p50: Double?
    var p95: Double?
    var relative: Double?
  }

  /// p95/p50 of job time on the best pay-per-use option (before), the recommended one (after) and the
  /// alternative; `comparison` names the pair the text reports compare.
  struct Predictability: Encodable {
    var comparison: String
    var beforeOption: String
    var beforeP95OverP50: Double?
    var afterOption: String
    var afterP95OverP50: Double?
    var alternativeOption: String
    var alternativeP95OverP50: Double?
  }

  struct Option: Encodable {
    var name: String
    var category: String
    var nodes: Int?
    var meanTotalCost: Double?
    var totalCostStandardError: Double?
    var jobHoursP50: Double?
    var jobHoursP95: Double?

    init(_ o: Recommendation.OptionSummary) {
      name = o.name
      category = o.category.rawValue
      nodes = o.nodes
      meanTotalCost = finite(o.meanTotalCost)
      totalCostStandardError = finite(o.totalCostStandardError)
      jobHoursP50 = finite(o.jobHoursP50)
      jobHoursP95 = finite(o.jobHoursP95)
    }
  }

  struct Reason: Encodable {
    var key: String
    var label: String
    var leadingMean: Double?
    var alternativeMean: Double?
    var difference: Double?
    var share: Double?
  }

  struct Signal: Encodable {
    var key: String
    var present: Bool
    var evidence: Double?
    var unit: String
    var rule: String
  }
}

private func finite(_ value: Double) -> Double? {
  value.isFinite ? value : nil
}

private func finite(_ value: Double?) -> Double? {
  value.flatMap { $0.isFinite ? $0 : nil }
}
