import CapsimCharts
import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("SVG charts")
struct ChartTests {
  /// Nice steps are the smallest of 1, 2, 5 × 10ᵏ at or above the raw step (values worked by hand).
  @Test(arguments: [
    (0.37, 0.5), (1.2, 2.0), (7.0, 10.0), (1.0, 1.0), (250.0, 500.0), (0.0021, 0.005), (0.0, 1.0),
  ])
  func niceSteps(raw: Double, expected: Double) {
    #expect(Swift.abs(LinearScale.niceStep(raw) - expected) <= 1e-12 * expected)
  }

  /// The map is the straight line through (domain start, range start) and (domain end, range end).
  @Test func scaleMapsLinearly() {
    let scale = LinearScale(covering: [3, 97], range: (300, 40), tickCount: 5, includeZero: true)
    #expect(scale.domain == 0...100)
    #expect(scale.ticks == [0, 20, 40, 60, 80, 100])
    #expect(scale(0) == 300)
    #expect(scale(100) == 40)
    #expect(scale(25) == 235)  // 300 + 0.25 · (40 − 300)
  }

  @Test func escapesMarkup() {
    #expect(SVG.escape("a<b & \"c\"") == "a&lt;b &amp; &quot;c&quot;")
    #expect(SVG.tickLabel(1_250_000) == "1.25M")
    #expect(SVG.tickLabel(45_000) == "45k")
    #expect(SVG.number(12.5) == "12.5")
    #expect(SVG.number(-3) == "-3")
  }

  /// Each chart is well-formed XML with a title and a description referenced by aria-labelledby.
  @Test func chartsAreWellFormedWithTextAlternatives() throws {
    let text = ChartText(
      title: "Total cost <USD>", description: "Bars & whiskers", xLabel: "option",
      yLabel: "USD")
    let charts = [
      BarChart(
        bars: [
          .init(label: "a", value: 10, low: 9, high: 11), .init(label: "b", value: 20),
        ], text: text
      ).svg(identifier: "bar"),
      StackedBarChart(
        categories: ["a", "b"],
        series: [.init(name: "compute", values: [5, 6]), .init(name: "idle", values: [1, -2])],
        text: text
      ).svg(identifier: "stack"),
      LineChart(
        series: [
          .init(name: "a", points: [.init(x: 1, y: 1, low: 0.5, high: 2), .init(x: 2, y: 3)])
        ], markers: [.init(x: 1.5, label: "crossover")], text: text
      ).svg(identifier: "line"),
    ]
    for svg in charts {
      let parser = XMLParser(data: Data(svg.utf8))
      #expect(parser.parse(), "not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
      #expect(svg.contains("role=\"img\""))
      #expect(svg.contains("<title id="))
      #expect(svg.contains("<desc id="))
      #expect(svg.contains("Total cost &lt;USD&gt;"))
    }
    #expect(charts[1].contains("Negative values are not drawn."))
  }

  /// The whisker of a bar spans exactly the scale's image of its interval.
  @Test func whiskerSpansTheInterval() {
    let chart = BarChart(
      bars: [.init(label: "a", value: 50, low: 40, high: 60)],
      text: ChartText(title: "t", description: "d", xLabel: "x", yLabel: "y"))
    let svg = chart.svg(identifier: "w")
    // Frame: plot from y = 302 (360 − 58) up to y = 40; domain 0…60 (ticks of 10).
    let scale = LinearScale(covering: [50, 40, 60], range: (302, 40), includeZero: true)
    #expect(scale.domain == 0...60)
    #expect(svg.contains("y1=\"\(SVG.number(scale(40)))\" y2=\"\(SVG.number(scale(60)))\""))
  }

  /// A tornado row's bars run from the base to each end on the scale, in the given order, and the chart
  /// is well-formed with its text alternative.
  @Test func tornadoBarsRunFromTheBase() throws {
    let chart = TornadoChart(
      rows: [
        .init(label: "volume", lowLabel: "80", low: -50, highLabel: "100", high: 70),
        .init(label: "rate <h>", lowLabel: "1", low: 10, highLabel: "2", high: 30),
      ], base: 10,
      text: ChartText(title: "Tornado", description: "d", xLabel: "saving (USD)", yLabel: "input"))
    let svg = chart.svg(identifier: "t")
    let parser = XMLParser(data: Data(svg.utf8))
    #expect(parser.parse())
    #expect(svg.contains("<title id=\"t-title\">Tornado</title>"))
    #expect(svg.contains("rate &lt;h&gt;"))
    // Frame: label column 18 + 6.6 · 8 = 70.8 wide, so 712.8 wide; plot from x = 86.8 to 652.8.
    let scale = LinearScale(covering: [-50, 70, 10, 30, 10], range: (86.8, 652.8))
    #expect(scale.domain == -50...100)  // step 50: (70 − (−50)) / 5 = 24 rounds up to 50
    let low = "x=\"\(SVG.number(scale(-50)))\""
    let lowWidth = "width=\"\(SVG.number(scale(10) - scale(-50)))\""
    let high = "x=\"\(SVG.number(scale(10)))\""
    let highWidth = "width=\"\(SVG.number(scale(70) - scale(10)))\""
    #expect(svg.contains("class=\"low\" \(low)") && svg.contains(lowWidth))
    #expect(svg.contains("class=\"high\" \(high)") && svg.contains(highWidth))
    // The larger swing is drawn first (on top).
    let first = try #require(svg.range(of: ">volume<"))
    let second = try #require(svg.range(of: ">rate &lt;h&gt;<"))
    #expect(first.lowerBound < second.lowerBound)
  }

  /// Fifteen series (one per cost line) get fifteen different colours.
  @Test func paletteHasAColourPerCostLine() {
    let colours = (0..<15).map(SVG.color)
    #expect(Set(colours).count == 15)
  }

  /// With more legend entries than fit on a row, the legend wraps into rows below the x-axis label,
  /// and the frame grows to hold them.
  @Test func legendWrapsBelowTheAxisLabel() throws {
    let series = (0..<10).map {
      StackedBarChart.Series(name: "Cost: line number \($0)", values: [1, 2])
    }
    let svg = StackedBarChart(
      categories: ["a", "b"], series: series,
      text: ChartText(title: "t", description: "d", xLabel: "option", yLabel: "USD")
    ).svg(identifier: "s")
    func ys(_ pattern: String) -> [Double] {
      guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
      return regex.matches(in: svg, range: NSRange(svg.startIndex..., in: svg)).compactMap {
        Range($0.range(at: 1), in: svg).flatMap { Double(svg[$0]) }
      }
    }
    let axisLabel = try #require(ys("y=\"([0-9.]+)\"[^>]*font-weight=\"bold\">option<").first)
    let legendRows = Set(ys("<text x=\"[0-9.]+\" y=\"([0-9.]+)\">Cost: line"))
    #expect(legendRows.count >= 3)
    #expect(legendRows.allSatisfy { $0 >= axisLabel + 16 })
    let height = try #require(ys("height=\"([0-9.]+)\" role").first)
    #expect(legendRows.allSatisfy { $0 <= height })
  }

  /// An exact domain keeps its ends (month 0 to a 12-month horizon) with whole-number ticks inside.
  @Test func exactDomainStopsAtItsEnd() {
    let months = LinearScale(domain: 0...12, range: (0, 600), minimumStep: 1)
    #expect(months.domain == 0...12)
    #expect(months.ticks == [0, 5, 10])
    let nodes = LinearScale(domain: 3...5, range: (0, 600), minimumStep: 1)
    #expect(nodes.ticks == [3, 4, 5])
    let share = LinearScale(covering: [0.8, 1.01], range: (300, 0)).capped(at: 1)
    #expect(share.domain.upperBound == 1)
    #expect(share.ticks.allSatisfy { $0 <= 1 })
  }

  /// Marker labels that would run through another marker go to the legend behind letter tags; a lone
  /// marker keeps its label beside it.
  @Test func crowdedMarkerLabelsMoveToTheLegend() {
    let line = LineChart.Series(name: "a", points: (0...12).map { .init(x: Double($0), y: 1) })
    let text = ChartText(title: "t", description: "d", xLabel: "month", yLabel: "USD")
    let crowded = LineChart(
      series: [line],
      markers: [
        .init(x: 1, label: "bare-metal overtakes hyperscaler-on-demand: month 1"),
        .init(x: 4, label: "bare-metal overtakes neocloud-on-demand: month 4"),
      ], text: text, xDomain: 0...12
    ).svg(identifier: "c")
    #expect(crowded.contains(">A<") && crowded.contains(">B<"))
    #expect(crowded.contains(">A: bare-metal overtakes hyperscaler-on-demand: month 1<"))
    let lone = LineChart(
      series: [line], markers: [.init(x: 4, label: "chosen: 4 nodes")], text: text
    ).svg(identifier: "l")
    #expect(lone.contains(">chosen: 4 nodes<"))
  }
}
