/// A plain-text table with one space-padded column per field.
///
/// ``render()`` never truncates or wraps. ``render(width:keyColumns:units:)`` keeps every line within a
/// width: it first wraps headers that are wider than their column's cells and long left-aligned text, then
/// splits the columns after the `keyColumns` into blocks that each repeat the key columns (as the run table
/// splits its options), and as a last resort wraps any cell.
struct TextTable {
  var header: [String]
  var rightAligned: [Bool]
  var rows: [[String]]

  /// The table at its natural column widths.
  func render() -> String {
    render(columns: Array(header.indices), widths: naturalWidths()).joined(separator: "\n") + "\n"
  }

  /// The table as lines of at most `width` characters (`width` ≥ 20).
  ///
  /// - Parameters:
  ///   - keyColumns: how many leading columns identify a row and are repeated in every block.
  ///   - units: ranges of the other columns that stay in one block (an option's cost and its P(min));
  ///     by default each column is its own unit.
  func render(width: Int, keyColumns: Int = 1, units: [Range<Int>]? = nil) -> [String] {
    let width = Swift.max(20, width)
    let all = Array(header.indices)
    let natural = naturalWidths()
    if lineWidth(all.map { natural[$0] }) <= width {
      return render(columns: all, widths: natural)
    }
    // Wrapping headers to their cells and long text to 12 columns may be enough.
    let soft = shrunk(all, to: width, comfortable: true)
    if lineWidth(soft) <= width { return render(columns: all, widths: soft) }
    let keys = Array(all.prefix(Swift.min(keyColumns, all.count)))
    let rest = units ?? all.dropFirst(keys.count).map { $0..<($0 + 1) }
    guard rest.count > 1 else { return render(columns: all, widths: shrunk(all, to: width)) }
    // Blocks of as many units as fit next to the key columns, each at its comfortable widths.
    var blocks: [[Int]] = []
    var current: [Int] = []
    for unit in rest {
      let candidate = current + Array(unit)
      let widths = shrunk(keys + candidate, to: width, comfortable: true)
      if current.isEmpty || lineWidth(widths) <= width {
        current = candidate
      } else {
        blocks.append(current)
        current = Array(unit)
      }
    }
    if !current.isEmpty { blocks.append(current) }
    var lines: [String] = []
    for (index, block) in blocks.enumerated() {
      if index > 0 { lines.append("") }
      let columns = keys + block
      var widths = shrunk(columns, to: width, comfortable: true)
      if lineWidth(widths) > width { widths = shrunk(columns, to: width) }
      lines += render(columns: columns, widths: widths)
    }
    return lines
  }

  private func naturalWidths() -> [Int] {
    var widths = header.map(\.count)
    for row in rows {
      for (index, cell) in row.enumerated() { widths[index] = Swift.max(widths[index], cell.count) }
    }
    return widths
  }

  private func lineWidth(_ widths: [Int]) -> Int {
    widths.reduce(0, +) + 2 * Swift.max(0, widths.count - 1)
  }

  /// Widths for `columns` that fit `width` if they can: headers narrowed to their cells first (broken at
  /// `.`, `_`, `-`), then the widest left-aligned column down to 12 (`comfortable`) or any column to 4.
  private func shrunk(_ columns: [Int], to width: Int, comfortable: Bool = false) -> [Int] {
    var widths = columns.map { column in
      rows.reduce(header[column].count) { Swift.max($0, $1[column].count) }
    }
    func excess() -> Int { lineWidth(widths) - width }
    // Headers wider than every cell of their column wrap first, the widest first.
    let floors = columns.map { column in
      Swift.max(
        rows.reduce(0) { Swift.max($0, $1[column].count) }, 4, Self.longestPiece(header[column]))
    }
    while excess() > 0 {
      guard
        let widest = columns.indices.filter({ widths[$0] > floors[$0] }).max(by: {
          widths[$0] < widths[$1]
        })
      else { break }
      widths[widest] -= 1
    }
    while excess() > 0 {
      let candidates = columns.indices.filter { position in
        comfortable
          ? !rightAligned[columns[position]] && widths[position] > 12
          : widths[position] > 4
      }
      guard
        let widest = candidates.max(by: {
          (widths[$0], !rightAligned[columns[$0]] ? 1 : 0) < (
            widths[$1], !rightAligned[columns[$1]] ? 1 : 0
          )
        })
      else { break }
      widths[widest] -= 1
    }
    return widths
  }

  /// The longest run of `text` between break points, which a header wrap keeps whole.
  private static func longestPiece(_ text: String) -> Int {
    var longest = 0
    var run = 0
    for character in text {
      if character == " " {
        run = 0
        continue
      }
      run += 1
      longest = Swift.max(longest, run)
      if ".,/_-".contains(character) { run = 0 }
    }
    return longest
  }

  private func render(columns: [Int], widths: [Int]) -> [String] {
    func lines(_ cells: [String]) -> [String] {
      let wrapped = columns.enumerated().map { position, column in
        Self.wrap(cells[column], width: widths[position])
      }
      let height = wrapped.map(\.count).max() ?? 1
      return (0..<height).map { lineIndex in
        var text = ""
        for (position, column) in columns.enumerated() {
          let cell = lineIndex < wrapped[position].count ? wrapped[position][lineIndex] : ""
          let fill = String(repeating: " ", count: Swift.max(0, widths[position] - cell.count))
          if position > 0 { text += "  " }
          text += rightAligned[column] ? fill + cell : cell + fill
        }
        while text.last == " " { text.removeLast() }
        return text
      }
    }
    return lines(header) + rows.flatMap(lines)
  }

  /// `text` in lines of at most `width` characters: broken at spaces, a longer word after its last `.`,
  /// `/`, `_` or `-` that fits, else at `width`.
  ///
  /// - Complexity: O(n) for a text of n characters: a long word is cut by walking its indices, not by
  ///   copying and recounting what is left after each piece (which made a 200,000-character option
  ///   name take a minute to wrap).
  static func wrap(_ text: String, width: Int) -> [String] {
    guard text.count > width else { return [text] }
    var lines: [String] = []
    var current = ""
    var currentCount = 0
    for piece in text.split(separator: " ", omittingEmptySubsequences: false) {
      var word = piece
      var wordCount = word.count
      if !current.isEmpty {
        if currentCount + 1 + wordCount <= width {
          current += " " + word
          currentCount += 1 + wordCount
          continue
        }
        lines.append(current)
        current = ""
      }
      while wordCount > width {
        let headEnd = word.index(word.startIndex, offsetBy: width)
        let head = word[..<headEnd]
        let cut =
          head.lastIndex(where: { ".,/_-".contains($0) }).map { head.index(after: $0) } ?? headEnd
        lines.append(String(word[..<cut]))
        wordCount -= word.distance(from: word.startIndex, to: cut)
        word = word[cut...]
      }
      current = String(word)
      currentCount = wordCount
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return lines
  }
}
