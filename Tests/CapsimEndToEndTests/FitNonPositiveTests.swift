import Foundation
import Testing
import _CapsimTestSupport

@Suite("capsim fit with zeros and poor fits, end to end")
struct FitNonPositiveTests {
  let directory: URL
  var database: String { directory.appendingPathComponent("capsim.sqlite").path }

  init() throws {
    directory = try Fixtures.temporaryDirectory()
  }

  /// Imports `values` as sample set `name` on the bundled platform `shared-h100`.
  func importSet(_ name: String, _ values: [Double]) throws {
    let file = directory.appendingPathComponent("\(name).csv")
    let rows = values.map { "\(name),p,job_time,s,\($0)" }
    try (["sample_set,platform,metric,unit,value"] + rows).joined(separator: "\n").write(
      to: file, atomically: true, encoding: .utf8)
    let run = try CapsimExecutable.run([
      "import", "samples", file.path, "--db", database, "--create-platform", "shared",
    ])
    #expect(run.exitCode == 0, "\(run.standardError)")
  }

  @Test func zerosAreLeftOutWithANoteOrRefusedWhenStrict() throws {
    // 40 spread positive values and 2 zeros.
    let spread: [Double] = (1...40).map { (index: Int) -> Double in 1 + Double(index) / 10 }
    try importSet("with-zeros", [0, 0] + spread)
    let run = try CapsimExecutable.run(["fit", "with-zeros", "--db", database])
    #expect(run.exitCode == 0, "\(run.standardError)")
    #expect(run.standardError.contains("left out 2 of 42 values that are ≤ 0"))
    #expect(run.standardOutput.contains("'with-zeros': 40 values"))
    let strict = try CapsimExecutable.run(["fit", "with-zeros", "--db", database, "--strict"])
    #expect(strict.exitCode == 64)
    #expect(strict.standardError.contains("cannot fit sample set 'with-zeros'"))
  }

  @Test func aFailedGoodnessOfFitIsSaid() throws {
    // Two separated clusters (100 values near 1 s, 100 near 10 s): no single family fits, KS p is
    // far below 0.01 for every one.
    let low: [Double] = (0..<100).map { (index: Int) -> Double in 1 + Double(index) / 1000 }
    let high: [Double] = (0..<100).map { (index: Int) -> Double in 10 + Double(index) / 1000 }
    let values = low + high
    try importSet("two-clusters", values)
    let run = try CapsimExecutable.run(["fit", "two-clusters", "--db", database])
    #expect(run.exitCode == 0, "\(run.standardError)")
    #expect(run.standardOutput.contains("fails the Kolmogorov–Smirnov test"))
    #expect(run.standardOutput.contains("'sampling: bootstrap'"))
    // Exponential quantiles −ln(1 − (i − ½)/n): every family containing the exponential fits.
    let exponential: [Double] = (1...200).map { (index: Int) -> Double in
      -log(1 - (Double(index) - 0.5) / 200)
    }
    try importSet("exponential", exponential)
    let fine = try CapsimExecutable.run(["fit", "exponential", "--db", database])
    #expect(!fine.standardOutput.contains("fails the Kolmogorov–Smirnov test"))
  }
}
