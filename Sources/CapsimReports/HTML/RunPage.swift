import CapsimCharts
import Foundation

/// The HTML report of `capsim run --format html`: the answer first, then charts of total cost with its
/// interval, the cost lines, cumulative cost with its p10–p90 band and crossovers, the job-time
/// distribution and any sizing curve, then the table of the metrics that decide.
struct RunPage {
  var report: RunReport
  var settings: RenderSettings

  private var outcome: SimulationOutcome { report.outcome }

  /// The page.
  func render() -> String {
    var body = "<header>\n<h1>capsim run: \(SVG.escape(outcome.scenario))</h1>\n"
    body +=
      "<p class=\"meta\">\(outcome.horizonMonths) months · "
      + "\(NumberFormatting.count(outcome.trials, "Monte Carlo trial")) · seed "
      + "\(outcome.seed) · capsim \(SVG.escape(settings.capsimVersion))</p>\n"
    for line in UncertaintyText.runContext(outcome) {
      body += "<p class=\"meta\">\(SVG.escape(line))</p>\n"
    }
    body += "</header>\n"
    body += answer()
    body += totalCost()
    body += costLines()
    body += cumulativeCost()
    body += jobTime()
    body += sizing()
    body += metricsTable()
    let notes = outcome.options.flatMap { option in option.notes.map { "\(option.name): \($0)" } }
    if !notes.isEmpty {
      body += "<h2>Notes</h2>\n<ul class=\"notes\">\n"
      body += notes.map { "<li>\(SVG.escape($0))</li>\n" }.joined()
      body += "</ul>\n"
    }
    return HTMLPage.document(title: "capsim run: \(outcome.scenario)", body: body)
  }

  private func answer() -> String {
    guard let headline = RunHeadline(outcome) else { return "" }
    let sentences = headline.sentences
    var html = "<section class=\"answer\" aria-label=\"Answer\">\n"
    for (index, sentence) in sentences.enumerated() {
      html += "<p\(index == 0 ? " class=\"headline\"" : "")>\(SVG.escape(sentence))</p>\n"
    }
    return html + "</section>\n"
  }

  func totalCost() -> String {
    let bars = outcome.options.compactMap { option -> BarChart.Bar? in
      guard let estimate = option.metric("total_cost")?.estimate else { return nil }
      return BarChart.Bar(
        label: option.name, value: estimate.value, low: estimate.lower, high: estimate.upper)
    }
    let text = ChartText(
      title: "Expected total cost per option",
      description:
        "Bar chart of the mean total cost over \(NumberFormatting.count(outcome.trials, "trial")) for each option, with the 95% "
        + "confidence interval of the mean as whiskers. "
        + bars.map { "\($0.label): \(NumberFormatting.compact($0.value)) \(outcome.currency)" }
        .joined(separator: "; ") + ".",
      xLabel: "option", yLabel: "total cost (\(outcome.currency))")
    return "<h2>Total cost</h2>\n"
      + HTMLPage.figure(
        BarChart(bars: bars, text: text).svg(identifier: "total-cost"),
        caption: "Whiskers: 95% confidence interval of the mean over trials.")
  }

  func costLines() -> String {
    var keys: [String] = []
    for option in outcome.options {
      for metric in option.metrics
      where metric.key.hasPrefix("cost_") && metric.key != "cost_per_job"
        && !keys.contains(metric.key)
      {
        keys.append(metric.key)
      }
    }
    keys = keys.filter { key in
      outcome.options.contains { ($0.metric(key)?.estimate.value ?? 0) != 0 }
    }
    guard !keys.isEmpty else { return "" }
    // Each cost line keeps its colour in every chart: its place in the report order.
    let order = CostLines().entries.map(\.key)
    let series = keys.map { key in
      StackedBarChart.Series(
        name: outcome.options.lazy.compactMap { $0.metric(key)?.label }.first ?? key,
        values: outcome.options.map { $0.metric(key)?.estimate.value ?? 0 },
        color: order.firstIndex(of: key).map(SVG.color))
    }
    let text = ChartText(
      title: "What each option's cost is made of",
      description:
        "Stacked bars of the mean cost lines of each option: "
        + series.map(\.name).joined(separator: ", ") + ".",
      xLabel: "option", yLabel: "mean cost over the horizon (\(outcome.currency))")
    return "<h2>Cost lines</h2>\n"
      + HTMLPage.figure(
        StackedBarChart(categories: outcome.options.map(\.name), series: series, text: text)
          .svg(identifier: "cost-lines"),
        caption: "Each segment is one cost line, mean over trials (docs/costs.md).")
  }

  func cumulativeCost() -> String {
    guard outcome.options.contains(where: { !$0.monthly.isEmpty }) else { return "" }
    let series = outcome.options.map { option in
      LineChart.Series(
        name: option.name,
        points: option.monthly.map {
          LineChart.Point(
            x: Double($0.month), y: $0.cumulativeP50, low: $0.cumulativeP10,
            high: $0.cumulativeP90)
        })
    }
    let markers = outcome.crossovers.compactMap { crossover in
      crossover.medianMonth.map {
        LineChart.Marker(
          x: Double($0), label: "\(crossover.dedicated) overtakes \(crossover.shared): month \($0)")
      }
    }
    let crossoverText =
      markers.isEmpty
      ? "No committed option overtakes a pay-per-use one in most trials."
      : markers.map(\.label).joined(separator: "; ") + " (median over trials)."
    let text = ChartText(
      title: "Cumulative cost over the horizon",
      description:
        "Line chart of the median cumulative cost per option by month, each with a shaded band from "
        + "the 10th to the 90th percentile over trials. " + crossoverText,
      xLabel: "month", yLabel: "cumulative cost (\(outcome.currency))")
    return "<h2>Cost over time</h2>\n"
      + HTMLPage.figure(
        LineChart(
          series: series, markers: markers, text: text,
          xDomain: 0...Double(outcome.horizonMonths)
        ).svg(identifier: "cumulative"),
        caption: "Lines: median over trials. Bands: p10–p90. Dashed verticals: crossover months. "
          + crossoverText)
  }

  func jobTime() -> String {
    let series = outcome.options.compactMap { option -> LineChart.Series? in
      let points = option.jobTimeQuantiles.filter { $0.hours.isFinite }.map {
        LineChart.Point(x: $0.hours, y: $0.share)
      }
      return points.isEmpty ? nil : LineChart.Series(name: option.name, points: points)
    }
    guard !series.isEmpty else { return "" }
    func hours(_ option: OptionOutcome, _ key: String) -> String {
      NumberFormatting.readable(option.metric(key)?.estimate.value ?? .nan)
    }
    let text = ChartText(
      title: "Job time: share of jobs finished within a time",
      description:
        "The cumulative distribution of job time (queue wait plus run time) per option, at every "
        + "percentile from 1% to 99%, pooled over all simulated jobs. "
        + outcome.options.map { option in
          "\(option.name): p50 \(hours(option, "job_hours_p50")) h, p95 "
            + "\(hours(option, "job_hours_p95")) h, p99 \(hours(option, "job_hours_p99")) h"
        }.joined(separator: "; ") + ".",
      xLabel: "job time (hours)", yLabel: "share of jobs finished")
    return "<h2>Job time</h2>\n"
      + HTMLPage.figure(
        LineChart(series: series, text: text, yFromZero: false, yAsPercent: true)
          .svg(identifier: "job-time"),
        caption:
          "A curve further right means slower jobs; a flatter curve means a wider spread of job times."
      )
  }

  private func sizing() -> String {
    var html = ""
    for (index, option) in outcome.options.enumerated() {
      guard let sizing = option.sizing, let target = sizing.target, !sizing.curve.isEmpty else {
        continue
      }
      let metric = target.metric.rawValue
      let axis = target.metric.label(currency: outcome.currency)
      let series = LineChart.Series(
        name: option.name,
        points: sizing.curve.map {
          LineChart.Point(
            x: Double($0.nodes), y: $0.estimate.value, low: $0.estimate.lower,
            high: $0.estimate.upper)
        })
      let markers =
        sizing.chosenNodes.map {
          [LineChart.Marker(x: Double($0), label: "chosen: \($0) nodes")]
        } ?? []
      let text = ChartText(
        title: "Sizing \(option.name): \(metric) against node count",
        description:
          "Line chart of \(metric) with its 95% interval at each evaluated node count; "
          + (sizing.chosenNodes.map { "\($0) nodes were chosen." }
            ?? "no node count met the target."),
        xLabel: "nodes", yLabel: axis)
      let nodes = sizing.curve.map { Double($0.nodes) }
      html += HTMLPage.figure(
        LineChart(
          series: [series], markers: markers, text: text, yFromZero: false,
          yAsPercent: target.metric.isShare,
          xDomain: (nodes.min() ?? 0)...(nodes.max() ?? 0),
          yCeiling: target.metric.isShare ? 1 : nil
        )
        .svg(identifier: "sizing-\(index)"),
        caption: "Band: 95% interval. Dashed vertical: the chosen node count.")
    }
    return html.isEmpty ? "" : "<h2>Sizing</h2>\n" + html
  }

  private func metricsTable() -> String {
    var keys: [String] = []
    for option in outcome.options {
      for metric in option.metrics where !keys.contains(metric.key) { keys.append(metric.key) }
    }
    keys = TerminalReport.summaryMetricKeys.filter(keys.contains)
    let rows = keys.compactMap { key -> [String]? in
      guard let sample = outcome.options.lazy.compactMap({ $0.metric(key) }).first else {
        return nil
      }
      return [MetricFormatting.label(sample)]
        + outcome.options.map { option in
          option.metric(key).map { MetricFormatting.cell($0) } ?? "–"
        }
    }
    return "<h2>The metrics that decide</h2>\n"
      + HTMLPage.table(header: ["metric"] + outcome.options.map(\.name), rows: rows)
      + "<p class=\"meta\">Mean over trials ± 95% CI half-width; job-time quantiles with their 95% CI "
      + "in brackets. Every metric: --format json, csv or xlsx.</p>\n"
  }
}
