/// Parsers that turn a price file into validated ``PriceQuote`` values with their row locations.
enum PriceParser {
  /// A parsed price and the location of its row (name field).
  typealias Row = (quote: PriceQuote, location: SourceLocation)

  /// The columns of capsim's own price CSV.
  static let documentedColumns = [
    "name", "provider", "gpu_model", "pricing_model", "amount", "unit", "gpus_per_unit",
    "minimum_term_months",
    "setup_fee", "currency", "effective_date", "source", "region",
  ]

  /// capsim's price CSV; every field is validated, the numbers against ``PriceLimits`` and the date
  /// against `options.latestEffectiveDate`. `minimum_term_months` and `setup_fee` may be empty (0).
  static func parseDocumentedCSV(_ source: ImportSource, options: PriceImportOptions) throws
    -> [Row]
  {
    var table = try CSVTable(source)
    try table.rejectUnknownColumns(known: documentedColumns)
    var index: [String: Int] = [:]
    for column in documentedColumns.dropLast() { index[column] = try table.require(column) }
    let regionColumn = table.index(of: "region")
    var rows: [Row] = []
    var firstLine: [String: Int] = [:]
    try table.forEachRow { fields, start, reader in
      func location(_ name: String) -> SourceLocation {
        reader.location(of: fields[index[name] ?? 0], record: start, name: name)
      }
      func text(_ name: String, required: Bool = true) throws(ImportError) -> String {
        let value = reader.trimmedString(fields[index[name] ?? 0])
        if required, value.isEmpty {
          throw ImportError.emptyValue(location(name), help: "every price needs a \(name)")
        }
        try PrintableText.check(value, at: location(name))
        return value
      }
      func number(
        _ name: String, reason: String, emptyDefault: Double? = nil, allowZero: Bool = true
      )
        throws(ImportError) -> Double
      {
        let value = try text(name, required: emptyDefault == nil)
        if value.isEmpty, let emptyDefault { return emptyDefault }
        return try validatedNumber(value, reason: reason, allowZero: allowZero, at: location(name))
      }
      let name = try text("name")
      if let line = firstLine[name] {
        throw ImportError.duplicateInFile(
          location("name"), kind: "price", name: name, firstLine: line)
      }
      firstLine[name] = start.line
      let modelText = try text("pricing_model")
      guard let model = PricingModel(rawValue: modelText) else {
        throw ImportError.unknownName(
          location("pricing_model"), kind: "pricing model", name: modelText,
          known: PricingModel.allCases.map(\.rawValue))
      }
      let unitText = try text("unit")
      guard let unit = PriceUnit(rawValue: unitText) else {
        throw ImportError.unknownName(
          location("unit"), kind: "price unit", name: unitText,
          known: PriceUnit.allCases.map(\.rawValue))
      }
      let amount = try number("amount", reason: "prices must be ≥ 0")
      let gpus = try number(
        "gpus_per_unit", reason: "a unit must hold more than 0 GPUs", allowZero: false)
      let termText = try text("minimum_term_months", required: false)
      var term = 0
      if !termText.isEmpty {
        guard let parsed = Int(termText), PriceLimits.minimumTermMonths.contains(Double(parsed))
        else {
          throw ImportError.invalidValue(
            location("minimum_term_months"), value: termText,
            reason: "a term is \(PriceLimits.minimumTermMonths.rule) months",
            help: "use 0 for pay-as-you-go; " + PriceLimits.minimumTermMonths.reason)
        }
        term = parsed
      }
      let fee = try number("setup_fee", reason: "a set-up fee must be ≥ 0", emptyDefault: 0)
      let currency = try validatedCurrency(try text("currency"), at: location("currency"))
      let date = try validatedDate(
        try text("effective_date"), latest: options.latestEffectiveDate,
        at: location("effective_date"))
      let quote = PriceQuote(
        name: name, provider: try text("provider"), gpuModel: try text("gpu_model"),
        pricingModel: model,
        amount: amount, unit: unit, gpusPerUnit: gpus, minimumTermMonths: term, setupFee: fee,
        currency: currency,
        effectiveDate: date, source: try text("source"),
        region: try regionColumn.map { column throws(ImportError) in
          let region = reader.trimmedString(fields[column])
          try PrintableText.check(
            region, at: reader.location(of: fields[column], record: start, name: "region"))
          return region
        } ?? "")
      if let violation = PriceLimits.violations(of: quote).first {
        let field = violation.field
        throw ImportError.invalidValue(
          location(field), value: reader.trimmedString(fields[index[field] ?? 0]),
          reason: violation.message, help: "correct the value: " + violation.help)
      }
      rows.append((quote, location("name")))
    }
    if rows.isEmpty {
      throw ImportError.noDataRows(SourceLocation(file: source.fileName), kind: "price")
    }
    return rows
  }

  // MARK: - Field validation

  /// A finite number ≥ 0 (or > 0 when `allowZero` is false).
  static func validatedNumber(
    _ text: String, reason: String, allowZero: Bool, at location: SourceLocation
  )
    throws(ImportError) -> Double
  {
    guard let value = DecimalNumber.parse(text) else {
      throw ImportError.invalidValue(
        location, value: text, reason: "expected a number", help: "correct the value")
    }
    guard value.isFinite, allowZero ? value >= 0 : value > 0 else {
      throw ImportError.invalidValue(
        location, value: text, reason: reason, help: "correct the value or remove the row")
    }
    return value
  }

  /// Three upper-case letters (ISO 4217).
  static func validatedCurrency(_ text: String, at location: SourceLocation) throws(ImportError)
    -> String
  {
    guard text.utf8.count == 3, text.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }) else {
      throw ImportError.invalidValue(
        location, value: text, reason: "a currency is a three-letter upper-case ISO 4217 code",
        help: "for example USD or EUR")
    }
    return text
  }

  /// A real calendar date written `YYYY-MM-DD`, no later than `latest` when it is given.
  static func validatedDate(
    _ text: String, latest: CalendarDay? = nil, at location: SourceLocation
  ) throws(ImportError) -> String {
    if let day = CalendarDay(text), let latest, day > latest {
      throw ImportError.invalidValue(
        location, value: text,
        reason: "a price cannot take effect after \(latest), a year from today",
        help:
          "check the year; a price dated in the future is never flagged as stale (give the day it was observed or takes effect)"
      )
    }
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    let lengths = parts.map(\.count)
    if lengths == [4, 2, 2], let year = Int(parts[0]), let month = Int(parts[1]),
      let day = Int(parts[2]),
      text.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 45 }), (1...12).contains(month)
    {
      let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
      let days = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
      if (1...days).contains(day) { return text }
    }
    throw ImportError.invalidValue(
      location, value: text, reason: "a date must be a real date written YYYY-MM-DD",
      help: "for example 2025-01-31")
  }
}
