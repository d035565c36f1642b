/// The inputs of a tornado, sorted by how far each moves the decision metric.
public struct TornadoResult: Sendable, Hashable, Codable {
  /// One end of an input's range.
  public struct End: Sendable, Hashable, Codable {
    /// The input's value there.
    public var value: String
    /// The decision metric there, with its standard error.
    public var metric: Estimate
    /// The cheapest option there.
    public var cheapest: String

    /// Creates an end.
    public init(value: String, metric: Estimate, cheapest: String) {
      self.value = value
      self.metric = metric
      self.cheapest = cheapest
    }
  }

  /// One input's bar.
  public struct Bar: Sendable, Hashable, Codable {
    /// The input's key path.
    public var path: String
    /// The metric with the input at its low value.
    public var low: End
    /// The metric with the input at its high value.
    public var high: End
    /// |high − low| of the metric.
    public var swing: Double { Swift.abs(high.metric.value - low.metric.value) }

    /// Creates a bar.
    public init(path: String, low: End, high: End) {
      self.path = path
      self.low = low
      self.high = high
    }
  }

  /// Scenario name.
  public var scenario: String
  /// Trials behind every run.
  public var trials: Int
  /// Seed of every run.
  public var seed: UInt64
  /// Currency.
  public var currency: String
  /// What was measured.
  public var metric: String
  /// The metric at the base (every input at its scenario value).
  public var base: Estimate
  /// The cheapest option at the base.
  public var baseCheapest: String
  /// The `--set` overrides of every run.
  public var overrides: [ScenarioOverride]
  /// The inputs, largest swing first.
  public var bars: [Bar]
  /// For uncertain inputs: rank correlation with the metric and share of its variance (one run with
  /// every input drawn per trial); empty without uncertain inputs.
  public var importance: [InputImportance] = []

  /// Creates a result.
  public init(
    scenario: String, trials: Int, seed: UInt64, currency: String, metric: String, base: Estimate,
    baseCheapest: String, overrides: [ScenarioOverride], bars: [Bar]
  ) {
    self.scenario = scenario
    self.trials = trials
    self.seed = seed
    self.currency = currency
    self.metric = metric
    self.base = base
    self.baseCheapest = baseCheapest
    self.overrides = overrides
    self.bars = bars
  }
}

/// Why a tornado cannot run.
public enum TornadoError: Error, Sendable, Hashable, DiagnosticConvertible {
  /// No input given.
  case noInputs
  /// An input is not a low and a high value.
  case notTwoValues(input: Int, path: String, count: Int)
  /// The saving needs two options.
  case needsTwoOptions
  /// No option of that name.
  case unknownOption(String, known: [String])
  /// `option` (named with `--option`, or else the cheapest at base) has no metric `key`; `known` are
  /// its metric keys, `otherOptionsWithIt` the options that have one.
  case unknownMetric(
    String, option: String, optionGiven: Bool, known: [String], otherOptionsWithIt: [String])
  /// The option had the metric at base but not at an input's end (an end changed its kind of price).
  case metricMissingAtAnEnd(String, option: String)
  /// `--option` given with the `saving`, which measures no single option.
  case optionWithoutMetric(String)

  /// The problem with a fix-it hint.
  public var diagnostic: Diagnostic {
    switch self {
    case .noInputs:
      return Diagnostic(
        location: SourceLocation(file: "--vary"), message: "no input to move",
        help: "give --vary PATH=LOW,HIGH for each input, e.g. --vary workload.jobs_per_month=70,110"
      )
    case .notTwoValues(let input, let path, let count):
      return Diagnostic(
        location: SourceLocation(file: "--vary \(input)"),
        message: "\(path) has \(count) values; a tornado input needs a low and a high value",
        help: "write PATH=LOW,HIGH, e.g. \(path)=70,110")
    case .needsTwoOptions:
      return Diagnostic(
        location: nil, message: "the saving compares two options; the scenario has one",
        help: "add an option, or choose --metric total_cost")
    case .unknownOption(let name, let known):
      let close = NameSuggestions.nearest(to: name, in: known)
      return Diagnostic(
        location: SourceLocation(file: "--option"),
        message: "the scenario has no option named '\(name)'",
        help: close.isEmpty
          ? "the scenario's options: " + Self.listed(known)
          : "did you mean " + close.map { "'\($0)'" }.joined(separator: " or ") + "?")
    case .unknownMetric(let key, let option, let optionGiven, let known, let others):
      let whose = optionGiven ? "option '\(option)'" : "option '\(option)' (the cheapest at base)"
      if !others.isEmpty {
        return Diagnostic(
          location: SourceLocation(file: "--metric"),
          message: "\(whose) has no metric '\(key)'",
          help: "'\(key)' is a metric of " + others.map { "'\($0)'" }.joined(separator: ", ")
            + ": choose the option with --option, e.g. --option \(others[0])")
      }
      let close = NameSuggestions.nearest(to: key, in: known)
      return Diagnostic(
        location: SourceLocation(file: "--metric"),
        message: "no option has a metric '\(key)'",
        help: close.isEmpty
          ? "use 'saving' (the default) or a metric key of the scenario's options: "
            + known.sorted().joined(separator: ", ")
          : "did you mean " + close.map { "'\($0)'" }.joined(separator: " or ") + "?")
    case .metricMissingAtAnEnd(let key, let option):
      return Diagnostic(
        location: SourceLocation(file: "--metric"),
        message:
          "option '\(option)' has a metric '\(key)' at base but not at an input's end (the end "
          + "changes what kind of option it is)",
        help: "measure a metric every end has, e.g. --metric total_cost")
    case .optionWithoutMetric(let option):
      return Diagnostic(
        location: SourceLocation(file: "--option"),
        message:
          "--option applies to a metric of one option, but the metric is 'saving' (the default), "
          + "which compares the recommended option with the runner-up",
        help:
          "remove --option, or name the metric to measure, e.g. --metric total_cost --option \(option)"
      )
    }
  }

  /// `names` joined with commas: the first 20, then how many more.
  static func listed(_ names: [String]) -> String {
    let shown = names.prefix(20).joined(separator: ", ")
    return names.count > 20 ? shown + " and \(names.count - 20) more" : shown
  }
}
