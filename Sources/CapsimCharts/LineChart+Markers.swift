/// Where a line chart's marker labels go: beside their lines when every label fits inside the plot
/// without crossing another marker, otherwise a letter tag beside each line ("A", "B", …) with the full
/// label in the legend, so no label ever runs through another marker.
struct MarkerPlacement {
  /// One marker: its x coordinate, its label, and its tag when labels go to the legend.
  private struct Placed {
    var position: Double
    var label: String
    var anchorEnd: Bool
  }

  private var placed: [Placed] = []
  private var tagged: [(position: Double, tag: String, label: String)] = []

  /// Places the labels of `markers` on `scale` inside `frame`'s plot.
  init(markers: [LineChart.Marker], scale: LinearScale, frame: ChartFrame) {
    let positions = markers.map { scale($0.x) }
    for (index, marker) in markers.enumerated() {
      let position = positions[index]
      let width = Double(marker.label.count) * 6.5 + 4
      let others = positions.enumerated().filter { $0.offset != index }.map(\.element)
      let rightFits =
        position + width <= frame.plotRight
        && !others.contains { $0 > position && $0 <= position + width + 2 }
      let leftFits =
        position - width >= frame.plotLeft
        && !others.contains { $0 < position && $0 >= position - width - 2 }
      guard rightFits || leftFits else {
        placed = []
        tagged = markers.enumerated().map { offset, marker in
          (positions[offset], Self.tag(offset), marker.label)
        }
        return
      }
      placed.append(Placed(position: position, label: marker.label, anchorEnd: !rightFits))
    }
  }

  /// "A" for 0 through "Z" for 25, then "AA", "AB", …
  private static func tag(_ index: Int) -> String {
    let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return index < letters.count
      ? String(letters[index])
      : tag(index / letters.count - 1) + String(letters[index % letters.count])
  }

  /// Legend entries for tagged markers ("A: bare-metal overtakes …"), none when labels sit inline.
  var legendEntries: [ChartFrame.LegendEntry] {
    tagged.map { (name: "\($0.tag): \($0.label)", color: "#000", dashed: true) }
  }

  /// The marker lines with their labels or tags, one 14-pixel row per marker from the plot's top.
  func svg(frame: ChartFrame) -> String {
    var svg = ""
    let lines: [(position: Double, text: String, anchorEnd: Bool)] =
      placed.map { ($0.position, $0.label, $0.anchorEnd) }
      + tagged.map { ($0.position, $0.tag, false) }
    for (index, line) in lines.enumerated() {
      let px = SVG.number(line.position)
      svg +=
        "<line class=\"marker\" x1=\"\(px)\" x2=\"\(px)\" y1=\"\(SVG.number(frame.plotTop))\" "
        + "y2=\"\(SVG.number(frame.plotBottom))\" stroke=\"#000\" stroke-dasharray=\"3 3\"/>\n"
      let textX = line.anchorEnd ? line.position - 4 : line.position + 4
      svg +=
        "<text x=\"\(SVG.number(textX))\" y=\"\(SVG.number(frame.plotTop + 14 + 14 * Double(index)))\""
        + (line.anchorEnd ? " text-anchor=\"end\"" : "") + ">\(SVG.escape(line.text))</text>\n"
    }
    return svg
  }
}
