/// The one-line summary `capsim measure` prints, hyperfine style.
public enum MeasureSummary {
  /// `n runs: mean 1.002 s ± 0.004 s (sd), min 0.998 s, max 1.009 s, CoV 0.4%`.
  public static func line(_ summary: SampleSummary, count: Int) -> String {
    func seconds(_ value: Double) -> String {
      NumberFormatting.readable(value, significant: 4) + " s"
    }
    var text = "\(count) value\(count == 1 ? "" : "s"): mean \(seconds(summary.mean))"
    if let deviation = summary.standardDeviation { text += " ± \(seconds(deviation)) (sd)" }
    text += ", min \(seconds(summary.minimum)), max \(seconds(summary.maximum))"
    if let cov = summary.coefficientOfVariation { text += ", CoV \(NumberFormatting.percent(cov))" }
    return text
  }
}
