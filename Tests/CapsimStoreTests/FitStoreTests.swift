import Foundation
import GRDB
import Testing

@testable import CapsimStore

@Suite("Saved distribution fits")
struct FitStoreTests {
  /// Twelve positive step times (seconds) in two sample sets.
  static let samples = """
    sample_set,platform,metric,unit,value
    steps,cloud-a100,step_time,s,1.02
    steps,cloud-a100,step_time,s,0.98
    steps,cloud-a100,step_time,s,1.10
    steps,cloud-a100,step_time,s,1.31
    steps,cloud-a100,step_time,s,0.95
    steps,cloud-a100,step_time,s,1.05
    other,metal-a100,step_time,s,2.0
    other,metal-a100,step_time,s,2.5
    other,metal-a100,step_time,s,3.5
    """

  func databaseWithSamples() throws -> CapsimDatabase {
    let database = try databaseWithPlatforms()
    try database.importSamples(source("samples.csv", Self.samples))
    return database
  }

  // MARK: - Round trip

  @Test func saveThenReadGivesTheSameResult() throws {
    let database = try databaseWithSamples()
    #expect(try database.savedFit(forSampleSet: "steps") == nil)
    let values = try database.sampleSet(named: "steps").seconds
    for family in DistributionFamily.allCases {
      let result = try fit(family, to: values)
      try database.saveFit(result, forSampleSet: "steps")
      #expect(try database.savedFit(forSampleSet: "steps") == result, "\(family)")
    }
    #expect(try rowCount(database, "distribution_fit") == 1)
    #expect(try database.savedFit(forSampleSet: "other") == nil)
  }

  @Test func savingAgainReplacesTheFitAndLeavesOtherSetsAlone() throws {
    let database = try databaseWithSamples()
    let steps = try database.sampleSet(named: "steps").seconds
    let other = try database.sampleSet(named: "other").seconds
    try database.saveFit(try fit(.normal, to: steps), forSampleSet: "steps")
    try database.saveFit(try fit(.gamma, to: other), forSampleSet: "other")
    let replacement = try fit(.lognormal, to: steps)
    try database.saveFit(replacement, forSampleSet: "steps")
    #expect(try database.savedFit(forSampleSet: "steps") == replacement)
    #expect(try database.savedFit(forSampleSet: "other")?.family == .gamma)
    #expect(try rowCount(database, "distribution_fit") == 2)
    let families = try database.savedFitFamilies()
    #expect(families.map(\.sampleSet) == ["other", "steps"])
    #expect(families.map(\.family) == ["gamma", "lognormal"])
  }

  @Test func storedParametersAreTheDistributionJSON() throws {
    let database = try databaseWithSamples()
    let result = try fit(.weibull, to: database.sampleSet(named: "steps").seconds)
    try database.saveFit(result, forSampleSet: "steps")
    let json = try database.dbQueue.read { db in
      try String.fetchOne(db, sql: "SELECT parameters_json FROM distribution_fit")
    }
    let expected = String(
      decoding: try {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(result.distribution)
      }(), as: UTF8.self)
    #expect(json == expected)
    #expect(json?.hasPrefix("{\"family\":\"weibull\",\"parameters\":{\"scale\":") == true)
  }

  @Test func infiniteAndersonDarlingIsStoredAsNullAndReadBackAsInfinity() throws {
    let database = try databaseWithSamples()
    let fitted = try fit(.normal, to: database.sampleSet(named: "steps").seconds)
    let result = FitResult(
      family: fitted.family, distribution: fitted.distribution, sampleSize: fitted.sampleSize,
      logLikelihood: fitted.logLikelihood, aic: fitted.aic, bic: fitted.bic,
      kolmogorovSmirnovStatistic: fitted.kolmogorovSmirnovStatistic,
      kolmogorovSmirnovPValue: fitted.kolmogorovSmirnovPValue, andersonDarlingStatistic: .infinity)
    try database.saveFit(result, forSampleSet: "steps")
    #expect(try database.savedFit(forSampleSet: "steps") == result)
    let stored = try database.dbQueue.read { db in
      try Row.fetchOne(db, sql: "SELECT ad_statistic FROM distribution_fit")
    }
    #expect(stored?["ad_statistic"] == DatabaseValue.null)
  }

  // MARK: - Errors

  @Test func unknownSampleSetSuggestsTheNearestName() throws {
    let database = try databaseWithSamples()
    let result = try fit(.normal, to: database.sampleSet(named: "steps").seconds)
    let expected = StoreError.unknownName(
      kind: "sample set", name: "stpes", known: ["other", "steps"])
    #expect(throws: expected) { try database.saveFit(result, forSampleSet: "stpes") }
    #expect(throws: expected) { _ = try database.savedFit(forSampleSet: "stpes") }
    #expect(expected.diagnostic.help == "did you mean 'steps' or 'other'?")
    #expect(try rowCount(database, "distribution_fit") == 0)
  }

  @Test func nonFiniteMeasureIsRejectedAndNothingIsWritten() throws {
    let database = try databaseWithSamples()
    let fitted = try fit(.normal, to: database.sampleSet(named: "steps").seconds)
    try database.saveFit(fitted, forSampleSet: "steps")
    let before = try database.dbQueue.read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM distribution_fit").description
    }
    let broken = FitResult(
      family: .normal, distribution: fitted.distribution, sampleSize: 6, logLikelihood: .nan,
      aic: 1, bic: 1, kolmogorovSmirnovStatistic: 0.1, kolmogorovSmirnovPValue: 0.5,
      andersonDarlingStatistic: 0.2)
    #expect(throws: StoreError.self) { try database.saveFit(broken, forSampleSet: "steps") }
    let after = try database.dbQueue.read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM distribution_fit").description
    }
    #expect(after == before)
  }

  @Test func aCorruptedRowIsAStoreErrorNotACrash() throws {
    let database = try databaseWithSamples()
    try database.saveFit(
      try fit(.exponential, to: database.sampleSet(named: "steps").seconds), forSampleSet: "steps")
    try database.dbQueue.write { db in
      try db.execute(
        sql: """
          UPDATE distribution_fit
          SET parameters_json = '{"family":"exponential","parameters":{"rate":-1},"shift":0}'
          """)
    }
    #expect(throws: StoreError.self) { _ = try database.savedFit(forSampleSet: "steps") }
  }

  // MARK: - Cascade

  @Test func replacingTheSampleSetDeletesItsFit() throws {
    let database = try databaseWithSamples()
    try database.saveFit(
      try fit(.lognormal, to: database.sampleSet(named: "steps").seconds), forSampleSet: "steps")
    try database.saveFit(
      try fit(.lognormal, to: database.sampleSet(named: "other").seconds), forSampleSet: "other")
    var options = SampleImportOptions()
    options.replace = true
    try database.importSamples(
      source(
        "again.csv",
        "sample_set,platform,metric,unit,value\nsteps,cloud-a100,step_time,s,7\nsteps,cloud-a100,step_time,s,8\n"
      ), options: options)
    #expect(try database.sampleSet(named: "steps").seconds == [7, 8])
    #expect(try database.savedFit(forSampleSet: "steps") == nil)
    #expect(try database.savedFit(forSampleSet: "other")?.family == .lognormal)
  }
}
