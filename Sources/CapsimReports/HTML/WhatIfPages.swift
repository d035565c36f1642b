import CapsimCharts
import Foundation

/// The HTML report of `capsim sweep --format html`: where the cheapest option changes first, then each
/// option's expected total cost (with its 95% interval band) and P(cheapest) against the varied input,
/// and the decision table with the verdict at each point. With two inputs, one pair of charts per value
/// of the second (small multiples).
struct SweepPage {
  var document: SweepDocument
  var settings: RenderSettings

  /// The points along the first input at each value of the second (one group with one input).
  static func groups(_ result: SweepResult) -> [(label: String?, points: [SweepResult.Point])] {
    guard result.axes.count == 2 else { return [(nil, result.points)] }
    let second = result.axes[1]
    return second.values.enumerated().map { index, value in
      (
        "\(SweepReport.shortPath(second.path)) = \(value)",
        stride(from: index, to: result.points.count, by: second.values.count).map {
          result.points[$0]
        }
      )
    }
  }

  /// Positions of the first input's values on the x axis: the values when all are numbers, else 1, 2, ….
  static func positions(_ axis: SweepAxis) -> (values: [Double], numeric: Bool) {
    let numbers = axis.values.compactMap { Double($0) }
    return numbers.count == axis.values.count && numbers.allSatisfy(\.isFinite)
      ? (numbers, true) : (axis.values.indices.map { Double($0 + 1) }, false)
  }

  /// One sentence per group: where along the first input the cheapest option changes, or that it does not.
  static func changes(_ result: SweepResult) -> [String] {
    guard let axis = result.axes.first else { return [] }
    let name = SweepReport.shortPath(axis.path)
    return groups(result).map { group in
      let prefix = group.label.map { "At \($0): " } ?? ""
      var steps: [String] = []
      for (before, after) in zip(group.points, group.points.dropFirst())
      where before.cheapest != after.cheapest {
        steps.append(
          "from \(before.cheapest) to \(after.cheapest) between \(name) = "
            + "\(before.settings[0].value) and \(after.settings[0].value)")
      }
      guard let first = group.points.first, let last = group.points.last else {
        return prefix + "no points."
      }
      if steps.isEmpty {
        return prefix + "\(first.cheapest) is the cheapest option at every point (\(name) from "
          + "\(first.settings[0].value) to \(last.settings[0].value))."
      }
      return prefix + "the cheapest option changes " + steps.joined(separator: "; ") + "."
    }
  }

  /// The page.
  func render() -> String {
    let result = document.result
    guard let axis = result.axes.first else {
      return HTMLPage.document(title: "capsim sweep", body: "<p>No input was varied.</p>\n")
    }
    let name = SweepReport.shortPath(axis.path)
    var body = "<header>\n<h1>capsim sweep: \(SVG.escape(result.scenario))</h1>\n"
    body +=
      "<p class=\"meta\">\(SVG.escape(SweepReport.heading(result))) capsim "
      + "\(SVG.escape(settings.capsimVersion))</p>\n"
    if let overrides = SweepReport.overridesLine(result) {
      body += "<p class=\"meta\">\(SVG.escape(overrides))</p>\n"
    }
    if let inputs = UncertaintyText.inputsLine(result.uncertainInputs) {
      body += "<p class=\"meta\">\(SVG.escape(inputs))</p>\n"
    }
    if let pairs = UncertaintyText.correlationsLine(result.inputCorrelations) {
      body += "<p class=\"meta\">\(SVG.escape(pairs))</p>\n"
    }
    body +=
      "</header>\n<section class=\"answer\" aria-label=\"Where the cheapest option changes\">\n"
    for (index, sentence) in Self.changes(result).enumerated() {
      body +=
        "<p\(index == 0 ? " class=\"headline\"" : "")>\(SVG.escape(sentence.prefix(1).uppercased() + sentence.dropFirst()))</p>\n"
    }
    body += "</section>\n"
    let (xs, numeric) = Self.positions(axis)
    let xLabel =
      numeric
      ? axis.path
      : "\(axis.path) (1 = \(axis.values.first ?? ""), \(axis.values.count) = \(axis.values.last ?? ""))"
    let names = result.optionNames
    for (groupIndex, group) in Self.groups(result).enumerated() {
      let suffix = group.label.map { " (\($0))" } ?? ""
      body += "<h2>Expected total cost against \(SVG.escape(name))\(SVG.escape(suffix))</h2>\n"
      let costs = names.indices.map { option in
        LineChart.Series(
          name: names[option],
          points: group.points.indices.map { index in
            let cost = group.points[index].options[option].totalCost
            return .init(x: xs[index], y: cost.value, low: cost.lower, high: cost.upper)
          })
      }
      body += HTMLPage.figure(
        LineChart(
          series: costs,
          text: ChartText(
            title: "Expected total cost over \(result.horizonMonths) months\(suffix)",
            description:
              "Lines of each option's mean total cost at each value of \(axis.path)\(suffix), with "
              + "95% interval bands. " + Self.changes(result)[groupIndex],
            xLabel: xLabel, yLabel: "expected total cost (\(result.currency))"),
          yFromZero: false
        ).svg(identifier: "cost-\(groupIndex)"),
        caption:
          "Bands: 95% interval of the mean over \(SweepReport.group(result.trials)) trials; every point "
          + "uses seed \(result.seed) (common random numbers).")
      let shares = names.indices.map { option in
        LineChart.Series(
          name: names[option],
          points: group.points.indices.map { index in
            .init(x: xs[index], y: group.points[index].options[option].probabilityCheapest.value)
          })
      }
      body += HTMLPage.figure(
        LineChart(
          series: shares,
          text: ChartText(
            title: "P(cheapest) of each option\(suffix)",
            description:
              "Lines of the share of trials in which each option has the lowest total cost, at each "
              + "value of \(axis.path)\(suffix).",
            xLabel: xLabel, yLabel: "P(cheapest) (% of trials)"),
          yAsPercent: true
        ).svg(identifier: "p-cheapest-\(groupIndex)"),
        caption: "Share of trials in which the option's total is the lowest, ties shared.")
    }
    body += "<h2>Decision table</h2>\n"
    body += HTMLPage.table(
      header: result.axes.map { SweepReport.shortPath($0.path) }
        + names.map { "\($0) (\(result.currency), ±95%)" }
        + names.map { "P(cheapest) \($0) [95% CI]" }
        + ["cheapest", "verdict"],
      rows: result.points.map { point in
        point.settings.map(\.value) + point.options.map { SweepReport.costCell($0.totalCost) }
          + point.options.map { SweepReport.probabilityCell($0.probabilityCheapest) }
          + [point.cheapest, SweepReport.shortVerdict(point)]
      })
    body +=
      "<p class=\"meta\">Verdict: what 'capsim recommend' says at that point (docs/recommend.md): stay on "
      + "the shared option, migrate to (or go hybrid with) the dedicated one with its node count, or "
      + "re-evaluate at a month; – where no recommendation could be drawn. Sweeps are not stored.</p>\n"
    return HTMLPage.document(title: "capsim sweep: \(result.scenario)", body: body)
  }
}

/// The HTML report of `capsim sensitivity --format html`: the input with the largest swing first, then
/// the tornado chart and the table of inputs, and with uncertain inputs the table of their rank
/// correlation with the metric and share of its variance.
struct SensitivityPage {
  var document: SensitivityDocument
  var settings: RenderSettings

  /// The metric's unit: the currency for the saving and cost metrics, else none (a share, hours, …,
  /// named by the metric's key).
  static func unit(_ result: TornadoResult) -> String? {
    result.metric.hasPrefix("saving") || result.metric.contains("cost") ? result.currency : nil
  }

  /// The page.
  func render() -> String {
    let result = document.result
    let amount = SensitivityReport.amount
    var body = "<header>\n<h1>capsim sensitivity: \(SVG.escape(result.scenario))</h1>\n"
    body +=
      "<p class=\"meta\">\(SVG.escape(SensitivityReport.heading(result))) capsim "
      + "\(SVG.escape(settings.capsimVersion))</p>\n"
    if !result.overrides.isEmpty {
      body +=
        "<p class=\"meta\">Overrides in every run: "
        + SVG.escape(result.overrides.map(\.description).joined(separator: ", ")) + "</p>\n"
    }
    body += "</header>\n<section class=\"answer\" aria-label=\"Largest effect\">\n"
    if let top = result.bars.first {
      body +=
        "<p class=\"headline\">\(SVG.escape(top.path)) moves the \(SVG.escape(result.metric)) most: "
        + "from \(amount(top.low.metric.value)) at \(SVG.escape(top.low.value)) to "
        + "\(amount(top.high.metric.value)) at \(SVG.escape(top.high.value)) (swing "
        + "\(amount(top.swing))\(Self.unit(result).map { " \(SVG.escape($0))" } ?? "")).</p>\n"
    } else {
      body += "<p class=\"headline\">No input was varied.</p>\n"
    }
    body +=
      "<p>Base: \(amount(result.base.value))"
      + (result.base.standardError.map { " (SE \(amount($0)))" } ?? "")
      + "; cheapest option at base: \(SVG.escape(result.baseCheapest)).</p>\n"
    let flips = result.bars.compactMap { bar -> String? in
      let text = SensitivityReport.changes(bar, base: result.baseCheapest)
      return text.isEmpty ? nil : "\(bar.path) (\(text))"
    }
    body +=
      "<p>"
      + SVG.escape(
        flips.isEmpty
          ? "The cheapest option stays \(result.baseCheapest) at every end."
          : "The cheapest option changes at: " + flips.joined(separator: "; ") + ".") + "</p>\n"
    body += "</section>\n"
    let rows = result.bars.map {
      TornadoChart.Row(
        label: $0.path, lowLabel: $0.low.value, low: $0.low.metric.value,
        highLabel: $0.high.value, high: $0.high.metric.value)
    }
    body += "<h2>Tornado</h2>\n"
    body += HTMLPage.figure(
      TornadoChart(
        rows: rows, base: result.base.value,
        text: ChartText(
          title: "Effect of each input on the \(result.metric)",
          description:
            "Horizontal bars from the base value \(amount(result.base.value)) to the metric with each "
            + "input at its low and at its high value, largest swing on top. "
            + result.bars.map {
              "\($0.path): \(amount($0.low.metric.value)) at \($0.low.value), "
                + "\(amount($0.high.metric.value)) at \($0.high.value)"
            }.joined(separator: "; ") + ".",
          xLabel: result.metric + (Self.unit(result).map { " (\($0))" } ?? ""), yLabel: "input")
      ).svg(identifier: "tornado"),
      caption:
        "Each bar starts at the base value (vertical line); the number at its end is the input's "
        + "value there. Same \(SweepReport.group(result.trials)) trials and seed \(result.seed) in "
        + "every run.")
    body += "<h2>Inputs by swing</h2>\n"
    body += HTMLPage.table(
      header: [
        "input", "low", "metric at low", "high", "metric at high", "swing", "cheapest changes",
      ],
      rows: result.bars.map {
        [
          $0.path, $0.low.value, amount($0.low.metric.value), $0.high.value,
          amount($0.high.metric.value), amount($0.swing),
          SensitivityReport.changes($0, base: result.baseCheapest),
        ]
      })
    if !result.importance.isEmpty {
      body += "<h2>Uncertain inputs by share of variance</h2>\n"
      body += "<p>\(SVG.escape(UncertaintyText.importanceMethod))</p>\n"
      body += HTMLPage.table(
        header: ["input", "distribution", "rank correlation", "share of variance"],
        rows: zip(result.importance, UncertaintyText.importanceRows(result.importance)).map {
          input, row in [row[0], input.distribution.summary, row[1], row[2]]
        })
    }
    return HTMLPage.document(title: "capsim sensitivity: \(result.scenario)", body: body)
  }
}
