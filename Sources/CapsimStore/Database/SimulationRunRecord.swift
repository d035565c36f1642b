import Foundation

/// A simulation run to save: the scenario, how it was run, the full result JSON and the headline
/// metrics of each option (stored one row per metric so they can be queried).
public struct NewSimulationRun: Sendable, Hashable {
  /// The scenario's name.
  public var scenarioName: String
  /// The scenario file's text, verbatim, so the run can be reproduced.
  public var scenarioText: String
  /// The seed (all 64 bits are kept; stored as the signed integer with the same bits).
  public var seed: UInt64
  /// Number of Monte Carlo trials.
  public var trials: Int
  /// The capsim version that produced it.
  public var capsimVersion: String
  /// The complete result as JSON (whatever the reports layer serialises).
  public var resultJSON: String
  /// Per option, its metrics.
  public var options: [(option: String, metrics: [MetricEstimate])]
  /// When it ran, ISO 8601 UTC; `nil` means now.
  public var createdAt: String?
  /// The `--set` overrides applied to the scenario text, in order.
  public var overrides: [ScenarioOverride] = []
  /// The command that made it (`run`, `recommend`).
  public var command: String = "run"

  /// Creates a run to save.
  public init(
    scenarioName: String, scenarioText: String, seed: UInt64, trials: Int, capsimVersion: String,
    resultJSON: String,
    options: [(option: String, metrics: [MetricEstimate])], createdAt: String? = nil,
    overrides: [ScenarioOverride] = [], command: String = "run"
  ) {
    self.overrides = overrides
    self.command = command
    self.scenarioName = scenarioName
    self.scenarioText = scenarioText
    self.seed = seed
    self.trials = trials
    self.capsimVersion = capsimVersion
    self.resultJSON = resultJSON
    self.options = options
    self.createdAt = createdAt
  }

  /// Equal when every field is equal (tuples are compared element by element).
  public static func == (lhs: NewSimulationRun, rhs: NewSimulationRun) -> Bool {
    lhs.scenarioName == rhs.scenarioName && lhs.scenarioText == rhs.scenarioText
      && lhs.seed == rhs.seed
      && lhs.trials == rhs.trials && lhs.capsimVersion == rhs.capsimVersion
      && lhs.resultJSON == rhs.resultJSON
      && lhs.createdAt == rhs.createdAt && lhs.overrides == rhs.overrides
      && lhs.command == rhs.command && lhs.options.count == rhs.options.count
      && zip(lhs.options, rhs.options).allSatisfy {
        $0.option == $1.option && $0.metrics == $1.metrics
      }
  }

  /// Hashes every field.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(scenarioName)
    hasher.combine(scenarioText)
    hasher.combine(seed)
    hasher.combine(trials)
    hasher.combine(resultJSON)
    hasher.combine(overrides)
    hasher.combine(command)
    for option in options {
      hasher.combine(option.option)
      hasher.combine(option.metrics)
    }
  }
}

/// One saved run as listed by ``CapsimDatabase/runs()`` (without the scenario text and JSON).
public struct SimulationRunSummary: Sendable, Hashable, Codable {
  /// The run's id.
  public var id: Int64
  /// When it ran, ISO 8601 UTC.
  public var createdAt: String
  /// The scenario's name.
  public var scenarioName: String
  /// The seed.
  public var seed: UInt64
  /// Number of trials.
  public var trials: Int
  /// The capsim version that produced it.
  public var capsimVersion: String
  /// The command that made it (`run`, `recommend`).
  public var command: String = "run"
}

/// A saved run in full, as returned by ``CapsimDatabase/run(id:)``.
public struct SimulationRun: Sendable, Hashable {
  /// Id, date, scenario name, seed, trials and version.
  public var summary: SimulationRunSummary
  /// The scenario file's text.
  public var scenarioText: String
  /// The complete result JSON.
  public var resultJSON: String
  /// The `--set` overrides applied to ``scenarioText``, in order.
  public var overrides: [ScenarioOverride] = []
  /// Per option (in the order saved), its metrics (in the order saved).
  public var options: [OptionMetrics]

  /// The metrics of one option.
  public struct OptionMetrics: Sendable, Hashable {
    /// The option's name.
    public var option: String
    /// Its metrics.
    public var metrics: [MetricEstimate]
  }
}

extension SimulationRun {
  /// The committed nodes each option was simulated with, as its result JSON records them (`options` of a
  /// run, `leading` and `alternative` of a recommendation), in that order; options without nodes are left
  /// out. A sized option (`nodes: auto`) has its chosen count here, which its scenario text does not hold.
  public var simulatedNodes: [(option: String, nodes: Int)] {
    guard
      let document = try? JSONSerialization.jsonObject(with: Data(resultJSON.utf8))
        as? [String: Any]
    else { return [] }
    var entries = (document["options"] as? [[String: Any]]) ?? []
    for key in ["leading", "alternative"] {
      if let option = document[key] as? [String: Any] { entries.append(option) }
    }
    var seen: Set<String> = []
    return entries.compactMap { entry in
      guard let name = entry["name"] as? String, let nodes = entry["nodes"] as? Int,
        seen.insert(name).inserted
      else { return nil }
      return (name, nodes)
    }
  }
}
