import Foundation

/// Renders a ``BreakEvenAnalysis``: the volume and utilisation at which two options cost the same.
public enum BreakEvenReport {
  /// A terminal report within 100 columns.
  public static func table(
    _ analysis: BreakEvenAnalysis, currency: String, trials: Int, seed: UInt64
  ) -> String {
    let jobs = { (x: Double?) in
      x.map { NumberFormatting.readable($0, significant: 5) } ?? "not found"
    }
    var lines = [
      "Break-even of \(analysis.committed) (\(analysis.committedNodes) nodes) against \(analysis.payPerUse)",
      "",
      "Equal expected cost at   \(jobs(analysis.breakEvenJobsPerMonth)) jobs a month"
        + (analysis.breakEvenStandardError.map {
          " (± \(NumberFormatting.readable(1.96 * $0, significant: 2)), 95%)"
        } ?? ""),
      "Utilisation there        \(analysis.utilisationAtBreakEven.map { NumberFormatting.percent($0) } ?? "n/a") of the committed capacity",
      "Cheaper in 90% of trials from \(jobs(analysis.jobsForNinetyPercent)) jobs a month",
      "The scenario's volume    \(NumberFormatting.readable(analysis.scenarioJobsPerMonth, significant: 5)) jobs a month",
      "",
      "Evaluated points (\(analysis.evaluations) simulations of \(trials) trials, seed \(seed); costs in \(currency)):",
    ]
    let rows = analysis.curve.sorted { $0.jobsPerMonth < $1.jobsPerMonth }.map { point in
      [
        NumberFormatting.readable(point.jobsPerMonth, significant: 5),
        NumberFormatting.fixed(point.payPerUseCost.value, decimals: 0),
        NumberFormatting.fixed(point.committedCost.value, decimals: 0),
        NumberFormatting.percent(point.committedCheaperShare),
        NumberFormatting.percent(point.committedUtilisation),
      ]
    }
    lines.append(
      contentsOf: TextTable(
        header: [
          "jobs/month", analysis.payPerUse, analysis.committed, "committed cheaper", "utilisation",
        ],
        rightAligned: [true, true, true, true, true], rows: rows
      ).render().split(separator: "\n").map(String.init))
    return lines.map { $0.count > 100 ? String($0.prefix(99)) + "…" : $0 }.joined(separator: "\n")
      + "\n"
  }

  /// JSON with sorted keys (the analysis's own Codable layout, under `break_even`).
  public static func json(_ analysis: BreakEvenAnalysis, capsimVersion: String) throws -> String {
    struct Document: Encodable {
      var schemaVersion = 1
      var capsimVersion: String
      var breakEven: BreakEvenAnalysis
      enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case capsimVersion = "capsim_version"
        case breakEven = "break_even"
      }
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    let data = try encoder.encode(Document(capsimVersion: capsimVersion, breakEven: analysis))
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
