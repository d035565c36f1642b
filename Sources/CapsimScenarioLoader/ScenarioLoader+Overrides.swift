import CapsimCore
import Yams

// MARK: - Applying `--set PATH=VALUE` to the YAML tree

extension ScenarioLoader {
  /// The keys each section allows, by section path with every option written `options.*`; a section
  /// mapped to `nil` takes free keys (a distribution's parameters).
  static var sectionKeys: [String: [String]?] {
    [
      "": topLevelKeys, "workload": workloadKeys, "workload.growth": growthKeys,
      "options.*": optionKeys, "options.*.contention": contentionKeys + ["estimate_from"],
      "options.*.contention.slowdown": ["low", "high"],
      "options.*.interruptions": interruptionKeys, "options.*.billing": billingKeys,
      "options.*.migration": migrationKeys, "options.*.sizing": sizingKeys,
      "options.*.queue_wait": sourceKeys, "options.*.overflow": ["to", "max_wait_hours"],
      "options.*.provisioning": ["lead_time_months", "interim"], "options.*.distribution": nil,
      "options.*.queue_wait.distribution": nil, "costs": costKeys, "uncertainty": uncertaintyKeys,
    ]
  }

  /// An override applied to the tree: where it landed, in the loader's key-path form (`options[1].nodes`).
  struct AppliedOverride {
    var override: ScenarioOverride
    var keyPath: String
  }

  /// Applies `overrides` in order to the document `root`: each sets (or adds) the value at its path.
  /// An option is addressed by name (`options.bare-metal`) or position (`options[1]`); a missing section
  /// on the way is created. Values are parsed as YAML and carry no file position, so that every problem
  /// the loader finds in them is reported against the override.
  ///
  /// - Throws: ``ScenarioError`` naming the override (`--set 2`) for an unknown key or option, a path
  ///   through a plain value, or a value that is not YAML.
  static func apply(_ overrides: [ScenarioOverride], to root: Node) throws(ScenarioError) -> (
    Node, [AppliedOverride]
  ) {
    var root = root
    var applied: [AppliedOverride] = []
    var problems: [ScenarioProblem] = []
    for override in overrides {
      do {
        let value = try parseValue(override)
        let segments = try segments(of: override)
        var keyPath = ""
        root = try setting(
          value, at: segments[...], in: root, sectionPath: "", keyPath: &keyPath,
          override: override)
        applied.append(AppliedOverride(override: override, keyPath: keyPath))
      } catch {
        problems.append(error)
      }
    }
    if !problems.isEmpty { throw ScenarioError(problems) }
    return (root, applied)
  }

  /// A path segment: a key, or an option's position written `[n]`.
  enum PathSegment: Equatable {
    case key(String)
    case index(Int)
  }

  static func segments(of override: ScenarioOverride) throws(ScenarioProblem) -> [PathSegment] {
    var result: [PathSegment] = []
    for part in override.path.split(separator: ".", omittingEmptySubsequences: false) {
      var part = Substring(part)
      var indices: [Int] = []
      while part.hasSuffix("]"), let open = part.lastIndex(of: "[") {
        guard let index = Int(part[part.index(after: open)..<part.index(before: part.endIndex)])
        else { break }
        indices.insert(index, at: 0)
        part = part[..<open]
      }
      guard !part.isEmpty || !indices.isEmpty, !part.contains("["), !part.contains("]") else {
        throw overrideProblem(
          override, "'\(override.path)' is not a key path",
          help: "separate keys with dots, e.g. 'options.bare-metal.nodes' or 'options[1].nodes'")
      }
      if !part.isEmpty { result.append(.key(String(part))) }
      result += indices.map(PathSegment.index)
    }
    return result
  }

  /// The override's value as a YAML node without positions.
  static func parseValue(_ override: ScenarioOverride) throws(ScenarioProblem) -> Node {
    let node: Node?
    do {
      node = try Yams.compose(yaml: override.value)
    } catch {
      throw overrideProblem(
        override, "the value '\(override.value)' is not valid YAML",
        help:
          "quote text with special characters; write lists as [a, b] and sections as {key: value}")
    }
    return stripped(node ?? Node("", .implicit))
  }

  /// `node` with every file position removed.
  static func stripped(_ node: Node) -> Node {
    switch node {
    case .scalar(var scalar):
      scalar.mark = nil
      return .scalar(scalar)
    case .mapping(let mapping):
      return .mapping(
        Node.Mapping(
          mapping.map { (stripped($0.key), stripped($0.value)) }, mapping.tag, mapping.style, nil))
    case .sequence(let sequence):
      return .sequence(Node.Sequence(sequence.map(stripped), sequence.tag, sequence.style, nil))
    case .alias: return node
    }
  }

  static func overrideProblem(_ override: ScenarioOverride, _ message: String, help: String?)
    -> ScenarioProblem
  {
    .invalidValue(SourceLocation(file: override.label), message: message, help: help)
  }

  /// `container` with `value` set at `segments`; `keyPath` receives the loader's key path of the target.
  static func setting(
    _ value: Node, at segments: ArraySlice<PathSegment>, in container: Node, sectionPath: String,
    keyPath: inout String, override: ScenarioOverride
  ) throws(ScenarioProblem) -> Node {
    guard let first = segments.first else { return value }
    let rest = segments.dropFirst()
    let shown = override.path
    if sectionPath == "options" {
      guard case .sequence(var sequence) = container else {
        throw overrideProblem(override, "\(shown): 'options' is not a list", help: nil)
      }
      let names = sequence.map { $0.mapping.flatMap { child("name", in: $0) }?.string ?? "" }
      let index: Int
      switch first {
      case .index(let position):
        guard sequence.indices.contains(position) else {
          throw overrideProblem(
            override, "\(shown): there is no options[\(position)]",
            help: "options are numbered from 0 to \(sequence.count - 1): "
              + names.joined(separator: ", "))
        }
        index = position
      case .key(let name):
        guard let found = names.firstIndex(of: name) else {
          throw overrideProblem(
            override, "\(prefix(of: shown, through: name)): no option named '\(name)'",
            help: NameSuggestions.help(for: name, kind: "option", known: names))
        }
        index = found
      }
      keyPath += "[\(index)]"
      sequence[index] = try setting(
        value, at: rest, in: sequence[index], sectionPath: "options.*", keyPath: &keyPath,
        override: override)
      return .sequence(sequence)
    }
    guard case .key(let key) = first else {
      throw overrideProblem(
        override, "\(shown): '\(sectionPath.isEmpty ? "the document" : sectionPath)' is not a list",
        help: nil)
    }
    guard case .mapping(let mapping) = container else {
      throw overrideProblem(
        override, "\(shown): '\(keyPath)' is a value, not a section",
        help: "set '\(keyPath)' itself, e.g. '\(keyPath)=…'")
    }
    let childSection = sectionPath.isEmpty ? key : "\(sectionPath).\(key)"
    if let allowed = sectionKeys[sectionPath] {
      if let allowed, !allowed.contains(key) {
        let suggestions = NameSuggestions.nearest(to: key, in: allowed)
        throw overrideProblem(
          override, "\(prefix(of: shown, through: key)): unknown key '\(key)'",
          help: suggestions.isEmpty
            ? "allowed keys here: " + allowed.joined(separator: ", ")
            : "did you mean " + suggestions.map { "'\($0)'" }.joined(separator: " or ") + "?")
      }
    } else {
      throw overrideProblem(
        override, "\(shown): '\(keyPath)' is a value, not a section",
        help: "set '\(keyPath)' itself, e.g. '\(keyPath)=…'")
    }
    keyPath += keyPath.isEmpty ? key : ".\(key)"
    let existing = child(key, in: mapping) ?? Node.mapping(Node.Mapping([]))
    if rest.isEmpty == false, key != "options", case .scalar = existing,
      existing.string?.isEmpty == false
    {
      throw overrideProblem(
        override, "\(shown): '\(keyPath)' is a value, not a section",
        help: "set '\(keyPath)' itself, e.g. '\(keyPath)=…'")
    }
    let updated = try setting(
      value, at: rest, in: existing, sectionPath: childSection, keyPath: &keyPath,
      override: override)
    var pairs = mapping.map { ($0.key, $0.value) }
    if let index = pairs.firstIndex(where: { $0.0.string == key }) {
      pairs[index].1 = updated
    } else {
      pairs.append((Node(key), updated))
    }
    return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
  }

  /// The value under the text key `key` of `mapping`, if any.
  static func child(_ key: String, in mapping: Node.Mapping) -> Node? {
    mapping.first { $0.key.string == key }?.value
  }

  /// The part of `path` up to and including the segment `segment` (for `options.bare-metl` in
  /// `options.bare-metl.nodes`).
  static func prefix(of path: String, through segment: String) -> String {
    guard let range = path.range(of: segment) else { return path }
    return String(path[..<range.upperBound])
  }
}

// MARK: - Reporting problems in overridden values

extension ScenarioProblem {
  /// The same problem at `location`.
  func relocated(to location: SourceLocation) -> ScenarioProblem {
    switch self {
    case .syntax(_, let message): return .syntax(location, message: message)
    case .missingKey(_, let key, let help): return .missingKey(location, key: key, help: help)
    case .unknownKey(_, let key, let suggestions, let allowed):
      return .unknownKey(location, key: key, suggestions: suggestions, allowed: allowed)
    case .wrongType(_, let expected, let found):
      return .wrongType(location, expected: expected, found: found)
    case .invalidValue(_, let message, let help):
      return .invalidValue(location, message: message, help: help)
    case .unsupportedVersion(_, let found, let highest):
      return .unsupportedVersion(location, found: found, highestSupported: highest)
    case .unknownName(_, let kind, let name, let known):
      return .unknownName(location, kind: kind, name: name, known: known)
    }
  }
}
