extension SampleParser {
  /// Any CSV mapped by options: one sample set named `sampleSetName` from `valueColumn` (minus
  /// `minusColumn` if given), in `unit` or multiplied by `scale`, keeping rows that pass every filter.
  static func parseTable(_ source: ImportSource, options: SampleImportOptions) throws
    -> [PendingSampleSet]
  {
    func option(_ value: String?, _ flag: String, _ help: String) throws(ImportError) -> String {
      guard let value, !value.isEmpty else {
        throw ImportError.invalidOption(
          SourceLocation(file: flag), reason: "\(flag) is required to import an arbitrary CSV",
          help: help)
      }
      return value
    }
    let valueName = try option(
      options.valueColumn, "--value-column", "name the column that holds the durations")
    let setName = try option(options.sampleSetName, "--name", "name the sample set to create")
    let platform = try option(
      options.platform, "--platform", "name the platform the values were measured on")
    let metric = options.metric ?? "job_time"
    let scale: Double
    let unitName: String
    switch (options.unit, options.scale) {
    case (.some, .some):
      throw ImportError.invalidOption(
        SourceLocation(file: "--scale"), reason: "--unit and --scale cannot both be given",
        help: "use --unit for a named unit or --scale for a factor to seconds")
    case (nil, let factor?):
      guard factor.isFinite, factor > 0 else {
        throw ImportError.invalidOption(
          SourceLocation(file: "--scale"), reason: "--scale must be a finite number > 0",
          help: "the factor that turns one value into seconds, e.g. 0.001 for milliseconds")
      }
      scale = factor
      unitName = "×\(factor) s"
    case (let unit, nil):
      let parsed = try TimeUnit.parse(unit ?? "s", at: SourceLocation(file: "--unit"))
      scale = parsed.seconds
      unitName = parsed.rawValue
    }

    var table = try CSVTable(source, suppliedColumns: options.columnNames)
    let columns = table.columns
    func column(_ name: String, flag: String) throws(ImportError) -> Int {
      guard let index = table.index(of: name) else {
        throw ImportError.unknownColumn(
          SourceLocation(
            file: source.fileName, line: table.headerStart.line, column: 1, field: flag),
          column: name, expected: columns)
      }
      return index
    }
    let valueColumn = try column(valueName, flag: "--value-column")
    let minusColumn = try options.minusColumn.map { name throws(ImportError) in
      try column(name, flag: "--minus-column")
    }
    let gpuColumn = try options.gpuCountColumn.map { name throws(ImportError) in
      try column(name, flag: "--gpu-count-column")
    }
    let recordedColumn = try options.recordedAtColumn.map { name throws(ImportError) in
      try column(name, flag: "--recorded-at-column")
    }
    let runColumn = try options.runIDColumn.map { name throws(ImportError) in
      try column(name, flag: "--run-id-column")
    }
    let filters = try options.filters.map { filter throws(ImportError) in
      (filter, try column(filter.column, flag: "--where"))
    }

    var collector = SampleSetCollector()
    var skipped: [String: Int] = [:]
    let index = try collector.index(
      name: setName, platform: platform, metric: metric, unit: unitName,
      location: SourceLocation(file: source.fileName),
      fieldLocation: { SourceLocation(file: "--\($0)") })
    try table.forEachRow { fields, start, reader in
      for (filter, filterColumn) in filters
      where !filter.accepts(reader.trimmedString(fields[filterColumn])) {
        skipped[filter.description, default: 0] += 1
        return
      }
      func location(_ column: Int) -> SourceLocation {
        reader.location(of: fields[column], record: start, name: columns[column])
      }
      func number(_ column: Int) throws(ImportError) -> Double {
        let field = fields[column]
        if reader.isBlank(field) {
          throw ImportError.emptyValue(
            location(column),
            help: "skip rows without a value with --where '\(columns[column])!='")
        }
        guard let value = reader.double(field), value.isFinite else {
          throw ImportError.invalidValue(
            location(column), value: reader.trimmedString(field),
            reason: "a duration must be a finite number",
            help: "skip such rows with a --where filter or correct the value")
        }
        return value
      }
      var value = try number(valueColumn)
      if let minusColumn { value -= try number(minusColumn) }
      try validateSeconds(
        value * scale, text: reader.trimmedString(fields[valueColumn]), at: location(valueColumn))
      collector.append(
        value * scale, to: index,
        gpuCount: try gpuColumn.map { column throws(ImportError) in
          try parseGPUCount(reader.trimmedString(fields[column]), at: location(column))
        },
        recordedAt: recordedColumn.map { optionalText(reader.trimmedString(fields[$0])) },
        runID: runColumn.map { optionalText(reader.trimmedString(fields[$0])) })
    }
    var sets = collector.sets
    if sets[0].seconds.isEmpty {
      throw ImportError.emptySampleSet(SourceLocation(file: source.fileName), name: setName)
    }
    sets[0].skipped = filters.compactMap { filter, _ in
      skipped[filter.description].map { ("filter \(filter.description)", $0) }
    }
    return sets
  }
}
