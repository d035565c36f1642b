import Foundation
import GRDB

extension CapsimDatabase {
  /// Saves a simulation run and its per-option metrics in one transaction and returns its id.
  ///
  /// - Throws: ``StoreError/invalidRun(reason:)`` when a metric value is NaN or ±∞ (SQLite cannot
  ///   store them faithfully), ``StoreError/database(path:reason:)`` for database faults.
  @discardableResult
  public func saveRun(_ run: NewSimulationRun) throws(StoreError) -> Int64 {
    for (option, metrics) in run.options {
      for metric in metrics {
        let numbers = [
          metric.estimate.value, metric.estimate.standardError, metric.estimate.lower,
          metric.estimate.upper,
        ]
        if numbers.contains(where: { $0.map { !$0.isFinite } ?? false }) {
          throw StoreError.invalidRun(
            reason: "metric '\(metric.key)' of option '\(option)' is not finite")
        }
      }
    }
    guard run.trials >= 0 else { throw StoreError.invalidRun(reason: "trials must be ≥ 0") }
    let createdAt = run.createdAt ?? ISO8601DateFormatter().string(from: Date())
    let seed = Int64(bitPattern: run.seed)
    let overridesJSON = Self.overridesJSON(run.overrides)
    do {
      return try write { db in
        try db.execute(
          literal: """
            INSERT INTO simulation_run (created_at, scenario_name, scenario_text, seed, trials, capsim_version,
              result_json, overrides_json, command)
            VALUES (\(createdAt), \(run.scenarioName), \(run.scenarioText), \(seed), \(run.trials), \(run.capsimVersion),
              \(run.resultJSON), \(overridesJSON), \(run.command))
            """)
        let id = db.lastInsertedRowID
        for (option, metrics) in run.options {
          for metric in metrics {
            let estimate = metric.estimate
            try db.execute(
              literal: """
                INSERT INTO simulation_result (run_id, option_name, metric_key, label, unit, value, standard_error,
                  ci_lower, ci_upper)
                VALUES (\(id), \(option), \(metric.key), \(metric.label), \(metric.unit), \(estimate.value),
                  \(estimate.standardError), \(estimate.lower), \(estimate.upper))
                """)
          }
        }
        return id
      }
    } catch {
      throw storeError(error)
    }
  }

  /// Saves a simulation run (see ``saveRun(_:)``); a convenience taking the fields directly.
  @discardableResult
  public func saveRun(
    scenarioName: String, scenarioText: String, seed: UInt64, trials: Int, capsimVersion: String,
    resultJSON: String,
    options: [(option: String, metrics: [MetricEstimate])], overrides: [ScenarioOverride] = [],
    command: String = "run"
  ) throws(StoreError) -> Int64 {
    try saveRun(
      NewSimulationRun(
        scenarioName: scenarioName, scenarioText: scenarioText, seed: seed, trials: trials,
        capsimVersion: capsimVersion, resultJSON: resultJSON, options: options,
        overrides: overrides, command: command))
  }

  /// All saved runs, newest first.
  public func runs() throws(StoreError) -> [SimulationRunSummary] {
    try read { db in
      try Row.fetchAll(db, SQLRequest<Row>("SELECT * FROM simulation_run ORDER BY id DESC")).map(
        Self.runSummary(from:))
    }
  }

  /// The saved run with this id, with its metrics in the order they were saved.
  ///
  /// - Throws: ``StoreError/unknownRun(id:)``.
  public func run(id: Int64) throws(StoreError) -> SimulationRun {
    try read { db in
      guard
        let row = try Row.fetchOne(
          db, SQLRequest<Row>("SELECT * FROM simulation_run WHERE id = \(id)"))
      else {
        throw StoreError.unknownRun(id: id)
      }
      var options: [SimulationRun.OptionMetrics] = []
      let results = try Row.fetchAll(
        db, SQLRequest<Row>("SELECT * FROM simulation_result WHERE run_id = \(id) ORDER BY rowid"))
      for result in results {
        let option: String = result["option_name"]
        let metric = MetricEstimate(
          key: result["metric_key"], label: result["label"], unit: result["unit"],
          estimate: Estimate(
            value: result["value"], standardError: result["standard_error"],
            lower: result["ci_lower"],
            upper: result["ci_upper"]))
        if options.last?.option == option {
          options[options.count - 1].metrics.append(metric)
        } else {
          options.append(SimulationRun.OptionMetrics(option: option, metrics: [metric]))
        }
      }
      return SimulationRun(
        summary: Self.runSummary(from: row), scenarioText: row["scenario_text"],
        resultJSON: row["result_json"], overrides: try Self.overrides(json: row["overrides_json"]),
        options: options)
    }
  }

  /// The overrides as the JSON stored in `overrides_json`: `[{"path": …, "value": …}, …]`.
  static func overridesJSON(_ overrides: [ScenarioOverride]) -> String {
    let entries = overrides.map { ["path": $0.path, "value": $0.value] }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    // Encoding an array of string dictionaries cannot fail.
    guard let data = try? encoder.encode(entries) else { return "[]" }
    return String(decoding: data, as: UTF8.self)
  }

  /// The overrides stored as ``overridesJSON(_:)``.
  static func overrides(json: String) throws(StoredDataProblem) -> [ScenarioOverride] {
    do {
      let entries = try JSONDecoder().decode([[String: String]].self, from: Data(json.utf8))
      return entries.enumerated().map { index, entry in
        ScenarioOverride(number: index + 1, path: entry["path"] ?? "", value: entry["value"] ?? "")
      }
    } catch {
      throw StoredDataProblem(reason: "a stored run's overrides are not valid JSON: \(error)")
    }
  }

  private static func runSummary(from row: Row) -> SimulationRunSummary {
    let seed: Int64 = row["seed"]
    return SimulationRunSummary(
      id: row["id"], createdAt: row["created_at"], scenarioName: row["scenario_name"],
      seed: UInt64(bitPattern: seed),
      trials: row["trials"], capsimVersion: row["capsim_version"], command: row["command"])
  }
}
