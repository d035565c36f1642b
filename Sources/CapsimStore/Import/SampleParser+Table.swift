extension SampleParser {
  /// Any CSV mapped by options: one sample set named `sampleSetName` from `valueColumn` (minus
  /// `minusColumn` if given), in `unit` or multiplied by `scale`, keeping rows that pass every filter.
  ///
  /// With `minusColumn` and no unit or scale, each column's times are detected from its first cell
  /// (``TraceTimeKind``: ISO 8601 with or without zone, epoch seconds or milliseconds, or plain
  /// numbers) and the durations are end minus start in seconds. A `--where` on `value` (when the
  /// file has no such column) filters on that derived duration. With `groupByColumn` and `reduce`
  /// (per-worker step logs), the set holds one reduced value per group (the synchronous step time
  /// for `max`) and `<name>-per-worker` every row, each with its group as run id.
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
    let setName = try option(
      options.sampleSetName, "--set", "name the sample set to create, e.g. --set helios-job-time")
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
      try column(name, flag: "--timestamp-column")
    }
    let runColumn = try options.runIDColumn.map { name throws(ImportError) in
      try column(name, flag: "--run-id-column")
    }
    let valueIsColumn = table.index(of: "value") != nil
    let rowFilters = try options.filters.filter { valueIsColumn || $0.column != "value" }.map {
      filter throws(ImportError) in (filter, try column(filter.column, flag: "--where"))
    }
    let valueFilters = valueIsColumn ? [] : options.filters.filter { $0.column == "value" }
    let groupColumn = try options.groupByColumn.map { name throws(ImportError) in
      try column(name, flag: "--group-by")
    }
    try checkGrouping(options, runIDColumn: runColumn)

    var collector = SampleSetCollector()
    var skipped: [String: Int] = [:]
    let perRowName = groupColumn == nil ? setName : setName + "-per-worker"
    let index = try collector.index(
      name: perRowName, platform: platform, metric: metric, unit: unitName,
      location: SourceLocation(file: source.fileName),
      fieldLocation: { SourceLocation(file: "--\($0)") })
    let allowEpoch = options.unit == nil && options.scale == nil && minusColumn != nil
    var kinds: [Int: TraceTimeKind] = [:]
    var groups: [String: [Double]] = [:]
    var groupOrder: [String] = []
    try table.forEachRow { fields, start, reader in
      for (filter, filterColumn) in rowFilters
      where !filter.accepts(reader.trimmedString(fields[filterColumn])) {
        skipped[filter.description, default: 0] += 1
        return
      }
      func location(_ column: Int) -> SourceLocation {
        reader.location(of: fields[column], record: start, name: columns[column])
      }
      func time(_ column: Int) throws(ImportError) -> (Double, TraceTimeKind) {
        let field = fields[column]
        let text = reader.trimmedString(field)
        if reader.isBlank(field) {
          throw ImportError.emptyValue(
            location(column),
            help: "skip rows without a value with --where '\(columns[column])!='")
        }
        let kind: TraceTimeKind
        if let known = kinds[column] {
          kind = known
        } else if let detected = TraceTimeKind.detect(text, allowEpoch: allowEpoch) {
          kind = detected
          kinds[column] = detected
        } else {
          throw ImportError.invalidValue(
            location(column), value: text,
            reason: "a duration must be a finite number or, with --minus-column, a timestamp",
            help: "skip such rows with a --where filter or correct the value")
        }
        guard let value = TraceTime.seconds(text, as: kind), value.isFinite else {
          throw ImportError.invalidValue(
            location(column), value: text,
            reason: "this column holds \(kind); this cell is not one",
            help: "correct the value, or skip such rows with a --where filter")
        }
        return (value, kind)
      }
      let (end, endKind) = try time(valueColumn)
      var seconds = end * scale
      if let minusColumn {
        let (begin, beginKind) = try time(minusColumn)
        guard endKind.isInstant == beginKind.isInstant else {
          throw ImportError.invalidValue(
            location(minusColumn), value: reader.trimmedString(fields[minusColumn]),
            reason:
              "'\(columns[valueColumn])' holds \(endKind) but '\(columns[minusColumn])' \(beginKind)",
            help: "subtract two timestamps or two numbers")
        }
        seconds = endKind.isInstant ? end - begin : (end - begin) * scale
      } else if endKind.isInstant {
        throw ImportError.invalidValue(
          location(valueColumn), value: reader.trimmedString(fields[valueColumn]),
          reason: "a timestamp is not a duration",
          help: "give the start column with --minus-column to import end minus start")
      }
      for filter in valueFilters where !filter.accepts(String(seconds)) {
        skipped[filter.description, default: 0] += 1
        return
      }
      try validateSeconds(
        seconds,
        text: minusColumn == nil ? reader.trimmedString(fields[valueColumn]) : "\(seconds) s",
        at: location(valueColumn))
      var runID = runColumn.map { optionalText(reader.trimmedString(fields[$0])) }
      if let groupColumn {
        let key = reader.trimmedString(fields[groupColumn])
        if groups[key] == nil { groupOrder.append(key) }
        groups[key, default: []].append(seconds)
        runID = .some(key)
      }
      collector.append(
        seconds, to: index,
        gpuCount: try gpuColumn.map { column throws(ImportError) in
          try parseGPUCount(reader.trimmedString(fields[column]), at: location(column))
        },
        recordedAt: recordedColumn.map { optionalText(reader.trimmedString(fields[$0])) },
        runID: runID)
    }
    var sets = collector.sets
    if sets[0].seconds.isEmpty {
      throw ImportError.emptySampleSet(SourceLocation(file: source.fileName), name: perRowName)
    }
    sets[0].skipped = options.filters.compactMap { filter in
      skipped[filter.description].map { ("filter \(filter.description)", $0) }
    }
    if let minusColumn {
      let endKind = kinds[valueColumn] ?? .number
      let beginKind = kinds[minusColumn] ?? .number
      sets[0].notes.append(
        "values = \(columns[valueColumn]) − \(columns[minusColumn]) "
          + (endKind.isInstant
            ? "in seconds; \(columns[valueColumn]) read as \(endKind), "
              + "\(columns[minusColumn]) as \(beginKind)"
            : "in \(unitName)"))
    }
    if let reduction = options.reduce, let groupColumn {
      var reduced = PendingSampleSet(
        name: setName, platform: platform, metric: metric, unit: "s",
        location: SourceLocation(file: source.fileName))
      for key in groupOrder {
        reduced.seconds.append(reduction.apply(groups[key] ?? []))
        reduced.runIDs.append(key)
      }
      reduced.notes.append(
        "'\(setName)': the \(reduction.rawValue) of each \(columns[groupColumn]) "
          + "(\(groupOrder.count) groups); every row's value kept in '\(perRowName)' "
          + "with its \(columns[groupColumn]) as run id")
      sets.insert(reduced, at: 0)
    }
    return sets
  }

  /// `--group-by` and `--reduce` go together, and the group key takes the run-id field.
  static func checkGrouping(_ options: SampleImportOptions, runIDColumn: Int?) throws(ImportError) {
    switch (options.groupByColumn, options.reduce) {
    case (.some, nil):
      throw ImportError.invalidOption(
        SourceLocation(file: "--reduce"), reason: "--group-by needs --reduce",
        help: "for per-worker step logs: --group-by step --reduce max")
    case (nil, .some):
      throw ImportError.invalidOption(
        SourceLocation(file: "--group-by"), reason: "--reduce needs --group-by COLUMN",
        help: "name the column whose rows are reduced together, e.g. --group-by step")
    case (.some, .some) where runIDColumn != nil:
      throw ImportError.invalidOption(
        SourceLocation(file: "--run-id-column"),
        reason:
          "--group-by stores each row's group as its run id, so --run-id-column cannot be given too",
        help: "drop --run-id-column")
    default: return
    }
  }
}
