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
  /// No metric of that key.
  case unknownMetric(String, known: [String])

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
      return Diagnostic(
        location: SourceLocation(file: "--option"), message: "no option named '\(name)'",
        help: NameSuggestions.help(for: name, kind: "option", known: known))
    case .unknownMetric(let key, let known):
      return Diagnostic(
        location: SourceLocation(file: "--metric"), message: "no metric '\(key)'",
        help: NameSuggestions.help(for: key, kind: "metric", known: known))
    }
  }
}
