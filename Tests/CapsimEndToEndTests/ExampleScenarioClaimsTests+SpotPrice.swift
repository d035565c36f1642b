import Foundation
import Testing
import _CapsimTestSupport

extension ExampleScenarioClaimsTests {
  func json(_ arguments: [String], environment: [String: String] = [:]) throws -> [String: Any] {
    let result = try CapsimExecutable.run(
      arguments + ["--db", database, "--format", "json"], environment: environment)
    #expect(result.exitCode == 0, "\(result.standardError)")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
  }

  /// scenarios/uncertain-spot-price.yaml: the verdict, its sensitivity to the uncertain spot price and
  /// the flip price its comment states (200 trials instead of 1,000, so the figures are checked within
  /// their standard errors or with room for sampling error), and the linear-in-price reading of the
  /// flip: GPU-hours = swing / price range, flip = low end + saving at the low end / GPU-hours.
  @Test func uncertainSpotPriceFlipsAtAboutThreeDollars() throws {
    let recommendation = try json([
      "recommend", "scenarios/uncertain-spot-price.yaml", "--trials", "200", "--no-save",
    ])
    let verdict = try #require(recommendation["verdict"] as? [String: Any])
    #expect(verdict["kind"] as? String == "reevaluate")
    let confidence = try #require(recommendation["confidence"] as? [String: Any])
    let probability = try #require(confidence["probability"] as? Double)
    #expect((0.52...0.72).contains(probability), "P(spot cheaper) ≈ 62%: \(probability)")
    let savings = try #require(recommendation["savings"] as? [String: Any])
    let saving = try #require(savings["mean"] as? Double)
    let standardError = try #require(savings["standard_error"] as? Double)
    #expect(
      abs(saving - 22_000) < 3 * standardError, "saving ≈ 22,000: \(saving) ± \(standardError)")
    #expect(try #require(savings["p05"] as? Double) < -100_000)
    #expect(try #require(savings["p95"] as? Double) > 100_000)
    // The requested rank correlation, achieved within 3 sampling SE, (1 − ρ²)·1.06/√N = 0.056 at
    // N = 200 (Fieller, Hartley & Pearson 1957).
    let correlation = try #require(
      (recommendation["input_correlations"] as? [[String: Any]])?.first)
    #expect(
      correlation["between"] as? [String] == [
        "workload.growth.rate_per_month", "options.spot.price_per_gpu_hour",
      ])
    let achieved = try #require(correlation["achieved"] as? Double)
    #expect(abs(achieved - 0.5) < 3 * 0.056, "achieved \(achieved)")
    let sensitivity = try #require(recommendation["verdict_sensitivity"] as? [String: Any])
    let bars = try #require(sensitivity["top_inputs"] as? [[String: Any]])
    #expect(
      bars.compactMap { $0["path"] as? String } == [
        "options.spot.price_per_gpu_hour", "workload.growth.rate_per_month",
      ])
    #expect(sensitivity["flip_path"] as? String == "options.spot.price_per_gpu_hour")
    let flip = try #require(sensitivity["flip_value"] as? Double)
    #expect(abs(flip - 3.0) < 0.05, "flip ≈ 3.00 USD per GPU-hour: \(flip)")
    func savingAtEnd(_ end: String) throws -> Double {
      let point = try #require(bars.first?[end] as? [String: Any])
      return try #require((point["metric"] as? [String: Any])?["value"] as? Double)
    }
    let gpuHours = (try savingAtEnd("low") - savingAtEnd("high")) / (3.6 - 2.2)
    #expect(abs(gpuHours - 189_500) < 0.02 * 189_500, "≈ 189,500 GPU-hours: \(gpuHours)")
    // The bisection's 10 halvings of 1.4 leave ±0.0014.
    #expect(abs(flip - (2.2 + (try savingAtEnd("low")) / gpuHours)) < 0.002)

    let tornado = try json([
      "sensitivity", "scenarios/uncertain-spot-price.yaml", "--trials", "200",
    ])
    let importance = try #require(tornado["importance"] as? [[String: Any]])
    let price = try #require(
      importance.first { $0["path"] as? String == "options.spot.price_per_gpu_hour" })
    let share = try #require(price["variance_share"] as? Double)
    #expect((0.55...0.8).contains(share), "about two thirds of the variance: \(share)")

    // The spot quote is replaced, so its age is not flagged; bare metal's quote still is.
    let run = try json(
      ["run", "scenarios/uncertain-spot-price.yaml", "--trials", "20", "--no-save"],
      environment: ["CAPSIM_RUN_DATE": "2030-01-01"])
    let options = try #require(run["options"] as? [[String: Any]])
    let notes = Dictionary(
      uniqueKeysWithValues: options.map {
        ($0["name"] as? String ?? "", ($0["notes"] as? [String] ?? []).joined(separator: "\n"))
      })
    #expect(notes["spot"]?.contains("replacing the quoted 2.25 USD of 'aws-p5-h100-spot'") == true)
    #expect(notes["spot"]?.contains("older than") == false)
    #expect(notes["bare-metal"]?.contains("older than") == true)
  }
}
