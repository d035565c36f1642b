import Foundation
import Testing
import _CapsimTestSupport

/// `--threads` defaults to the cores the process may use, not the machine's: pinned to one core, capsim runs
/// one task (a task per machine core, taking turns on that core, cost up to 20% more CPU time).
@Suite("Default thread count")
struct AvailableCoresTests {
  @Test func pinnedToOneCoreTheDefaultIsOneThread() throws {
    guard let taskset = ExternalTools.find("taskset") else { return }
    let directory = try Fixtures.temporaryDirectory()
    let result = try ExternalTools.run(
      taskset,
      [
        "-c", "0", try CapsimExecutable.binary.path, "bench", "--trials", "4", "--db",
        directory.appendingPathComponent("c.sqlite").path,
      ])
    #expect(result.status == 0, "\(result.error)")
    // The parallel run's line names its thread count ("1 thread: …"; the one-thread line has two spaces).
    let lines = result.output.split(separator: "\n")
    #expect(lines.contains { $0.hasPrefix("1 thread: ") }, "\(result.output)")
    #expect(!lines.contains { $0.contains(" threads: ") }, "\(result.output)")
  }
}
