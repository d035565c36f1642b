import ArgumentParser
import CapsimReports
import CapsimStore
import Foundation

extension TimeUnit: ExpressibleByArgument {}

/// `capsim measure --set NAME --platform P -- COMMAND…`: time a real command into a sample set.
struct MeasureCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "measure",
    abstract:
      "Run a command repeatedly (like hyperfine) and record its wall times as a sample set.",
    discussion: """
      Each recorded run's wall time is stored with the run's start time and this host. With --parse, \
      every match of the pattern in the command's standard output is recorded instead (for example a \
      training script's per-step times). A run that fails stops the measurement with the command's \
      exit status, and nothing is stored. The set name, platform, metric and --export-json path are \
      checked before the first run, and the export is written before the values are stored.

        capsim measure --set sleep-1 --platform laptop --create-platform shared --runs 5 -- sleep 1
        capsim measure --set steps --platform a100 --parse 'step time: ([0-9.]+) s' -- python train.py
      """)

  @Option(name: .customLong("set"), help: "Sample-set name.") var sampleSetName: String
  @Option(help: "Platform the command runs on.") var platform: String
  @Option(help: "Recorded runs.") var runs: Int = 10
  @Option(help: "Runs made first and not recorded.") var warmup: Int = 0
  @Option(help: "What a value measures: job_time (default), step_time, queue_wait.")
  var metric: String = "job_time"
  @Option(
    help: ArgumentHelp(
      "Record every match of this regular expression in the command's output (its first capture group if any).",
      valueName: "regex"))
  var parse: String?
  @Option(help: "Unit of the parsed values.") var unit: TimeUnit = .seconds
  @Option(help: "Also write hyperfine-compatible JSON of the recorded values to this file.")
  var exportJson: String?
  @Flag(help: "Overwrite a sample set of the same name.") var replace = false
  @Option(help: "Create the platform if missing, with this kind (shared or dedicated).")
  var createPlatform: InfrastructureKind?
  @OptionGroup var database: DatabaseOptions
  @Argument(parsing: .postTerminator, help: "The command to run, after --.") var command: [String] =
    []

  func validate() throws {
    if command.isEmpty { throw ValidationError("give the command to measure after --") }
    if runs < 1 { throw ValidationError("--runs must be at least 1 (got \(runs))") }
    if warmup < 0 { throw ValidationError("--warmup must be at least 0 (got \(warmup))") }
  }

  func run() async throws {
    try await Diagnostics.reportingInputErrors {
      let measurement = CommandMeasurement(
        command: command, runs: runs, warmupRuns: warmup, pattern: parse,
        unit: unit)
      // Everything that could refuse the values is checked before the first run, so that a failed
      // command has run nothing in vain and stored nothing.
      if let exportJson { try OutputFile.checkDestination(exportJson) }
      let store = try database.open()
      try store.checkMeasurementTarget(
        set: sampleSetName, platform: platform, metric: metric,
        createsPlatform: createPlatform != nil, replace: replace)
      let values: [CommandMeasurement.Value]
      do {
        values = try measurement.run { index, total, seconds, isWarmup in
          Diagnostics.note(
            "run \(index)/\(total)\(isWarmup ? " (warm-up)" : ""): "
              + "\(NumberFormatting.readable(seconds, significant: 4)) s")
        }
      } catch let failure as CommandMeasurement.Failure {
        Diagnostics.error(failure.diagnostic.description)
        throw ExitCode(failure.status)
      }
      let host = ProcessInfo.processInfo.hostName
      var options = SampleImportOptions()
      options.format = .jsonLines
      options.replace = replace
      options.provenance = "capsim measure on \(host): \(measurement.commandLine)"
      options.createMissingPlatforms = createPlatform.map {
        PlatformDefaults(kind: $0, gpuModel: "unknown", provider: "unknown")
      }
      let lines = CommandMeasurement.jsonLines(
        values, set: sampleSetName, platform: platform, metric: metric, host: host)
      let seconds = values.map(\.seconds)
      // The export is written before the values are stored: if it fails, nothing is stored.
      if let exportJson {
        try OutputWriter.write(measurement.hyperfineJSON(seconds), to: exportJson)
      }
      report(
        try store.importSamples(
          ImportSource(fileName: "capsim measure", text: lines), options: options))
      let summary = try SampleSummary(seconds)
      Diagnostics.note(MeasureSummary.line(summary, count: seconds.count))
    }
  }
}
