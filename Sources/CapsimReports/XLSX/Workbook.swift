import CXlsxWriter
import Foundation

/// A thin Swift owner of a libxlsxwriter workbook: sheets, cached cell formats, native charts, and the
/// finished file as bytes. Numbers are written as numbers (NaN and ±∞ leave the cell empty), text as
/// shared strings, formulas with their cached value so a reader that does not recalculate shows it.
final class Workbook {
  /// The workbook could not be created or closed.
  struct WorkbookError: Error, CustomStringConvertible {
    var description: String
  }

  private let handle: UnsafeMutablePointer<lxw_workbook>
  private let file: URL
  private var formats: [String: UnsafeMutablePointer<lxw_format>] = [:]
  private var closed = false
  /// Per sheet: its handle, and per column the widest content written and the width asked for.
  private var sheets: [(handle: UnsafeMutablePointer<lxw_worksheet>, columns: [Int: ColumnWidth])] =
    []

  /// What a column holds: the widest cell (characters) and the width set with ``Sheet/width(_:_:_:)``.
  struct ColumnWidth {
    var content = 0.0
    var requested: Double?
  }

  /// The widest a column grows to fit its content, in characters (longer text is cut at the edge).
  static let maximumColumnWidth = 50.0

  /// The hidden sheet that holds chart text starting with `=` (see ``chartTextCell(_:)``), made when
  /// first needed, and the next free row on it.
  private var chartTextSheet: Sheet?
  private var chartTextRows = 0

  /// The name of the hidden sheet that holds chart text starting with `=`.
  static let chartTextSheetName = "ChartText"

  /// Starts a workbook in a temporary file (libxlsxwriter 1.1.4 writes only to files).
  init() throws {
    file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "capsim-\(UUID().uuidString).xlsx")
    guard let handle = workbook_new(file.path) else {
      throw WorkbookError(description: "cannot create a workbook in \(file.path)")
    }
    self.handle = handle
  }

  deinit {
    if !closed { _ = workbook_close(handle) }
    try? FileManager.default.removeItem(at: file)
  }

  /// Adds a sheet named `name` (at most 31 characters, none of `[]:*?/\`).
  func addSheet(_ name: String) -> Sheet {
    guard let sheet = workbook_add_worksheet(handle, name) else {
      preconditionFailure("libxlsxwriter refused sheet '\(name)' (duplicate or invalid name)")
    }
    sheets.append((sheet, [:]))
    return Sheet(handle: sheet, name: name, workbook: self, index: sheets.count - 1)
  }

  /// Notes that a cell of `column` on sheet `index` needs `characters` of width.
  func noteContent(sheet index: Int, column: Int, characters: Double) {
    sheets[index].columns[column, default: ColumnWidth()].content = Swift.max(
      sheets[index].columns[column, default: ColumnWidth()].content, characters)
  }

  /// Notes the width asked for `columns` on sheet `index`.
  func noteRequested(sheet index: Int, columns: ClosedRange<Int>, width: Double) {
    for column in columns {
      sheets[index].columns[column, default: ColumnWidth()].requested = width
    }
  }

  /// Sets every column that holds content as wide as its widest cell plus a margin (at least the width
  /// asked for, at most ``maximumColumnWidth`` unless more was asked for), so no number shows as `###`
  /// and no header or name is cut.
  private func fitColumns() {
    for sheet in sheets {
      for (column, width) in sheet.columns {
        let fitted = Swift.min(Self.maximumColumnWidth, width.content + 2)
        let chosen = Swift.max(width.requested ?? 8.43, fitted)
        worksheet_set_column(sheet.handle, lxw_col_t(column), lxw_col_t(column), chosen, nil)
      }
    }
  }

  /// A cell format with an Excel number format (`"#,##0"`, `"0.0%"`) and weight; cached per key.
  func format(number: String? = nil, bold: Bool = false, wrap: Bool = false)
    -> UnsafeMutablePointer<lxw_format>?
  {
    let key = "\(number ?? "")|\(bold)|\(wrap)"
    if let cached = formats[key] { return cached }
    guard let format = workbook_add_format(handle) else { return nil }
    if let number { format_set_num_format(format, number) }
    if bold { format_set_bold(format) }
    if wrap { format_set_text_wrap(format) }
    formats[key] = format
    return format
  }

  /// Adds a native chart of `type` (for example `LXW_CHART_COLUMN_STACKED`).
  func addChart(_ type: lxw_chart_type) -> Chart {
    Chart(handle: workbook_add_chart(handle, UInt8(type.rawValue)), workbook: self)
  }

  /// For chart text (a title, an axis or series name) that starts with `=`, which libxlsxwriter would
  /// write as a formula (an option named `=shared` would name its series by the reference `shared`):
  /// a cell of a hidden sheet that holds the text as a string, for the chart to take its name from.
  /// Nil for other text, which the chart holds itself.
  func chartTextCell(_ text: String) -> (sheet: String, row: lxw_row_t, column: lxw_col_t)? {
    guard text.hasPrefix("=") else { return nil }
    let sheet: Sheet
    if let existing = chartTextSheet {
      sheet = existing
    } else {
      sheet = addSheet(Self.chartTextSheetName)
      worksheet_hide(sheet.handle)
      chartTextSheet = sheet
    }
    let row = chartTextRows
    chartTextRows += 1
    worksheet_write_string(sheet.handle, lxw_row_t(row), 0, text, nil)
    return (sheet.name, lxw_row_t(row), 0)
  }

  /// Closes the workbook and returns the file's bytes.
  func data() throws -> Data {
    fitColumns()
    closed = true
    let result = workbook_close(handle)
    guard result == LXW_NO_ERROR else {
      throw WorkbookError(
        description: "cannot write the workbook: \(String(cString: lxw_strerror(result)))")
    }
    return try Data(contentsOf: file)
  }
}

/// One worksheet.
struct Sheet {
  let handle: UnsafeMutablePointer<lxw_worksheet>
  /// The sheet's name, used by chart ranges.
  let name: String
  unowned let workbook: Workbook
  /// The sheet's place in the workbook.
  let index: Int

  /// Writes a number; NaN or ±∞ leaves the cell empty. A fixed-decimals format that would show a small
  /// value with fewer than three significant digits (0.0034 as "0.00") gets more decimals for it.
  func number(_ row: Int, _ column: Int, _ value: Double?, format: String? = nil) {
    guard let value, value.isFinite else { return }
    let format = format.map { WorkbookFormats.significant($0, for: value) }
    worksheet_write_number(
      handle, lxw_row_t(row), lxw_col_t(column), value, workbook.format(number: format))
    workbook.noteContent(
      sheet: index, column: column, characters: WorkbookFormats.displayWidth(value, format: format))
  }

  /// Writes text (kept as text even when it looks like a number, as a seed must).
  func text(_ row: Int, _ column: Int, _ value: String, bold: Bool = false, wrap: Bool = false) {
    // A sentence (a title, a note) spills into the empty cells beside it and does not widen its column.
    if !wrap, value.count <= 40 {
      workbook.noteContent(
        sheet: index, column: column, characters: Double(value.count) * (bold ? 1.1 : 1))
    }
    worksheet_write_string(
      handle, lxw_row_t(row), lxw_col_t(column), value,
      bold || wrap ? workbook.format(bold: bold, wrap: wrap) : nil)
  }

  /// Writes a formula with its cached `value`.
  func formula(_ row: Int, _ column: Int, _ formula: String, value: Double, format: String? = nil) {
    worksheet_write_formula_num(
      handle, lxw_row_t(row), lxw_col_t(column), formula, workbook.format(number: format), value)
  }

  /// Sets the width of columns `first...last` in characters.
  func width(_ first: Int, _ last: Int, _ width: Double) {
    worksheet_set_column(handle, lxw_col_t(first), lxw_col_t(last), width, nil)
    workbook.noteRequested(sheet: index, columns: first...Swift.max(first, last), width: width)
  }

  /// Places `chart` with its top-left corner at the cell, scaled from Excel's default 480 × 288 pixels
  /// (default 2 × 1.6, so a legend leaves room for the plot).
  func insert(_ chart: Chart, row: Int, column: Int, xScale: Double = 2, yScale: Double = 1.6) {
    var options = lxw_chart_options()
    options.x_scale = xScale
    options.y_scale = yScale
    worksheet_insert_chart_opt(handle, lxw_row_t(row), lxw_col_t(column), chart.handle, &options)
  }
}

/// A native chart.
struct Chart {
  let handle: UnsafeMutablePointer<lxw_chart>
  /// The workbook, which holds text starting with `=` in cells (``Workbook/chartTextCell(_:)``).
  unowned let workbook: Workbook

  /// A cell range on a sheet, rows and columns inclusive.
  struct Range {
    var sheet: String
    var firstRow: Int
    var firstColumn: Int
    var lastRow: Int
    var lastColumn: Int
  }

  /// Adds a series named `name` with `values` over `categories`; `dashed` draws a dashed line;
  /// `color` is `0xRRGGBB`.
  @discardableResult
  func addSeries(
    _ name: String, categories: Range?, values: Range, color: UInt32? = nil, dashed: Bool = false
  ) -> UnsafeMutablePointer<lxw_chart_series>? {
    guard let series = chart_add_series(handle, nil, nil) else { return nil }
    if let categories {
      chart_series_set_categories(
        series, categories.sheet, lxw_row_t(categories.firstRow),
        lxw_col_t(categories.firstColumn), lxw_row_t(categories.lastRow),
        lxw_col_t(categories.lastColumn))
    }
    chart_series_set_values(
      series, values.sheet, lxw_row_t(values.firstRow), lxw_col_t(values.firstColumn),
      lxw_row_t(values.lastRow), lxw_col_t(values.lastColumn))
    if let cell = workbook.chartTextCell(name) {
      chart_series_set_name_range(series, cell.sheet, cell.row, cell.column)
    } else {
      chart_series_set_name(series, name)
    }
    if color != nil || dashed {
      var line = lxw_chart_line()
      line.color = color ?? 0
      line.width = dashed ? 1.25 : 2.25
      line.dash_type = dashed ? UInt8(LXW_CHART_LINE_DASH_DASH.rawValue) : 0
      chart_series_set_line(series, &line)
    }
    return series
  }

  /// Removes the series with these zero-based indices from the legend (their lines stay).
  func hideFromLegend(_ indices: [Int]) {
    guard !indices.isEmpty else { return }
    var list = indices.map { Int16($0) } + [-1]
    chart_legend_delete_series(handle, &list)
  }

  /// Puts the category labels at the low end of the value axis (clear of bars that run negative).
  func categoryLabelsLow() {
    for axis in [handle.pointee.x_axis, handle.pointee.y_axis] {
      chart_axis_set_label_position(axis, UInt8(LXW_CHART_AXIS_LABEL_POSITION_LOW.rawValue))
    }
  }

  /// Whole numbers only on the x axis (node counts): ticks one apart, no decimals.
  func wholeNumberXAxis() {
    chart_axis_set_major_unit(handle.pointee.x_axis, 1)
    chart_axis_set_num_format(handle.pointee.x_axis, "0")
  }

  /// Caps the y axis at 1 (a share), shown as a percentage.
  func shareYAxis() {
    chart_axis_set_max(handle.pointee.y_axis, 1)
    chart_axis_set_num_format(handle.pointee.y_axis, "0%")
  }

  /// Sets the title and the axis names (with units); text starting with `=` is taken from a cell that
  /// holds it, so that it is not read as a formula.
  func label(title: String, x: String, y: String) {
    if let cell = workbook.chartTextCell(title) {
      chart_title_set_name_range(handle, cell.sheet, cell.row, cell.column)
    } else {
      chart_title_set_name(handle, title)
    }
    for (axis, name) in [(handle.pointee.x_axis, x), (handle.pointee.y_axis, y)] {
      if let cell = workbook.chartTextCell(name) {
        chart_axis_set_name_range(axis, cell.sheet, cell.row, cell.column)
      } else {
        chart_axis_set_name(axis, name)
      }
    }
    chart_axis_set_num_format(handle.pointee.y_axis, "#,##0.##")
    chart_legend_set_position(handle, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
  }
}
