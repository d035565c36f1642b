import CapsimCore
import Foundation

/// The sentences and tables that say which inputs were uncertain, how much each explains, and where a
/// verdict flips; shared by the run, recommendation and sensitivity reports.
public enum UncertaintyText {
  /// `Uncertain inputs (drawn per trial): path ~ distribution, …`, or nil without any.
  public static func inputsLine(_ inputs: [UncertainInput], code: Bool = false) -> String? {
    guard !inputs.isEmpty else { return nil }
    return "Uncertain inputs (drawn per trial, so intervals cover them too): "
      + entries(inputs, code: code).joined(separator: ", ")
  }

  /// `path ~ distribution` for each input (the path in backticks when `code`).
  public static func entries(_ inputs: [UncertainInput], code: Bool = false) -> [String] {
    let quote = code ? "`" : ""
    return inputs.map { "\(quote)\($0.path)\(quote) ~ \($0.distribution.summary)" }
  }

  /// `path ~ distribution, …` for a labelled cell (a workbook's "Uncertain inputs" row), or nil without any.
  public static func inputsList(_ inputs: [UncertainInput]) -> String? {
    guard !inputs.isEmpty else { return nil }
    return entries(inputs).joined(separator: ", ")
      + " (drawn per trial, so intervals cover them too)"
  }

  /// An option's price of one GPU-hour as a Pricing cell shows it: `on_demand 2.958/GPU-h`, or, when the
  /// price is an uncertain input, its 90% range (5th–95th percentiles) `spot 2.20–3.60/GPU-h` rather than
  /// the median the base scenario holds. `maximumLength` drops `/GPU-h` from a range that would not fit.
  public static func pricingCell(
    _ option: OptionOutcome, inputs: [UncertainInput], separator: String = " ",
    maximumLength: Int = .max
  ) -> String {
    let model = option.pricingModel.rawValue + separator
    guard let input = uncertainPrice(of: option, in: inputs) else {
      return model + NumberFormatting.fixed(option.pricePerGPUHour, decimals: 3) + "/GPU-h"
    }
    let range =
      NumberFormatting.fixed(input.distribution.low, decimals: 2) + "–"
      + NumberFormatting.fixed(input.distribution.high, decimals: 2)
    let cell = model + range + "/GPU-h"
    return cell.count <= maximumLength ? cell : model + range
  }

  /// The note a table with an uncertain price gives under its legend, or nil without one.
  public static func pricingNote(_ options: [OptionOutcome], inputs: [UncertainInput]) -> String? {
    options.contains { uncertainPrice(of: $0, in: inputs) != nil }
      ? "An uncertain price per GPU-hour shows its 90% range (5th–95th percentiles)." : nil
  }

  private static func uncertainPrice(of option: OptionOutcome, in inputs: [UncertainInput])
    -> UncertainInput?
  {
    inputs.first { $0.path == "options.\(option.name).price_per_gpu_hour" }
  }

  /// `Rank correlations imposed (Iman–Conover; requested → achieved Spearman):
  /// a ~ b 0.50 → 0.497, …`, or nil without any.
  public static func correlationsLine(_ pairs: [AchievedCorrelation], code: Bool = false) -> String?
  {
    guard !pairs.isEmpty else { return nil }
    return
      "Rank correlations imposed (Iman–Conover; requested → achieved Spearman): "
      + correlationEntries(pairs, code: code).joined(separator: ", ")
  }

  /// `a ~ b 0.50 → 0.497, … (Iman–Conover; requested → achieved Spearman)` for a labelled
  /// cell (a workbook's "Rank correlations" row), or nil without any.
  public static func correlationsList(_ pairs: [AchievedCorrelation]) -> String? {
    guard !pairs.isEmpty else { return nil }
    return correlationEntries(pairs).joined(separator: ", ")
      + " (Iman–Conover; requested → achieved Spearman)"
  }

  /// `a ~ b 0.50 → 0.497` for each pair (the paths in backticks when `code`).
  private static func correlationEntries(_ pairs: [AchievedCorrelation], code: Bool = false)
    -> [String]
  {
    let quote = code ? "`" : ""
    return pairs.map {
      "\(quote)\($0.between[0])\(quote) ~ \(quote)\($0.between[1])\(quote) "
        + "\(NumberFormatting.fixed($0.requested, decimals: 2)) → "
        + "\(NumberFormatting.fixed($0.achieved, decimals: 3))"
    }
  }

  /// What a run's page or workbook states beside its numbers, one sentence each and only those that
  /// apply: the `--set` overrides, the precision target and how it ended, the uncertain inputs and the
  /// rank correlations imposed on them (the terminal and Markdown reports give the same lines).
  public static func runContext(_ outcome: SimulationOutcome) -> [String] {
    var lines: [String] = []
    if !outcome.overrides.isEmpty {
      lines.append(
        "Overrides (--set): " + outcome.overrides.map(\.description).joined(separator: ", "))
    }
    if let precision = outcome.precision {
      lines.append(precision.line(trials: outcome.trials))
    }
    if let line = inputsLine(outcome.uncertainInputs) { lines.append(line) }
    if let line = correlationsLine(outcome.inputCorrelations) { lines.append(line) }
    return lines
  }

  /// For an analysis that runs every uncertain input at its median (`capsim break-even`): which ones, at
  /// what value; nil without any.
  public static func mediansSentence(_ inputs: [UncertainInput], code: Bool = false) -> String? {
    guard !inputs.isEmpty else { return nil }
    let quote = code ? "`" : ""
    return
      "Uncertain inputs at their medians (break-even draws none of them per trial, so its costs "
      + "cover simulation noise only): "
      + inputs.map {
        "\(quote)\($0.path)\(quote) = \(amount($0.distribution.median)) (of \($0.distribution.summary))"
      }.joined(separator: ", ") + "."
  }

  static func percent(_ value: Double) -> String {
    NumberFormatting.fixed(100 * value, decimals: 1) + "%"
  }

  static func amount(_ value: Double) -> String { NumberFormatting.readable(value, significant: 4) }

  /// Rows of the importance table: input, rank correlation, share of variance.
  public static func importanceRows(_ importance: [InputImportance]) -> [[String]] {
    importance.map {
      [$0.path, NumberFormatting.fixed($0.rankCorrelation, decimals: 3), percent($0.varianceShare)]
    }
  }

  /// How the importance figures are computed, in one sentence.
  public static let importanceMethod =
    "Rank correlation: Spearman's ρ of the input's per-trial values with the per-trial metric, "
    + "from one run with every uncertain input drawn per trial; share of variance: ρ² / Σρ² "
    + "(contribution to variance, as Crystal Ball computes it)."

  /// Sentences for a recommendation: the inputs the verdict is most sensitive to and the flip value.
  public static func verdictSentences(_ s: VerdictSensitivity, code: Bool = false) -> [String] {
    let quote = code ? "`" : ""
    var sentences: [String] = []
    let names = s.topInputs.map {
      "\(quote)\($0.path)\(quote) (saving \(amount($0.low.metric.value)) at "
        + "\(NumberFormatting.grouped($0.low.value)), \(amount($0.high.metric.value)) at "
        + "\(NumberFormatting.grouped($0.high.value)))"
    }
    sentences.append(
      "The saving of \(s.leading) over \(s.alternative) is most sensitive to "
        + names.joined(separator: "; ") + ", each moved from its 5th to its 95th percentile "
        + "with the other inputs at their medians.")
    if let value = s.flipValue, let path = s.flipPath {
      sentences.append(
        "The verdict flips (\(s.alternative) becomes cheaper than \(s.leading)) when "
          + "\(quote)\(path)\(quote) crosses about \(amount(value)), found by bisection between "
          + "its two ends.")
    } else if let top = s.topInputs.first {
      sentences.append(
        "Across \(quote)\(top.path)\(quote)'s range the cheaper of the two options does not change."
      )
    }
    return sentences
  }
}
