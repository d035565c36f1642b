import Foundation
import Testing
import _CapsimTestSupport

/// `--threads` defaults to the cores the process may use, not the machine's: pinned to one core, capsim runs
/// one task (a task per machine core, taking turns on that core, cost up to 20% more CPU time).
@Suite("Default thread count")
struct AvailableCoresTests {
  @Test(.enabled(if: ExternalTools.find("taskset") != nil, "needs taskset (util-linux)"))
  func pinnedToOneCoreTheDefaultIsOneThread() throws {
    let taskset = try #require(ExternalTools.find("taskset"))
    // The first CPU this process may run on (CPU 0 may not be one of them in a container).
    let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
    let allowed = try #require(
      status.split(separator: "\n").first { $0.hasPrefix("Cpus_allowed_list:") })
    let first = try #require(
      allowed.dropFirst("Cpus_allowed_list:".count).split(whereSeparator: { !$0.isNumber }).first)
    let directory = try Fixtures.temporaryDirectory()
    let result = try ExternalTools.run(
      taskset,
      [
        "-c", String(first), try CapsimExecutable.binary.path, "bench", "--trials", "4", "--db",
        directory.appendingPathComponent("c.sqlite").path,
      ])
    #expect(result.status == 0, "\(result.error)")
    // The parallel run's line names its thread count ("1 thread: …"; the one-thread line has two spaces).
    let lines = result.output.split(separator: "\n")
    #expect(lines.contains { $0.hasPrefix("1 thread: ") }, "\(result.output)")
    #expect(!lines.contains { $0.contains(" threads: ") }, "\(result.output)")
  }
}
