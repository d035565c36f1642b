import CapsimCore

/// How a trace column writes its times, detected from its first non-blank cell.
enum TraceTimeKind: Equatable, CustomStringConvertible {
  /// A plain number in the import's unit (a duration, or whatever the user scales).
  case number
  /// Seconds since 1970-01-01T00:00:00Z (a number from 10^8, i.e. after March 1973).
  case epochSeconds
  /// Milliseconds since the epoch (a number from 10^11).
  case epochMilliseconds
  /// ISO 8601 / RFC 3339 date and time; `zoned` says whether the first cell carried a zone.
  case iso8601(zoned: Bool)

  /// Whether values of this kind are instants (to be subtracted), not durations.
  var isInstant: Bool { self != .number }

  /// As stated in the import summary.
  var description: String {
    switch self {
    case .number: return "a number"
    case .epochSeconds: return "epoch seconds"
    case .epochMilliseconds: return "epoch milliseconds"
    case .iso8601(true): return "ISO 8601 with zone"
    case .iso8601(false): return "ISO 8601 without zone (read as UTC)"
    }
  }

  /// The kind of `text`: `allowEpoch` lets large numbers be read as epoch times (only when two
  /// columns are subtracted, so that a duration column is never mistaken for one).
  static func detect(_ text: String, allowEpoch: Bool) -> TraceTimeKind? {
    if let number = DecimalNumber.parse(text) {
      guard allowEpoch, number.isFinite else { return .number }
      if abs(number) >= 1e11 { return .epochMilliseconds }
      if abs(number) >= 1e8 { return .epochSeconds }
      return .number
    }
    if let (_, zoned) = TraceTime.parseISO8601(text) { return .iso8601(zoned: zoned) }
    return nil
  }
}

/// Parsing of trace times into seconds.
enum TraceTime {
  /// `text` read as `kind`, in seconds (since the epoch for instants; as written for numbers).
  static func seconds(_ text: String, as kind: TraceTimeKind) -> Double? {
    switch kind {
    case .number, .epochSeconds: return DecimalNumber.parse(text)
    case .epochMilliseconds: return DecimalNumber.parse(text).map { $0 / 1000 }
    case .iso8601: return parseISO8601(text)?.seconds
    }
  }

  /// An ISO 8601 / RFC 3339 date-time: `YYYY-MM-DD`, `T` or a space, `HH:MM[:SS[.fraction]]`, then
  /// optionally `Z` or an offset `±HH[:MM]`. Returns seconds since the epoch (a time without zone is
  /// read as UTC, so differences of two such times are exact unless they straddle a change of
  /// daylight-saving time) and whether a zone was given. `nil` for anything else, or for a calendar
  /// date that does not exist.
  static func parseISO8601(_ text: String) -> (seconds: Double, zoned: Bool)? {
    let bytes = Array(text.utf8)
    var position = 0
    func digits(_ count: Int) -> Int? {
      guard position + count <= bytes.count else { return nil }
      var value = 0
      for byte in bytes[position..<position + count] {
        guard (48...57).contains(byte) else { return nil }
        value = value * 10 + Int(byte - 48)
      }
      position += count
      return value
    }
    func expect(_ character: Character) -> Bool {
      guard position < bytes.count, bytes[position] == character.asciiValue else { return false }
      position += 1
      return true
    }
    guard let year = digits(4), expect("-"), let month = digits(2), expect("-"),
      let day = digits(2), (1...12).contains(month)
    else { return nil }
    let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let monthDays = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    guard (1...monthDays).contains(day) else { return nil }
    guard expect("T") || expect(" ") || expect("t"), let hour = digits(2), expect(":"),
      let minute = digits(2), hour < 24, minute < 60
    else { return nil }
    var second = 0.0
    if expect(":") {
      guard let whole = digits(2), whole < 61 else { return nil }
      second = Double(whole)
      if expect(".") || expect(",") {
        let start = position
        while position < bytes.count, (48...57).contains(bytes[position]) { position += 1 }
        guard position > start,
          let fraction = Double("0." + String(decoding: bytes[start..<position], as: UTF8.self))
        else { return nil }
        second += fraction
      }
    }
    var offset = 0
    var zoned = false
    if expect("Z") || expect("z") {
      zoned = true
    } else if position < bytes.count, bytes[position] == 43 || bytes[position] == 45 {
      let sign = bytes[position] == 45 ? -1 : 1
      position += 1
      guard let offsetHours = digits(2), offsetHours < 24 else { return nil }
      _ = expect(":")
      let offsetMinutes = position < bytes.count ? (digits(2) ?? -1) : 0
      guard (0..<60).contains(offsetMinutes) else { return nil }
      offset = sign * (offsetHours * 3600 + offsetMinutes * 60)
      zoned = true
    }
    guard position == bytes.count else { return nil }
    let days = daysFromCivil(year: year, month: month, day: day)
    let seconds = Double(days * 86_400 + hour * 3600 + minute * 60 - offset) + second
    return (seconds, zoned)
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (``CalendarDay/daysFromCivil(year:month:day:)``).
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    CalendarDay.daysFromCivil(year: year, month: month, day: day)
  }
}
