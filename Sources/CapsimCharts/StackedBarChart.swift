/// Vertical bars, one per category, each stacked from the positive values of several series (for
/// example each option's cost lines). Negative values are not drawn; ``svg(identifier:)`` says so in
/// the text alternative when there are any.
public struct StackedBarChart: Sendable, Hashable {
  /// One series: a value per category, in category order.
  public struct Series: Sendable, Hashable {
    /// Legend name.
    public var name: String
    /// One value per category.
    public var values: [Double]
    /// Fill colour (`#RRGGBB`); `nil` takes the series' position in ``SVG/palette``. Give a fixed colour
    /// when the same series appears in several charts (a cost line keeps its colour everywhere).
    public var color: String?

    /// Creates a series.
    public init(name: String, values: [Double], color: String? = nil) {
      self.name = name
      self.values = values
      self.color = color
    }
  }

  /// Category labels, left to right.
  public var categories: [String]
  /// The stacked series, bottom to top.
  public var series: [Series]
  /// Title, description and axis labels.
  public var text: ChartText

  /// Creates a chart.
  public init(categories: [String], series: [Series], text: ChartText) {
    self.categories = categories
    self.series = series
    self.text = text
  }

  /// The chart as an `<svg>` element; `identifier` must be unique in the page.
  public func svg(identifier: String) -> String {
    var text = self.text
    let negative = series.contains { $0.values.contains { $0 < 0 } }
    if negative { text.description += " Negative values are not drawn." }
    var frame = ChartFrame(text: text, identifier: identifier)
    let legend = series.indices.map { (series[$0].name, color($0), false) }
    frame.reserveLegend(legend)
    let totals = categories.indices.map { index in
      series.reduce(0) {
        $0 + Swift.max(0, $1.values.indices.contains(index) ? $1.values[index] : 0)
      }
    }
    let y = LinearScale(
      covering: totals, range: (frame.plotBottom, frame.plotTop), includeZero: true)
    let slot = (frame.plotRight - frame.plotLeft) / Double(Swift.max(1, categories.count))
    var svg = frame.open()
    svg += frame.axes(
      x: nil, y: y,
      categories: categories.enumerated().map {
        ($0.element, frame.plotLeft + slot * (Double($0.offset) + 0.5))
      })
    for (index, category) in categories.enumerated() {
      var base = 0.0
      let x = frame.plotLeft + slot * Double(index) + slot * 0.2
      for (seriesIndex, entry) in series.enumerated() {
        guard entry.values.indices.contains(index) else { continue }
        let value = entry.values[index]
        guard value.isFinite, value > 0 else { continue }
        let top = y(base + value)
        svg +=
          "<rect x=\"\(SVG.number(x))\" y=\"\(SVG.number(top))\" width=\"\(SVG.number(slot * 0.6))\" "
          + "height=\"\(SVG.number(y(base) - top))\" fill=\"\(color(seriesIndex))\">"
          + "<title>\(SVG.escape(category)), \(SVG.escape(entry.name)): \(SVG.tickLabel(value))</title>"
          + "</rect>\n"
        base += value
      }
      svg +=
        "<text x=\"\(SVG.number(x + slot * 0.3))\" y=\"\(SVG.number(y(base) - 6))\" "
        + "text-anchor=\"middle\">\(SVG.tickLabel(base))</text>\n"
    }
    svg += frame.legend(legend)
    return svg + "</svg>\n"
  }

  /// The colour of series `index`: its own, or its place in the palette.
  private func color(_ index: Int) -> String { series[index].color ?? SVG.color(index) }
}
