import CapsimCore
import CapsimScenarioLoader
import Testing

/// An option's `price_per_gpu_hour` in a scenario file, in `--set`, and as an uncertain input.
@Suite("price_per_gpu_hour in scenario files")
struct PriceOverrideScenarioTests {
  static let base = """
    version: 1
    name: priced
    horizon_months: 12
    seed: 3
    workload:
      jobs_per_month: 40
      gpus_per_job: 8
      steps_per_job: 20_000
      growth: {model: compound, rate_per_month: "0.01 to 0.05"}
    options:
      - name: spot
        samples: shared-steps
        price: spot-quote
        price_per_gpu_hour: 2.1
      - name: metal
        samples: metal-steps
        price: bm
        nodes: 2
    """

  static func load(_ text: String, overrides: [ScenarioOverride] = []) throws -> LoadedScenario {
    try ScenarioLoader.parse(yaml: text, file: "p.yaml", overrides: overrides)
  }

  @Test func aNumberInTheFileAndInASetGiveTheSameScenario() throws {
    let file = try Self.load(Self.base)
    #expect(file.scenario.options[0].pricePerGPUHour == 2.1)
    #expect(file.scenario.options[1].pricePerGPUHour == nil)
    let unset = Self.base.replacingOccurrences(of: "    price_per_gpu_hour: 2.1\n", with: "")
    #expect(unset != Self.base)
    let set = try Self.load(
      unset,
      overrides: [
        ScenarioOverride(number: 1, path: "options.spot.price_per_gpu_hour", value: "2.1")
      ])
    #expect(set.scenario == file.scenario)
    // A --set of a number on a key the file wrote as a distribution fixes it.
    let fixed = try Self.load(
      Self.base.replacingOccurrences(
        of: "price_per_gpu_hour: 2.1", with: "price_per_gpu_hour: 2 to 3"),
      overrides: [ScenarioOverride(number: 1, path: "options[0].price_per_gpu_hour", value: "2.1")])
    #expect(fixed.scenario == file.scenario)
    #expect(fixed.uncertainty.inputs.map(\.path) == ["workload.growth.rate_per_month"])
  }

  /// Every uncertain-input form is read, with the median kept in the field:
  /// √(2 × 3) for the 90% interval "2 to 3", the median itself for a lognormal, (a + b)/2 for a uniform.
  @Test(arguments: [
    ("2 to 3", InputDistribution.interval90(p5: 2, p95: 3), 6.0.squareRoot()),
    ("{p5: 2, p95: 3}", .interval90(p5: 2, p95: 3), 6.0.squareRoot()),
    ("{lognormal: {median: 2.5, p95: 3.5}}", .lognormal(median: 2.5, p95: 3.5), 2.5),
    ("{normal: {mean: 2.5, sd: 0.2}}", .normal(mean: 2.5, sd: 0.2), 2.5),
    ("{uniform: [2, 3]}", .uniform(low: 2, high: 3), 2.5),
    ("{triangular: [2, 2.5, 3]}", .triangular(low: 2, mode: 2.5, high: 3), 2.5),
    ("{pert: [2, 2.5, 3]}", .pert(low: 2, mode: 2.5, high: 3), 2.5),
  ])
  func everyUncertainFormIsAnInput(text: String, distribution: InputDistribution, median: Double)
    throws
  {
    let loaded = try Self.load(
      Self.base.replacingOccurrences(
        of: "price_per_gpu_hour: 2.1", with: "price_per_gpu_hour: \(text)"))
    let input = try #require(loaded.uncertainty.inputs.first { $0.path.hasPrefix("options.") })
    #expect(input.path == "options.spot.price_per_gpu_hour")
    #expect(input.distribution == distribution)
    #expect(input.location?.line == 14)
    let field = try #require(loaded.scenario.options[0].pricePerGPUHour)
    #expect(abs(field - median) < 1e-12, "median \(field)")
    #expect(
      UncertainTarget(path: input.path, optionNames: ["spot", "metal"])
        == .option("spot", .pricePerGPUHour))
  }

  @Test func aPriceCanBeCorrelatedWithGrowth() throws {
    let text =
      Self.base.replacingOccurrences(
        of: "price_per_gpu_hour: 2.1",
        with: "price_per_gpu_hour: {lognormal: {median: 2.5, p95: 3.5}}")
        + """

        uncertainty:
          correlations:
            - between: [workload.growth.rate_per_month, options.spot.price_per_gpu_hour]
              rank: 0.6
        """
    let loaded = try Self.load(text)
    #expect(
      loaded.uncertainty.correlations.map(\.between) == [
        ["workload.growth.rate_per_month", "options.spot.price_per_gpu_hour"]
      ])
  }

  struct BadCase: CustomTestStringConvertible, Sendable {
    let name: String
    let value: String
    let message: String
    var testDescription: String { name }
  }

  static let badCases: [BadCase] = [
    BadCase(name: "negative", value: "-1", message: "'price_per_gpu_hour' is -1"),
    BadCase(name: "NaN", value: ".nan", message: "price_per_gpu_hour"),
    BadCase(name: "infinite", value: ".inf", message: "price_per_gpu_hour"),
    BadCase(name: "absurd", value: "2e7", message: "'price_per_gpu_hour' is 2e7"),
    BadCase(name: "text", value: "cheap", message: "expected a number, found 'cheap'"),
    BadCase(
      name: "p95 below p5", value: "{p5: 3.5, p95: 2}", message: "p95 (2.0) must be above p5 (3.5)"),
    BadCase(
      name: "a 90% interval reaching below 0", value: "-0.5 to 3",
      message: "'price_per_gpu_hour' must be ≥ 0"),
    BadCase(
      name: "a normal reaching below 0", value: "{normal: {mean: 1, sd: 0.5}}",
      message: "'price_per_gpu_hour' must be ≥ 0"),
    BadCase(
      name: "low above high", value: "{uniform: [3, 2]}", message: "must be below its high"),
  ]

  /// Each bad value is one diagnostic at the key's line (14) naming the field, with a help line.
  @Test(arguments: badCases)
  func aBadPriceIsOneLocatedError(_ bad: BadCase) throws {
    let text = Self.base.replacingOccurrences(
      of: "price_per_gpu_hour: 2.1", with: "price_per_gpu_hour: \(bad.value)")
    let error = #expect(throws: ScenarioError.self) { try Self.load(text) }
    let problems = error?.problems ?? []
    #expect(problems.count == 1, "\(problems)")
    let diagnostic = try #require(problems.first).diagnostic
    #expect(diagnostic.message.contains(bad.message), "\(diagnostic)")
    #expect(diagnostic.location?.file == "p.yaml")
    #expect(diagnostic.location?.line == 14, "\(diagnostic)")
    #expect(diagnostic.location?.field?.hasSuffix("price_per_gpu_hour") == true, "\(diagnostic)")
    #expect(diagnostic.help?.isEmpty == false)
  }

  /// The same value in a --set is reported against the override.
  @Test func aBadPriceInASetNamesTheOverride() throws {
    let error = #expect(throws: ScenarioError.self) {
      try Self.load(
        Self.base,
        overrides: [
          ScenarioOverride(number: 2, path: "options.spot.price_per_gpu_hour", value: "-3")
        ])
    }
    let problems = error?.problems ?? []
    #expect(problems.count == 1, "\(problems)")
    let diagnostic = try #require(problems.first).diagnostic
    #expect(diagnostic.location?.file == "--set 2", "\(diagnostic)")
    #expect(diagnostic.message.contains("price_per_gpu_hour"))
  }
}
