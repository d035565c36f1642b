import Foundation
import Testing
import _CapsimTestSupport

/// Runs the scenarios in `scenarios/validation/` through the CLI and checks each mechanism against its
/// closed form: the reference must lie inside the reported 95% interval widened by a small allowance for
/// the model's documented approximations.
@Suite("Validation scenarios against closed forms")
struct ValidationScenarioTests {
  let database: String

  init() throws {
    database = try Fixtures.temporaryDirectory().appendingPathComponent("capsim.sqlite").path
  }

  /// The metric `key` of the first option in `capsim run FILE --format json`.
  func metric(_ file: String, _ key: String, extra: [String] = []) throws -> (value: Double, lower: Double, upper: Double) {
    let run = try CapsimExecutable.run(
      ["run", "scenarios/validation/\(file).yaml", "--db", database, "--format", "json", "--no-save"] + extra)
    #expect(run.exitCode == 0, "\(run.standardError)")
    let json = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
    let options = json?["options"] as? [[String: Any]]
    let metrics = options?.first?["metrics"] as? [String: [String: Any]]
    let entry = try #require(metrics?[key], "no metric \(key) in \(file)")
    let value = try #require(entry["value"] as? Double)
    return (value, entry["ci_lower"] as? Double ?? value, entry["ci_upper"] as? Double ?? value)
  }

  @Test func interruptionsMatchDaly() throws {
    // T_w = M·e^(R/M)·(e^((τ+δ)/M) − 1)·T_s/τ with M = 24 h, R = 10 min, δ = 5 min, τ = 2 h, T_s = 500 h:
    // python3 -c "import math; M=24; R=10/60; d=5/60; t=2; print(M*math.exp(R/M)*(math.exp((t+d)/M)-1)*500/t)"
    let daly = 547.899_163_774_156_7
    let wall = try metric("daly-checkpoint-restart", "job_hours_mean")
    #expect(wall.lower <= daly && daly <= wall.upper, "mean wall \(wall) vs Daly \(daly)")
    let interruptions = try metric("daly-checkpoint-restart", "interruptions_per_job")
    #expect(interruptions.lower <= daly / 24 && daly / 24 <= interruptions.upper, "\(interruptions)")
  }

  @Test func committedQueueMatchesErlangC() throws {
    // Erlang C for c = 4, a = λ/μ = 3.2: C = 0.596432…, W_q = C/(cμ − λ) = 7.455406 h (see the scenario file).
    let probability = 0.596_432_471_787_404_3
    let meanWait = 7.455_405_897_342_553
    let waited = try metric("erlang-c-queue", "waited_rate")
    #expect(waited.lower <= probability && probability <= waited.upper, "\(waited) vs \(probability)")
    let wait = try metric("erlang-c-queue", "time_queue_wait_hours")
    #expect(wait.lower <= meanWait && meanWait <= wait.upper, "\(wait) vs \(meanWait)")
  }

  @Test func stragglersMatchOrderStatistics() throws {
    // Max of 8 iid Exp(1): mean H_8 = 2.717857 s, variance Σ1/k² = 1.527422 s²; 3,600 steps.
    let harmonic = (1...8).reduce(0.0) { $0 + 1 / Double($1) }
    let variance = (1...8).reduce(0.0) { $0 + 1 / Double($1 * $1) }
    let mean = try metric("straggler-order-statistics", "job_hours_mean")
    #expect(mean.lower <= harmonic && harmonic <= mean.upper, "\(mean) vs \(harmonic)")
    let cov = try metric("straggler-order-statistics", "job_hours_cov")
    let expected = (3600 * variance).squareRoot() / (3600 * harmonic)
    #expect(cov.lower <= expected && expected <= cov.upper, "\(cov) vs \(expected)")
  }
}
