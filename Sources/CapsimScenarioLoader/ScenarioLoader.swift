import CapsimCore
import Foundation
import Yams

/// A scenario read from YAML, with the positions of its keys for later diagnostics.
public struct LoadedScenario: Sendable {
  /// The validated scenario.
  public var scenario: Scenario
  /// Where each key path stands in the file.
  public var sourceMap: ScenarioSourceMap
  /// The file's text, stored with each run so it can be reproduced.
  public var text: String
  /// The `--set` overrides applied on top of the file, in order (stored with each run too).
  public var overrides: [ScenarioOverride] = []
  /// The inputs written as distributions, with their correlations and sampling (`uncertainty:`).
  public var uncertainty = UncertaintySettings()
}

/// Reads scenario files (format in `docs/scenarios.md`) and reports every problem at once.
public enum ScenarioLoader {
  /// Top-level keys of format version 1.
  static let topLevelKeys = [
    "version", "name", "description", "horizon_months", "trials", "seed", "workload", "options",
    "costs", "max_price_age_days", "sweep", "precision", "max_trials", "uncertainty",
  ]
  static let workloadKeys = [
    "jobs_per_month", "arrivals", "gpus_per_job", "steps_per_job", "deadline_hours", "growth",
    "monthly_jobs",
  ]

  /// Loads and validates the scenario file at `path`.
  /// - Throws: ``ScenarioError`` listing every problem with file, line, column and key path.
  public static func load(path: String, overrides: [ScenarioOverride] = []) throws(ScenarioError)
    -> LoadedScenario
  {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw ScenarioError([
        .invalidValue(
          SourceLocation(file: path), message: "cannot read the scenario file",
          help: FileManager.default.fileExists(atPath: path)
            ? "check the file's permissions and that it is a file, not a directory"
            : "check the path; example scenarios are in scenarios/")
      ])
    }
    return try parse(yaml: try text(of: data, file: path), file: path, overrides: overrides)
  }

  /// `data` as UTF-8 text without a leading byte-order mark, or the problem at the line and column of
  /// its first byte that is not UTF-8.
  static func text(of data: Data, file: String) throws(ScenarioError) -> String {
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded):
        offset += encoded.count
      case .emptyInput:
        return String(decoding: bytes, as: UTF8.self)
      case .error:
        let utf16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        let byte = String(format: "0x%02X", bytes[offset])
        let (line, column) = position(after: String(decoding: bytes[..<offset], as: UTF8.self))
        throw ScenarioError([
          .invalidValue(
            SourceLocation(file: file, line: line, column: column),
            message: "the scenario file is not UTF-8 text: byte \(byte) here is not valid UTF-8",
            help: utf16
              ? "the file is UTF-16 (it starts with a byte-order mark): save it as UTF-8, e.g. "
                + "'iconv -f UTF-16 -t UTF-8'"
              : "save the file as UTF-8; from Latin-1, e.g. 'iconv -f LATIN1 -t UTF-8'")
        ])
      }
    }
  }

  /// Parses and validates scenario YAML; `file` names it in diagnostics. `overrides` are applied to the
  /// YAML tree before it is read (see ``ScenarioOverride``), so their values are checked like the file's,
  /// and problems in them are reported against the override (`--set 2: …`).
  /// - Throws: ``ScenarioError`` listing every problem with file, line, column and key path.
  public static func parse(yaml text: String, file: String, overrides: [ScenarioOverride] = [])
    throws(ScenarioError) -> LoadedScenario
  {
    let problems = ProblemCollector(file: file)
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw ScenarioError([syntaxProblem(error, file: file)])
    } catch {
      throw ScenarioError([.syntax(SourceLocation(file: file), message: "\(error)")])
    }
    guard let root else {
      throw ScenarioError([
        .invalidValue(
          SourceLocation(file: file, line: 1), message: "the scenario file is empty",
          help: "start from one of the examples in scenarios/")
      ])
    }
    let (overridden, applied) = try apply(overrides, to: root)
    let (document, uncertainty, reported) = extractUncertainty(
      overridden, fixed: Set(overrides.map(\.path)), problems: problems)
    let checked = problems.problems.count
    let scenario = readScenario(document, problems: problems)
    problems.problems =
      Array(problems.problems[..<checked])
      + problems.problems[checked...].filter { !reported.contains($0.location.field ?? "") }
    for entry in applied {
      problems.sourceMap.recordOverride(entry.override, at: entry.keyPath)
    }
    guard problems.problems.isEmpty, let scenario else {
      throw ScenarioError(
        problems.problems.map { problem in
          let location = problems.sourceMap.attributed(problem.location)
          return location == problem.location ? problem : problem.relocated(to: location)
        })
    }
    var loaded = LoadedScenario(
      scenario: scenario, sourceMap: problems.sourceMap, text: text, overrides: overrides)
    loaded.uncertainty = uncertainty
    return loaded
  }

  static func syntaxProblem(_ error: YamlError, file: String) -> ScenarioProblem {
    switch error {
    case .reader(let problem, let offset, let value, let yaml):
      return readerProblem(problem, offset: offset, value: value, in: yaml, file: file)
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let prefix = context.map { "\($0.text); " } ?? ""
      return .syntax(
        SourceLocation(file: file, line: mark.line, column: mark.column), message: prefix + problem)
    case .duplicatedKeysInMapping(let duplicates, let context):
      return .syntax(
        SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
        message: "duplicate keys: " + duplicates.joined(separator: ", "))
    default:
      return .syntax(SourceLocation(file: file), message: "\(error)")
    }
  }

  /// A character the YAML reader refuses (a control character such as a NUL byte), at its line and
  /// column (counted in Unicode scalars, like the parser's). `offset` is Yams' offset in characters; a
  /// control character always begins one.
  static func readerProblem(
    _ problem: String, offset: Int?, value: Int32, in yaml: String, file: String
  ) -> ScenarioProblem {
    var location = SourceLocation(file: file)
    if let offset,
      let index = yaml.index(yaml.startIndex, offsetBy: offset, limitedBy: yaml.endIndex)
    {
      let (line, column) = position(after: yaml[..<index])
      (location.line, location.column) = (line, column)
    }
    guard problem == "control characters are not allowed", value >= 0 else {
      return .invalidValue(
        location, message: "the scenario file cannot be read as YAML text: \(problem)",
        help: "save the file as UTF-8 text")
    }
    let code = ControlCharacters.code(UInt32(value))
    return .invalidValue(
      location,
      message: value == 0
        ? "a NUL byte (U+0000) is not allowed in a scenario file"
        : "the control character \(code) is not allowed in a scenario file",
      help: value == 0
        ? "remove it: YAML text holds no NUL bytes (a file full of them is binary, or UTF-16 text)"
        : "remove it: YAML text may hold tabs and line breaks but no other control characters")
  }

  /// The 1-based line and column just after `prefix`, counted as the YAML parser counts them: a line
  /// break is LF, CR LF or a lone CR, and each Unicode scalar is one column.
  static func position(after prefix: some StringProtocol) -> (line: Int, column: Int) {
    var (line, column, previous) = (1, 1, Unicode.Scalar(0))
    for scalar in prefix.unicodeScalars {
      if scalar == "\n" && previous == "\r" {
        // The LF of a CR LF: the CR began the line.
      } else if scalar == "\n" || scalar == "\r" {
        (line, column) = (line + 1, 1)
      } else {
        column += 1
      }
      previous = scalar
    }
    return (line, column)
  }

  // MARK: - Sections

  static func readScenario(_ root: Node, problems: ProblemCollector) -> Scenario? {
    guard let top = YAMLMappingReader(root, path: "", problems: problems) else { return nil }
    top.rejectUnknownKeys(allowed: topLevelKeys)
    let version = top.integer("version") ?? Scenario.currentVersion
    if version > Scenario.currentVersion {
      problems.add(
        .unsupportedVersion(
          top.location("version"), found: version, highestSupported: Scenario.currentVersion))
      return nil
    }
    let name = top.string(
      "name", required: true, help: "give the scenario a short name, e.g. 'name: prod-training'")
    let summary = top.string("description") ?? ""
    let horizon = top.integer(
      "horizon_months", required: true,
      help: "add 'horizon_months: 12' (months to simulate)")
    let trials = top.integer("trials") ?? 2_000
    let seed = top.unsignedInteger("seed") ?? 1
    var workload: Workload?
    if let node = top.value("workload") {
      workload = readWorkload(node, problems: problems)
    } else {
      top.reportMissing(
        "workload", help: "describe the jobs: jobs_per_month, gpus_per_job, steps_per_job")
    }
    var options: [ScenarioOption] = []
    if let node = top.value("options") {
      options = readOptions(node, problems: problems)
    } else {
      top.reportMissing("options", help: "list at least one option with name, samples and price")
    }
    let costs = top.mapping("costs").map(readCosts) ?? HiddenCostSettings()
    let maxPriceAge = top.integer("max_price_age_days")
    let sweep =
      top.value("sweep").map {
        readSweep($0, optionNames: options.map(\.name), problems: problems)
      } ?? []
    let precision = top.share("precision")
    let maximumTrials = top.integer("max_trials")
    guard let name, let horizon, let workload, !options.isEmpty else { return nil }
    checkPeakVolume(workload, horizonMonths: horizon, problems: problems)
    var scenario = Scenario(
      version: version, name: name, summary: summary, horizonMonths: horizon, trials: trials,
      seed: seed,
      workload: workload, options: options, costs: costs)
    scenario.maxPriceAgeDays = maxPriceAge
    scenario.sweep = sweep
    if let precision {
      scenario.precision = PrecisionTarget(relativeHalfWidth: precision)
      if let maximumTrials { scenario.precision?.maximumTrials = maximumTrials }
    }
    return scenario
  }

  static func readWorkload(_ node: Node, problems: ProblemCollector) -> Workload? {
    guard let reader = YAMLMappingReader(node, path: "workload", problems: problems) else {
      return nil
    }
    reader.rejectUnknownKeys(allowed: workloadKeys)
    let explicitMonths = reader.value("monthly_jobs") != nil
    if explicitMonths && reader.value("jobs_per_month") != nil {
      reader.problems.add(
        .invalidValue(
          reader.location("jobs_per_month"),
          message: "give either 'jobs_per_month' or 'monthly_jobs', not both",
          help: "monthly_jobs sets every month's mean; remove jobs_per_month"))
    }
    var jobs = reader.double(
      "jobs_per_month", required: !explicitMonths, help: "add 'jobs_per_month: 40'")
    var arrivals = Workload.Arrivals.poisson
    if let text = reader.string("arrivals") {
      if let parsed = Workload.Arrivals(rawValue: text) {
        arrivals = parsed
      } else {
        let allowed = Workload.Arrivals.allCases.map(\.rawValue)
        problems.add(
          .invalidValue(
            reader.location("arrivals"), message: "'arrivals' is '\(text)'",
            help: "use one of: " + allowed.joined(separator: ", ")))
      }
    }
    let gpus = reader.integer("gpus_per_job") ?? 1
    let steps = reader.double("steps_per_job") ?? 1
    let deadline = reader.double("deadline_hours")
    let growth = readGrowth(reader)
    if jobs == nil, case .explicit(let months) = growth { jobs = months.first }
    guard let jobs else { return nil }
    var workload = Workload(
      jobsPerMonth: jobs, arrivals: arrivals, gpusPerJob: gpus, stepsPerJob: steps,
      deadlineHours: deadline)
    workload.growth = growth
    return workload
  }

  /// Growth must not carry the monthly mean past the limit on `jobs_per_month` within the horizon.
  static func checkPeakVolume(_ workload: Workload, horizonMonths: Int, problems: ProblemCollector)
  {
    switch workload.growth {
    case .linear, .compound: reportPeak(workload, horizonMonths: horizonMonths, problems: problems)
    case .constant, .explicit: return
    }
  }

  private static func reportPeak(
    _ workload: Workload, horizonMonths: Int, problems: ProblemCollector
  ) {
    guard let limit = ScenarioLimits.table["workload.jobs_per_month"] else { return }
    let peak = (0..<horizonMonths).map(workload.meanJobs(inMonth:)).max() ?? 0
    guard !(peak <= limit.upper) else { return }
    problems.add(
      .invalidValue(
        problems.sourceMap.location(of: "workload.growth.rate_per_month"),
        message:
          "growth takes the mean to \(peak.isFinite ? String(format: "%.3g", peak) : "∞") jobs in a month "
          + "within the \(horizonMonths)-month horizon; it must stay ≤ \(NumericLimit.format(limit.upper))",
        help: "lower 'rate_per_month' or shorten 'horizon_months'"))
  }

  static let growthKeys = ["model", "rate_per_month"]

  /// `growth: {model: linear|compound|constant, rate_per_month: r}` or `monthly_jobs: [n₁, n₂, …]`.
  static func readGrowth(_ reader: YAMLMappingReader) -> Workload.Growth {
    if reader.value("growth") != nil && reader.value("monthly_jobs") != nil {
      reader.problems.add(
        .invalidValue(
          reader.location("monthly_jobs"),
          message: "give either 'growth' or 'monthly_jobs', not both",
          help: "monthly_jobs lists every month's mean; growth derives them from jobs_per_month"))
      return .constant
    }
    if let node = reader.value("monthly_jobs") {
      guard case .sequence(let sequence) = node, !sequence.isEmpty else {
        reader.problems.add(
          .wrongType(
            reader.location("monthly_jobs"), expected: "a non-empty list of monthly job counts",
            found: YAMLMappingReader.describe(node) == "a list"
              ? "an empty list" : YAMLMappingReader.describe(node)))
        return .constant
      }
      var values: [Double] = []
      let limit = ScenarioLimits.table["workload.monthly_jobs"]
      for (index, item) in sequence.enumerated() {
        let location = reader.problems.location(item, "workload.monthly_jobs[\(index)]")
        let text = item.scalar.map { YAMLMappingReader.numberText($0.string) } ?? ""
        guard YAMLMappingReader.isDecimal(text), let value = Double(text), let limit,
          limit.contains(value)
        else {
          reader.problems.add(
            .invalidValue(
              location,
              message:
                "monthly_jobs[\(index)] is \(YAMLMappingReader.describe(item)); it must be a number "
                + (limit?.rule ?? ""),
              help: limit?.reason))
          continue
        }
        guard !DecimalText.underflows(text) else {
          reader.problems.add(
            .invalidValue(
              location,
              message:
                "monthly_jobs[\(index)] is \(text), too small to hold: it would be read as 0",
              help: DecimalText.underflowHelp))
          continue
        }
        values.append(value)
      }
      return .explicit(values)
    }
    guard let growth = reader.mapping("growth") else { return .constant }
    growth.rejectUnknownKeys(allowed: growthKeys)
    let model = growth.string("model", required: true, help: "one of: constant, linear, compound")
    let rate = growth.double("rate_per_month") ?? 0
    switch model {
    case "constant", nil: return .constant
    case "linear": return .linear(ratePerMonth: rate)
    case "compound": return .compound(ratePerMonth: rate)
    case let other?:
      growth.problems.add(
        .invalidValue(
          growth.location("model"), message: "'model' is '\(other)'",
          help: NameSuggestions.help(
            for: other, kind: "growth model", known: ["constant", "linear", "compound"])))
      return .constant
    }
  }
}
