import CapsimCore
import Foundation
import GRDB
import Testing

@testable import CapsimStore

@Suite("Migration v4-run-overrides")
struct RunOverrideMigrationTests {
  /// A database migrated up to "v2-distribution-fits" holding one stored run, then opened by this build:
  /// the run survives, with no overrides and made by `run`.
  @Test func aStoredRunSurvivesWithNoOverrides() throws {
    let path = try temporaryDirectory().appendingPathComponent("v2.sqlite").path
    do {
      let queue = try DatabaseQueue(path: path, configuration: CapsimDatabase.configuration())
      try CapsimDatabase.migrator.migrate(queue, upTo: "v2-distribution-fits")
      try queue.write { db in
        try db.execute(
          sql: """
            INSERT INTO simulation_run (created_at, scenario_name, scenario_text, seed, trials,
              capsim_version, result_json)
              VALUES ('2026-01-01T00:00:00Z', 'old', 'name: old', 7, 100, '0.1.0', '{}');
            INSERT INTO simulation_result (run_id, option_name, metric_key, label, unit, value)
              VALUES (1, 'cloud', 'total_cost', 'Total cost', 'USD', 1234.5);
            """)
      }
      try queue.close()
    }
    let database = try CapsimDatabase(path: path)
    let run = try database.run(id: 1)
    #expect(run.summary.scenarioName == "old")
    #expect(run.summary.command == "run")
    #expect(run.overrides.isEmpty)
    #expect(run.options.first?.metrics.first?.estimate.value == 1234.5)
  }

  @Test func overridesAndCommandRoundTrip() throws {
    let database = try CapsimDatabase.inMemory()
    let overrides = [
      ScenarioOverride(number: 1, path: "workload.jobs_per_month", value: "120"),
      ScenarioOverride(
        number: 2, path: "options.metal.slowdown", value: "{low: 1.1, high: \"1.5\"}"),
    ]
    let id = try database.saveRun(
      scenarioName: "s", scenarioText: "name: s", seed: 1, trials: 10, capsimVersion: "t",
      resultJSON: "{}", options: [], overrides: overrides, command: "recommend")
    let run = try database.run(id: id)
    #expect(run.overrides == overrides)
    #expect(run.summary.command == "recommend")
    #expect(try database.runs().first?.command == "recommend")
  }
}
