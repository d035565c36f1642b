import Foundation

/// Runs a command repeatedly and records its durations, like hyperfine: each run's wall time, or
/// with a pattern every number the command prints that matches it (a training script's step times).
///
/// Warm-up runs are made first and not recorded. A run that exits with a non-zero status stops the
/// measurement (``CommandMeasurement/Failure``) and nothing is kept.
public struct CommandMeasurement: Sendable {
  /// The command and its arguments, run through `/usr/bin/env` (so `PATH` is searched).
  public var command: [String]
  /// Recorded runs.
  public var runs: Int
  /// Unrecorded runs made first.
  public var warmupRuns: Int
  /// With a pattern, each match in the command's standard output is a value (its first capture
  /// group if it has one, else the whole match), in `unit`; without, the run's wall time.
  public var pattern: String?
  /// The unit of parsed values.
  public var unit: TimeUnit

  /// A measurement of `command`.
  public init(
    command: [String], runs: Int, warmupRuns: Int = 0, pattern: String? = nil,
    unit: TimeUnit = .seconds
  ) {
    self.command = command
    self.runs = runs
    self.warmupRuns = warmupRuns
    self.pattern = pattern
    self.unit = unit
  }

  /// The command line as one string, words with spaces quoted.
  public var commandLine: String {
    command.map { $0.contains(" ") || $0.isEmpty ? "'\($0)'" : $0 }.joined(separator: " ")
  }

  /// A run that failed: the run number (1-based, warm-ups counted first) and its exit status.
  public struct Failure: Error, Equatable, Sendable, DiagnosticConvertible {
    /// The command line.
    public var command: String
    /// Which run failed (warm-ups first).
    public var run: Int
    /// The exit status (128 + signal number when killed by a signal).
    public var status: Int32

    /// The rendered diagnostic.
    public var diagnostic: Diagnostic {
      Diagnostic(
        location: nil,
        message: "'\(command)' exited with status \(status) on run \(run); nothing was recorded",
        help:
          "run the command by hand to see why it fails; capsim measure keeps only complete measurements"
      )
    }
  }

  /// One recorded value and when its run started.
  public struct Value: Sendable, Hashable {
    /// Seconds.
    public var seconds: Double
    /// The start of its run, ISO 8601 in UTC.
    public var startedAt: String
  }

  /// Runs the measurement; `progress` is called after each run with (run number, total, that
  /// run's wall time in seconds, whether it was a warm-up).
  ///
  /// - Throws: ``Failure`` when a run exits non-zero, ``ImportError`` for a bad pattern or a
  ///   pattern that matches nothing or something that is not a number.
  public func run(progress: (Int, Int, Double, Bool) -> Void = { _, _, _, _ in }) throws -> [Value]
  {
    let expression = try pattern.map { text throws(ImportError) in
      do {
        return try NSRegularExpression(pattern: text)
      } catch {
        throw ImportError.invalidOption(
          SourceLocation(file: "--parse", field: text),
          reason: "'\(text)' is not a valid regular expression",
          help: "for example --parse 'step time: ([0-9.]+)'")
      }
    }
    var values: [Value] = []
    let total = warmupRuns + runs
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    guard total > 0 else { return [] }
    for index in 1...total {
      let startedAt = formatter.string(from: Date())
      let (wall, output, status) = try Self.execute(command, captureOutput: expression != nil)
      guard status == 0 else { throw Failure(command: commandLine, run: index, status: status) }
      let isWarmup = index <= warmupRuns
      progress(index, total, wall, isWarmup)
      if isWarmup { continue }
      if let expression {
        values += try Self.matches(expression, in: output, unit: unit, run: index).map {
          Value(seconds: $0, startedAt: startedAt)
        }
      } else {
        values.append(Value(seconds: wall, startedAt: startedAt))
      }
    }
    return values
  }

  /// Every match of `expression` in `output` as seconds.
  static func matches(
    _ expression: NSRegularExpression, in output: String, unit: TimeUnit, run: Int
  )
    throws(ImportError) -> [Double]
  {
    let text = output as NSString
    var seconds: [Double] = []
    for match in expression.matches(in: output, range: NSRange(location: 0, length: text.length)) {
      let range = match.numberOfRanges > 1 ? match.range(at: 1) : match.range
      let found = range.location == NSNotFound ? "" : text.substring(with: range)
      guard let number = DecimalNumber.parse(found.trimmingSpaces()), number.isFinite, number >= 0
      else {
        throw ImportError.invalidValue(
          SourceLocation(file: "--parse", field: expression.pattern), value: found,
          reason: "a match must be a duration ≥ 0 (run \(run))",
          help: "put the number in the pattern's first capture group, e.g. 'step ([0-9.]+) s'")
      }
      seconds.append(number * unit.seconds)
    }
    if seconds.isEmpty {
      throw ImportError.invalidOption(
        SourceLocation(file: "--parse", field: expression.pattern),
        reason: "'\(expression.pattern)' matched nothing in the output of run \(run)",
        help: "check the pattern against the command's standard output")
    }
    return seconds
  }

  /// Runs `command` once: wall time in seconds, standard output (when captured) and exit status.
  static func execute(_ command: [String], captureOutput: Bool) throws -> (Double, String, Int32) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = command
    let pipe = Pipe()
    process.standardOutput = captureOutput ? pipe : FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    let clock = ContinuousClock()
    let start = clock.now
    try process.run()
    let data = captureOutput ? pipe.fileHandleForReading.readDataToEndOfFile() : Data()
    process.waitUntilExit()
    let elapsed = start.duration(to: clock.now)
    let seconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    let status =
      process.terminationReason == .uncaughtSignal
      ? 128 + process.terminationStatus : process.terminationStatus
    return (seconds, String(decoding: data, as: UTF8.self), status)
  }
}

extension CommandMeasurement {
  /// `hyperfine --export-json` output for `values` of this command: mean, stddev, median, min,
  /// max, times and exit codes (user and system time are not measured and given as 0). Numbers are
  /// written in Swift's shortest round-trip form, so importing the file back gives the same values.
  public func hyperfineJSON(_ values: [Double]) -> String {
    let sorted = values.sorted()
    let n = Double(values.count)
    let mean = values.reduce(0, +) / n
    let variance =
      values.count > 1 ? values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1) : 0
    func number(_ value: Double) -> String { value.isFinite ? "\(value)" : "null" }
    let escaped = commandLine.unicodeScalars.map { scalar -> String in
      switch scalar {
      case "\"": return "\\\""
      case "\\": return "\\\\"
      default:
        return scalar.value < 0x20 ? String(format: "\\u%04x", scalar.value) : String(scalar)
      }
    }.joined()
    return """
      {
        "results": [
          {
            "command": "\(escaped)",
            "mean": \(number(mean)),
            "stddev": \(number(variance.squareRoot())),
            "median": \(number(quantile(sorted: sorted, 0.5))),
            "user": 0,
            "system": 0,
            "min": \(number(sorted.first ?? .nan)),
            "max": \(number(sorted.last ?? .nan)),
            "times": [\(values.map(number).joined(separator: ", "))],
            "exit_codes": [\(Array(repeating: "0", count: runs).joined(separator: ", "))]
          }
        ]
      }

      """
  }

  /// The values as JSON Lines in capsim's sample format (one per value, with its run's start time
  /// and the host as run id), ready for ``CapsimDatabase/importSamples(_:options:)``.
  public static func jsonLines(
    _ values: [Value], set: String, platform: String, metric: String, host: String
  ) -> String {
    func quoted(_ text: String) -> String {
      let data = try? JSONSerialization.data(withJSONObject: [text], options: [])
      let array = data.map { String(decoding: $0, as: UTF8.self) } ?? "[\"\"]"
      return String(array.dropFirst().dropLast())
    }
    return values.map { value in
      "{\"sample_set\": \(quoted(set)), \"platform\": \(quoted(platform)), "
        + "\"metric\": \(quoted(metric)), \"unit\": \"s\", \"value\": \(value.seconds), "
        + "\"recorded_at\": \(quoted(value.startedAt)), \"run_id\": \(quoted(host))}"
    }.joined(separator: "\n") + "\n"
  }
}
