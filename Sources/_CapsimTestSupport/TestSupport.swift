import CapsimCore
import Foundation

/// Builders for small, fully known inputs used across test targets.
public enum Fixtures {
  /// A price per GPU-hour, pay-per-use (on-demand) unless `committed`.
  public static func price(
    _ name: String, perGPUHour: Double, model: PricingModel = .onDemand, gpusPerUnit: Double = 8,
    minimumTermMonths: Int = 0, setupFee: Double = 0, currency: String = "USD"
  ) -> PriceQuote {
    let unit: PriceUnit = model.isCommitment ? .nodeMonth : .gpuHour
    let amount =
      model.isCommitment ? perGPUHour * gpusPerUnit * PriceQuote.hoursPerMonth : perGPUHour
    return PriceQuote(
      name: name, provider: "test", gpuModel: "H100", pricingModel: model, amount: amount,
      unit: unit,
      gpusPerUnit: model.isCommitment ? gpusPerUnit : 1, minimumTermMonths: minimumTermMonths,
      setupFee: setupFee,
      currency: currency, effectiveDate: "2026-01-01", source: "test fixture")
  }

  /// A resolved option with the given sample values (seconds per step), bootstrapped.
  public static func option(
    _ name: String, seconds: [Double], price: PriceQuote, nodes: Int? = nil,
    kind: InfrastructureKind = .shared,
    metric: String = "step_time"
  ) -> ResolvedOption {
    option(
      ScenarioOption(name: name, samples: "\(name)-samples", price: price.name, nodes: nodes),
      duration: .empirical(seconds), metric: metric, price: price, kind: kind)
  }

  /// A resolved option from a scenario option and a duration source.
  public static func option(
    _ option: ScenarioOption, duration: ResolvedDuration, metric: String? = "step_time",
    price: PriceQuote,
    kind: InfrastructureKind = .shared, queueWait: ResolvedDuration? = nil
  ) -> ResolvedOption {
    ResolvedOption(
      option: option,
      platform: Platform(
        name: "\(option.name)-platform", kind: kind, gpuModel: "H100", provider: "test"),
      price: price, duration: duration, durationMetric: metric, queueWait: queueWait,
      queueWaitMetric: queueWait == nil ? nil : "queue_wait")
  }

  /// A scenario with the given workload and options, resolved.
  public static func resolved(
    horizonMonths: Int = 12, trials: Int = 1_000, seed: UInt64 = 7, workload: Workload,
    options: [ResolvedOption], costs: HiddenCostSettings = HiddenCostSettings()
  ) throws -> ResolvedScenario {
    let scenario = Scenario(
      name: "test", horizonMonths: horizonMonths, trials: trials, seed: seed, workload: workload,
      options: options.map(\.option), costs: costs)
    return try ResolvedScenario(
      scenario: scenario, options: options, sourceMap: ScenarioSourceMap(file: "test.yaml"))
  }

  /// A fresh temporary directory, unique per call.
  public static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "capsim-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
