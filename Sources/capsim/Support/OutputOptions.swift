import ArgumentParser
import CapsimReports
import Foundation

/// The output options of every command that writes a report: `--format`, `-o`, `--width`, `--layout`.
///
/// Generic over the command's report type, so `--help` lists exactly the formats that report offers and
/// any other is refused before anything runs.
struct OutputOptions<Document: ReportDocument>: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Output format: \(Document.formats.map(\.rawValue).joined(separator: ", ")) "
        + "(default: \(Document.formats[0].rawValue)).",
      valueName: "format"),
    transform: { text in
      guard let format = ReportFormat(rawValue: text), Document.formats.contains(format) else {
        throw ValidationError(
          "unknown format '\(text)'; use one of "
            + Document.formats.map(\.rawValue).joined(separator: ", "))
      }
      return format
    })
  var format: ReportFormat = Document.formats[0]

  @Option(
    name: .shortAndLong,
    help: ArgumentHelp(
      "Write the report to this file instead of standard output.", valueName: "file"))
  var output: String?

  @Option(parsing: .unconditional, help: "Terminal width in columns (table format).")
  var width: Int = 100

  @Option(
    help:
      "CSV layout of run reports: long (one row per option and metric) or wide (one row per option)."
  )
  var layout: CSVLayout = .long

  func validate() throws {
    try TerminalWidth.validate(width)
    if let output, output.trimmingCharacters(in: .whitespaces).isEmpty {
      throw ValidationError(
        "-o/--output needs a file name (got an empty one): give -o FILE, or leave it out to write "
          + "to standard output")
    }
    if format.isBinary, output == nil || output == "-", isatty(STDOUT_FILENO) != 0 {
      throw ValidationError(
        "--format \(format.rawValue) writes a binary file; give it a name with -o FILE")
    }
    if layout == .wide, format != .csv || !(Document.self is RunReport.Type) {
      throw ValidationError("--layout wide applies to 'capsim run --format csv' only")
    }
  }

  /// The render settings these options give.
  func settings(detail: ReportDetail = .full) -> RenderSettings {
    RenderSettings(
      width: width, layout: layout, detail: detail, capsimVersion: CapsimVersion.current)
  }

  /// Renders `document` in the chosen format and writes it to the chosen place.
  func write(_ document: Document, detail: ReportDetail = .full) throws {
    switch try document.render(format, settings: settings(detail: detail)) {
    case .text(let text): try OutputWriter.write(text, to: output)
    case .binary(let data): try OutputWriter.write(data, to: output)
    }
  }
}

extension CSVLayout: ExpressibleByArgument {}
extension ReportDetail: ExpressibleByArgument {}
