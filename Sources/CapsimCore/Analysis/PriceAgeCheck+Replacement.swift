// MARK: - Prices whose amount the scenario replaced (`price_per_gpu_hour`)

extension PriceAgeCheck {
  /// The note for an option whose scenario replaces its price's amount, or `nil` when it bills the
  /// amount as quoted. It names the price per GPU-hour billed (the median, when the amount is an
  /// uncertain input drawn per trial: `uncertain` is then its distribution) and the quote it replaces,
  /// with the quote's date; the quote's age is not checked, since the amount billed is the scenario's.
  public static func replacementNote(for option: ResolvedOption, uncertain: InputDistribution?)
    -> String?
  {
    guard let value = option.option.pricePerGPUHour else { return nil }
    let quote = option.quotedPrice
    func amount(_ x: Double) -> String { x.formatted(significantDigits: 6) }
    let billed =
      uncertain.map {
        "price per GPU-hour (price_per_gpu_hour) drawn per trial from \($0.summary), its median "
          + "\(amount(value)) \(quote.currency) at the base"
      }
      ?? "price per GPU-hour (price_per_gpu_hour) set by the scenario to \(amount(value)) \(quote.currency)"
    return billed + ", replacing the quoted \(amount(quote.perGPUHour)) \(quote.currency) of "
      + "'\(quote.name)' (dated \(quote.effectiveDate); its age is not checked)"
  }

  /// The price note of `option`: that the scenario replaced its price's amount
  /// (``replacementNote(for:uncertain:)``) or, for a price billed as quoted, the stale-price note
  /// (``staleNote(for:on:maximumAgeDays:)``); `nil` when neither applies. `uncertain` holds the
  /// scenario's uncertain inputs, so an amount drawn per trial is named as such. This is the one rule
  /// that run, recommend and break-even reports use.
  public static func priceNote(
    for option: ResolvedOption, uncertain: [UncertainInput], on runDate: CalendarDay,
    maximumAgeDays: Int
  ) -> String? {
    let path =
      "options.\(option.option.name).\(UncertainTarget.OptionField.pricePerGPUHour.rawValue)"
    return replacementNote(
      for: option, uncertain: uncertain.first { $0.path == path }?.distribution)
      ?? staleNote(for: option.quotedPrice, on: runDate, maximumAgeDays: maximumAgeDays)
  }

  /// Adds to each option's notes its ``priceNote(for:uncertain:on:maximumAgeDays:)``, if any.
  public static func annotate(
    _ outcome: inout SimulationOutcome, options: [ResolvedOption], uncertain: [UncertainInput],
    on runDate: CalendarDay, maximumAgeDays: Int
  ) {
    // By name, looked up once per option (a search per option was quadratic in the options).
    let byName = Dictionary(
      options.map { ($0.option.name, $0) }, uniquingKeysWith: { first, _ in first })
    for index in outcome.options.indices {
      guard let option = byName[outcome.options[index].name] else { continue }
      if let note = priceNote(
        for: option, uncertain: uncertain, on: runDate, maximumAgeDays: maximumAgeDays)
      {
        outcome.options[index].notes.append(note)
      }
    }
  }

  /// Adds to a break-even analysis's notes the price note of each of its two options (pay-per-use
  /// option first), written `option: note` as the run reports list them.
  public static func annotate(
    _ analysis: inout BreakEvenAnalysis, options: [ResolvedOption], uncertain: [UncertainInput],
    on runDate: CalendarDay, maximumAgeDays: Int
  ) {
    for name in [analysis.payPerUse, analysis.committed] {
      guard let option = options.first(where: { $0.option.name == name }),
        let note = priceNote(
          for: option, uncertain: uncertain, on: runDate, maximumAgeDays: maximumAgeDays)
      else { continue }
      analysis.notes.append("\(name): \(note)")
    }
  }
}
