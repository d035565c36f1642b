import CapsimCore
import Foundation
import Yams

// MARK: - Uncertain inputs: distributions in place of numbers, and the `uncertainty:` section

extension ScenarioLoader {
  /// Keys of the top-level `uncertainty:` section.
  static let uncertaintyKeys = ["sampling", "correlations"]
  /// The distribution names a value may be written with, `{name: parameters}`.
  static let distributionNames = ["lognormal", "normal", "uniform", "triangular", "pert"]

  /// The keys that accept a distribution, by section (options written `options.*`), with the smallest
  /// value the key allows: the distribution's 0.1th percentile must not be below it.
  static let uncertainKeys: [String: [String: Double]] = [
    "workload": ["jobs_per_month": 0],
    "workload.growth": ["rate_per_month": -0.99],
    "costs": [
      "engineer_hourly_rate": 0, "penalty_per_missed_deadline": 0, "penalty_per_hour_late": 0,
    ],
    "options.*": ["price_per_gpu_hour": 0],
    "options.*.interruptions": ["preemptions_per_gpu_hour": 0, "failures_per_gpu_hour": 0],
    "options.*.contention": ["episodes_per_hour": 0, "mean_duration_hours": 0],
    "options.*.migration": ["engineer_weeks": 0, "other_costs": 0],
    "options.*.provisioning": ["lead_time_months": 0],
  ]

  static let distributionHelp =
    "write a number, or one of: {lognormal: {median: m, p95: p}}, {normal: {mean: m, sd: s}}, "
    + "{uniform: [a, b]}, {triangular: [low, mode, high]}, {pert: [low, mode, high]}, "
    + "\"a to b\" or {p5: a, p95: b}"

  /// Replaces every distribution written at a supported key with its median (so the rest of the loader
  /// validates and keeps the base value) and records it; reads the `uncertainty:` section; reports a
  /// distribution at a key that cannot take one, impossible parameters, and bad correlations.
  /// The third result is the key paths of the distributions that were reported, so that the reader's
  /// own complaint about them (a mapping where a number belongs) can be dropped.
  /// A correlation naming a path in `fixed` (set to a number by an override, as a sweep or tornado
  /// point does), or a distribution already reported as unreadable, is dropped rather than reported.
  static func extractUncertainty(
    _ root: Node, fixed: Set<String> = [], problems: ProblemCollector
  ) -> (
    Node, UncertaintySettings, Set<String>
  ) {
    var inputs: [UncertainInput] = []
    var unreadable: Set<String> = []
    let before = problems.problems.count
    let document = replacingDistributions(
      in: root, section: "", keyPath: "", inputPath: "", problems: problems, inputs: &inputs,
      unreadable: &unreadable)
    let reported = Set(problems.problems[before...].compactMap(\.location.field))
    var settings = UncertaintySettings(inputs: inputs)
    guard case .mapping(let top) = document, let node = child("uncertainty", in: top),
      let reader = YAMLMappingReader(node, path: "uncertainty", problems: problems)
    else { return (document, settings, reported) }
    reader.rejectUnknownKeys(allowed: uncertaintyKeys)
    if let text = reader.string("sampling") {
      if let sampling = InputSampling(rawValue: text) {
        settings.sampling = sampling
      } else {
        problems.add(
          .invalidValue(
            reader.location("sampling"), message: "'sampling' is '\(text)'",
            help: NameSuggestions.help(
              for: text, kind: "sampling method", known: InputSampling.allCases.map(\.rawValue))))
      }
    }
    if let list = reader.value("correlations") {
      // A correlation naming a distribution already reported as unreadable is not reported again.
      settings.correlations = readCorrelations(
        list, inputs: inputs, fixed: fixed.union(unreadable), problems: problems)
      if problems.problems.isEmpty {
        do {
          try UncertainInputPlan.validate(settings)
        } catch {
          problems.add(
            .invalidValue(
              error.location ?? reader.location("correlations"), message: error.description,
              help: error.help))
        }
      }
    }
    return (document, settings, reported)
  }

  static func readCorrelations(
    _ node: Node, inputs: [UncertainInput], fixed: Set<String>, problems: ProblemCollector
  ) -> [InputCorrelation] {
    guard case .sequence(let sequence) = node else {
      problems.add(
        .wrongType(
          problems.location(node, "uncertainty.correlations"),
          expected: "a list of {between: [pathA, pathB], rank: r}",
          found: YAMLMappingReader.describe(node)))
      return []
    }
    let known = inputs.map(\.path)
    var result: [InputCorrelation] = []
    for (index, item) in sequence.enumerated() {
      let path = "uncertainty.correlations[\(index)]"
      guard let entry = YAMLMappingReader(item, path: path, problems: problems) else { continue }
      entry.rejectUnknownKeys(allowed: ["between", "rank"])
      let rank = entry.double("rank", required: true, help: "add 'rank: 0.6'")
      guard let betweenNode = entry.value("between") else {
        entry.reportMissing("between", help: "add 'between: [workload.jobs_per_month, …]'")
        continue
      }
      guard case .sequence(let pair) = betweenNode, pair.count == 2,
        let first = pair[0].string, let second = pair[1].string
      else {
        problems.add(
          .wrongType(
            entry.location("between"), expected: "a list of two uncertain inputs' key paths",
            found: YAMLMappingReader.describe(betweenNode)))
        continue
      }
      if fixed.contains(first) || fixed.contains(second) { continue }
      var ok = true
      for (position, name) in [first, second].enumerated() where !known.contains(name) {
        ok = false
        problems.add(
          .invalidValue(
            problems.location(pair[position], "\(path).between[\(position)]"),
            message: "'\(name)' is not an uncertain input",
            help: known.isEmpty
              ? "write a distribution at that key first; \(distributionHelp)"
              : NameSuggestions.help(for: name, kind: "uncertain input", known: known)))
      }
      if ok, let rank {
        result.append(
          InputCorrelation(
            between: first, second, rank: rank, location: problems.location(item, path)))
      }
    }
    return result
  }

  /// `node` with the distributions at supported keys replaced by their medians.
  static func replacingDistributions(
    in node: Node, section: String, keyPath: String, inputPath: String,
    problems: ProblemCollector, inputs: inout [UncertainInput], unreadable: inout Set<String>
  ) -> Node {
    switch node {
    case .mapping(let mapping):
      if section == "options.*.distribution" || section == "options.*.queue_wait"
        || section == "sweep" || section == "uncertainty"
      {
        return node
      }
      var pairs: [(Node, Node)] = []
      for (keyNode, value) in mapping {
        guard let key = keyNode.string else {
          pairs.append((keyNode, value))
          continue
        }
        let childSection = section.isEmpty ? key : "\(section).\(key)"
        let childKeyPath = keyPath.isEmpty ? key : "\(keyPath).\(key)"
        let childInputPath = inputPath.isEmpty ? key : "\(inputPath).\(key)"
        // The smallest value the key allows, if it takes a distribution; there, "a to b" whose ends are
        // not numbers is a bad interval.
        let smallest = uncertainKeys[section]?[key]
        if isDistributionShaped(value)
          || (smallest != nil && value.string?.contains(" to ") == true)
        {
          guard let minimum = smallest else {
            problems.add(
              .invalidValue(
                problems.location(value, childKeyPath),
                message: "'\(childKeyPath)' cannot take a distribution",
                help: "give it a number; keys that take one: "
                  + UncertainTarget.supportedPaths.joined(separator: ", ")))
            pairs.append((keyNode, value))
            continue
          }
          let location = problems.location(value, childKeyPath)
          guard let distribution = parseDistribution(value, location: location, problems: problems)
          else {
            unreadable.insert(childInputPath)
            pairs.append((keyNode, value))
            continue
          }
          // A distribution reaching outside the key's range is reported once; it is still recorded as an
          // input, so that a correlation naming it is not reported as well.
          var outOfRange = false
          if distribution.quantile(0.001) < minimum {
            problems.add(
              .invalidValue(
                location,
                message:
                  "'\(key)' must be ≥ \(String(format: "%g", minimum)), but \(distribution.summary) "
                  + "puts values below it (0.1th percentile "
                  + "\(String(format: "%g", distribution.quantile(0.001))))",
                help: "use a lognormal or a 90% interval with positive ends for a rate or count"))
            outOfRange = true
          } else if let limit = ScenarioLimits.limit(for: childKeyPath),
            !(distribution.quantile(0.999) <= limit.upper)
          {
            problems.add(
              .invalidValue(
                location,
                message:
                  "'\(key)' must be ≤ \(NumericLimit.format(limit.upper)), but \(distribution.summary) "
                  + "puts values above it (99.9th percentile "
                  + "\(String(format: "%g", distribution.quantile(0.999))))",
                help: "narrow the distribution: \(limit.reason)"))
            outOfRange = true
          }
          inputs.append(
            UncertainInput(path: childInputPath, distribution: distribution, location: location))
          if outOfRange {
            pairs.append((keyNode, value))
            continue
          }
          var median = distribution.median
          if key == "lead_time_months" { median = median.rounded() }
          let text = key == "lead_time_months" ? String(Int(median)) : String(median)
          pairs.append((keyNode, Node(text, Tag(.implicit), .plain)))
          continue
        }
        pairs.append(
          (
            keyNode,
            replacingDistributions(
              in: value, section: childSection, keyPath: childKeyPath, inputPath: childInputPath,
              problems: problems, inputs: &inputs, unreadable: &unreadable)
          ))
      }
      return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
    case .sequence(let sequence) where section == "options":
      var items: [Node] = []
      for (index, item) in sequence.enumerated() {
        let name = item.mapping.flatMap { child("name", in: $0) }?.string ?? "[\(index)]"
        items.append(
          replacingDistributions(
            in: item, section: "options.*", keyPath: "options[\(index)]",
            inputPath: "options.\(name)", problems: problems, inputs: &inputs,
            unreadable: &unreadable))
      }
      return .sequence(Node.Sequence(items, sequence.tag, sequence.style, sequence.mark))
    default:
      return node
    }
  }

  /// Whether `node` is written as a distribution: `{lognormal: …}` (one known name), `{p5: a, p95: b}`
  /// or the string `"a to b"`.
  static func isDistributionShaped(_ node: Node) -> Bool {
    switch node {
    case .mapping(let mapping):
      let keys = mapping.compactMap { $0.key.string }
      if keys.count == 1, distributionNames.contains(keys[0]) { return true }
      return Set(keys) == ["p5", "p95"]
    case .scalar(let scalar):
      return rangeEnds(scalar.string) != nil
    default:
      return false
    }
  }

  /// The two numbers of `"a to b"`.
  static func rangeEnds(_ text: String) -> (Double, Double)? {
    let parts = text.components(separatedBy: " to ")
    guard parts.count == 2,
      let low = plainNumber(parts[0].trimmingCharacters(in: .whitespaces)),
      let high = plainNumber(parts[1].trimmingCharacters(in: .whitespaces))
    else { return nil }
    return (low, high)
  }

  /// A finite number written as a scenario value is (``DecimalText``: `_` separators and a leading `+`
  /// allowed), not hexadecimal and not so small that it would be read as 0; else nil.
  static func plainNumber(_ written: String) -> Double? {
    let text = YAMLMappingReader.numberText(written)
    guard DecimalText.isDecimal(text), !DecimalText.underflows(text), let value = Double(text),
      value.isFinite
    else { return nil }
    return value
  }

  static func parseDistribution(_ node: Node, location: SourceLocation, problems: ProblemCollector)
    -> InputDistribution?
  {
    func number(_ node: Node?) -> Double? {
      node?.string.flatMap(plainNumber)
    }
    func numbers(_ node: Node?, count: Int) -> [Double]? {
      guard case .sequence(let sequence)? = node, sequence.count == count else { return nil }
      let values = sequence.compactMap(number)
      return values.count == count ? values : nil
    }
    var distribution: InputDistribution?
    var form = "\"a to b\""
    switch node {
    case .scalar(let scalar):
      if let (low, high) = rangeEnds(scalar.string) {
        distribution = .interval90(p5: low, p95: high)
      }
    case .mapping(let mapping):
      let keys = mapping.compactMap { $0.key.string }
      if Set(keys) == ["p5", "p95"] {
        form = "{p5: a, p95: b}"
        if let p5 = number(child("p5", in: mapping)), let p95 = number(child("p95", in: mapping)) {
          distribution = .interval90(p5: p5, p95: p95)
        }
      } else if let name = keys.first, let body = child(name, in: mapping) {
        let parameters = body.mapping
        switch name {
        case "lognormal":
          form = "{lognormal: {median: m, p95: p}}"
          if let parameters, parameters.count == 2, let m = number(child("median", in: parameters)),
            let p = number(child("p95", in: parameters))
          {
            distribution = .lognormal(median: m, p95: p)
          }
        case "normal":
          form = "{normal: {mean: m, sd: s}}"
          if let parameters, parameters.count == 2, let m = number(child("mean", in: parameters)),
            let s = number(child("sd", in: parameters))
          {
            distribution = .normal(mean: m, sd: s)
          }
        case "uniform":
          form = "{uniform: [a, b]}"
          if let v = numbers(body, count: 2) { distribution = .uniform(low: v[0], high: v[1]) }
        case "triangular":
          form = "{triangular: [low, mode, high]}"
          if let v = numbers(body, count: 3) {
            distribution = .triangular(low: v[0], mode: v[1], high: v[2])
          }
        default:
          form = "{pert: [low, mode, high]}"
          if let v = numbers(body, count: 3) {
            distribution = .pert(low: v[0], mode: v[1], high: v[2])
          }
        }
      }
    default: break
    }
    guard let distribution else {
      problems.add(
        .invalidValue(
          location, message: "'\(location.field ?? "")' is not a valid distribution",
          help: "write it as \(form) with finite numbers"))
      return nil
    }
    do {
      try distribution.validate()
    } catch {
      problems.add(
        .invalidValue(
          location, message: "'\(location.field ?? "")': \(error.description)",
          help: distributionHelp))
      return nil
    }
    return distribution
  }
}
