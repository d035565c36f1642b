import CapsimCharts
import Foundation

/// The frame of every HTML report: one self-contained page (inline CSS and SVG, no scripts, no network)
/// that prints on A4 or Letter with each chart kept whole.
enum HTMLPage {
  /// The stylesheet: readable on screen, charts scaled to the page width, and a print layout.
  static let style = """
    body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1a1a1a;
      margin: 0; background: #fff; line-height: 1.45; }
    main { max-width: 960px; margin: 0 auto; padding: 24px; }
    h1 { font-size: 1.6rem; margin: 0 0 4px; }
    h2 { font-size: 1.2rem; margin: 28px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
    .meta { color: #555; margin: 0 0 16px; }
    .answer { background: #eef5fb; border-left: 6px solid #0072B2; padding: 12px 18px; }
    .answer p { margin: 6px 0; }
    .answer .headline { font-size: 1.25rem; font-weight: bold; }
    figure { margin: 12px 0 20px; }
    figure svg { max-width: 100%; height: auto; }
    figcaption { color: #555; font-size: 0.9rem; }
    table { border-collapse: collapse; font-size: 0.9rem; margin: 8px 0; }
    th, td { border-bottom: 1px solid #e4e4e4; padding: 4px 10px; text-align: right; }
    th:first-child, td:first-child { text-align: left; }
    thead th { border-bottom: 2px solid #999; }
    .notes li { margin: 4px 0; }
    @media print {
      main { max-width: none; padding: 0; }
      figure, table, .answer { break-inside: avoid; }
      h2 { break-after: avoid; }
      .answer { background: none; }
    }
    """

  /// A whole page with `title` and `body` (already HTML).
  static func document(title: String, body: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>\(SVG.escape(title))</title>
    <style>
    \(style)
    </style>
    </head>
    <body>
    <main>
    \(body)
    </main>
    </body>
    </html>

    """
  }

  /// A `<figure>` around a chart, with a caption.
  static func figure(_ svg: String, caption: String) -> String {
    "<figure>\n\(svg)<figcaption>\(SVG.escape(caption))</figcaption>\n</figure>\n"
  }

  /// A table with a header row; cells are escaped.
  static func table(header: [String], rows: [[String]]) -> String {
    var html = "<table>\n<thead><tr>"
    html += header.map { "<th scope=\"col\">\(SVG.escape($0))</th>" }.joined()
    html += "</tr></thead>\n<tbody>\n"
    for row in rows {
      html += "<tr>"
      for (index, cell) in row.enumerated() {
        html +=
          index == 0
          ? "<th scope=\"row\">\(SVG.escape(cell))</th>" : "<td>\(SVG.escape(cell))</td>"
      }
      html += "</tr>\n"
    }
    return html + "</tbody>\n</table>\n"
  }
}
