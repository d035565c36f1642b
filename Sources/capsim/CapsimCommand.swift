import ArgumentParser

/// The `capsim` command: capacity planning and cost modelling for shared versus dedicated GPUs.
@main
struct CapsimCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "capsim",
    abstract:
      "Compare shared and dedicated GPU infrastructure by Monte Carlo simulation of measured variability.",
    discussion: """
      capsim reads measured step or job durations and prices from a SQLite database, simulates the \
      jobs of a scenario on each infrastructure option, and reports costs, job-time spread and \
      deadlines with their confidence intervals.

      With neither --db nor CAPSIM_DB, capsim uses \(DatabaseLocation.defaultPathDescription). \
      A database file that does not exist yet is created from the bundled default data set.
      """,
    version: CapsimVersion.current,
    subcommands: [
      RunCommand.self, RecommendCommand.self, ImportCommand.self, DataCommand.self, FitCommand.self,
      BreakEvenCommand.self, SweepCommand.self, SensitivityCommand.self, RunsCommand.self,
      BenchCommand.self, MeasureCommand.self, InitCommand.self,
    ]
  )
}
