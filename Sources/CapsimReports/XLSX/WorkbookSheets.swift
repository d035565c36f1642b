import CapsimCore
import Foundation

/// Sheet layouts shared by the workbooks of every command.
enum WorkbookSheets {
  /// A "field, value, unit" sheet: numbers as numbers in their unit's number format, text as text.
  enum Value {
    case number(Double?, unit: String)
    case text(String)
  }

  /// The rows that say what a result was run under, each only when it applies: one per `--set` override,
  /// the precision target's outcome, the uncertain inputs and the rank correlations imposed on them (the
  /// values list them; the labels say what they are).
  static func contextRows(
    overrides: [ScenarioOverride], precision: PrecisionOutcome?, trials: Int,
    uncertainInputs: [UncertainInput], correlations: [AchievedCorrelation]
  ) -> [(label: String, text: String)] {
    var rows = overrides.map { (label: "Override: \($0.path)", text: $0.value) }
    if let precision { rows.append(("Precision", precision.summary(trials: trials))) }
    if let list = UncertaintyText.inputsList(uncertainInputs) {
      rows.append(("Uncertain inputs", list))
    }
    if let list = UncertaintyText.correlationsList(correlations) {
      rows.append(("Rank correlations", list))
    }
    return rows
  }

  /// Writes `title` in bold, then one row per field from row 2: name, value, unit.
  static func fields(
    _ sheet: Sheet, title: String, lead: [String] = [], rows: [(String, Value)], currency: String
  ) {
    sheet.text(0, 0, title, bold: true)
    var row = 1
    for sentence in lead {
      sheet.text(row, 0, sentence, bold: row == 1)
      row += 1
    }
    row += 1
    sheet.text(row, 0, "Field", bold: true)
    sheet.text(row, 1, "Value", bold: true)
    sheet.text(row, 2, "Unit", bold: true)
    for (name, value) in rows {
      row += 1
      sheet.text(row, 0, name)
      switch value {
      case .number(let number, let unit):
        sheet.number(row, 1, number, format: WorkbookFormats.number(unit: unit, currency: currency))
        sheet.text(row, 2, CSVReport.unit(unit))
      case .text(let text): sheet.text(row, 1, text)
      }
    }
    sheet.width(0, 0, 34)
    sheet.width(1, 1, 22)
  }

  /// A header row and rows of values from row 0; returns the last row written.
  @discardableResult
  static func table(_ sheet: Sheet, header: [String], rows: [[Value]], currency: String) -> Int {
    for (column, name) in header.enumerated() { sheet.text(0, column, name, bold: true) }
    for (index, values) in rows.enumerated() {
      for (column, value) in values.enumerated() {
        switch value {
        case .number(let number, let unit):
          sheet.number(
            1 + index, column, number,
            format: WorkbookFormats.number(unit: unit, currency: currency))
        case .text(let text): sheet.text(1 + index, column, text)
        }
      }
    }
    sheet.width(0, header.count - 1, 16)
    return rows.count
  }
}
