/// Vertical bars, one per category, each with an optional interval drawn as a whisker (for example the
/// expected total cost of each option with its 95% confidence interval).
public struct BarChart: Sendable, Hashable {
  /// One bar.
  public struct Bar: Sendable, Hashable {
    /// Category label under the bar.
    public var label: String
    /// Bar height.
    public var value: Double
    /// Lower end of the whisker, if any.
    public var low: Double?
    /// Upper end of the whisker, if any.
    public var high: Double?

    /// Creates a bar.
    public init(label: String, value: Double, low: Double? = nil, high: Double? = nil) {
      self.label = label
      self.value = value
      self.low = low
      self.high = high
    }
  }

  /// The bars, left to right.
  public var bars: [Bar]
  /// Title, description and axis labels.
  public var text: ChartText

  /// Creates a chart.
  public init(bars: [Bar], text: ChartText) {
    self.bars = bars
    self.text = text
  }

  /// The chart as an `<svg>` element; `identifier` must be unique in the page.
  public func svg(identifier: String) -> String {
    let frame = ChartFrame(text: text, identifier: identifier)
    let y = LinearScale(
      covering: bars.flatMap { [$0.value, $0.low ?? $0.value, $0.high ?? $0.value] },
      range: (frame.plotBottom, frame.plotTop), includeZero: true)
    let slot = (frame.plotRight - frame.plotLeft) / Double(Swift.max(1, bars.count))
    var svg = frame.open()
    svg += frame.axes(
      x: nil, y: y,
      categories: bars.enumerated().map {
        ($0.element.label, frame.plotLeft + slot * (Double($0.offset) + 0.5))
      })
    for (index, bar) in bars.enumerated() where bar.value.isFinite {
      let x = frame.plotLeft + slot * Double(index) + slot * 0.2
      let top = y(Swift.max(bar.value, 0))
      let bottom = y(Swift.min(bar.value, 0))
      svg +=
        "<rect x=\"\(SVG.number(x))\" y=\"\(SVG.number(top))\" width=\"\(SVG.number(slot * 0.6))\" "
        + "height=\"\(SVG.number(bottom - top))\" fill=\"\(SVG.color(index))\">"
        + "<title>\(SVG.escape(bar.label)): \(SVG.tickLabel(bar.value))</title></rect>\n"
      if let low = bar.low, let high = bar.high, low.isFinite, high.isFinite {
        let center = SVG.number(x + slot * 0.3)
        let left = SVG.number(x + slot * 0.3 - 8)
        let right = SVG.number(x + slot * 0.3 + 8)
        svg +=
          "<g class=\"whisker\" stroke=\"#000\" stroke-width=\"1.5\">"
          + "<line x1=\"\(center)\" x2=\"\(center)\" y1=\"\(SVG.number(y(low)))\" y2=\"\(SVG.number(y(high)))\"/>"
          + "<line x1=\"\(left)\" x2=\"\(right)\" y1=\"\(SVG.number(y(low)))\" y2=\"\(SVG.number(y(low)))\"/>"
          + "<line x1=\"\(left)\" x2=\"\(right)\" y1=\"\(SVG.number(y(high)))\" y2=\"\(SVG.number(y(high)))\"/>"
          + "</g>\n"
      }
      svg +=
        "<text x=\"\(SVG.number(x + slot * 0.3))\" y=\"\(SVG.number(top - 6))\" "
        + "text-anchor=\"middle\">\(SVG.tickLabel(bar.value))</text>\n"
    }
    return svg + "</svg>\n"
  }
}
