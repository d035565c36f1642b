import Testing

@testable import CapsimStore

/// A hyperfine result becomes the sample set named by its command's slug. Two different commands can
/// slug alike (`--lr 0.1` and `--lr 0-1`); they used to be merged silently into one set of mixed
/// values. They are refused; the same command listed twice is pooled, and the summary says so.
@Suite struct HyperfineNamingTests {
  func options(prefix: String? = nil) -> SampleImportOptions {
    var options = SampleImportOptions()
    options.platform = "metal-a100"
    options.sampleSetName = prefix
    return options
  }

  static let colliding = """
    {"results": [
      {"command": "python train.py --lr 0.1", "times": [10.0, 11.0]},
      {"command": "python train.py --lr 0-1", "times": [100.0, 101.0]}
    ]}
    """

  @Test(arguments: [nil, "bench"])
  func differentCommandsWithTheSameSlugAreRefused(prefix: String?) throws {
    let database = try databaseWithPlatforms()
    let error = try expectRejected(database) {
      try database.importSamples(
        source("hc.json", Self.colliding), options: options(prefix: prefix))
    }
    let name = (prefix.map { $0 + "-" } ?? "") + "python-train-py-lr-0-1"
    #expect(
      error
        == .invalidValue(
          SourceLocation(file: "hc.json", field: "results[1].command"),
          value: "python train.py --lr 0-1",
          reason:
            "it and results[0].command 'python train.py --lr 0.1' would both be sample set "
            + "'\(name)'; two different commands are never merged into one set",
          help:
            "give the commands names that differ in letters or digits (a name keeps only lower-case "
            + "letters, digits and dashes): run hyperfine with --command-name NAME for each command, "
            + "or edit the 'command' strings in the file"))
    #expect(try database.sampleSetNames().isEmpty)
  }

  /// Commands that slug to nothing are all `unnamed`: two different ones collide like any others.
  @Test func twoCommandsWithoutLettersOrDigitsAreRefused() throws {
    let database = try databaseWithPlatforms()
    let text = #"{"results": [{"command": "!!!", "times": [1]}, {"command": "???", "times": [2]}]}"#
    let error = try expectRejected(database) {
      try database.importSamples(source("u.json", text), options: options())
    }
    #expect(error?.description.contains("would both be sample set 'unnamed'") == true)
  }

  @Test func theSameCommandTwiceIsPooledAndSaidSo() throws {
    let database = try databaseWithPlatforms()
    let text = """
      {"results": [
        {"command": "sleep 1", "times": [1.0]},
        {"command": "sleep 2", "times": [2.0]},
        {"command": "sleep 1", "times": [1.5]},
        {"command": "sleep 1", "times": [1.25]}
      ]}
      """
    let summary = try database.importSamples(source("d.json", text), options: options())
    #expect(try database.sampleSet(named: "sleep-1").seconds == [1.0, 1.5, 1.25])
    #expect(try database.sampleSet(named: "sleep-2").seconds == [2.0])
    #expect(
      summary.notes == [
        "results[0], results[2] and results[3] run the same command 'sleep 1': their times are "
          + "pooled in 'sleep-1'"
      ])
  }
}
