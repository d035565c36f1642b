import CapsimCore
import Testing

@testable import CapsimStore

/// `item(named:)`: the lookup behind `capsim data show`, done in the store rather than in the command.
@Suite struct CatalogLookupTests {
  @Test func findsSampleSetsPricesAndPlatformsAndSuggestsOtherwise() throws {
    let database = try databaseWithPlatforms()
    try database.importSamples(
      source(
        "s.csv",
        "sample_set,platform,metric,unit,value\nsteps,cloud-a100,step_time,s,1.5\nsteps,cloud-a100,step_time,s,2.5\n"
      ))
    guard
      case .sampleSet(let set, _, let platform, let stragglers) = try database.item(named: "steps")
    else {
      Issue.record("'steps' is a sample set")
      return
    }
    #expect(set.seconds == [1.5, 2.5])
    #expect(platform.name == "cloud-a100")
    #expect(stragglers == nil)
    guard case .platform(let found, let sets) = try database.item(named: "metal-a100") else {
      Issue.record("'metal-a100' is a platform")
      return
    }
    #expect(found.kind == .dedicated)
    #expect(sets.isEmpty)
    #expect(throws: StoreError.self) { try database.item(named: "stepz") }
    do {
      _ = try database.item(named: "stepz")
    } catch {
      #expect(error.diagnostic.help?.contains("steps") == true, "\(error.diagnostic)")
    }
  }
}
