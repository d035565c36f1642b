/// A tornado chart: one horizontal row per input, largest swing on top, each with a bar from the base
/// value to the metric at the input's low end and another to the metric at its high end, and a vertical
/// line at the base value.
public struct TornadoChart: Sendable, Hashable {
  /// One input's row.
  public struct Row: Sendable, Hashable {
    /// The input's name, left of the row.
    public var label: String
    /// The input's low value, as written at the end of its bar ("80").
    public var lowLabel: String
    /// The metric with the input at its low value.
    public var low: Double
    /// The input's high value, as written at the end of its bar.
    public var highLabel: String
    /// The metric with the input at its high value.
    public var high: Double

    /// Creates a row.
    public init(label: String, lowLabel: String, low: Double, highLabel: String, high: Double) {
      self.label = label
      self.lowLabel = lowLabel
      self.low = low
      self.highLabel = highLabel
      self.high = high
    }

    /// |high − low|.
    public var swing: Double { Swift.abs(high - low) }
  }

  /// The rows, in the order given (callers sort them by swing).
  public var rows: [Row]
  /// The metric at base, where every bar starts.
  public var base: Double
  /// Title, description and axis labels (`xLabel` names the metric and its unit; `yLabel` the inputs).
  public var text: ChartText

  /// Creates a chart.
  public init(rows: [Row], base: Double, text: ChartText) {
    self.rows = rows
    self.base = base
    self.text = text
  }

  /// The chart as an `<svg>` element; `identifier` must be unique in the page.
  public func svg(identifier: String) -> String {
    let labelWidth = Swift.min(300, 18 + 6.6 * Double(rows.map(\.label.count).max() ?? 0))
    var frame = ChartFrame(text: text, identifier: identifier)
    frame.width = 720 + labelWidth - 78
    frame.left = labelWidth + 16
    frame.right = 60
    frame.top = 54
    frame.height = frame.top + frame.bottom + 48 * Double(Swift.max(1, rows.count))
    let x = LinearScale(
      covering: rows.flatMap { [$0.low, $0.high] } + [base],
      range: (frame.plotLeft, frame.plotRight))
    let slot = (frame.plotBottom - frame.plotTop) / Double(Swift.max(1, rows.count))
    var svg = frame.open()
    svg += frame.verticalGrid(x: x)
    for (index, row) in rows.enumerated() {
      let top = frame.plotTop + slot * Double(index) + slot * 0.18
      let height = slot * 0.64
      svg +=
        "<text x=\"\(SVG.number(frame.plotLeft - 8))\" y=\"\(SVG.number(top + height / 2))\" "
        + "text-anchor=\"end\" dominant-baseline=\"middle\">\(SVG.escape(row.label))</text>\n"
      let ends = [
        ("low", row.low, row.lowLabel, SVG.color(0)),
        ("high", row.high, row.highLabel, SVG.color(1)),
      ].filter { $0.1.isFinite }
      for (end, value, label, color) in ends {
        let (a, b) = (x(Swift.min(value, base)), x(Swift.max(value, base)))
        let width = Swift.max(b - a, 1)
        svg +=
          "<rect class=\"\(end)\" x=\"\(SVG.number(a))\" y=\"\(SVG.number(top))\" "
          + "width=\"\(SVG.number(width))\" height=\"\(SVG.number(height))\" fill=\"\(color)\" "
          + "fill-opacity=\"0.85\"><title>\(SVG.escape(row.label)) = \(SVG.escape(label)) "
          + "(\(end)): \(SVG.tickLabel(value))</title></rect>\n"
      }
      // Each end's label sits beyond its bar, on the side away from the other end; drawn after the
      // bars so that neither bar hides it.
      for (end, value, label, _) in ends {
        let other = end == "low" ? row.high : row.low
        let right = value != other ? value > other : end == "high"
        let labelX = right ? x(value) + 4 : x(value) - 4
        svg +=
          "<text x=\"\(SVG.number(labelX))\" y=\"\(SVG.number(top + height / 2))\" "
          + "text-anchor=\"\(right ? "start" : "end")\" dominant-baseline=\"middle\" "
          + "font-size=\"11\">\(SVG.escape(label))</text>\n"
      }
    }
    let baseX = SVG.number(x(base))
    svg +=
      "<line class=\"base\" x1=\"\(baseX)\" x2=\"\(baseX)\" y1=\"\(SVG.number(frame.plotTop - 4))\" "
      + "y2=\"\(SVG.number(frame.plotBottom))\" stroke=\"#000\" stroke-width=\"1.5\"/>\n"
    svg +=
      "<text x=\"\(baseX)\" y=\"\(SVG.number(frame.plotTop - 8))\" text-anchor=\"middle\" "
      + "font-size=\"11\">base \(SVG.tickLabel(base))</text>\n"
    svg += frame.legend([
      ("input at its low value", SVG.color(0), false),
      ("input at its high value", SVG.color(1), false),
    ])
    return svg + "</svg>\n"
  }
}

extension ChartFrame {
  /// Vertical grid lines and tick labels of a numeric x scale, the x axis line and its label.
  func verticalGrid(x: LinearScale) -> String {
    var svg = "<g class=\"axes\" stroke=\"#444\" fill=\"#222\">\n"
    for tick in x.ticks {
      let px = SVG.number(x(tick))
      svg +=
        "<line x1=\"\(px)\" x2=\"\(px)\" y1=\"\(SVG.number(plotTop))\" "
        + "y2=\"\(SVG.number(plotBottom))\" stroke=\"#ddd\"/>\n"
      svg +=
        "<text x=\"\(px)\" y=\"\(SVG.number(plotBottom + 18))\" text-anchor=\"middle\" "
        + "stroke=\"none\">\(SVG.escape(SVG.tickLabel(tick)))</text>\n"
    }
    svg +=
      "<line x1=\"\(SVG.number(plotLeft))\" x2=\"\(SVG.number(plotRight))\" "
      + "y1=\"\(SVG.number(plotBottom))\" y2=\"\(SVG.number(plotBottom))\"/>\n"
    svg +=
      "<text x=\"\(SVG.number((plotLeft + plotRight) / 2))\" y=\"\(SVG.number(height - 22))\" "
      + "text-anchor=\"middle\" stroke=\"none\" font-weight=\"bold\">\(SVG.escape(text.xLabel))</text>\n"
    return svg + "</g>\n"
  }
}
