import CapsimCore
import Foundation
import Yams

extension ScenarioLoader {
  static let sweepKeys = ["vary", "values", "from", "to", "step"]

  /// `sweep: [{vary: PATH, values: [a, b, c]}, {vary: PATH, from: F, to: T, step: S}]`: the inputs
  /// `capsim sweep` varies when no `--vary` is given (one or two).
  /// Two items may not vary the same input (`optionNames` says which option a name or position means).
  static func readSweep(_ node: Node, optionNames: [String], problems: ProblemCollector)
    -> [SweepAxis]
  {
    guard case .sequence(let sequence) = node else {
      problems.add(
        .wrongType(
          problems.location(node, "sweep"), expected: "a list of one or two inputs to vary",
          found: YAMLMappingReader.describe(node)))
      return []
    }
    guard (1...2).contains(sequence.count) else {
      problems.add(
        .invalidValue(
          problems.location(node, "sweep"),
          message: sequence.isEmpty
            ? "'sweep' is an empty list"
            : "'sweep' lists \(sequence.count) inputs; a sweep varies one or two",
          help: sequence.isEmpty
            ? "list one or two inputs to vary, e.g. '- {vary: workload.jobs_per_month, values: [60, 80]}', or remove 'sweep'"
            : "keep two of them here and give the others with --set, or run one sweep per pair"))
      return []
    }
    var axes: [SweepAxis] = []
    var items: [(index: Int, node: Node)] = []
    for (index, item) in sequence.enumerated() {
      let path = "sweep[\(index)]"
      guard let reader = YAMLMappingReader(item, path: path, problems: problems) else { continue }
      reader.rejectUnknownKeys(allowed: sweepKeys)
      guard
        let vary = reader.string(
          "vary", required: true, help: "name the key to vary, e.g. 'vary: workload.jobs_per_month'"
        )
      else { continue }
      let rangeKeys = ["from", "to", "step"].filter { reader.value($0) != nil }
      if reader.value("values") != nil, let first = rangeKeys.first {
        problems.add(
          .invalidValue(
            reader.location(first),
            message: "give either 'values' or 'from', 'to' and 'step', not both",
            help: "remove 'values' to sweep the range, or remove "
              + rangeKeys.map { "'\($0)'" }.joined(separator: ", ") + " to sweep the list"))
        continue
      }
      let axis: () throws(ScenarioError) -> SweepAxis
      if let values = reader.value("values") {
        guard case .sequence(let list) = values else {
          problems.add(
            .wrongType(
              reader.location("values"), expected: "a list of values",
              found: YAMLMappingReader.describe(values)))
          continue
        }
        guard !list.isEmpty else {
          problems.add(
            .invalidValue(
              reader.location("values"), message: "'values' is an empty list",
              help: "list at least one value, e.g. 'values: [60, 80, 100]'"))
          continue
        }
        if let item = list.first(where: { $0.scalar == nil }) {
          problems.add(
            .wrongType(
              problems.location(item, "\(path).values"),
              expected: "a plain value (a number or a name)",
              found: YAMLMappingReader.describe(item)))
          continue
        }
        if let item = list.first(where: { ($0.string ?? "").allSatisfy(\.isWhitespace) }) {
          problems.add(
            .invalidValue(
              problems.location(item, "\(path).values"), message: "'values' has an empty value",
              help: "remove it, or give the value to sweep, e.g. 'values: [60, 80, 100]'"))
          continue
        }
        // Each listed value whole (a name may hold a comma), as YAML text that reads back as written.
        let listed = list.compactMap(\.string).map(Self.yamlText)
        axis = { () throws(ScenarioError) in
          try SweepAxis(path: vary, listing: listed, label: path)
        }
      } else {
        let bounds = ["from", "to", "step"].map {
          reader.double(
            $0, limitKey: "sweep.\($0)", required: true,
            help: "give 'values: [a, b]' or 'from', 'to' and 'step'")
        }
        guard let from = bounds[0], let to = bounds[1], let step = bounds[2] else { continue }
        let text = ["from", "to", "step"].enumerated().map { position, key in
          reader.value(key)?.string ?? String([from, to, step][position])
        }.joined(separator: ":")
        axis = { () throws(ScenarioError) in
          try SweepAxis(parsing: "\(vary)=\(text)", label: path)
        }
      }
      do {
        axes.append(try axis())
        items.append((index, item))
      } catch {
        for problem in error.problems {
          problems.add(problem.relocated(to: problems.location(item, path)))
        }
      }
    }
    if let (first, second) = SweepAxis.firstRepeat(axes, optionNames: optionNames) {
      let (a, b) = (axes[first], axes[second])
      let same =
        a.path == b.path ? "'\(a.path)'" : "the same input ('\(a.path)' and '\(b.path)')"
      let (earlier, later) = ("sweep[\(items[first].index)]", "sweep[\(items[second].index)]")
      problems.add(
        .invalidValue(
          problems.location(
            items[second].node.mapping.flatMap { child("vary", in: $0) }, "\(later).vary"),
          message:
            "\(earlier) and \(later) both vary \(same); every point would take \(later)'s value, "
            + "so \(earlier) would be ignored",
          help:
            "vary two different inputs; to sweep more values of one input, list them all in one "
            + "item's 'values' (or its 'from', 'to' and 'step')"))
      return []
    }
    return axes
  }

  /// `value` as YAML text that reads back as the same string: as it is when it does (a number, a name),
  /// else as Yams emits it double-quoted. A sweep's value becomes an override's text, which is read as
  /// YAML: quoted in the file, `"a: b"`, `"[x, y]"` or `"80 # note"` would otherwise read as a mapping, a
  /// list, or 80.
  static func yamlText(_ value: String) -> String {
    if let node = try? Yams.compose(yaml: value), node.scalar?.string == value { return value }
    let quoted = Node.scalar(.init(value, Tag(.str), .doubleQuoted))
    // One line however long (width -1), non-ASCII kept as written. Emitting a string scalar does not fail;
    // were it to, the value as written goes on and its override reports what it reads as.
    guard let text = try? Yams.serialize(node: quoted, width: -1, allowUnicode: true) else {
      return value
    }
    return text.trimmingCharacters(in: .newlines)
  }
}
