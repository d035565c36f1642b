/// A sample set parsed from a file and validated, waiting to be written.
struct PendingSampleSet {
  var name: String
  var platform: String
  var metric: String
  /// The unit the file used, as written (stored for provenance).
  var unit: String
  /// Where the set's first row is, for diagnostics about the whole set.
  var location: SourceLocation
  var seconds: [Double] = []
  /// Per-value GPU counts; empty when the file has none (otherwise one per value, `nil` for blanks).
  var gpuCounts: [Int64?] = []
  var recordedAt: [String?] = []
  var runIDs: [String?] = []
  /// Rows left out while parsing, by reason (filters), for the import summary.
  var skipped: [(reason: String, count: Int)] = []
  /// How values were derived (timestamp formats, grouping), for the import summary.
  var notes: [String] = []

  /// FNV-1a over platform, metric and every value with its optional fields, in order.
  var contentHash: String {
    var hash = ContentHash()
    hash.combine(platform)
    hash.combine(metric)
    hash.combine(UInt64(seconds.count))
    for value in seconds { hash.combine(value) }
    for count in gpuCounts { hash.combine(count.map { UInt64(bitPattern: $0) } ?? .max) }
    for text in recordedAt { hash.combine(text ?? "\u{0}") }
    for text in runIDs { hash.combine(text ?? "\u{0}") }
    return hash.hex
  }
}

/// Collects the rows of one file into sample sets keyed by name, in order of first appearance, and
/// checks that each set's rows agree on platform and metric.
struct SampleSetCollector {
  private(set) var sets: [PendingSampleSet] = []
  private var indexByName: [String: Int] = [:]

  /// The index of the set called `name`, created from the other arguments if new; checks agreement.
  mutating func index(
    name: String, platform: String, metric: String, unit: String, location: SourceLocation,
    fieldLocation: (String) -> SourceLocation
  ) throws(ImportError) -> Int {
    if let index = indexByName[name] {
      let set = sets[index]
      for (field, value, expected) in [
        ("platform", platform, set.platform), ("metric", metric, set.metric),
      ]
      where value != expected {
        throw ImportError.invalidValue(
          fieldLocation(field), value: value,
          reason:
            "sample set '\(name)' has \(field) '\(expected)' on line \(set.location.line ?? 0)",
          help: "all rows of one sample set must have the same platform and metric")
      }
      // Units may differ between rows (each value is converted); the set then records "mixed".
      if unit != set.unit { sets[index].unit = "mixed" }
      return index
    }
    try Self.validateMetric(metric, at: fieldLocation("metric"))
    try PrintableText.check(name, at: fieldLocation("sample_set"))
    try PrintableText.check(platform, at: fieldLocation("platform"))
    sets.append(
      PendingSampleSet(
        name: name, platform: platform, metric: metric, unit: unit, location: location))
    indexByName[name] = sets.count - 1
    return sets.count - 1
  }

  /// Appends one value (already in seconds and validated) with its optional fields.
  mutating func append(
    _ seconds: Double, to index: Int, gpuCount: Int64?? = nil, recordedAt: String?? = nil,
    runID: String?? = nil
  ) {
    sets[index].seconds.append(seconds)
    if let gpuCount { sets[index].gpuCounts.append(gpuCount) }
    if let recordedAt { sets[index].recordedAt.append(recordedAt) }
    if let runID { sets[index].runIDs.append(runID) }
  }

  /// Metric names are `[a-z_]+`.
  static func validateMetric(_ metric: String, at location: SourceLocation) throws(ImportError) {
    let valid = !metric.isEmpty && metric.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || $0 == 95 }
    if !valid {
      throw ImportError.invalidValue(
        location, value: metric, reason: "a metric name is lower-case letters and underscores",
        help: "use step_time, job_time, queue_wait or another snake_case name")
    }
  }
}

/// Checks a converted value: finite, ≥ 0, at most ten years, and 0 or at least 1 ns
/// (``DurationLimits``). `text` is the value as written: a positive number that became 0 s when
/// converted from its unit (1e-320 ns) is rejected rather than stored as 0.
func validateSeconds(_ seconds: Double, text: String, at location: SourceLocation)
  throws(ImportError)
{
  if seconds.isNaN {
    throw ImportError.invalidValue(
      location, value: text, reason: "a duration must be a number",
      help: "remove the row or correct the value")
  }
  if seconds.isInfinite {
    throw ImportError.invalidValue(
      location, value: text, reason: "a duration must be finite",
      help: "remove the row or correct the value")
  }
  if seconds < 0 {
    throw ImportError.invalidValue(
      location, value: text, reason: "durations must be ≥ 0",
      help: "remove the row or correct the value")
  }
  let written = DecimalNumber.parse(text) ?? seconds
  let converted = written == seconds ? "" : "that is \(seconds) s; "
  if seconds > DurationLimits.tenYearsOfSeconds {
    throw ImportError.invalidValue(
      location, value: text,
      reason: converted + "a duration must be at most "
        + "\(NumericLimit.format(DurationLimits.tenYearsOfSeconds)) s (ten years)",
      help: "check the unit (s, ms, us, ns, min, h); no job, step or wait lasts longer")
  }
  if seconds < DurationLimits.shortestSeconds, seconds > 0 || written != 0 {
    throw ImportError.invalidValue(
      location, value: text,
      reason: converted + "a duration above 0 must be at least 1 ns",
      help: "check the unit (s, ms, us, ns, min, h), or write 0 for no time at all")
  }
}

/// Parses a numeric cell as a duration in seconds: number × `scale`, validated.
func parseSeconds(_ number: Double?, text: String, scale: Double, at location: SourceLocation)
  throws(ImportError)
  -> Double
{
  guard let number else {
    throw ImportError.invalidValue(
      location, value: text, reason: "a duration must be a number",
      help: "remove the row or correct the value")
  }
  try validateSeconds(number * scale, text: text, at: location)
  return number * scale
}
