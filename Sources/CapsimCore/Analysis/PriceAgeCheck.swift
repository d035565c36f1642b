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
}
