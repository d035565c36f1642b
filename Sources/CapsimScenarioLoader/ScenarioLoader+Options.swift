import CapsimCore
import Yams

extension ScenarioLoader {
  static let optionKeys = [
    "name", "samples", "sampling", "distribution", "price", "price_per_gpu_hour", "nodes", "sizing",
    "duration_scale",
    "stragglers",
    "contention", "interruptions", "queue_wait", "billing", "migration", "overflow", "provisioning",
  ]
  static let costKeys = [
    "engineer_hourly_rate", "penalty_per_missed_deadline", "penalty_per_hour_late",
    "investigation_threshold",
    "investigation_hours", "engineers_blocked_per_waiting_job", "over_provisioning",
  ]
  static let billingKeys = ["granularity", "minimum_hours", "storage_per_job", "egress_per_job"]
  static let migrationKeys = ["engineer_weeks", "other_costs"]
  static let contentionKeys = [
    "episodes_per_hour", "mean_duration_hours", "slowdown", "estimate_from",
  ]
  static let interruptionKeys = [
    "preemptions_per_gpu_hour", "failures_per_gpu_hour", "checkpoint_every_hours",
    "checkpoint_hours",
    "restart_hours", "rerun_probability", "max_reruns",
  ]
  static let sizingKeys = ["metric", "at_most", "at_least", "max_nodes"]
  static let sourceKeys = ["samples", "sampling", "distribution"]

  static func readOptions(_ node: Node, problems: ProblemCollector) -> [ScenarioOption] {
    guard case .sequence(let sequence) = node, !sequence.isEmpty else {
      problems.add(
        .wrongType(
          problems.location(node, "options"),
          expected: "a non-empty list of options (lines starting with '- ')",
          found: YAMLMappingReader.describe(node) == "a list"
            ? "an empty list" : YAMLMappingReader.describe(node)))
      return []
    }
    guard sequence.count <= ScenarioLimits.maximumOptions else {
      problems.add(
        .invalidValue(
          problems.location(node, "options"),
          message:
            "'options' lists \(sequence.count) options; at most \(ScenarioLimits.maximumOptions) are "
            + "allowed",
          help: "compare fewer options at once, over several scenarios if need be: each option is "
            + "simulated on every trial and shown in every report"))
      return []
    }
    var options: [ScenarioOption] = []
    // Each name's first option: its position and whether its name came from the file (an override's
    // value carries no position).
    var seenNames: [String: (index: Int, fromFile: Bool)] = [:]
    for (index, item) in sequence.enumerated() {
      problems.sourceMap.record(
        "options[\(index)]", line: item.mark?.line, column: item.mark?.column)
      guard let reader = YAMLMappingReader(item, path: "options[\(index)]", problems: problems)
      else { continue }
      reader.rejectUnknownKeys(allowed: optionKeys)
      let name = reader.string(
        "name", required: true, help: "give each option a name shown in reports")
      let duration = readSource(
        reader, role: "duration",
        help: "name a sample set ('samples: NAME'; see 'capsim data list') or give a 'distribution'"
      )
      let price = reader.string(
        "price", required: true, help: "name a price; see 'capsim data list'")
      let pricePerGPUHour = reader.double("price_per_gpu_hour")
      let scale = reader.double("duration_scale") ?? 1
      let stragglers = reader.bool("stragglers") ?? false
      let nodes = readNodes(reader, problems: problems)
      let contentionReader = reader.mapping("contention")
      let contentionEstimate = contentionReader.flatMap { readContentionEstimate($0) }
      let contention =
        contentionEstimate == nil ? contentionReader.flatMap { readContention($0) } : nil
      let interruptions = reader.mapping("interruptions").flatMap { readInterruptions($0) }
      var queueWait: DurationSource?
      if let waitReader = reader.mapping("queue_wait") {
        waitReader.rejectUnknownKeys(allowed: sourceKeys)
        queueWait = readSource(
          waitReader, role: "queue wait",
          help: "name a queue_wait sample set or give a 'distribution'")
      }
      let billing = reader.mapping("billing").map(readBilling) ?? BillingSettings()
      let overflow = reader.mapping("overflow").flatMap(readOverflow)
      let provisioning = reader.mapping("provisioning").flatMap(readProvisioning)
      let migration = reader.mapping("migration").map(readMigration)
      if let name, name.count > ScenarioLimits.maximumOptionNameLength {
        problems.add(
          .invalidValue(
            reader.location("name"),
            message:
              "the option name is \(name.count) characters long; at most "
              + "\(ScenarioLimits.maximumOptionNameLength) are allowed",
            help: "use a short name: it labels the option's rows and columns in every report"))
      }
      if let name {
        let fromFile = reader.value("name")?.mark != nil
        if let first = seenNames[name] {
          // Blame the name an override set (`--set options[0].name=…`), not the file's line that
          // was right before it.
          let location =
            fromFile && !first.fromFile
            ? problems.location(nil, "options[\(first.index)].name")
            : reader.location("name")
          problems.add(
            .invalidValue(
              location,
              message:
                "option name '\(name)' is used twice: by options[\(first.index)] and options[\(index)]",
              help: "give each option a distinct name"))
        } else {
          seenNames[name] = (index, fromFile)
        }
      }
      if let name, let duration, let price {
        var option = ScenarioOption(
          name: name, duration: duration, price: price, nodes: nodes, durationScale: scale,
          stragglers: stragglers,
          contention: contention, interruptions: interruptions, queueWait: queueWait,
          billing: billing,
          migration: migration, contentionEstimate: contentionEstimate, overflow: overflow,
          provisioning: provisioning)
        option.pricePerGPUHour = pricePerGPUHour
        options.append(option)
      }
    }
    return options
  }

  /// `samples: NAME` (with optional `sampling`) or `distribution: {family: …, parameters…, shift: …}`.
  static func readSource(_ reader: YAMLMappingReader, role: String, help: String) -> DurationSource?
  {
    let samples = reader.string("samples")
    let sampling = reader.choice("sampling", as: DurationSource.Sampling.self) ?? .bootstrap
    let distribution = reader.mapping("distribution").flatMap { readDistribution($0) }
    let hasDistribution = reader.value("distribution") != nil
    if samples != nil && hasDistribution {
      reader.problems.add(
        .invalidValue(
          reader.location("distribution"),
          message: "give either 'samples' or 'distribution' for the \(role), not both",
          help: "remove one of them"))
      return nil
    }
    if let samples { return .samples(samples, sampling: sampling) }
    if let distribution {
      if reader.value("sampling") != nil {
        reader.problems.add(
          .invalidValue(
            reader.location("sampling"),
            message: "'sampling' applies to sample sets, not to a distribution",
            help: "remove 'sampling'"))
      }
      return .distribution(distribution)
    }
    if !hasDistribution { reader.reportMissing("samples", help: help) }
    return nil  // a malformed distribution has reported its own problems
  }

  /// `{family: lognormal, mu: 0.1, sigma: 0.2, shift: 0.5}` → a validated distribution.
  static func readDistribution(_ reader: YAMLMappingReader) -> ParametricDistribution? {
    guard let familyName = reader.string("family", required: true, help: "e.g. 'family: lognormal'")
    else { return nil }
    let family: DistributionFamily
    do {
      family = try DistributionFamily.named(familyName)
    } catch {
      reader.problems.add(
        .invalidValue(
          reader.location("family"), message: "unknown distribution family '\(familyName)'",
          help: NameSuggestions.help(
            for: familyName, kind: "family", known: DistributionFamily.allCases.map(\.rawValue))))
      return nil
    }
    let shift = reader.double("shift", limitKey: "distribution.shift") ?? 0
    var parameters: [String: Double] = [:]
    let problemCount = reader.problems.problems.count
    for key in reader.keys where key != "family" && key != "shift" {
      let canonical = family.parameterAliases[key] ?? key
      let limitKey =
        family.parameterNames.contains(canonical)
        ? "distribution.\(family.rawValue).\(canonical)" : "distribution.unknown_parameter"
      if let value = reader.double(key, limitKey: limitKey) {
        parameters[key] = value
      }
    }
    // A parameter out of its range has been reported; do not also report it as missing.
    guard reader.problems.problems.count == problemCount else { return nil }
    do {
      return try ParametricDistribution(family: family, parameters: parameters, shift: shift)
    } catch {
      let diagnostic = error.diagnostic
      reader.problems.add(
        .invalidValue(
          reader.problems.location(reader.node, reader.path), message: diagnostic.message,
          help: diagnostic.help))
      return nil
    }
  }

  /// `nodes: 4`, or `nodes: auto` with a `sizing` section.
  static func readNodes(_ reader: YAMLMappingReader, problems: ProblemCollector) -> NodeCount? {
    let sizing = reader.mapping("sizing")
    guard let node = reader.value("nodes") else {
      if sizing != nil {
        problems.add(
          .invalidValue(
            reader.location("sizing"), message: "'sizing' needs 'nodes: auto'",
            help: "add 'nodes: auto' or remove 'sizing'"))
      }
      return nil
    }
    if case .scalar(let scalar) = node, scalar.string == "auto" {
      guard let sizing else {
        reader.reportMissing(
          "sizing",
          help:
            "with 'nodes: auto' say what to meet, e.g. 'sizing: {metric: p95_wait_hours, at_most: 2}'"
        )
        return nil
      }
      return readSizing(sizing).map(NodeCount.auto)
    }
    if sizing != nil {
      problems.add(
        .invalidValue(
          reader.location("sizing"), message: "'sizing' applies only with 'nodes: auto'",
          help: "write 'nodes: auto' or remove 'sizing'"))
    }
    return reader.integer("nodes").map(NodeCount.fixed)
  }

  static func readSizing(_ reader: YAMLMappingReader) -> SizingTarget? {
    reader.rejectUnknownKeys(allowed: sizingKeys)
    let metric = reader.choice("metric", as: SizingTarget.Metric.self)
    if reader.value("metric") == nil {
      reader.reportMissing(
        "metric",
        help: "one of: " + SizingTarget.Metric.allCases.map(\.rawValue).joined(separator: ", "))
    }
    let maximum = reader.integer("max_nodes") ?? 64
    guard let metric else { return nil }
    if metric.isObjective {
      for key in ["at_most", "at_least"] where reader.value(key) != nil {
        reader.problems.add(
          .invalidValue(
            reader.location(key),
            message: "'\(metric.rawValue)' is minimised; it takes no '\(key)'",
            help: "remove '\(key)'"))
      }
      return SizingTarget(metric: metric, limit: 0, maximumNodes: maximum)
    }
    let isRate = metric == .deadlineHitRate
    let key = isRate ? "at_least" : "at_most"
    let wrong = isRate ? "at_most" : "at_least"
    if reader.value(wrong) != nil {
      reader.problems.add(
        .invalidValue(
          reader.location(wrong), message: "'\(metric.rawValue)' takes '\(key)', not '\(wrong)'",
          help: isRate
            ? "a deadline hit rate must be at least a share, e.g. 'at_least: 0.95'"
            : "a wait must be at most a number of hours, e.g. 'at_most: 2'"))
      return nil
    }
    let limit = reader.double(
      key, required: true,
      help: "e.g. '\(key): \(isRate ? "0.95" : "2")'")
    return limit.map { SizingTarget(metric: metric, limit: $0, maximumNodes: maximum) }
  }

  /// `contention: {estimate_from: NAME, mean_duration_hours: h}`; nil when the section gives parameters.
  static func readContentionEstimate(_ reader: YAMLMappingReader) -> ContentionEstimateSettings? {
    guard let name = reader.string("estimate_from") else { return nil }
    reader.rejectUnknownKeys(allowed: ["estimate_from", "mean_duration_hours"])
    let duration = reader.double("mean_duration_hours")
    return ContentionEstimateSettings(sampleSet: name, meanDurationHours: duration)
  }

  static func readContention(_ reader: YAMLMappingReader) -> ContentionSettings? {
    reader.rejectUnknownKeys(allowed: contentionKeys)
    let rate = reader.double(
      "episodes_per_hour", required: true, help: "e.g. 'episodes_per_hour: 0.05'")
    let duration = reader.double(
      "mean_duration_hours", required: true, help: "e.g. 'mean_duration_hours: 2'")
    var slowdown: ContentionModel.Slowdown?
    if let node = reader.value("slowdown"), case .mapping = node,
      let range = reader.mapping("slowdown")
    {
      range.rejectUnknownKeys(allowed: ["low", "high"])
      let low = range.double(
        "low", required: true, help: "e.g. 'low: 1.15'")
      let high = range.double(
        "high", required: true, help: "e.g. 'high: 1.5'")
      if let low, let high { slowdown = .uniform(low: low, high: high) }
    } else {
      slowdown = reader.double(
        "slowdown", required: true,
        help: "e.g. 'slowdown: 1.3' or 'slowdown: {low: 1.15, high: 1.5}'"
      ).map(ContentionModel.Slowdown.fixed)
    }
    guard let rate, let duration, let slowdown else { return nil }
    return ContentionSettings(
      episodesPerHour: rate, meanDurationHours: duration, slowdown: slowdown)
  }

  static func readInterruptions(_ reader: YAMLMappingReader) -> InterruptionSettings? {
    reader.rejectUnknownKeys(allowed: interruptionKeys)
    let preemptions =
      reader.double("preemptions_per_gpu_hour") ?? 0
    let failures = reader.double("failures_per_gpu_hour") ?? 0
    // Without a checkpoint cost or interval a job has no checkpoints: an interruption restarts it from the
    // beginning. With a cost and no interval, Daly's optimal interval.
    let hasCheckpointCost = (reader.value("checkpoint_hours") != nil)
    var interval: InterruptionModel.CheckpointInterval =
      hasCheckpointCost ? .daly : .fixed(hours: .infinity)
    if let node = reader.value("checkpoint_every_hours"), case .scalar(let scalar) = node {
      switch scalar.string {
      case "young": interval = .young
      case "daly": interval = .daly
      default:
        if let hours = reader.double(
          "checkpoint_every_hours")
        {
          interval = .fixed(hours: hours)
        }
      }
    }
    let checkpoint = reader.double("checkpoint_hours") ?? 0
    let restart = reader.double("restart_hours") ?? 0
    let rerun =
      reader.double("rerun_probability") ?? 0
    let reruns = reader.integer("max_reruns") ?? 0
    return InterruptionSettings(
      preemptionsPerGPUHour: preemptions, failuresPerGPUHour: failures,
      checkpointInterval: interval,
      checkpointHours: checkpoint, restartHours: restart, rerunProbability: rerun,
      maximumReruns: reruns)
  }

  static func readCosts(_ reader: YAMLMappingReader) -> HiddenCostSettings {
    reader.rejectUnknownKeys(allowed: costKeys)
    let defaults = HiddenCostSettings()
    return HiddenCostSettings(
      engineerHourlyRate: reader.double("engineer_hourly_rate")
        ?? defaults.engineerHourlyRate,
      penaltyPerMissedDeadline: reader.double(
        "penalty_per_missed_deadline")
        ?? defaults.penaltyPerMissedDeadline,
      penaltyPerHourLate: reader.double("penalty_per_hour_late")
        ?? defaults.penaltyPerHourLate,
      investigationThreshold: reader.double(
        "investigation_threshold")
        ?? defaults.investigationThreshold,
      investigationHours: reader.double("investigation_hours")
        ?? defaults.investigationHours,
      engineersBlockedPerWaitingJob: reader.double(
        "engineers_blocked_per_waiting_job")
        ?? defaults.engineersBlockedPerWaitingJob,
      overProvisioning: reader.bool("over_provisioning") ?? defaults.overProvisioning)
  }

  static func readBilling(_ reader: YAMLMappingReader) -> BillingSettings {
    reader.rejectUnknownKeys(allowed: billingKeys)
    return BillingSettings(
      granularity: reader.choice("granularity", as: BillingSettings.Granularity.self) ?? .second,
      minimumHours: reader.double("minimum_hours") ?? 0,
      storagePerJob: reader.double("storage_per_job") ?? 0,
      egressPerJob: reader.double("egress_per_job") ?? 0)
  }

  static func readMigration(_ reader: YAMLMappingReader) -> MigrationSettings {
    reader.rejectUnknownKeys(allowed: migrationKeys)
    return MigrationSettings(
      engineerWeeks: reader.double("engineer_weeks") ?? 0,
      otherCosts: reader.double("other_costs") ?? 0)
  }

  /// `overflow: {to: OPTION, max_wait_hours: H}`.
  static func readOverflow(_ reader: YAMLMappingReader) -> OverflowSettings? {
    reader.rejectUnknownKeys(allowed: ["to", "max_wait_hours"])
    let target = reader.string(
      "to", required: true, help: "name the pay-per-use option that takes the overflow")
    let wait = reader.double(
      "max_wait_hours", required: true, help: "e.g. 'max_wait_hours: 2'")
    guard let target, let wait else { return nil }
    return OverflowSettings(option: target, maximumWaitHours: wait)
  }

  /// `provisioning: {lead_time_months: L, interim: OPTION}`.
  static func readProvisioning(_ reader: YAMLMappingReader) -> ProvisioningSettings? {
    reader.rejectUnknownKeys(allowed: ["lead_time_months", "interim"])
    let months = reader.integer(
      "lead_time_months", required: true,
      help: "months until the nodes exist, e.g. 'lead_time_months: 2'")
    let interim = reader.string(
      "interim", required: true, help: "name the pay-per-use option that runs jobs meanwhile")
    guard let months, let interim else { return nil }
    return ProvisioningSettings(leadTimeMonths: months, interimOption: interim)
  }
}
