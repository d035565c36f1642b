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
  /// The x axis's exact span (for example month 0 to the horizon), with ticks on whole numbers only;
  /// `nil` widens the data's span to nice ticks.
  public var xDomain: ClosedRange<Double>?
  /// The highest the y axis may run (1 for a share); `nil` for none.
  public var yCeiling: Double?

  /// Creates a chart.
  public init(
    series: [Series], markers: [Marker] = [], text: ChartText, yFromZero: Bool = true,
    yAsPercent: Bool = false, xDomain: ClosedRange<Double>? = nil, yCeiling: Double? = nil
  ) {
    self.series = series
    self.markers = markers
    self.text = text
    self.yFromZero = yFromZero
    self.yAsPercent = yAsPercent
    self.xDomain = xDomain
    self.yCeiling = yCeiling
  }

  /// The chart as an `<svg>` element; `identifier` must be unique in the page.
  public func svg(identifier: String) -> String {
    var frame = ChartFrame(text: text, identifier: identifier)
    let points = series.flatMap(\.points)
    let xRange = (frame.plotLeft, frame.plotRight)
    let x =
      xDomain.map { LinearScale(domain: $0, range: xRange, minimumStep: 1) }
      ?? LinearScale(covering: points.map(\.x) + markers.map(\.x), range: xRange)
    let placement = MarkerPlacement(markers: markers, scale: x, frame: frame)
    var legend = series.enumerated().map {
      (name: $0.element.name, color: SVG.color($0.offset), dashed: $0.element.dashed)
    }
    legend += placement.legendEntries
    frame.reserveLegend(legend)
    var y = LinearScale(
      covering: points.flatMap { [$0.y, $0.low ?? $0.y, $0.high ?? $0.y] },
      range: (frame.plotBottom, frame.plotTop), includeZero: yFromZero)
    if let yCeiling { y = y.capped(at: yCeiling) }
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
    svg += placement.svg(frame: frame)
    svg += frame.legend(legend)
    return svg + "</svg>\n"
  }
}
