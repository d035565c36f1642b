/// "Did you mean" suggestions for unknown names, by edit distance (as swift-argument-parser does).
public enum NameSuggestions {
  /// The known names within `maximumDistance` edits of `name` (case-insensitive), nearest first,
  /// ties broken alphabetically; at most `limit` of them.
  ///
  /// A known name that contains the unknown one, or is contained by it, is also suggested, since
  /// users often type a prefix (`h100` for `cloud-h100-on-demand`).
  ///
  /// - Complexity: O(k · m · n) for k known names of length m and a name of length n.
  public static func nearest(
    to name: String, in known: some Sequence<String>, maximumDistance: Int = 3, limit: Int = 3
  ) -> [String] {
    let needle = name.lowercased()
    var scored: [(distance: Int, name: String)] = []
    for candidate in known {
      let lowered = candidate.lowercased()
      let distance = editDistance(needle, lowered)
      if distance <= maximumDistance {
        scored.append((distance, candidate))
      } else if needle.count >= 3, lowered.contains(needle) || needle.contains(lowered) {
        scored.append((maximumDistance + 1, candidate))
      }
    }
    scored.sort { ($0.distance, $0.name) < ($1.distance, $1.name) }
    return Array(scored.prefix(limit).map(\.name))
  }

  /// A `help:` sentence for an unknown name, listing the suggestions, or all known names if few. Many
  /// names of what `capsim data list` shows (prices, sample sets, platforms) point there; many of
  /// anything else (a scenario's options, a family's parameters) are listed, the first 20 of them, since
  /// `capsim data list` does not show them.
  public static func help(for name: String, kind: String, known: [String]) -> String {
    let close = nearest(to: name, in: known)
    if !close.isEmpty {
      return "did you mean " + close.map { "'\($0)'" }.joined(separator: " or ") + "?"
    }
    if known.isEmpty {
      return "no \(kind) is defined yet; import one first"
    }
    let inDataList = ["price", "sample set", "platform"].contains { kind.hasSuffix($0) }
    if known.count <= 8 || !inDataList {
      let sorted = known.sorted()
      let more = sorted.count > 20 ? " and \(sorted.count - 20) more" : ""
      return "known \(kind) names: " + sorted.prefix(20).joined(separator: ", ") + more
    }
    return "run 'capsim data list' to see the \(known.count) known \(kind) names"
  }

  /// Levenshtein distance between two strings, by characters.
  ///
  /// - Complexity: O(m · n) time, O(n) space.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
