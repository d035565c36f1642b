/// Lines over a numeric x axis, each with an optional shaded band (for example cumulative cost with
/// its p10–p90 band across trials), and vertical markers (for example a crossover month).
public struct LineChart: Sendable, Hashable {
  /// A point of a line, with the band's ends at the same x.
  public struct Point: Sendable, Hashable {
    /// Horizontal position.
    public var x: Double
    /// Line value.
    public var y: Double
    /// Lower edge of the band, if any.
    public var low: Double?
    /// Upper edge of the band, if any.
    public var high: Double?

    /// Creates a point.
    public init(x: Double, y: Double, low: Double? = nil, high: Double? = nil) {
      self.x = x
      self.y = y
      self.low = low
      self.high = high
    }
  }

  /// One line.
  public struct Series: Sendable, Hashable {
    /// Legend name.
    public var name: String
    /// Points in ascending x.
    public var points: [Point]
    /// Dashed instead of solid.
    public var dashed: Bool

    /// Creates a series.
    public init(name: String, points: [Point], dashed: Bool = false) {
      self.name = name
      self.points = points
      self.dashed = dashed
    }
  }

  /// A vertical marker line with a label.
  public struct Marker: Sendable, Hashable {
    /// Where it stands.
    public var x: Double
    /// What it marks.
    public var label: String

    /// Creates a marker.
    public init(x: Double, label: String) {
      self.x = x
      self.label = label
    }
  }

  /// The lines, drawn in order.
  public var series: [Series]
  /// Vertical markers.
  public var markers: [Marker]
  /// Title, description and axis labels.
  public var text: ChartText
  /// Whether the y axis starts at zero.
  public var yFromZero: Bool
  /// Whether y ticks are shown as percentages of 1 (for probabilities).
  public var yAsPercent: Bool

  /// Creates a chart.
  public init(
    series: [Series], markers: [Marker] = [], text: ChartText, yFromZero: Bool = true,
    yAsPercent: Bool = false
  ) {
    self.series = series
    self.markers = markers
    self.text = text
    self.yFromZero = yFromZero
    self.yAsPercent = yAsPercent
  }

  /// The chart as an `<svg>` element; `identifier` must be unique in the page.
  public func svg(identifier: String) -> String {
    var frame = ChartFrame(text: text, identifier: identifier)
    frame.bottom += 16 * Double((series.count - 1) / 4)
    frame.height += 16 * Double((series.count - 1) / 4)
    let points = series.flatMap(\.points)
    let x = LinearScale(
      covering: points.map(\.x) + markers.map(\.x), range: (frame.plotLeft, frame.plotRight))
    let y = LinearScale(
      covering: points.flatMap { [$0.y, $0.low ?? $0.y, $0.high ?? $0.y] },
      range: (frame.plotBottom, frame.plotTop), includeZero: yFromZero)
    var svg = frame.open()
    svg += frame.axes(
      x: x, y: y,
      yTickLabel: yAsPercent
        ? { SVG.number($0 * 100) + "%" } : SVG.tickLabel)
    for (index, entry) in series.enumerated() {
      let color = SVG.color(index)
      let banded = entry.points.filter { $0.low != nil && $0.high != nil }
      if banded.count > 1 {
        let upper = banded.map { "\(SVG.number(x($0.x))),\(SVG.number(y($0.high!)))" }
        let lower = banded.reversed().map { "\(SVG.number(x($0.x))),\(SVG.number(y($0.low!)))" }
        svg +=
          "<polygon class=\"band\" points=\"\((upper + lower).joined(separator: " "))\" "
          + "fill=\"\(color)\" fill-opacity=\"0.18\" stroke=\"none\"/>\n"
      }
      let path = entry.points.filter { $0.y.isFinite }.map {
        "\(SVG.number(x($0.x))),\(SVG.number(y($0.y)))"
      }
      svg +=
        "<polyline points=\"\(path.joined(separator: " "))\" fill=\"none\" stroke=\"\(color)\" "
        + "stroke-width=\"2.5\"" + (entry.dashed ? " stroke-dasharray=\"6 4\"" : "") + "/>\n"
      if entry.points.count <= 24 {
        for point in entry.points where point.y.isFinite {
          svg +=
            "<circle cx=\"\(SVG.number(x(point.x)))\" cy=\"\(SVG.number(y(point.y)))\" r=\"3\" "
            + "fill=\"\(color)\"/>\n"
        }
      }
    }
    for (index, marker) in markers.enumerated() {
      let px = SVG.number(x(marker.x))
      svg +=
        "<line class=\"marker\" x1=\"\(px)\" x2=\"\(px)\" y1=\"\(SVG.number(frame.plotTop))\" "
        + "y2=\"\(SVG.number(frame.plotBottom))\" stroke=\"#000\" stroke-dasharray=\"3 3\"/>\n"
      svg +=
        "<text x=\"\(SVG.number(x(marker.x) + 4))\" y=\"\(SVG.number(frame.plotTop + 14 + 14 * Double(index)))\">"
        + "\(SVG.escape(marker.label))</text>\n"
    }
    for (row, start) in stride(from: 0, to: series.count, by: 4).enumerated() {
      var rowFrame = frame
      rowFrame.height = frame.height - 16 * Double((series.count - 1) / 4 - row)
      svg += rowFrame.legend(
        series[start..<Swift.min(series.count, start + 4)].enumerated().map {
          ($0.element.name, SVG.color(start + $0.offset), $0.element.dashed)
        })
    }
    return svg + "</svg>\n"
  }
}
