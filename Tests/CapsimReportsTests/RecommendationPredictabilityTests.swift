import CapsimReports
import Foundation
import Testing

/// The JSON and CSV carry the two job-time tails the table compares: before and after a change, or,
/// when the recommended option is the one in use, the recommended option and the alternative.
@Suite("Recommendation predictability in JSON and CSV")
struct RecommendationPredictabilityTests {
  /// Stay on the pay-per-use `cloud` (p95/p50 = 30 h / 20 h = 1.5) with `metal` the alternative
  /// (26 h / 20 h = 1.3).
  static func staying() throws -> Recommendation {
    var r = try RecommendationReportTests.recommendation()
    let cloud = r.before.name.hasSuffix("cloud") ? r.before : r.alternative
    var metal = cloud.name == r.leading.name ? r.alternative : r.leading
    var leading = cloud
    leading.jobHoursP50 = 20
    leading.jobHoursP95 = 30
    metal.jobHoursP50 = 20
    metal.jobHoursP95 = 26
    r.before = leading
    r.leading = leading
    r.alternative = metal
    return r
  }

  @Test func jsonGivesTheAlternativesTailWhenStaying() throws {
    let r = try Self.staying()
    #expect(
      RecommendationReport.table(r).contains("1.500 on cloud (recommended) vs 1.300 on metal"))
    let json = try RecommendationReport.json(r, capsimVersion: "test")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let p = try #require(object["predictability"] as? [String: Any])
    #expect(p["comparison"] as? String == "recommended_vs_alternative")
    #expect(p["after_option"] as? String == "cloud")
    #expect(p["after_p95_over_p50"] as? Double == 1.5)
    #expect(p["alternative_option"] as? String == "metal")
    #expect(p["alternative_p95_over_p50"] as? Double == 1.3)
  }

  @Test func csvGivesTheAlternativesTailWhenStaying() throws {
    let rows = Dictionary(
      uniqueKeysWithValues: RecommendationReport.csv(try Self.staying()).split(separator: "\n")
        .map { line in
          let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
          return (fields[0], fields.dropFirst().joined(separator: ","))
        })
    #expect(rows["predictability.comparison"] == ",recommended_vs_alternative,")
    #expect(rows["predictability.alternative_option"] == ",metal,")
    #expect(rows["predictability.alternative_p95_over_p50"] == "1.3,,ratio")
    #expect(rows["predictability.after_p95_over_p50"] == "1.5,,ratio")
  }

  @Test func aChangeIsComparedBeforeAndAfter() throws {
    // The fixture recommends metal over the pay-per-use cloud: before ≠ after.
    let r = try RecommendationReportTests.recommendation()
    #expect(r.before.name != r.leading.name)
    let csv = RecommendationReport.csv(r)
    #expect(csv.contains("\npredictability.comparison,,before_after,\n"))
  }
}
