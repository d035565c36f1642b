import CapsimCore
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
  func metric(_ file: String, _ key: String, extra: [String] = []) throws -> (
    value: Double, lower: Double, upper: Double
  ) {
    let run = try CapsimExecutable.run(
      [
        "run", "scenarios/validation/\(file).yaml", "--db", database, "--format", "json",
        "--no-save",
      ] + extra)
    #expect(run.exitCode == 0, "\(run.standardError)")
    let json =
      try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
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
    #expect(
      interruptions.lower <= daly / 24 && daly / 24 <= interruptions.upper, "\(interruptions)")
  }

  @Test func committedQueueMatchesErlangC() throws {
    // Erlang C for c = 4, a = λ/μ = 3.2: C = 0.596432…, W_q = C/(cμ − λ) = 7.455406 h (see the scenario file).
    let probability = 0.596_432_471_787_404_3
    let meanWait = 7.455_405_897_342_553
    let waited = try metric("erlang-c-queue", "waited_rate")
    #expect(
      waited.lower <= probability && probability <= waited.upper, "\(waited) vs \(probability)")
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

@Suite("Contention estimated from a sample set")
struct ContentionEstimateTests {
  /// Bare-metal step times with contention estimated from the shared set: by construction of the
  /// estimator (docs/model.md), long jobs run on average mixture-mean / fast-mean times slower.
  @Test func estimatedContentionReproducesTheMixtureMean() throws {
    let database = try Fixtures.temporaryDirectory().appendingPathComponent("capsim.sqlite").path
    let scenario = """
      name: estimated-contention
      horizon_months: 1
      trials: 400
      workload: {jobs_per_month: 50, arrivals: fixed, gpus_per_job: 8, steps_per_job: 72000}
      options:
        - name: quiet
          samples: h100-8gpu-step-time-baremetal
          price: lambda-h100-sxm5-8x-on-demand
        - name: contended
          samples: h100-8gpu-step-time-baremetal
          price: lambda-h100-sxm5-8x-on-demand
          contention: {estimate_from: h100-8gpu-step-time-shared, mean_duration_hours: 0.5}
      """
    let file = try Fixtures.temporaryDirectory().appendingPathComponent("contention.yaml")
    try scenario.write(to: file, atomically: true, encoding: .utf8)
    let run = try CapsimExecutable.run([
      "run", file.path, "--db", database, "--format", "json", "--no-save",
    ])
    #expect(run.exitCode == 0, "\(run.standardError)")
    let json =
      try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
    let options = try #require(json?["options"] as? [[String: Any]])
    func mean(_ index: Int) -> Double {
      ((options[index]["metrics"] as? [String: [String: Any]])?["job_hours_mean"]?["value"]
        as? Double) ?? .nan
    }
    let ratio = mean(1) / mean(0)
    // Independently: fit the mixture to the shared set's values (read from data/), build the estimated
    // model, and take its long-run wall/work ratio, which by construction equals the mixture mean over the
    // fast component's mean. Jobs of ≈ 20 h against 0.5-h episodes are in the long-run regime.
    let csv = try String(
      contentsOf: CapsimExecutable.packageRoot.appendingPathComponent(
        "data/samples/h100-8gpu-step-time-shared.csv"),
      encoding: .utf8)
    let values = csv.split(separator: "\n").dropFirst().compactMap {
      Double($0.split(separator: ",")[4])
    }
    let mixture = try TwoComponentLogNormalMixture(fitting: values)
    let model = try ContentionModel.estimate(
      fastComponentMean: mixture.fastMean, slowComponentMean: mixture.slowMean,
      slowWeight: mixture.slowWeight,
      typicalJobHours: 20, meanEpisodeHours: 0.5)
    let mixtureMean =
      (1 - mixture.slowWeight) * mixture.fastMean + mixture.slowWeight * mixture.slowMean
    #expect(abs(model.longRunWallPerWork - mixtureMean / mixture.fastMean) < 1e-9)
    #expect(
      abs(ratio - model.longRunWallPerWork) < 0.002,
      "simulated \(ratio) vs \(model.longRunWallPerWork)")
  }
}
