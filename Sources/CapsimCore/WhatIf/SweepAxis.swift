/// One input a sweep varies: a scenario key path and the values it takes, in order.
///
/// Written `PATH=FROM:TO:STEP` (FROM, FROM + STEP, … up to TO inclusive) or `PATH=a,b,c` (a list, which
/// may hold names as well as numbers). Each value is applied as a ``ScenarioOverride``, so it is
/// validated exactly like a value written in the scenario file.
public struct SweepAxis: Sendable, Hashable, Codable {
  /// The most values one axis may take (a guard against a mistyped step).
  public static let maximumValues = 1_000

  /// The key path, as for `--set`.
  public var path: String
  /// The values, as YAML text.
  public var values: [String]

  /// Creates an axis.
  public init(path: String, values: [String]) {
    self.path = path
    self.values = values
  }

  /// Parses the `--vary` flags' texts in order, labelled `--vary 1`, `--vary 2`, … in errors.
  /// - Throws: ``ScenarioError`` naming the flag.
  public static func parsing(varyFlags texts: [String]) throws(ScenarioError) -> [SweepAxis] {
    var axes: [SweepAxis] = []
    for (index, text) in texts.enumerated() {
      axes.append(try SweepAxis(parsing: text, label: "--vary \(index + 1)"))
    }
    return axes
  }

  /// Parses `PATH=FROM:TO:STEP` or `PATH=a,b,c`; `label` (for example `--vary 1`) names it in errors.
  ///
  /// `seed`, `trials` and `name` cannot be varied (``fixedKeys`` says why). A range needs decimal
  /// numbers as a scenario file takes them (``DecimalText``: no hexadecimal, `inf` or `nan`, `_`
  /// separators and a leading `+` dropped, none so small it would read as 0) with FROM ≤ TO and STEP > 0, and at most ``maximumValues`` values; its values are FROM + k·STEP worked out in decimal, exactly as written, whether with decimals or
  /// an exponent: `0.1:0.3:0.1` gives 0.1, 0.2, 0.3 and `1e-5:3e-5:1e-5` (or `0.00001:3e-5:1e-5`) gives
  /// 1e-5, 2e-5, 3e-5. Values print as plain decimals from 10^-4 to 10^15 and with an exponent outside.
  /// - Throws: ``ScenarioError`` naming `label`.
  public init(parsing text: String, label: String) throws(ScenarioError) {
    let assignment = try ScenarioOverride(parsing: text, number: 0, label: label)
    let problem = Self.problem(label)
    try Self.checkVariable(assignment.path, label: label)
    let body = assignment.value.trimmingSpaces
    // As in a scenario file: `_` digit separators and a leading `+` are dropped.
    let parts = body.split(separator: ":", omittingEmptySubsequences: false).map {
      var part = String(String($0).trimmingSpaces.filter { $0 != "_" })
      if part.hasPrefix("+") { part.removeFirst() }
      return part
    }
    if parts.count == 3 {
      guard parts.allSatisfy(DecimalText.isDecimal), let from = Double(parts[0]),
        let to = Double(parts[1]), let step = Double(parts[2]), from.isFinite, to.isFinite,
        step.isFinite
      else {
        throw problem(
          "'\(body)' is not FROM:TO:STEP with three decimal numbers",
          "e.g. 'workload.jobs_per_month=60:120:10' (hexadecimal, inf and nan are not numbers here)"
        )
      }
      if let tiny = parts.first(where: DecimalText.underflows) {
        throw problem(
          "the range \(body) has the bound \(tiny), too small to hold: it would be read as 0",
          DecimalText.underflowHelp)
      }
      guard step > 0, from <= to else {
        throw problem(
          "the range \(body) is empty or its step is not positive",
          "write FROM ≤ TO and a step > 0, e.g. 60:120:10")
      }
      if let exact = Self.decimalRange(parts[0], parts[1], parts[2]) {
        guard exact.count <= Int64(Self.maximumValues) else {
          throw problem(
            "the range \(body) has \(exact.count) values; at most \(Self.maximumValues) are allowed",
            "use a larger step")
        }
        values = (0..<exact.count).map { k in
          WrittenDecimal(mantissa: exact.from + k * exact.step, exponent: exact.exponent).text
        }
      } else {
        let count = ((to - from) / step * (1 + 1e-12)).rounded(.down) + 1
        guard count <= Double(Self.maximumValues) else {
          throw problem(
            "the range \(body) has \(NumericLimit.format(count)) values; at most \(Self.maximumValues) are "
              + "allowed",
            "use a larger step")
        }
        values = (0..<Int(count)).map { k in Self.format(from + Double(k) * step) }
      }
    } else {
      values = try Self.listed(
        body.split(separator: ",", omittingEmptySubsequences: false).map(String.init),
        label: label, written: body)
    }
    path = assignment.path
  }

  /// An axis taking each of `values` in turn, as a scenario file's `values: [a, b, c]` lists them: each value
  /// is kept whole, commas and colons included (a name may hold them). `label` names the axis in errors.
  ///
  /// The path is checked as in ``init(parsing:label:)``; there must be at least one value, none empty, and at
  /// most ``maximumValues``.
  /// - Throws: ``ScenarioError`` naming `label`.
  public init(path: String, listing values: [String], label: String) throws(ScenarioError) {
    let assignment = try ScenarioOverride(
      parsing: "\(path)=\(values.first ?? "")", number: 0, label: label)
    try Self.checkVariable(assignment.path, label: label)
    guard !values.isEmpty else {
      throw Self.problem(label)(
        "the list of values is empty", "list at least one value, e.g. [60, 80]")
    }
    self.values = try Self.listed(
      values, label: label, written: values.joined(separator: ", "))
    self.path = assignment.path
  }

  /// Throws when two of `axes` vary the same input: every point would take the later one's value, so
  /// the earlier axis would be silently overridden. An option may be written by name or by position
  /// (`options.metal.nodes` and `options[1].nodes` are the same input when option 1 is `metal`).
  /// The axes are the `--vary` flags in order (`--vary 1`, `--vary 2`); the error names both.
  /// - Throws: ``ScenarioError`` located at `--vary`.
  public static func checkDistinct(_ axes: [SweepAxis], optionNames: [String])
    throws(ScenarioError)
  {
    if let (first, second) = firstRepeat(axes, optionNames: optionNames) {
      let (a, b) = (axes[first], axes[second])
      let labels = axes.indices.map { "--vary \($0 + 1)" }
      let same =
        a.path == b.path ? "'\(a.path)'" : "the same input ('\(a.path)' and '\(b.path)')"
      throw ScenarioError([
        .invalidValue(
          SourceLocation(file: "--vary"),
          message:
            "\(labels[first]) and \(labels[second]) both vary \(same); every point would take "
            + "\(labels[second])'s value, so \(labels[first]) would be ignored",
          help:
            "vary two different inputs; to sweep more values of one input, give them all in one "
            + "--vary, e.g. '\(a.path)=a,b,c,d' or FROM:TO:STEP")
      ])
    }
  }

  /// The positions of the first two axes that vary the same input, if any (see ``checkDistinct``).
  public static func firstRepeat(_ axes: [SweepAxis], optionNames: [String]) -> (Int, Int)? {
    let paths = axes.map { canonicalPath($0.path, optionNames: optionNames) }
    for second in paths.indices {
      if let first = paths[..<second].firstIndex(of: paths[second]) { return (first, second) }
    }
    return nil
  }

  /// `path` with an option named by its name written by its position: `options.metal.nodes` is
  /// `options[1].nodes` when `optionNames[1]` is `metal`; other paths as they are.
  static func canonicalPath(_ path: String, optionNames: [String]) -> String {
    guard path.hasPrefix("options.") else { return path }
    let rest = path.dropFirst("options.".count)
    let name = rest.prefix { $0 != "." }
    guard let index = optionNames.firstIndex(of: String(name)) else { return path }
    return "options[\(index)]" + rest.dropFirst(name.count)
  }

  /// An error about the axis `label`.
  private static func problem(_ label: String) -> (String, String) -> ScenarioError {
    { message, help in
      ScenarioError([.invalidValue(SourceLocation(file: label), message: message, help: help)])
    }
  }

  /// Throws when `path` is one of the ``fixedKeys``.
  private static func checkVariable(_ path: String, label: String) throws(ScenarioError) {
    if let reason = fixedKeys[path] {
      throw problem(label)("'\(path)' cannot be varied: \(reason.why)", reason.help)
    }
  }

  /// `values` without surrounding spaces, checked: none empty, at most ``maximumValues``.
  private static func listed(
    _ values: [String], label: String, written: String
  ) throws(ScenarioError) -> [String] {
    let values = values.map(\.trimmingSpaces)
    guard !values.contains(where: \.isEmpty) else {
      throw problem(label)(
        "'\(written)' has an empty value", "list values separated by commas, e.g. 60,80,100")
    }
    guard values.count <= maximumValues else {
      throw problem(label)(
        "the list has \(values.count) values; at most \(maximumValues) are allowed",
        "list fewer values")
    }
    return values
  }

  /// Top-level keys that are the same at every point, with why and what to do instead. A sweep's or
  /// tornado's points share one trial count and one seed (common random numbers): varying either
  /// would make the points differ by sampling noise (and the report's "each N trials with seed S"
  /// untrue), and the name is a title, not an input.
  static let fixedKeys: [String: (why: String, help: String)] = [
    "seed": (
      "every point runs with one seed, so the points share their random numbers and differ only by the model",
      "give the seed for every point with --seed; to see how much the seed matters, run 'capsim run --seed N' once per seed"
    ),
    "trials": (
      "every point runs the same number of trials with one seed (common random numbers)",
      "give the trial count for every point with --trials"
    ),
    "name": (
      "it is the scenario's title, not an input of the model",
      "rename the scenario with --set name=…"
    ),
  ]

  /// The range FROM:TO:STEP in exact decimal arithmetic: the values are (`from` + k·`step`) × 10^`exponent`
  /// for k in 0..<`count`. `nil` when a bound is not a plain decimal number or the common scale does
  /// not fit in 64 bits (the caller then steps in `Double`).
  static func decimalRange(_ fromText: String, _ toText: String, _ stepText: String) -> (
    from: Int64, step: Int64, count: Int64, exponent: Int
  )? {
    guard let from = WrittenDecimal(fromText), let to = WrittenDecimal(toText),
      let step = WrittenDecimal(stepText)
    else { return nil }
    let exponent = Swift.min(from.exponent, to.exponent, step.exponent)
    guard let first = from.mantissa(atExponent: exponent),
      let last = to.mantissa(atExponent: exponent),
      let increment = step.mantissa(atExponent: exponent), increment > 0, first <= last
    else { return nil }
    let (span, overflow) = last.subtractingReportingOverflow(first)
    guard !overflow else { return nil }
    let count = span / increment + 1
    // The last value, first + (count − 1)·step ≤ last, fits because last does.
    return (first, increment, count, exponent)
  }

  /// A whole number without a decimal point (so integer keys accept it), others in Swift's shortest form.
  static func format(_ value: Double) -> String {
    if value == value.rounded(), Swift.abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
  }
}

extension String {
  /// The text without leading and trailing spaces.
  var trimmingSpaces: String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
