import CapsimCore
import Foundation

/// Renders a ``BreakEvenAnalysis``: the volume and utilisation at which two options cost the same.
public enum BreakEvenReport {
  /// A terminal report within `width` columns.
  public static func table(
    _ analysis: BreakEvenAnalysis, currency: String, trials: Int, seed: UInt64,
    inputsAtMedian: [UncertainInput] = [], width: Int = 100
  ) -> String {
    let jobs = { (x: Double?) in
      x.map { NumberFormatting.readable($0, significant: 5) + " jobs a month" } ?? "not found"
    }
    var lines = [
      "Break-even of \(analysis.committed) (\(NumberFormatting.count(analysis.committedNodes, "node"))) against \(analysis.payPerUse)",
      "",
      "Equal expected cost at   \(jobs(analysis.breakEvenJobsPerMonth))"
        + (analysis.breakEvenStandardError.map {
          " (± \(NumberFormatting.readable(1.96 * $0, significant: 2)), 95%)"
        } ?? ""),
      "Utilisation there        \(analysis.utilisationAtBreakEven.map { NumberFormatting.percent($0) } ?? "n/a") of the committed capacity",
      "Cheaper in 90% of trials from \(jobs(analysis.jobsForNinetyPercent))",
      "The scenario's volume    \(NumberFormatting.readable(analysis.scenarioJobsPerMonth, significant: 5)) jobs a month",
    ]
    if let sentence = UncertaintyText.mediansSentence(inputsAtMedian) {
      lines += RecommendationReport.wrap(sentence, width: width, indent: "  ")
    }
    lines += [
      "",
      "Evaluated points (\(NumberFormatting.count(analysis.evaluations, "simulation")) of \(NumberFormatting.count(trials, "trial")), seed \(seed); costs in \(currency)):",
    ]
    let points = analysis.curve.sorted { $0.jobsPerMonth < $1.jobsPerMonth }
    let labels = volumeLabels(points.map(\.jobsPerMonth))
    let rows = zip(points, labels).map { point, label in
      [
        label,
        MetricFormatting.cell(cost(point.payPerUseCost)),
        MetricFormatting.cell(cost(point.committedCost)),
        MetricFormatting.cell(
          share(
            Estimate(
              value: point.committedCheaperShare, lower: point.committedCheaperLower,
              upper: point.committedCheaperUpper))),
        MetricFormatting.cell(share(utilisation(point))),
      ]
    }
    lines.append(
      contentsOf: TextTable(
        header: [
          "jobs/month", analysis.payPerUse, analysis.committed, "committed cheaper", "utilisation",
        ],
        rightAligned: [true, true, true, true, true], rows: rows
      ).render(width: width))
    if !analysis.notes.isEmpty {
      lines.append("")
      lines.append("Notes:")
      for note in analysis.notes {
        lines.append(
          contentsOf: RecommendationReport.wrap(note, width: width, prefix: "- ", indent: "  "))
      }
    }
    return lines.flatMap {
      $0.count > width ? RecommendationReport.wrap($0, width: width, indent: "  ") : [$0]
    }.joined(separator: "\n") + "\n"
  }

  /// The evaluated volumes as labels, 5 significant digits, more (up to 9) for volumes that would
  /// otherwise print alike: the bisection's last steps differ in the sixth digit (6,916.8985 and
  /// 6,916.8988 are separate simulations with their own costs, not repeated rows).
  static func volumeLabels(_ volumes: [Double]) -> [String] {
    var digits = volumes.map { _ in 5 }
    func label(_ index: Int) -> String {
      NumberFormatting.readable(volumes[index], significant: digits[index])
    }
    for _ in 5..<9 {
      let labels = volumes.indices.map(label)
      let clashing = volumes.indices.filter { index in
        volumes.indices.contains { other in
          other != index && labels[other] == labels[index] && volumes[other] != volumes[index]
        }
      }
      if clashing.isEmpty { break }
      for index in clashing { digits[index] += 1 }
    }
    return volumes.indices.map(label)
  }

  /// A cost as a metric, for ``MetricFormatting/cell(_:maximumLength:)``: "563,478 ± 1,200".
  private static func cost(_ estimate: Estimate) -> MetricEstimate {
    MetricEstimate(key: "cost", label: "", unit: "", estimate: estimate)
  }

  /// A share as a metric: "38.0% [25.9%–51.9%]", "62.9% ± 0.32%".
  private static func share(_ estimate: Estimate) -> MetricEstimate {
    MetricEstimate(key: "share", label: "", unit: "share", estimate: estimate)
  }

  /// The committed option's utilisation with its 95% interval, ± 1.96·SE clipped to [0, 1].
  static func utilisation(_ point: BreakEvenPoint) -> Estimate {
    let value = point.committedUtilisation
    guard let standardError = point.committedUtilisationStandardError else {
      return Estimate(value: value)
    }
    return Estimate(
      value: value, standardError: standardError, lower: value - 1.96 * standardError,
      upper: value + 1.96 * standardError
    ).clippedToShare()
  }

  /// JSON through ``ReportJSONEncoder``: the analysis's own `Codable` layout under `break_even`, so a
  /// field added to ``BreakEvenAnalysis`` appears without encoder code.
  /// `uncertain_inputs_at_median` lists each uncertain input's path, median and distribution (empty
  /// without any); `currency`, `trials` (of every evaluation) and `seed` say what stands behind the numbers.
  public static func json(
    _ analysis: BreakEvenAnalysis, currency: String, trials: Int, seed: UInt64,
    inputsAtMedian: [UncertainInput] = [], capsimVersion: String
  ) throws -> String {
    struct InputAtMedian: Encodable {
      var path: String
      var median: Double
      var distribution: String
    }
    struct Document: Encodable {
      var breakEven: BreakEvenAnalysis
      var currency: String
      var trials: Int
      var seed: UInt64
      var uncertainInputsAtMedian: [InputAtMedian]
    }
    let inputs = inputsAtMedian.map {
      InputAtMedian(
        path: $0.path, median: $0.distribution.median, distribution: $0.distribution.summary)
    }
    return try ReportJSONEncoder.render(
      Document(
        breakEven: analysis, currency: currency, trials: trials, seed: seed,
        uncertainInputsAtMedian: inputs),
      capsimVersion: capsimVersion)
  }

  /// The evaluated points as CSV, one row per volume: `jobs_per_month, pay_per_use_cost,
  /// pay_per_use_cost_low, pay_per_use_cost_high, committed_cost, committed_cost_low,
  /// committed_cost_high, committed_cheaper_fraction, committed_cheaper_fraction_low,
  /// committed_cheaper_fraction_high, committed_utilisation, committed_utilisation_low,
  /// committed_utilisation_high, currency, trials, seed, seed_text`; shares are fractions, the
  /// committed-cheaper interval is Wilson's and the utilisation's ± 1.96·SE clipped to [0, 1].
  public static func csv(
    _ analysis: BreakEvenAnalysis, currency: String, trials: Int, seed: UInt64
  ) -> String {
    var lines = [
      [
        "jobs_per_month", "pay_per_use_cost", "pay_per_use_cost_low", "pay_per_use_cost_high",
        "committed_cost", "committed_cost_low", "committed_cost_high",
        "committed_cheaper_fraction", "committed_cheaper_fraction_low",
        "committed_cheaper_fraction_high", "committed_utilisation", "committed_utilisation_low",
        "committed_utilisation_high", "currency", "trials", "seed", "seed_text",
      ].joined(separator: ",")
    ]
    for point in analysis.curve.sorted(by: { $0.jobsPerMonth < $1.jobsPerMonth }) {
      let utilisation = utilisation(point)
      let fields =
        [
          point.jobsPerMonth, point.payPerUseCost.value, point.payPerUseCost.lower,
          point.payPerUseCost.upper, point.committedCost.value, point.committedCost.lower,
          point.committedCost.upper, point.committedCheaperShare, point.committedCheaperLower,
          point.committedCheaperUpper, utilisation.value, utilisation.lower, utilisation.upper,
        ].map { NumberFormatting.exact($0) }
        + [currency, String(trials), String(seed), CSVReport.seedText(seed)]
      lines.append(fields.map(CSVReport.escape).joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
