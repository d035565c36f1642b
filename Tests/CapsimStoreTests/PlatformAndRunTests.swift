import Foundation
import Testing

@testable import CapsimStore

@Suite struct PlatformAndRunTests {
  @Test func platformsRoundTripAndDuplicates() throws {
    let database = try databaseWithPlatforms()
    #expect(
      try database.platforms() == [
        Platform(
          name: "cloud-a100", kind: .shared, gpuModel: "A100-80GB", provider: "aws",
          summary: "on-demand p4de"),
        Platform(
          name: "metal-a100", kind: .dedicated, gpuModel: "A100-80GB", provider: "on-prem",
          summary: "rack 3, row 2"),
      ])
    let changed = "name,kind,gpu_model,provider\ncloud-a100,dedicated,A100-80GB,aws\n"
    let error = try expectRejected(database) {
      try database.importPlatforms(csv: source("p.csv", changed))
    }
    #expect(
      error
        == .alreadyExists(
          SourceLocation(file: "p.csv", line: 2, column: 1, field: "name"), kind: "platform",
          name: "cloud-a100"))
    try database.importPlatforms(csv: source("p.csv", changed), replace: true)
    #expect(try database.platform(named: "cloud-a100").kind == .dedicated)
  }

  @Test func badPlatformKindSuggests() throws {
    let database = try databaseWithPlatforms()
    let error = try expectRejected(database) {
      try database.importPlatforms(
        csv: source("p.csv", "name,kind,gpu_model,provider\nx,dedicate,H100,aws\n"))
    }
    #expect(
      error?.description
        == "p.csv:2:3: error: field 'kind': unknown platform kind 'dedicate'\nhelp: did you mean 'dedicated'?"
    )
  }

  @Test func runSavedAndReadBack() throws {
    let database = try CapsimDatabase.inMemory()
    let cost = MetricEstimate(
      key: "total_cost", label: "Total cost", unit: "USD",
      estimate: Estimate(value: 1234.5, standardError: 6.25, lower: 1222.25, upper: 1246.75))
    let hours = MetricEstimate(
      key: "gpu_hours", label: "GPU hours", unit: "h", estimate: .exact(96))
    let run = NewSimulationRun(
      scenarioName: "h100-year", scenarioText: "version: 1\n", seed: UInt64.max - 6, trials: 10_000,
      capsimVersion: "0.1.0", resultJSON: "{\"ok\":true}",
      options: [(option: "cloud", metrics: [cost, hours]), (option: "metal", metrics: [hours])],
      createdAt: "2025-06-01T12:00:00Z")
    let id = try database.saveRun(run)
    let second = try database.saveRun(run)
    #expect(second > id)
    let saved = try database.run(id: id)
    #expect(
      saved.summary
        == SimulationRunSummary(
          id: id, createdAt: "2025-06-01T12:00:00Z", scenarioName: "h100-year",
          seed: UInt64.max - 6, trials: 10_000,
          capsimVersion: "0.1.0"))
    #expect(
      saved.options == [
        .init(option: "cloud", metrics: [cost, hours]), .init(option: "metal", metrics: [hours]),
      ])
    #expect(saved.scenarioText == "version: 1\n" && saved.resultJSON == "{\"ok\":true}")
    #expect(try database.runs().map(\.id) == [second, id])
    #expect(throws: StoreError.unknownRun(id: 99)) { _ = try database.run(id: 99) }
    let nan = MetricEstimate(key: "x", label: "X", unit: "h", estimate: Estimate(value: .nan))
    var bad = run
    bad.options = [(option: "cloud", metrics: [nan])]
    #expect(throws: StoreError.invalidRun(reason: "metric 'x' of option 'cloud' is not finite")) {
      try database.saveRun(bad)
    }
  }
}
