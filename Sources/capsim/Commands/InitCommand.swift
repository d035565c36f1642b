import ArgumentParser
import CapsimReports
import CapsimStore
import Foundation

/// `capsim init`: write a commented starter scenario from what the database holds.
struct InitCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Write a commented starter scenario from the prices and samples in the database.",
    discussion: """
      Without options it picks a cheap on-demand price with matching samples and a committed price for \
      the same GPU model from the database (the bundled data set on a new database). The file loads and \
      runs as written:

        capsim init -o my-scenario.yaml && capsim run my-scenario.yaml
      """)

  @Option(help: "Price of the pay-per-use option: on_demand or spot (see 'capsim data list').")
  var shared: String?
  @Option(help: "Price of the committed option: reserved or bare_metal.") var dedicated: String?
  @Option(help: "Sample set for the options' durations: step_time or job_time.") var samples:
    String?
  @Option(help: "Sample set of the committed option, if different (of the same metric).")
  var dedicatedSamples: String?
  @Option(name: .shortAndLong, help: "File to write (default: standard output).") var output:
    String?
  @Flag(
    help:
      "Replace the output file if it exists (a device such as /dev/null or a FIFO is written in place without it)."
  ) var force = false
  @OptionGroup var database: DatabaseOptions

  func validate() throws {
    if let output, !force, OutputFile.isExistingRegularFile(output) {
      throw ValidationError("\(output) exists; pass --force to overwrite it")
    }
  }

  func run() async throws {
    try await Diagnostics.reportingInputErrors {
      var choice = StarterScenarioChoice()
      choice.sharedPrice = shared
      choice.dedicatedPrice = dedicated
      choice.samples = samples
      choice.dedicatedSamples = dedicatedSamples
      let text = try database.open().starterScenario(choice)
      try OutputWriter.write(text, to: output)
      if let output, OutputFile.isExistingRegularFile(output) {
        Diagnostics.note("wrote \(output); run it with: capsim run \(output)")
      }
    }
  }
}
