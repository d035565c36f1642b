import Foundation
import Testing
import _CapsimTestSupport

@Suite("capsim fit, end to end")
struct FitCommandTests {
  let directory: URL
  var database: String { directory.appendingPathComponent("capsim.sqlite").path }

  init() throws {
    directory = try Fixtures.temporaryDirectory()
  }

  /// The JSON report of `capsim fit SET --format json` as a dictionary.
  func jsonReport(_ set: String) throws -> [String: Any] {
    let run = try CapsimExecutable.run(["fit", set, "--db", database, "--format", "json"])
    #expect(run.exitCode == 0, "\(run.standardError)")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
  }

  @Test func fitsEveryFamilyToABundledSetWithin100Columns() throws {
    let run = try CapsimExecutable.run(["fit", "h100-8gpu-step-time-shared", "--db", database])
    #expect(run.exitCode == 0, "\(run.standardError)")
    #expect(run.standardError == "capsim: created \(database) from the bundled default data set\n")
    let lines = run.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(
      lines.first == "Distribution fits for 'h100-8gpu-step-time-shared': 600 values (seconds)")
    for family in ["normal", "lognormal", "gamma", "weibull", "exponential"] {
      #expect(lines.contains { $0.hasPrefix(family + " ") }, "no row for \(family)")
    }
    #expect(run.standardOutput.contains("Histogram, 20 linear bins"))
    #expect(run.standardOutput.contains("Quantiles: data (type 7) against the best fit"))
    for line in lines {
      #expect(line.count <= 100, "line of \(line.count) columns: \(line)")
    }
  }

  @Test func saveStoresTheBestFitAndSaysSo() throws {
    let before = try jsonReport("h100-queue-wait-shared")
    #expect(before["saved_fit"] is NSNull)
    let best = try #require(before["best"] as? String)

    let save = try CapsimExecutable.run([
      "fit", "h100-queue-wait-shared", "--save", "--db", database, "--format", "csv",
    ])
    #expect(save.exitCode == 0, "\(save.standardError)")
    #expect(save.standardError.contains("capsim: saved the \(best) fit ("))
    #expect(save.standardError.contains("for 'h100-queue-wait-shared'"))

    let after = try jsonReport("h100-queue-wait-shared")
    let saved = try #require(after["saved_fit"] as? [String: Any])
    let fits = try #require(after["fits"] as? [[String: Any]])
    #expect(saved["family"] as? String == best)
    #expect(
      saved["parameters"] as? [String: Double] == fits.first?["parameters"] as? [String: Double])
    #expect(saved["aic"] as? Double == fits.first?["aic"] as? Double)
  }

  /// Saving a fit that its own KS test rejects (p < 0.0001) warns and points to bootstrap; a fit the test
  /// does not reject saves silently. The KS p-values are the report's own (JSON `ks_p_value`), which
  /// FitReport tests check against scipy.
  @Test(arguments: [("exponential", true), ("lognormal", false)])
  func savingARejectedFitWarns(family: String, warns: Bool) throws {
    let set = "h100-8gpu-step-time-baremetal"
    let run = try CapsimExecutable.run([
      "fit", set, "--family", family, "--save", "--db", database, "--format", "json",
    ])
    #expect(run.exitCode == 0, "\(run.standardError)")
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
    let fits = try #require(report["fits"] as? [[String: Any]])
    let pValue = try #require(fits.first?["ks_p_value"] as? Double)
    #expect((pValue < 0.0001) == warns, "p = \(pValue)")
    let warning =
      "capsim: warning: its own Kolmogorov–Smirnov test rejects this fit (p < 0.0001): draws from it "
      + "will not look like '\(set)'; 'sampling: bootstrap' (or 'smoothed') may serve better\n"
    #expect(run.standardError.hasSuffix(warning) == warns, "\(run.standardError)")
  }

  @Test func saveWithOneFamilyStoresThatFamilyAndReplacesTheEarlierFit() throws {
    for family in ["gamma", "weibull"] {
      let run = try CapsimExecutable.run([
        "fit", "a100-1gpu-job-time-shared", "--family", family, "--save", "--db", database,
      ])
      #expect(run.exitCode == 0, "\(run.standardError)")
      #expect(run.standardError.contains("saved the \(family) fit"))
      #expect(
        run.standardOutput.contains("Saved fit (used by 'sampling: fitted'): \(family), k = "))
    }
    let report = try jsonReport("a100-1gpu-job-time-shared")
    #expect((report["saved_fit"] as? [String: Any])?["family"] as? String == "weibull")
  }

  @Test func csvHasOneRowPerFamily() throws {
    let run = try CapsimExecutable.run([
      "fit", "h100-1gpu-step-time-shared", "--db", database, "--format", "csv",
      "--family", "lognormal", "--family", "normal",
    ])
    #expect(run.exitCode == 0, "\(run.standardError)")
    let lines = run.standardOutput.split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines.first?.hasPrefix("sample_set,family,status,rank,") == true)
    #expect(
      lines.dropFirst().allSatisfy {
        $0.split(separator: ",", omittingEmptySubsequences: false).count == 17
      })
  }

  // MARK: - Errors

  struct BadFit: CustomTestStringConvertible, Sendable {
    let name: String
    let arguments: [String]
    let expected: [String]
    var testDescription: String { name }
  }

  static let badFits: [BadFit] = [
    BadFit(
      name: "unknown sample set", arguments: ["h100-8gpu-step-time-sharde"],
      expected: [
        "error: unknown sample set 'h100-8gpu-step-time-sharde'",
        "help: did you mean 'h100-8gpu-step-time-shared'",
      ]),
    BadFit(
      name: "unknown family", arguments: ["h100-8gpu-step-time-shared", "--family", "weibul"],
      expected: ["error: unknown distribution family 'weibul'", "help: did you mean 'weibull'?"]),
    BadFit(
      name: "all values equal", arguments: ["flat"],
      expected: [
        "error: cannot fit sample set 'flat': all values equal 1.5; a distribution needs values that vary"
      ]),
    BadFit(
      name: "two values", arguments: ["pair"],
      expected: [
        "error: cannot fit sample set 'pair': cannot fit a distribution to 2 values; at least 3 are needed",
        "help: collect more samples",
      ]),
    BadFit(
      name: "positive family on data with a zero",
      arguments: ["with-zero", "--family", "gamma", "--save", "--strict"],
      expected: [
        "error: cannot fit sample set 'with-zero': value 1 is 0.0; a gamma distribution needs values > 0",
        "help: fit the normal family, or remove or shift the values ≤ 0",
      ]),
    BadFit(
      name: "too few bins", arguments: ["h100-8gpu-step-time-shared", "--bins", "1"],
      expected: ["Error: --bins must be between 2 and 60 (got 1)"]),
  ]

  @Test(arguments: badFits)
  func badFitsExitWith64AndOneDiagnostic(_ bad: BadFit) throws {
    let csv = directory.appendingPathComponent("degenerate.csv")
    try """
    sample_set,platform,metric,unit,value
    flat,cloud-h100-shared,step_time,s,1.5
    flat,cloud-h100-shared,step_time,s,1.5
    flat,cloud-h100-shared,step_time,s,1.5
    pair,cloud-h100-shared,step_time,s,1
    pair,cloud-h100-shared,step_time,s,2
    with-zero,cloud-h100-shared,step_time,s,0
    with-zero,cloud-h100-shared,step_time,s,2
    with-zero,cloud-h100-shared,step_time,s,3
    with-zero,cloud-h100-shared,step_time,s,4

    """.write(to: csv, atomically: true, encoding: .utf8)
    let setUp = try CapsimExecutable.run(["import", "samples", csv.path, "--db", database])
    #expect(setUp.exitCode == 0, "\(setUp.standardError)")

    let run = try CapsimExecutable.run(["fit"] + bad.arguments + ["--db", database])
    #expect(run.exitCode == 64, "\(bad.name)")
    #expect(run.standardOutput.isEmpty, "\(bad.name): \(run.standardOutput)")
    let errors = run.standardError.split(separator: "\n").filter {
      $0.hasPrefix("error:") || $0.hasPrefix("Error:")
    }
    #expect(errors.count == 1, "\(bad.name): \(run.standardError)")
    for fragment in bad.expected {
      #expect(
        run.standardError.contains(fragment),
        "\(bad.name): missing «\(fragment)» in:\n\(run.standardError)")
    }
    let report = try jsonReport("with-zero")
    #expect(report["saved_fit"] is NSNull, "\(bad.name): a failed --save stored a fit")
  }

  /// A set whose values are all equal can be neither fitted nor smoothed: each says so with a way out.
  @Test func anEqualValuedSetSaysWhatStillWorks() throws {
    let csv = directory.appendingPathComponent("equal.csv")
    try """
    sample_set,platform,metric,unit,value,gpu_count,recorded_at,run_id
    equal,cloud-h100-shared,step_time,s,2,8,,
    equal,cloud-h100-shared,step_time,s,2,8,,
    equal,cloud-h100-shared,step_time,s,2,8,,

    """.write(to: csv, atomically: true, encoding: .utf8)
    let imported = try CapsimExecutable.run(["import", "samples", csv.path, "--db", database])
    #expect(imported.exitCode == 0, "\(imported.standardError)")
    let fit = try CapsimExecutable.run(["fit", "equal", "--db", database])
    #expect(fit.exitCode == 64)
    #expect(
      fit.standardError
        == "error: cannot fit sample set 'equal': all values equal 2.0; a distribution needs values "
        + "that vary\nhelp: a scenario can still use the set with 'sampling: bootstrap' (every job "
        + "takes that value); to fit, collect measurements that show the run-to-run spread\n")
    let scenario = directory.appendingPathComponent("smoothed.yaml")
    try """
    version: 1
    name: smoothed-equal
    horizon_months: 3
    trials: 20
    workload: {jobs_per_month: 20, gpus_per_job: 8, steps_per_job: 1000}
    options:
      - name: cloud
        samples: equal
        sampling: smoothed
        price: lambda-h100-sxm5-8x-on-demand

    """.write(to: scenario, atomically: true, encoding: .utf8)
    let run = try CapsimExecutable.run(["run", scenario.path, "--db", database, "--no-save"])
    #expect(run.exitCode == 64)
    #expect(
      run.standardError
        == "\(scenario.path):9:15: error: field 'options[0].sampling': sample set 'equal' has only "
        + "equal values: a smoothed bootstrap needs two distinct values to choose its kernel's width "
        + "(Silverman's rule)\nhelp: use 'sampling: bootstrap' (every job then takes that value), or "
        + "import more measurements into 'equal'\n")
  }
}
