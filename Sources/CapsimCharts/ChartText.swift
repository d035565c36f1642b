/// The words of a chart: its title, text alternative and axis labels (with units).
public struct ChartText: Sendable, Hashable {
  /// Title shown above the chart and as its SVG `<title>`.
  public var title: String
  /// Text alternative (SVG `<desc>`): what the chart shows, in a sentence a screen reader can read.
  public var description: String
  /// Horizontal axis label, with its unit.
  public var xLabel: String
  /// Vertical axis label, with its unit.
  public var yLabel: String

  /// Creates chart text.
  public init(title: String, description: String, xLabel: String, yLabel: String) {
    self.title = title
    self.description = description
    self.xLabel = xLabel
    self.yLabel = yLabel
  }
}

/// The frame every chart draws in: size, margins, the `<svg>` element with its title and description,
/// axes with ticks and labels, and a legend.
struct ChartFrame {
  var width = 720.0
  var height = 360.0
  var left = 78.0
  var right = 24.0
  var top = 40.0
  var bottom = 58.0
  var text: ChartText
  var identifier: String

  var plotLeft: Double { left }
  var plotRight: Double { width - right }
  var plotTop: Double { top }
  var plotBottom: Double { height - bottom }

  /// Opens the `<svg>` with `role="img"`, `aria-labelledby` pointing at its `<title>` and `<desc>`.
  func open() -> String {
    let id = SVG.escape(identifier)
    return """
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(SVG.number(width)) \(SVG.number(height))" \
      width="\(SVG.number(width))" height="\(SVG.number(height))" role="img" \
      aria-labelledby="\(id)-title \(id)-desc" class="chart" font-family="sans-serif" font-size="12">
      <title id="\(id)-title">\(SVG.escape(text.title))</title>
      <desc id="\(id)-desc">\(SVG.escape(text.description))</desc>
      <text x="\(SVG.number(width / 2))" y="20" text-anchor="middle" font-size="15" \
      font-weight="bold">\(SVG.escape(text.title))</text>

      """
  }

  /// Axis lines, ticks, grid lines and axis labels for a numeric y scale and either a numeric x scale
  /// or category labels placed at `categoryPositions`.
  func axes(
    x: LinearScale?, y: LinearScale, categories: [(label: String, position: Double)] = [],
    xTickLabel: (Double) -> String = SVG.tickLabel, yTickLabel: (Double) -> String = SVG.tickLabel
  ) -> String {
    var svg = "<g class=\"axes\" stroke=\"#444\" fill=\"#222\">\n"
    for tick in y.ticks {
      let py = SVG.number(y(tick))
      svg +=
        "<line x1=\"\(SVG.number(plotLeft))\" x2=\"\(SVG.number(plotRight))\" y1=\"\(py)\" "
        + "y2=\"\(py)\" stroke=\"#ddd\"/>\n"
      svg +=
        "<text x=\"\(SVG.number(plotLeft - 6))\" y=\"\(py)\" text-anchor=\"end\" "
        + "dominant-baseline=\"middle\" stroke=\"none\">\(SVG.escape(yTickLabel(tick)))</text>\n"
    }
    if let x {
      for tick in x.ticks {
        let px = SVG.number(x(tick))
        svg +=
          "<line x1=\"\(px)\" x2=\"\(px)\" y1=\"\(SVG.number(plotBottom))\" "
          + "y2=\"\(SVG.number(plotBottom + 5))\"/>\n"
        svg +=
          "<text x=\"\(px)\" y=\"\(SVG.number(plotBottom + 18))\" text-anchor=\"middle\" "
          + "stroke=\"none\">\(SVG.escape(xTickLabel(tick)))</text>\n"
      }
    }
    for category in categories {
      svg +=
        "<text x=\"\(SVG.number(category.position))\" y=\"\(SVG.number(plotBottom + 18))\" "
        + "text-anchor=\"middle\" stroke=\"none\">\(SVG.escape(category.label))</text>\n"
    }
    svg +=
      "<line x1=\"\(SVG.number(plotLeft))\" x2=\"\(SVG.number(plotRight))\" "
      + "y1=\"\(SVG.number(plotBottom))\" y2=\"\(SVG.number(plotBottom))\"/>\n"
    svg +=
      "<line x1=\"\(SVG.number(plotLeft))\" x2=\"\(SVG.number(plotLeft))\" "
      + "y1=\"\(SVG.number(plotTop))\" y2=\"\(SVG.number(plotBottom))\"/>\n"
    svg +=
      "<text x=\"\(SVG.number((plotLeft + plotRight) / 2))\" y=\"\(SVG.number(plotBottom + 36))\" "
      + "text-anchor=\"middle\" stroke=\"none\" font-weight=\"bold\">\(SVG.escape(text.xLabel))</text>\n"
    let midY = SVG.number((plotTop + plotBottom) / 2)
    svg +=
      "<text x=\"16\" y=\"\(midY)\" text-anchor=\"middle\" stroke=\"none\" font-weight=\"bold\" "
      + "transform=\"rotate(-90 16 \(midY))\">\(SVG.escape(text.yLabel))</text>\n"
    return svg + "</g>\n"
  }

  /// A legend entry: a swatch (solid or dashed line) and a name.
  typealias LegendEntry = (name: String, color: String, dashed: Bool)

  /// The approximate width of a legend entry: an 18-pixel swatch, a gap, the name at about 6.5 pixels a
  /// character (12-pixel sans-serif), and space before the next entry.
  static func legendWidth(_ entry: LegendEntry) -> Double { 34 + Double(entry.name.count) * 6.5 }

  /// `entries` split into rows that each fit between the plot's left edge and the frame's right edge,
  /// in order; an entry wider than a row gets a row of its own.
  func legendRows(_ entries: [LegendEntry]) -> [[LegendEntry]] {
    let available = width - plotLeft - 8
    var rows: [[LegendEntry]] = []
    var used = 0.0
    for entry in entries {
      let entryWidth = Self.legendWidth(entry)
      if rows.isEmpty || used + entryWidth > available {
        rows.append([entry])
        used = entryWidth
      } else {
        rows[rows.count - 1].append(entry)
        used += entryWidth
      }
    }
    return rows
  }

  /// Grows the frame downwards so the legend of `entries` fits under the x-axis label, one 16-pixel
  /// row per extra legend row; call before drawing anything.
  mutating func reserveLegend(_ entries: [LegendEntry]) {
    let extra = 16 * Double(Swift.max(0, legendRows(entries).count - 1))
    bottom += extra
    height += extra
  }

  /// The legend under the x-axis label: a swatch and a name per series, wrapped into rows (reserve
  /// them first with ``reserveLegend(_:)``), so it never runs into the axis label.
  func legend(_ entries: [LegendEntry]) -> String {
    guard !entries.isEmpty else { return "" }
    var svg = "<g class=\"legend\">\n"
    for (row, rowEntries) in legendRows(entries).enumerated() {
      var x = plotLeft
      let y = plotBottom + 52 + 16 * Double(row)
      for entry in rowEntries {
        svg +=
          "<line x1=\"\(SVG.number(x))\" x2=\"\(SVG.number(x + 18))\" y1=\"\(SVG.number(y - 4))\" "
          + "y2=\"\(SVG.number(y - 4))\" stroke=\"\(entry.color)\" stroke-width=\"4\""
          + (entry.dashed ? " stroke-dasharray=\"4 3\"" : "") + "/>\n"
        svg +=
          "<text x=\"\(SVG.number(x + 22))\" y=\"\(SVG.number(y))\">\(SVG.escape(entry.name))</text>\n"
        x += Self.legendWidth(entry)
      }
    }
    return svg + "</g>\n"
  }
}
