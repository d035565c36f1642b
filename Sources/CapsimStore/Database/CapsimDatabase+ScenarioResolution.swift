extension CapsimDatabase {
  /// Looks up every name a scenario uses and returns it ready to simulate.
  ///
  /// All unknown names are reported together, each at its place in the scenario file with
  /// "did you mean" suggestions; then the resolved options are checked for consistency
  /// (see ``ResolvedScenario/init(scenario:options:sourceMap:)``).
  ///
  /// - Throws: ``ScenarioError`` for problems in the scenario, ``StoreError`` if the database fails.
  public func resolve(_ scenario: Scenario, sourceMap: ScenarioSourceMap) throws -> ResolvedScenario
  {
    let sampleSetNames = try sampleSetNames()
    let priceNames = try prices().map(\.name)
    var problems: [ScenarioProblem] = []
    for (index, option) in scenario.options.enumerated() {
      if !sampleSetNames.contains(option.samples) {
        problems.append(
          .unknownName(
            sourceMap.location(of: "options[\(index)].samples"), kind: "sample set",
            name: option.samples,
            known: sampleSetNames))
      }
      if !priceNames.contains(option.price) {
        problems.append(
          .unknownName(
            sourceMap.location(of: "options[\(index)].price"), kind: "price", name: option.price,
            known: priceNames))
      }
    }
    if !problems.isEmpty { throw ScenarioError(problems) }
    let options = try scenario.options.map { option in
      let samples = try sampleSet(named: option.samples)
      return ResolvedOption(
        option: option, platform: try platform(named: samples.platform),
        price: try price(named: option.price),
        samples: samples)
    }
    return try ResolvedScenario(scenario: scenario, options: options, sourceMap: sourceMap)
  }
}
