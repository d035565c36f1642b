extension UncertaintySettings {
  /// One tornado input per uncertain input, from its 5th to its 95th percentile to 4 significant
  /// digits (whole months for `lead_time_months`).
  public var tornadoAxes: [SweepAxis] {
    inputs.map { input in
      let ends = [input.distribution.low, input.distribution.high]
      let texts = ends.map { value in
        input.path.hasSuffix("lead_time_months")
          ? String(Swift.max(0, Int(value.rounded()))) : value.formatted(significantDigits: 4)
      }
      return SweepAxis(path: input.path, values: texts)
    }
  }
}

extension Tornado {
  /// For `recommend` with uncertain inputs: the tornado of the saving of `leading` over `alternative`
  /// over every uncertain input's p5–p95 range (the others at their medians), its top `count` bars,
  /// and the value of the top input at which the cheaper of the two options changes (bisection between
  /// its two ends, common random numbers). `scenario(settings)` resolves the scenario with `settings`.
  public func verdictSensitivity(
    _ uncertainty: UncertaintySettings, overrides: [ScenarioOverride], count: Int = 3,
    scenario: ([ScenarioOverride]) throws -> ResolvedScenario
  ) async throws -> VerdictSensitivity? {
    let axes = uncertainty.tornadoAxes
    guard !axes.isEmpty else { return nil }
    let tornado = try await run(
      inputs: axes, metric: .saving, overrides: overrides, scenario: scenario)
    guard let top = tornado.bars.first, let low = Double(top.low.value),
      let high = Double(top.high.value)
    else { return nil }
    let base = try scenario([])
    let baseOutcome = await engine.run(base)
    let measure = try Measure(.saving, base: baseOutcome, workload: base.scenario.workload)
    let isWhole = top.path.hasSuffix("lead_time_months")
    let flip = try await flipValue(
      low: low, high: high, leading: measure.options[0], alternative: measure.options[1],
      steps: 10
    ) { value in
      try scenario([
        ScenarioOverride(
          number: 1, path: top.path,
          value: isWhole ? String(Int(value.rounded())) : String(value), origin: "--vary")
      ])
    }
    return VerdictSensitivity(
      leading: measure.options[0], alternative: measure.options[1],
      topInputs: Array(tornado.bars.prefix(count)),
      flipValue: isWhole ? flip.map { $0.rounded() } : flip, flipPath: flip.map { _ in top.path })
  }
}
