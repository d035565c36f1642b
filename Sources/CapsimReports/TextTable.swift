/// A plain-text table with one space-padded column per field; long cells are not truncated.
struct TextTable {
  var header: [String]
  var rightAligned: [Bool]
  var rows: [[String]]

  func render() -> String {
    var widths = header.map(\.count)
    for row in rows {
      for (index, cell) in row.enumerated() { widths[index] = Swift.max(widths[index], cell.count) }
    }
    func line(_ cells: [String]) -> String {
      var text = ""
      for (index, cell) in cells.enumerated() {
        let fill = String(repeating: " ", count: widths[index] - cell.count)
        if index > 0 { text += "  " }
        text += rightAligned[index] ? fill + cell : cell + fill
      }
      while text.last == " " { text.removeLast() }
      return text
    }
    var lines = [line(header)]
    lines.append(contentsOf: rows.map(line))
    return lines.joined(separator: "\n") + "\n"
  }
}
