import CapsimCore
import Foundation
import RealModule
import Testing

/// Recommendations from hand-built outcomes whose per-trial totals are known, so every probability,
/// percentile and share can be computed by hand (and is, beside each expectation).
@Suite("Recommendation")
struct RecommendationTests {
  // MARK: - Building outcomes

  static func option(
    _ name: String, model: PricingModel, nodes: Int? = nil, totals: [Double],
    lines: [String: Double] = [:],
    p50: Double = 20, p95: Double = 30, utilisation: Double? = nil
  ) -> OptionOutcome {
    let mean = totals.reduce(0, +) / Double(totals.count)
    var metrics = [
      MetricEstimate(
        key: "total_cost", label: "Total cost", unit: "USD", estimate: Estimate(value: mean)),
      MetricEstimate(key: "job_hours_p50", label: "p50", unit: "h", estimate: Estimate(value: p50)),
      MetricEstimate(key: "job_hours_p95", label: "p95", unit: "h", estimate: Estimate(value: p95)),
    ]
    for entry in CostLines().entries {
      metrics.append(
        MetricEstimate(
          key: entry.key, label: entry.label, unit: "USD",
          estimate: Estimate(value: lines[entry.key] ?? 0)))
    }
    if let utilisation {
      metrics.append(
        MetricEstimate(
          key: "utilisation", label: "U", unit: "share", estimate: Estimate(value: utilisation)))
    }
    var outcome = OptionOutcome(
      name: name, platform: name, platformKind: model.isCommitment ? .dedicated : .shared,
      price: name,
      pricingModel: model, pricePerGPUHour: 1, nodes: nodes, metrics: metrics, notes: [])
    outcome.totalCostByTrial = totals
    return outcome
  }

  /// Shared totals 100, 110, …, 190 (mean 145).
  static let sharedTotals = (0..<10).map { 100 + 10 * Double($0) }

  static func outcome(
    dedicatedTotal: Double, crossoverMonth: Int?, sharedLines: [String: Double] = [:],
    dedicatedLines: [String: Double] = [:]
  ) throws -> SimulationOutcome {
    var outcome = SimulationOutcome(
      scenario: "hand-built", trials: 10, seed: 1, horizonMonths: 12, confidenceLevel: 0.95,
      currency: "USD",
      options: [
        option(
          "cloud", model: .onDemand, totals: sharedTotals, lines: sharedLines, p50: 20, p95: 30),
        option(
          "metal", model: .bareMetal, nodes: 2, totals: Array(repeating: dedicatedTotal, count: 10),
          lines: dedicatedLines, p50: 20, p95: 24, utilisation: 0.6),
      ])
    // Crossover has no public initialiser: decode one, as a stored run would.
    let json = """
      {"dedicated": "metal", "shared": "cloud", "monthShares": [], "neverShare": 0\
      \(crossoverMonth.map { ", \"medianMonth\": \($0)" } ?? "")}
      """
    outcome.crossovers = [try JSONDecoder().decode(Crossover.self, from: Data(json.utf8))]
    return outcome
  }

  static let workload: Workload = {
    var workload = Workload(jobsPerMonth: 100, gpusPerJob: 8, stepsPerJob: 1, deadlineHours: 36)
    workload.growth = .linear(ratePerMonth: 0.05)
    return workload
  }()

  // MARK: - Verdicts

  @Test func migratesWhenCommittedIsCheaperAndPaysOffEarly() throws {
    // Dedicated costs 120 in every trial. Savings S − D: −20, −10, 0, 10, …, 70.
    let r = try Recommendation(
      outcome: Self.outcome(dedicatedTotal: 120, crossoverMonth: 2), workload: Self.workload)
    #expect(r.verdict == .migrateToDedicated(option: "metal", nodes: 2))
    #expect(r.leading.name == "metal" && r.alternative.name == "cloud" && r.before.name == "cloud")
    // Wins: 130…190 (7) and the tie at 120 (½): 7.5 / 10.
    #expect(r.comparison.probabilityCheaper == 0.75)
    #expect(r.confidence == .moderate)  // 0.75 is not below 0.75; 25/145 = 17% is material
    // python3 -c "import numpy as np; d=np.arange(-20,71,10.); print(d.mean(), d.std(ddof=1)/np.sqrt(10),
    //   np.percentile(d,5), np.percentile(d,50), np.percentile(d,95))"  → 25.0 9.57427107756338 -15.5 25.0 65.5
    #expect(r.comparison.meanSaving == 25)
    let se = try #require(r.comparison.meanSavingStandardError)
    #expect(se.isApproximatelyEqual(to: 9.57427107756338, relativeTolerance: 1e-12))
    #expect(r.comparison.savingP05.isApproximatelyEqual(to: -15.5, relativeTolerance: 1e-12))
    #expect(r.comparison.savingP50 == 25)
    #expect(r.comparison.savingP95.isApproximatelyEqual(to: 65.5, relativeTolerance: 1e-12))
    #expect(
      r.comparison.relativeSaving.isApproximatelyEqual(to: 25.0 / 145, relativeTolerance: 1e-12))
    // Predictability: p95/p50 30/20 on shared (before), 24/20 on the dedicated option (after).
    #expect(r.predictability.before == 1.5 && r.predictability.after == 1.2)
    #expect(r.crossoverMedianMonth == 2)
  }

  @Test func lateCrossoverMeansReevaluate() throws {
    // Month 9 of 12 is after 2/3 of the horizon (8 months).
    let late = try Recommendation(
      outcome: Self.outcome(dedicatedTotal: 120, crossoverMonth: 9), workload: Self.workload)
    #expect(late.verdict == .reevaluate(atMonth: 3))  // ⌈12 / 4⌉
    #expect(late.reevaluationReasons == [.lateCrossover])
    let onTime = try Recommendation(
      outcome: Self.outcome(dedicatedTotal: 120, crossoverMonth: 8), workload: Self.workload)
    #expect(onTime.verdict == .migrateToDedicated(option: "metal", nodes: 2))
    let never = try Recommendation(
      outcome: Self.outcome(dedicatedTotal: 120, crossoverMonth: nil), workload: Self.workload)
    #expect(never.reevaluationReasons == [.lateCrossover])
  }

  /// A committed option that is cheaper only because it cannot keep up (offered load above 1: its backlog
  /// runs past the horizon, unbilled) is not recommended; at a load of exactly 1 it still is.
  @Test func aCommittedOptionThatCannotKeepUpMeansReevaluate() throws {
    var outcome = try Self.outcome(dedicatedTotal: 120, crossoverMonth: 2)
    outcome.options[1].offeredLoad = 1.64
    let overloaded = try Recommendation(outcome: outcome, workload: Self.workload)
    #expect(overloaded.verdict == .reevaluate(atMonth: 3))
    #expect(overloaded.reevaluationReasons == [.insufficientCapacity])
    #expect(overloaded.leadingOfferedLoad == 1.64)
    outcome.options[1].offeredLoad = 1
    let full = try Recommendation(outcome: outcome, workload: Self.workload)
    #expect(full.verdict == .migrateToDedicated(option: "metal", nodes: 2))
    #expect(full.leadingOfferedLoad == nil)
  }

  @Test func lowConfidenceMeansReevaluate() throws {
    // Dedicated 150: shared (mean 145) leads; it wins 100…140 (5) and ties at 150 (½): P = 0.55.
    let r = try Recommendation(
      outcome: Self.outcome(dedicatedTotal: 150, crossoverMonth: 2), workload: Self.workload)
    #expect(r.leading.name == "cloud")
    #expect(r.comparison.probabilityCheaper == 0.55)
    #expect(r.confidence == .low)
    // The saving, 5 of 150 (3.3%), is also under the material 5%.
    #expect(r.reevaluationReasons == [.lowConfidence, .smallMargin])
    #expect(r.verdict == .reevaluate(atMonth: 3))
  }

  @Test func smallMarginAloneIsLowConfidence() throws {
    // Shared totals all 100, dedicated 103: P(shared cheaper) = 1, but the saving is 3/103 = 2.9% < 5%.
    var outcome = try Self.outcome(dedicatedTotal: 103, crossoverMonth: nil)
    outcome.options[0] = Self.option(
      "cloud", model: .onDemand, totals: Array(repeating: 100, count: 10))
    let r = try Recommendation(outcome: outcome, workload: Self.workload)
    #expect(r.comparison.probabilityCheaper == 1)
    #expect(r.confidence == .low)
    #expect(r.reevaluationReasons == [.smallMargin])
  }

  @Test func staysOnSharedWhenItIsClearlyCheaper() throws {
    let r = try Recommendation(
      outcome: Self.outcome(dedicatedTotal: 300, crossoverMonth: nil), workload: Self.workload)
    #expect(r.verdict == .stayOnShared(option: "cloud"))
    #expect(r.comparison.probabilityCheaper == 1)
    #expect(r.confidence == .high)
    #expect(r.reevaluationReasons.isEmpty)
    // Wilson 95% interval for 10 of 10:
    // python3 -c "from scipy.stats import binomtest; print(binomtest(10,10).proportion_ci(method='wilson'))"
    //   → (0.7224672001371109, 1.0)
    #expect(
      r.comparison.probabilityLower.isApproximatelyEqual(
        to: 0.7224672001371109, relativeTolerance: 1e-12))
    #expect(r.comparison.probabilityUpper == 1)
  }

  @Test func wilsonIntervalMatchesScipy() {
    // 8 wins of 10: python3 -c "from scipy.stats import binomtest;
    //   print(binomtest(8,10).proportion_ci(method='wilson'))"  → (0.4901624715366418, 0.9433178485456248)
    let comparison = PairedComparison(
      option: [1, 1, 1, 1, 1, 1, 1, 1, 3, 3], alternative: Array(repeating: 2, count: 10))
    #expect(comparison.probabilityCheaper == 0.8)
    #expect(
      comparison.probabilityLower.isApproximatelyEqual(
        to: 0.4901624715366418, relativeTolerance: 1e-12))
    #expect(
      comparison.probabilityUpper.isApproximatelyEqual(
        to: 0.9433178485456248, relativeTolerance: 1e-12))
  }

  @Test func emptyAndNaNComparisonsAreNaN() {
    #expect(PairedComparison(option: [], alternative: []).probabilityCheaper.isNaN)
    #expect(PairedComparison(option: [1, .nan], alternative: [2, 2]).meanSaving.isNaN)
    #expect(PairedComparison(option: [1], alternative: [2]).meanSavingStandardError == nil)
  }

  // MARK: - Reasons and signals

  @Test func costLinesAreRankedByTheirPartInTheDifference() throws {
    let r = try Recommendation(
      outcome: Self.outcome(
        dedicatedTotal: 120, crossoverMonth: 2,
        sharedLines: ["cost_compute_useful": 140, "cost_compute_slowdown": 5],
        dedicatedLines: ["cost_commitment": 115, "cost_setup_fees": 5]),
      workload: Self.workload)
    // Differences (shared − dedicated): useful +140, commitment −115, slowdown +5, set-up −5; the last two
    // tie in size and keep report order. Shares of the 25 saved: 5.6, −4.6, 0.2, −0.2.
    #expect(
      r.reasons.map(\.key) == [
        "cost_compute_useful", "cost_commitment", "cost_compute_slowdown", "cost_setup_fees",
      ])
    #expect(r.reasons.map(\.difference) == [140, -115, 5, -5])
    #expect(r.reasons.map { $0.difference / r.comparison.meanSaving } == [5.6, -4.6, 0.2, -0.2])
    #expect(r.reasons.map(\.difference).reduce(0, +) == r.comparison.meanSaving)
  }

  @Test func signalsOfProduction() throws {
    let r = try Recommendation(
      outcome: Self.outcome(dedicatedTotal: 120, crossoverMonth: 2), workload: Self.workload)
    let byKind = Dictionary(uniqueKeysWithValues: r.signals.map { ($0.kind, $0) })
    #expect(byKind[.multiGPUJobs]?.present == true && byKind[.multiGPUJobs]?.evidence == 8)
    #expect(byKind[.longRuns]?.present == true && byKind[.longRuns]?.evidence == 20)
    #expect(byKind[.deadlines]?.present == true && byKind[.deadlines]?.evidence == 36)
    #expect(
      byKind[.sustainedUtilisation]?.present == true
        && byKind[.sustainedUtilisation]?.evidence == 0.6)
    // Linear growth of 5% a month: month 12's mean is 1 + 0.05 × 11 = 1.55 times month 1's.
    let growth = try #require(byKind[.growth])
    #expect(
      growth.present && growth.evidence.isApproximatelyEqual(to: 1.55, relativeTolerance: 1e-12))

    var outcome = try Self.outcome(dedicatedTotal: 120, crossoverMonth: 2)
    outcome.options[0] = Self.option(
      "cloud", model: .onDemand, totals: Self.sharedTotals, p50: 12, p95: 13)
    outcome.options[1] = Self.option(
      "metal", model: .bareMetal, nodes: 1, totals: Array(repeating: 120, count: 10),
      utilisation: 0.4999)
    let quiet = try Recommendation(
      outcome: outcome, workload: Workload(jobsPerMonth: 5, gpusPerJob: 1, stepsPerJob: 1))
    #expect(quiet.signals.allSatisfy { !$0.present }, "\(quiet.signals)")
  }

  @Test func needsBothCategories() throws {
    var outcome = try Self.outcome(dedicatedTotal: 120, crossoverMonth: 2)
    outcome.options.removeLast()
    #expect(
      throws: RecommendationError.needsBothCategories(
        scenario: "hand-built", payPerUse: ["cloud"], committed: [])
    ) {
      try Recommendation(outcome: outcome, workload: Self.workload)
    }
    let message = RecommendationError.needsBothCategories(
      scenario: "s.yaml", payPerUse: ["cloud"], committed: []
    ).description
    #expect(
      message.hasPrefix("s.yaml: error: field 'options': a recommendation compares"), "\(message)")
    #expect(message.contains("help: add a committed"))
  }
}
