import GRDB

extension CapsimDatabase {
  /// Checks, before a command is measured, that its values could be stored as sample set `name` of
  /// `platform`: the name is not empty, the metric is a metric name, the platform exists (or
  /// `createsPlatform`), and no set of that name exists (or `replace`). `capsim measure` calls it before
  /// the first run, so a measurement is never made only to be refused; each error names the option
  /// (`--set`, `--metric`, `--platform`) rather than a line of the values.
  ///
  /// The import that stores the values checks all of this again inside its transaction.
  ///
  /// - Throws: ``ImportError/invalidOption(_:reason:help:)`` or ``ImportError/alreadyExists(_:kind:name:)``;
  ///   ``StoreError`` for database faults.
  public func checkMeasurementTarget(
    set name: String, platform: String, metric: String, createsPlatform: Bool, replace: Bool
  ) throws {
    if name.trimmingSpaces().isEmpty {
      throw ImportError.invalidOption(
        SourceLocation(file: "--set"), reason: "the sample-set name is empty",
        help: "name the set the values are stored as, e.g. --set sleep-1")
    }
    try PrintableText.check(option: name, flag: "--set")
    try PrintableText.check(option: platform, flag: "--platform")
    do {
      try SampleSetCollector.validateMetric(metric, at: SourceLocation(file: "--metric"))
    } catch {
      throw ImportError.invalidOption(
        SourceLocation(file: "--metric"),
        reason: "'\(metric)' is not a metric name (lower-case letters and underscores)",
        help: "use job_time, step_time, queue_wait or another snake_case name")
    }
    let (platforms, setExists) = try read { db in
      (
        try Self.names(db, table: "platform"),
        try Bool.fetchOne(
          db, SQLRequest<Bool>("SELECT EXISTS (SELECT 1 FROM sample_set WHERE name = \(name))"))
          ?? false
      )
    }
    if !createsPlatform, !platforms.contains(platform) {
      let suggestion = NameSuggestions.help(for: platform, kind: "platform", known: platforms)
      throw ImportError.invalidOption(
        SourceLocation(file: "--platform"), reason: "unknown platform '\(platform)'",
        help: suggestion + (suggestion.hasSuffix("?") ? " Or" : "; or")
          + " add --create-platform shared (or dedicated) to create it")
    }
    if setExists, !replace {
      throw ImportError.alreadyExists(
        SourceLocation(file: "--set"), kind: "sample set", name: name)
    }
  }
}
