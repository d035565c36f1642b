import Foundation
import Testing
import _CapsimTestSupport

/// The progress line on standard error: shown when standard error is a terminal and the run lasts over a
/// second; not when it is piped, with `--quiet`, or under `NO_COLOR` or `TERM=dumb`. The terminal is a
/// pseudo-terminal from util-linux's `script`, which copies what capsim writes to it to its own output.
@Suite(
  "Progress on a terminal", .enabled(if: ExternalTools.find("script") != nil, "needs script(1)"))
struct ProgressDisplayTests {
  let directory: URL
  var database: String { directory.appendingPathComponent("capsim.sqlite").path }

  init() throws {
    directory = try Fixtures.temporaryDirectory()
  }

  /// What `capsim arguments…` writes to a terminal as its standard error (standard output goes to
  /// /dev/null), with `environment` over a plain `TERM=xterm` one.
  func terminalOutput(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
    func quoted(_ word: String) -> String {
      "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
    let command =
      ([try CapsimExecutable.binary.path] + arguments + ["--db", database])
      .map(quoted).joined(separator: " ") + " > /dev/null"
    let process = Process()
    process.executableURL = ExternalTools.find("script")
    process.arguments = ["-q", "-e", "-c", command, "/dev/null"]
    process.currentDirectoryURL = CapsimExecutable.packageRoot
    var base = ProcessInfo.processInfo.environment
    for key in ["CAPSIM_DB", "XDG_DATA_HOME", "NO_COLOR"] { base[key] = nil }
    base["TERM"] = "xterm"
    // The line from the start rather than after a second, so that the runs below draw it in any build.
    base["CAPSIM_PROGRESS_AFTER"] = "0"
    process.environment = base.merging(environment) { _, new in new }
    let output = Pipe()
    process.standardOutput = output
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = CapsimExecutable.readToEnd(output.fileHandleForReading.fileDescriptor)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(String(decoding: data, as: UTF8.self))")
    return String(decoding: data, as: UTF8.self)
  }

  /// A run of several chunks of 128 trials (a line is drawn after each).
  static let long = [
    "run", "scenarios/early-experimentation.yaml", "--trials", "500", "--threads", "1",
    "--no-save",
  ]

  @Test func aLongRunShowsTrialsRateAndTimeLeftThenErasesTheLine() throws {
    let shown = try terminalOutput(Self.long)
    #expect(shown.contains("capsim: "), "\(shown)")
    #expect(shown.contains(" of 500 trials, "))
    #expect(shown.contains(" trials/s, about "))
    // Each redraw starts by clearing the line, and the last one is cleared when the run ends.
    #expect(shown.contains("\r\u{1B}[2Kcapsim: "))
    #expect(shown.hasSuffix("\r\u{1B}[2K"), "\(shown.suffix(80).debugDescription)")
  }

  @Test func quietNoColorDumbTerminalsAndPipesShowNone() throws {
    #expect(!(try terminalOutput(Self.long + ["--quiet"])).contains("trials/s"))
    #expect(!(try terminalOutput(Self.long, environment: ["NO_COLOR": "1"])).contains("trials/s"))
    #expect(!(try terminalOutput(Self.long, environment: ["TERM": "dumb"])).contains("trials/s"))
    let piped = try CapsimExecutable.run(Self.long + ["--db", database])
    #expect(piped.exitCode == 0)
    #expect(!piped.standardError.contains("trials/s"), "\(piped.standardError)")
  }

  /// Under a precision target the line gives the precision reached and the target, not a count-down to the
  /// maximum (it said "of 1,000,000 trials, about 170s left" for a run that stopped after 16 s).
  @Test func aPrecisionRunShowsItsPrecisionNotTheMaximum() throws {
    // A target this tight is not met: the run goes on to its five batches of 1,024 (about 3.5 s in the
    // debug build; lines are drawn at most ten times a second).
    let shown = try terminalOutput([
      "run", "scenarios/early-experimentation.yaml", "--set", "horizon_months=2", "--precision",
      "0.01%", "--max-trials", "5120", "--threads", "1", "--no-save",
    ])
    // Before the first batch ends, the target alone; after it, the precision the last batch reached and
    // the time left, estimated up to the maximum.
    #expect(shown.contains(" trials, target ±0.01%, "), "\(shown)")
    #expect(shown.contains(" at 1,024 (target ±0.01%), "))
    #expect(shown.contains(" left"))
    #expect(!shown.contains("of 5,120"))
  }
}
