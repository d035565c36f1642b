/// The valid ranges of a price's numbers, defined once: the price importers reject a row outside them
/// with its file, line and column; a scenario's `price_per_gpu_hour` shares ``perGPUHour``; and a price
/// that an older capsim stored outside them is reported when a scenario using it is resolved, instead of
/// overflowing the simulation.
///
/// As with the scenario loader's limits, they are chosen from what is physically meaningful, not from
/// what the arithmetic survives. Within them every cost the engine computes is finite and every node
/// count fits an `Int`: a job needs at most ⌈100,000 GPUs / 0.01⌉ = 10^7 units, and a unit costs at most
/// 10^6 · 100,000 GPUs · 730 h ≈ 7.3 · 10^13 per month.
public enum PriceLimits {
  /// Months in the longest horizon a scenario may simulate (50 years, beyond any hardware's life); also
  /// the longest minimum term a price may ask for.
  public static let longestHorizonMonths = 600.0
  /// The most GPUs one job, node or cluster holds (the largest clusters have about 100,000).
  public static let mostGPUs = 100_000.0

  /// How to repair a price outside these limits that an older capsim stored without checking it: said by
  /// the scenario check that rejects it and by `capsim data show`.
  public static let storedUncheckedHelp =
    "An older capsim stored it unchecked: correct it in the price file and re-import it with "
    + "'capsim import prices FILE --replace'"

  /// The price of one GPU for one hour, `amount / (gpus_per_unit · hours per unit)`: 0 to 10^6.
  public static let perGPUHour = NumericLimit.closed(
    0, 1_000_000, "the price of one GPU for one hour in the price's currency, at most 10^6")

  /// GPUs in one unit of a pay-per-use (`on_demand`, `spot`) price: fractional counts are allowed, since
  /// cloud catalogs list instances that expose part of a GPU (Azure's smallest is 1/8).
  public static let gpusPerUnit = NumericLimit.closed(
    0.01, mostGPUs,
    "GPUs in one unit, from 0.01 (some instances expose part of a GPU, e.g. 0.125) to 100,000")

  /// GPUs in one unit of a committed (`reserved`, `bare_metal`) price. The engine runs jobs on whole
  /// committed nodes, ⌈GPUs per job / GPUs per node⌉ of them, each job holding whole GPUs, so a node
  /// with part of a GPU has no meaning there.
  public static let committedGPUsPerUnit = NumericLimit.closed(
    1, mostGPUs,
    "GPUs in one committed node; jobs run on whole GPUs, so a reserved or bare_metal unit holds 1 to 100,000 of them",
    whole: true)

  /// The shortest commitment, in whole months: 0 (pay-as-you-go) to the longest horizon.
  public static let minimumTermMonths = NumericLimit.closed(
    0, longestHorizonMonths, "the shortest commitment in months, from 0 to 600 (50 years)",
    whole: true)

  /// A one-time fee per unit, in the price's currency: 0 to 10^9.
  public static let setupFee = NumericLimit.closed(
    0, 1e9, "a one-time fee per unit in the price's currency, at most 10^9")

  /// The GPUs-per-unit limit for prices of `model`.
  public static func gpusPerUnit(for model: PricingModel) -> NumericLimit {
    model.isCommitment ? committedGPUsPerUnit : gpusPerUnit
  }

  /// One field of a price outside its limit.
  public struct Violation: Sendable, Hashable {
    /// The column of capsim's price CSV (`amount`, `gpus_per_unit`, `minimum_term_months`, `setup_fee`).
    public var field: String
    /// The field's value.
    public var value: Double
    /// Completes "field 'amount' is 1e308; …".
    public var message: String
    /// What the limit means, shown as the help line.
    public var help: String
  }

  /// The fields of `quote` outside their limits, in column order; empty when the price is usable.
  ///
  /// The amount is judged per GPU-hour (``PriceQuote/perGPUHour``), and only once the GPUs per unit are
  /// valid, since it is meaningless without them. NaN and ±∞ are outside every limit.
  ///
  /// - Complexity: O(1).
  public static func violations(of quote: PriceQuote) -> [Violation] {
    var result: [Violation] = []
    func check(_ field: String, _ value: Double, _ limit: NumericLimit) {
      guard !limit.contains(value) else { return }
      result.append(
        Violation(
          field: field, value: value, message: "it must be \(limit.rule)", help: limit.reason))
    }
    let gpuLimit = gpusPerUnit(for: quote.pricingModel)
    if !(quote.amount.isFinite && quote.amount >= 0) {
      result.append(
        Violation(
          field: "amount", value: quote.amount, message: "a price must be a finite number ≥ 0",
          help: perGPUHour.reason))
    } else if gpuLimit.contains(quote.gpusPerUnit), !perGPUHour.contains(quote.perGPUHour) {
      result.append(
        Violation(
          field: "amount", value: quote.amount,
          message:
            "that is \(NumericLimit.format(quote.perGPUHour)) per GPU-hour, which must be \(perGPUHour.rule)",
          help: perGPUHour.reason + " (the same limit as a scenario's price_per_gpu_hour)"))
    }
    check("gpus_per_unit", quote.gpusPerUnit, gpuLimit)
    check("minimum_term_months", Double(quote.minimumTermMonths), minimumTermMonths)
    check("setup_fee", quote.setupFee, setupFee)
    return result
  }
}
