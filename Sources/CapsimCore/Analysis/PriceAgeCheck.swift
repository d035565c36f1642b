/// Flags prices older than a threshold on the day a scenario is run, so a report never uses a
/// years-old quote without saying so.
///
/// The age is the number of days from a price's `effectiveDate` to the run date (both calendar
/// days, so the result does not depend on the time of day). A price is stale when its age exceeds
/// the threshold; a price dated after the run date has a negative age and is never stale.
public enum PriceAgeCheck {
  /// The default threshold, in days.
  public static let defaultMaximumAgeDays = 90

  /// Days from the price's effective date to `runDate`; `nil` if its date cannot be read.
  public static func ageInDays(of price: PriceQuote, on runDate: CalendarDay) -> Int? {
    CalendarDay(price.effectiveDate).map { runDate.daysSinceEpoch - $0.daysSinceEpoch }
  }

  /// The note for a stale price (date, age, threshold, source), or `nil` when it is recent enough.
  public static func staleNote(for price: PriceQuote, on runDate: CalendarDay, maximumAgeDays: Int)
    -> String?
  {
    guard let age = ageInDays(of: price, on: runDate), age > maximumAgeDays else { return nil }
    return
      "price '\(price.name)' is dated \(price.effectiveDate), \(age) days before the run "
      + "(\(runDate)), older than \(maximumAgeDays) days; source: \(price.source). "
      + "Check it is still current (capsim import prices …)."
  }

  /// The stale-price notes of the given options, in the order given: each option whose price is
  /// older than `maximumAgeDays` on `runDate` gets one ``staleNote(for:on:maximumAgeDays:)``.
  /// `prices` pairs an option name with the price it is billed with. This is the one place that
  /// decides which prices are stale; ``annotate(_:pricesByOption:on:maximumAgeDays:)`` and the
  /// break-even analysis both use it.
  ///
  /// - Complexity: O(n) in the number of options.
  public static func staleNotes(
    _ prices: [(option: String, price: PriceQuote)], on runDate: CalendarDay, maximumAgeDays: Int
  ) -> [(option: String, note: String)] {
    prices.compactMap { entry in
      staleNote(for: entry.price, on: runDate, maximumAgeDays: maximumAgeDays).map {
        (entry.option, $0)
      }
    }
  }

  /// Adds, to each option's notes, the note for its price when stale. `pricesByOption` maps an
  /// option name to the price it was billed with.
  public static func annotate(
    _ outcome: inout SimulationOutcome, pricesByOption: [String: PriceQuote],
    on runDate: CalendarDay,
    maximumAgeDays: Int
  ) {
    for index in outcome.options.indices {
      let name = outcome.options[index].name
      guard let price = pricesByOption[name] else { continue }
      let notes = staleNotes([(name, price)], on: runDate, maximumAgeDays: maximumAgeDays)
      outcome.options[index].notes.append(contentsOf: notes.map(\.note))
    }
  }

  /// Adds, to a break-even analysis's notes, the note of each of its two options whose price is
  /// stale (pay-per-use option first), written `option: note` as the run reports list them.
  public static func annotate(
    _ analysis: inout BreakEvenAnalysis, pricesByOption: [String: PriceQuote],
    on runDate: CalendarDay,
    maximumAgeDays: Int
  ) {
    let options = [analysis.payPerUse, analysis.committed]
    let prices = options.compactMap { name in pricesByOption[name].map { (option: name, price: $0) }
    }
    analysis.notes.append(
      contentsOf: staleNotes(prices, on: runDate, maximumAgeDays: maximumAgeDays).map {
        "\($0.option): \($0.note)"
      })
  }
}
