import Foundation
import Testing

@testable import CapsimStore

/// The starter scenario's comments line up within each block.
@Suite("Starter scenario layout")
struct StarterScenarioLayoutTests {
  /// `steps_per_job: 10000` had its comment one column right of the lines around it.
  @Test func commentsAlignInEachBlock() throws {
    let directory = try temporaryDirectory()
    let (database, _) = try CapsimDatabase.openDefault(
      path: directory.appendingPathComponent("starter.sqlite").path)
    let text = try database.starterScenario(StarterScenarioChoice())
    let blocks = text.components(separatedBy: "\n\n")
    for block in blocks {
      let columns = Set(
        block.split(separator: "\n").filter { !$0.hasPrefix("# ") }.compactMap { line in
          line.range(of: " # ", options: .backwards).map {
            line.distance(from: line.startIndex, to: $0.lowerBound)
          }
        })
      #expect(columns.count <= 1, "\(block)")
    }
    #expect(text.contains("  steps_per_job: 10000      # training steps per job"))
  }
}
