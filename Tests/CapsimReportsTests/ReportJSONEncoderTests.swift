import CapsimReports
import Foundation
import Testing

@Suite("One JSON encoder")
struct ReportJSONEncoderTests {
  struct Inner: Encodable {
    var ciLower: Double?
    var meetsTarget: Bool
  }

  struct Document: Encodable {
    var pricePerGPUHour: Double
    var p95OverP50: Double
    var nodes: Int?
    var label: String
    var notFinite: Double
    var inner: Inner
    var list: [Double]
    var metrics: [String: Double]
  }

  static let document = Document(
    pricePerGPUHour: 2.5, p95OverP50: 1.25, nodes: nil, label: "a \"quoted\" /path\n",
    notFinite: .nan, inner: Inner(ciLower: nil, meetsTarget: true), list: [1, 0.1, 1e-7, 3e20],
    metrics: ["total_cost": 10])

  /// Keys are converted exactly as Foundation's `JSONEncoder.KeyEncodingStrategy.convertToSnakeCase`
  /// converts them (the reference), and snake_case keys pass unchanged. (A key that starts with an
  /// acronym differs: swift-corelibs-foundation turns `URLValue` into `u_rl_value`, this encoder into
  /// `url_value`; no capsim key starts with one.)
  @Test(arguments: [
    "pricePerGPUHour", "p95OverP50", "ciLower", "meetsTarget", "schemaVersion", "ksPValue",
    "deltaAic", "stepCov", "already_snake", "a", "jobsForNinetyPercent",
  ])
  func snakeCaseMatchesFoundation(key: String) throws {
    struct One: Encodable {
      var key: String
      func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        try container.encode(1, forKey: AnyKey(stringValue: key))
      }
    }
    struct AnyKey: CodingKey {
      var stringValue: String
      var intValue: Int? { nil }
      init(stringValue: String) { self.stringValue = stringValue }
      init?(intValue: Int) { nil }
    }
    let encoder = JSONEncoder()
    encoder.keyEncodingStrategy = .convertToSnakeCase
    let object = try JSONSerialization.jsonObject(with: encoder.encode(One(key: key)))
    let foundationKey = try #require((object as? [String: Any])?.keys.first)
    #expect(ReportJSONEncoder.snakeCase(key) == foundationKey)
  }

  /// Every key present, absent and non-finite values as null, the two top-level keys added, and the
  /// numbers read back equal to the encoded doubles.
  @Test func explicitNullsAndSchemaVersion() throws {
    let text = try ReportJSONEncoder.render(Self.document, capsimVersion: "9.9.9")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(object["schema_version"] as? Int == ReportJSONEncoder.schemaVersion)
    #expect(object["capsim_version"] as? String == "9.9.9")
    #expect(object["price_per_gpu_hour"] as? Double == 2.5)
    #expect(object["p95_over_p50"] as? Double == 1.25)
    #expect(object["nodes"] is NSNull)
    #expect(object["not_finite"] is NSNull)
    #expect(object["label"] as? String == "a \"quoted\" /path\n")
    let inner = try #require(object["inner"] as? [String: Any])
    #expect(inner["ci_lower"] is NSNull)
    #expect(inner["meets_target"] as? Bool == true)
    #expect(object["list"] as? [Double] == [1, 0.1, 1e-7, 3e20])
    #expect((object["metrics"] as? [String: Double])?["total_cost"] == 10)
    #expect(text.hasSuffix("}\n"))
    #expect(text.contains(" /path") && !text.contains("\\/"), "slashes are not escaped")
    // Keys sorted at every level.
    let topLevel = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map {
      String($0.split(separator: "\"")[1])
    }
    #expect(topLevel == topLevel.sorted())
  }
}
