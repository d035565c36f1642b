extension CapsimDatabase {
  /// Looks up every name a scenario uses and returns it ready to simulate.
  ///
  /// All unknown names are reported together, each at its place in the scenario file with
  /// "did you mean" suggestions; then duration sources are built (bootstrap, smoothed bootstrap, saved or
  /// best fit, or a distribution given in the file) and the options are checked for consistency
  /// (see ``ResolvedScenario/init(scenario:options:sourceMap:)``).
  ///
  /// - Throws: ``ScenarioError`` for problems in the scenario, ``StoreError`` if the database fails.
  public func resolve(_ scenario: Scenario, sourceMap: ScenarioSourceMap) throws -> ResolvedScenario
  {
    let sampleSetNames = try sampleSetNames()
    let prices = try prices()
    let priceNames = prices.map(\.name)
    var problems: [ScenarioProblem] = []
    for (index, option) in scenario.options.enumerated() {
      for (source, key) in [(option.duration, "samples"), (option.queueWait, "queue_wait.samples")]
      {
        if let name = source?.sampleSetName, !sampleSetNames.contains(name) {
          problems.append(
            .unknownName(
              sourceMap.location(of: "options[\(index)].\(key)"), kind: "sample set", name: name,
              known: sampleSetNames))
        }
      }
      if let name = option.contentionEstimate?.sampleSet, !sampleSetNames.contains(name) {
        problems.append(
          .unknownName(
            sourceMap.location(of: "options[\(index)].contention.estimate_from"),
            kind: "sample set", name: name,
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

    var options: [ResolvedOption] = []
    for (index, option) in scenario.options.enumerated() {
      let price = try price(named: option.price)
      let path = "options[\(index)]"
      let duration = try resolveSource(
        option.duration, at: path, sourceMap: sourceMap, problems: &problems)
      var queueWait: (ResolvedDuration, String?)?
      if let source = option.queueWait {
        queueWait = try resolveSource(
          source, at: "\(path).queue_wait", sourceMap: sourceMap, problems: &problems)
      }
      guard let duration else { continue }
      let platform: Platform
      if case .samples(let name, _) = option.duration {
        platform = try self.platform(named: try sampleSet(named: name).platform)
      } else {
        platform = Platform(
          name: "what-if", kind: price.pricingModel.isCommitment ? .dedicated : .shared,
          gpuModel: price.gpuModel,
          provider: price.provider, summary: "a duration distribution given in the scenario")
      }
      var resolved = ResolvedOption(
        option: option, platform: platform, price: price, duration: duration.0,
        durationMetric: duration.1,
        queueWait: queueWait?.0, queueWaitMetric: queueWait?.1)
      if let name = option.contentionEstimate?.sampleSet {
        let set = try sampleSet(named: name)
        if !ResolvedScenario.durationMetrics.contains(set.metric) {
          problems.append(
            .invalidValue(
              sourceMap.location(of: "options[\(index)].contention.estimate_from"),
              message: "sample set '\(name)' measures '\(set.metric)', not a duration of work",
              help:
                "estimate contention from a step_time or job_time sample set measured on shared hardware"
            ))
        }
        resolved.contentionSamples = set.seconds
      }
      options.append(resolved)
    }
    if !problems.isEmpty { throw ScenarioError(problems) }
    return try ResolvedScenario(scenario: scenario, options: options, sourceMap: sourceMap)
  }

  /// Turns a duration source into draws, with the sample set's metric (nil for a distribution).
  private func resolveSource(
    _ source: DurationSource, at path: String, sourceMap: ScenarioSourceMap,
    problems: inout [ScenarioProblem]
  ) throws -> (ResolvedDuration, String?)? {
    switch source {
    case .distribution(let distribution):
      return (.distribution(distribution), nil)
    case .samples(let name, let sampling):
      let set = try sampleSet(named: name)
      let location = sourceMap.location(of: "\(path).sampling")
      do {
        switch sampling {
        case .bootstrap:
          return (.empirical(set.seconds), set.metric)
        case .smoothed:
          guard let first = set.seconds.first, set.seconds.contains(where: { $0 != first }) else {
            problems.append(
              .invalidValue(
                location,
                message:
                  "sample set '\(name)' has \(set.seconds.count == 1 ? "one value" : "only equal values"): "
                  + "a smoothed bootstrap needs two distinct values to choose its kernel's width "
                  + "(Silverman's rule)",
                help:
                  "use 'sampling: bootstrap' (every job then takes that value), or import more "
                  + "measurements into '\(name)'"))
            return nil
          }
          return (
            .distribution(
              try EmpiricalDistribution(
                values: set.seconds, smoothing: .gaussianKernel(bandwidth: nil))), set.metric
          )
        case .bestFit:
          let ranking = try DistributionFitting.rankedFits(to: set.seconds)
          guard let best = ranking.best else {
            problems.append(
              .invalidValue(
                location, message: "no distribution family could be fitted to sample set '\(name)'",
                help: "use 'sampling: bootstrap', or check the values with 'capsim fit \(name)'"))
            return nil
          }
          return (.distribution(best.distribution), set.metric)
        case .fitted:
          guard let fit = try savedFit(forSampleSet: name) else {
            problems.append(
              .invalidValue(
                location, message: "sample set '\(name)' has no saved fit",
                help: "run 'capsim fit \(name) --save' first, or use 'sampling: best_fit'"))
            return nil
          }
          return (.distribution(fit.distribution), set.metric)
        }
      } catch let error as any DiagnosticConvertible {
        let diagnostic = error.diagnostic
        problems.append(
          .invalidValue(
            location, message: "sample set '\(name)': " + diagnostic.message, help: diagnostic.help)
        )
        return nil
      }
    }
  }
}
