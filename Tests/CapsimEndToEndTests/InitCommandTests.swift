import Foundation
import Testing
import _CapsimTestSupport

@Suite("capsim init, end to end")
struct InitCommandTests {
  let directory: URL
  var database: String { directory.appendingPathComponent("capsim.sqlite").path }

  init() throws {
    directory = try Fixtures.temporaryDirectory()
  }

  @Test func theStarterScenarioLoadsAndRuns() throws {
    let file = directory.appendingPathComponent("starter.yaml").path
    let initRun = try CapsimExecutable.run(["init", "-o", file, "--db", database])
    #expect(initRun.exitCode == 0, "\(initRun.standardError)")
    let text = try String(contentsOfFile: file, encoding: .utf8)
    #expect(text.hasPrefix("# Starter scenario written by `capsim init`"))
    #expect(text.contains("price: lambda-h100-sxm5-8x-on-demand"))
    #expect(text.contains("price: baremetal-h100-8x-commit-12m"))
    let run = try CapsimExecutable.run([
      "run", file, "--db", database, "--trials", "50", "--no-save",
    ])
    #expect(run.exitCode == 0, "\(run.standardError)")
    #expect(run.standardOutput.contains("pay-per-use") && run.standardOutput.contains("committed"))
    let again = try CapsimExecutable.run(["init", "-o", file, "--db", database])
    #expect(again.exitCode != 0 && again.standardError.contains("--force"))
  }

  /// `--force` guards a regular file (followed through a link) and is refused with init's own usage
  /// line; a device is written in place, as README's "Output goes where you point it" says, without it.
  @Test func forceGuardsRegularFilesOnly() throws {
    let file = directory.appendingPathComponent("mine.yaml").path
    try "keep me\n".write(toFile: file, atomically: true, encoding: .utf8)
    let link = directory.appendingPathComponent("link.yaml").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)
    for path in [file, link] {
      let refused = try CapsimExecutable.run(["init", "-o", path, "--db", database])
      #expect(refused.exitCode == 64)
      #expect(
        refused.standardError.hasPrefix(
          "Error: \(path) exists; pass --force to overwrite it\nUsage: capsim init ["),
        "\(refused.standardError)")
      #expect(try String(contentsOfFile: file, encoding: .utf8) == "keep me\n")
    }
    let device = try CapsimExecutable.run(["init", "-o", "/dev/null", "--db", database])
    #expect(device.exitCode == 0, "\(device.standardError)")
    #expect(!device.standardError.contains("run it with"), "\(device.standardError)")
    let forced = try CapsimExecutable.run(["init", "-o", link, "--force", "--db", database])
    #expect(forced.exitCode == 0, "\(forced.standardError)")
    #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("# Starter scenario"))
  }

  @Test func chosenNamesAreUsedAndUnknownOnesSuggested() throws {
    let chosen = try CapsimExecutable.run([
      "init", "--shared", "lambda-a100-sxm4-40gb-1x-on-demand", "--dedicated",
      "baremetal-a100-8x-commit-12m", "--samples", "a100-1gpu-job-time-shared",
      "--dedicated-samples", "a100-1gpu-job-time-baremetal", "--db", database,
    ])
    #expect(chosen.exitCode == 0, "\(chosen.standardError)")
    #expect(chosen.standardOutput.contains("gpus_per_job: 1 "))
    #expect(chosen.standardOutput.contains("steps_per_job: 1 "))
    let file = directory.appendingPathComponent("a100.yaml")
    try chosen.standardOutput.write(to: file, atomically: true, encoding: .utf8)
    let run = try CapsimExecutable.run([
      "run", file.path, "--db", database, "--trials", "50", "--no-save",
    ])
    #expect(run.exitCode == 0, "\(run.standardError)")
    let bad = try CapsimExecutable.run([
      "init", "--shared", "lambda-h100-sxm5-8x-ondemand", "--db", database,
    ])
    #expect(bad.exitCode == 64)
    #expect(bad.standardError.contains("did you mean 'lambda-h100-sxm5-8x-on-demand'"))
  }

  /// A pay-per-use price in EUR gets a committed price in EUR, or an error when the database has none
  /// (init used to pair it with a USD price, and the file it wrote did not run: mixed currencies).
  @Test func theCommittedPriceSharesThePayPerUseCurrency() throws {
    let header =
      "name,provider,gpu_model,pricing_model,amount,unit,gpus_per_unit,minimum_term_months,setup_fee,"
      + "currency,effective_date,source,region\n"
    let onDemand = directory.appendingPathComponent("eur.csv")
    try (header + "eu-h100,x,H100,on_demand,2.5,gpu_hour,1,0,0,EUR,2026-11-01,test,\n")
      .write(to: onDemand, atomically: true, encoding: .utf8)
    #expect(
      try CapsimExecutable.run(["import", "prices", onDemand.path, "--db", database]).exitCode == 0)
    let none = try CapsimExecutable.run(["init", "--shared", "eu-h100", "--db", database])
    #expect(none.exitCode == 64)
    #expect(none.standardError.contains("'eu-h100' is priced in EUR and no committed price is"))
    let mixed = try CapsimExecutable.run([
      "init", "--shared", "eu-h100", "--dedicated", "baremetal-h100-8x-commit-12m", "--db",
      database,
    ])
    #expect(mixed.exitCode == 64)
    #expect(
      mixed.standardError.contains("is priced in USD but the pay-per-use price 'eu-h100' in EUR"))
    let committed = directory.appendingPathComponent("eur-metal.csv")
    try (header + "eu-metal,x,H100,bare_metal,20,instance_hour,8,12,0,EUR,2026-11-01,test,\n")
      .write(to: committed, atomically: true, encoding: .utf8)
    #expect(
      try CapsimExecutable.run(["import", "prices", committed.path, "--db", database]).exitCode == 0
    )
    let file = directory.appendingPathComponent("eur.yaml").path
    let written = try CapsimExecutable.run([
      "init", "--shared", "eu-h100", "-o", file, "--db", database,
    ])
    #expect(written.exitCode == 0, "\(written.standardError)")
    #expect(try String(contentsOfFile: file, encoding: .utf8).contains("price: eu-metal"))
    let run = try CapsimExecutable.run([
      "run", file, "--db", database, "--trials", "50", "--no-save",
    ])
    #expect(run.exitCode == 0, "\(run.standardError)")
  }

  struct BadInit: CustomTestStringConvertible, Sendable {
    let name: String
    let arguments: [String]
    let expected: String
    var testDescription: String { name }
  }

  /// Names that exist but do not fit their role: before, init wrote them and the file's run failed.
  static let badInits: [BadInit] = [
    BadInit(
      name: "on-demand price for the committed option",
      arguments: ["--dedicated", "lambda-h100-sxm5-8x-on-demand"],
      expected: """
        --dedicated: error: 'lambda-h100-sxm5-8x-on-demand' is an on_demand price; the committed \
        option needs a committed price (reserved or bare_metal)
        help: use a committed price such as 'baremetal-h100-8x-commit-12m' or \
        'aws-p5-h100-reserved-1y' or 'baremetal-a100-8x-commit-12m'; \
        'lambda-h100-sxm5-8x-on-demand' fits --shared

        """),
    BadInit(
      name: "committed price for the pay-per-use option",
      arguments: ["--shared", "baremetal-h100-8x-commit-12m"],
      expected: """
        --shared: error: 'baremetal-h100-8x-commit-12m' is a bare_metal price; the pay-per-use \
        option needs a pay-per-use price (on_demand or spot)
        help: use a pay-per-use price such as 'aws-p5-h100-spot' or 'lambda-h100-sxm5-8x-on-demand' \
        or 'lambda-h100-sxm5-1x-on-demand' ('capsim data list' shows all 8); \
        'baremetal-h100-8x-commit-12m' fits --dedicated

        """),
    BadInit(
      name: "queue-wait samples as durations",
      arguments: ["--samples", "h100-queue-wait-shared"],
      expected: """
        --samples: error: 'h100-queue-wait-shared' holds queue_wait samples; an option's durations \
        need step_time or job_time samples
        help: use a step_time or job_time sample set such as 'h100-1gpu-step-time-shared' or \
        'h100-8gpu-step-time-shared' or 'h100-8gpu-step-time-spot' ('capsim data list' shows all 8); \
        queue_wait samples go under an option's 'queue_wait: {samples: …}' (docs/scenarios.md)

        """),
    BadInit(
      name: "step times for one option and job times for the other",
      arguments: [
        "--samples", "h100-8gpu-step-time-shared", "--dedicated-samples",
        "a100-1gpu-job-time-baremetal",
      ],
      expected: """
        --dedicated-samples: error: 'a100-1gpu-job-time-baremetal' holds job_time samples but \
        --samples 'h100-8gpu-step-time-shared' holds step_time; both options share one \
        steps_per_job, so they need the same kind
        help: use a step_time sample set such as 'h100-8gpu-step-time-baremetal' or \
        'h100-1gpu-step-time-shared' or 'h100-8gpu-step-time-shared' ('capsim data list' shows all 4)

        """),
  ]

  @Test(arguments: badInits)
  func aNameThatDoesNotFitItsRoleIsOneClearError(_ bad: BadInit) throws {
    let run = try CapsimExecutable.run(["init", "--db", database] + bad.arguments)
    #expect(run.exitCode == 64)
    #expect(run.standardOutput.isEmpty)
    let stderr = run.standardError.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.hasPrefix("capsim: created") }.joined(separator: "\n")
    #expect(stderr == bad.expected, "\(bad.name): got\n\(stderr)")
  }

  /// Choices that fit their roles but are not the defaults: what init writes resolves and runs. With
  /// only --dedicated-samples of job times, the pay-per-use option gets job times too.
  @Test(arguments: [
    ["--shared", "aws-p5-h100-spot", "--dedicated", "aws-p5-h100-reserved-1y"],
    ["--dedicated-samples", "a100-1gpu-job-time-baremetal"],
  ])
  func fittingChoicesLoadAndRun(_ arguments: [String]) throws {
    let written = try CapsimExecutable.run(["init", "--db", database] + arguments)
    #expect(written.exitCode == 0, "\(written.standardError)")
    let file = directory.appendingPathComponent("choice.yaml")
    try written.standardOutput.write(to: file, atomically: true, encoding: .utf8)
    let run = try CapsimExecutable.run([
      "run", file.path, "--db", database, "--trials", "20", "--no-save",
    ])
    #expect(run.exitCode == 0, "\(run.standardError)")
    if arguments.contains("--dedicated-samples") {
      #expect(!written.standardOutput.contains("step-time"), "\(written.standardOutput)")
    }
  }
}
