import CapsimCharts
import Foundation

/// The HTML report of `capsim recommend --format html`: the verdict, confidence and saving first, then
/// the cost lines behind the difference, the run's total and cumulative cost charts, and the signals.
struct RecommendationPage {
  var document: RecommendationDocument
  var settings: RenderSettings

  /// The page.
  func render() -> String {
    let r = document.recommendation
    var body = "<header>\n<h1>capsim recommend: \(SVG.escape(r.scenario))</h1>\n"
    body +=
      "<p class=\"meta\">\(r.horizonMonths) months · "
      + "\(NumberFormatting.fixed(Double(r.trials), decimals: 0)) Monte Carlo trials · seed \(r.seed) · "
      + "capsim \(SVG.escape(settings.capsimVersion))</p>\n"
    if let precision = r.precision {
      body +=
        "<p class=\"meta\">\(SVG.escape(precision.line(trials: r.trials)))</p>\n"
    }
    body += "</header>\n"
    body += "<section class=\"answer\" aria-label=\"Verdict\">\n"
    body += "<p class=\"headline\">\(SVG.escape(RecommendationReport.verdictSentence(r)))</p>\n"
    for line in [
      "Confidence " + RecommendationReport.confidenceLine(r),
      "Saving " + RecommendationReport.savingsLine(r) + "; "
        + RecommendationReport.savingsIntervalLine(r),
      RecommendationReport.predictabilityLine(r),
    ] {
      body += "<p>\(SVG.escape(line))</p>\n"
    }
    body += "</section>\n"
    if !r.reasons.isEmpty {
      let bars = r.reasons.map { BarChart.Bar(label: $0.label, value: $0.difference) }
      let text = ChartText(
        title: "Why: cost lines behind the difference",
        description:
          "Bars of each cost line's mean difference, \(r.alternative.name) minus \(r.leading.name); "
          + "positive bars favour \(r.leading.name). "
          + r.reasons.map { "\($0.label): \(NumberFormatting.compact($0.difference))" }
          .joined(separator: "; ") + ".",
        xLabel: "cost line", yLabel: "difference (\(r.currency))")
      body +=
        "<h2>Why</h2>\n"
        + HTMLPage.figure(
          BarChart(bars: bars, text: text).svg(identifier: "reasons"),
          caption: "Above zero: the line costs more on \(r.alternative.name).")
    }
    let run = RunPage(report: RunReport(outcome: document.outcome), settings: settings)
    body += run.totalCost() + run.cumulativeCost()
    body += "<h2>Signals of production use</h2>\n"
    body += HTMLPage.table(
      header: ["signal", "present", "evidence", "rule"],
      rows: r.signals.map {
        [$0.label, $0.present ? "yes" : "no", RecommendationReport.evidence($0), $0.rule]
      })
    body +=
      "<p class=\"meta\">\(SVG.escape(RecommendationReport.methodLine(r))) Method: docs/recommend.md.</p>\n"
    return HTMLPage.document(title: "capsim recommend: \(r.scenario)", body: body)
  }
}

/// The HTML report of `capsim break-even --format html`: the volume of equal cost first, then both
/// options' expected cost against jobs a month with the break-even volume marked.
struct BreakEvenPage {
  var document: BreakEvenDocument
  var settings: RenderSettings

  /// The page.
  func render() -> String {
    let a = document.analysis
    let jobs = { (x: Double?) in
      x.map { NumberFormatting.readable($0, significant: 4) } ?? "not found"
    }
    var body =
      "<header>\n<h1>capsim break-even: \(SVG.escape(a.committed)) against "
      + "\(SVG.escape(a.payPerUse))</h1>\n<p class=\"meta\">\(a.committedNodes) committed nodes · "
      + "\(NumberFormatting.count(a.evaluations, "simulation")) of \(NumberFormatting.count(document.trials, "trial")) · seed \(document.seed) · capsim "
      + "\(SVG.escape(settings.capsimVersion))</p>\n</header>\n"
    body += "<section class=\"answer\" aria-label=\"Answer\">\n"
    body +=
      "<p class=\"headline\">"
      + (a.breakEvenJobsPerMonth.map { "Equal expected cost at \(jobs($0)) jobs a month" }
        ?? "No volume of equal expected cost was found")
      + (a.breakEvenStandardError.map {
        " (± \(NumberFormatting.readable(1.96 * $0, significant: 2)), 95%)"
      } ?? "") + ".</p>\n"
    body +=
      "<p>"
      + (a.jobsForNinetyPercent.map {
        "\(SVG.escape(a.committed)) is cheaper in 90% of trials from \(jobs($0)) jobs a month"
      } ?? "No volume was found at which \(SVG.escape(a.committed)) is cheaper in 90% of trials")
      + "; its utilisation at the break-even is "
      + "\(a.utilisationAtBreakEven.map { NumberFormatting.percent($0) } ?? "n/a"). The scenario runs "
      + "\(jobs(a.scenarioJobsPerMonth)) jobs a month.</p>\n"
    if let sentence = UncertaintyText.mediansSentence(document.inputsAtMedian) {
      body += "<p>\(SVG.escape(sentence))</p>\n"
    }
    body += "</section>\n"
    let points = a.curve.sorted { $0.jobsPerMonth < $1.jobsPerMonth }
    let series = [
      LineChart.Series(
        name: a.payPerUse,
        points: points.map {
          .init(
            x: $0.jobsPerMonth, y: $0.payPerUseCost.value, low: $0.payPerUseCost.lower,
            high: $0.payPerUseCost.upper)
        }),
      LineChart.Series(
        name: a.committed,
        points: points.map {
          .init(
            x: $0.jobsPerMonth, y: $0.committedCost.value, low: $0.committedCost.lower,
            high: $0.committedCost.upper)
        }),
    ]
    let markers =
      a.breakEvenJobsPerMonth.map {
        [LineChart.Marker(x: $0, label: "equal cost: \(jobs($0)) jobs/month")]
      } ?? []
    let text = ChartText(
      title: "Expected total cost against monthly volume",
      description:
        "Lines of the expected total cost of \(a.payPerUse) and \(a.committed) at each evaluated volume, "
        + "with 95% interval bands; "
        + (a.breakEvenJobsPerMonth.map { "they cross at \(jobs($0)) jobs a month." }
          ?? "they do not cross within the volumes evaluated."),
      xLabel: "jobs per month", yLabel: "expected total cost (\(document.currency))")
    body +=
      "<h2>Cost against volume</h2>\n"
      + HTMLPage.figure(
        LineChart(series: series, markers: markers, text: text, yFromZero: false)
          .svg(identifier: "break-even"),
        caption:
          "Bands: 95% interval of the mean. Dashed vertical: the volume of equal expected cost.")
    if !a.notes.isEmpty {
      body += "<h2>Notes</h2>\n<ul class=\"notes\">\n"
      body += a.notes.map { "<li>\(SVG.escape($0))</li>\n" }.joined()
      body += "</ul>\n"
    }
    return HTMLPage.document(title: "capsim break-even: \(a.committed)", body: body)
  }
}
