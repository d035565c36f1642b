import CapsimCore
import Testing

@testable import CapsimReports

/// The re-evaluate verdict names each reason once.
@Suite("Verdict sentence")
struct VerdictSentenceTests {
  /// A small margin and a low confidence about the same option make one clause: the QA pass saw
  /// "X is cheaper by expectation but only in 63.7% …, and X is cheaper by expectation by only 1.2% …".
  @Test func aSmallMarginAndALowConfidenceAreOneClause() throws {
    var r = try RecommendationReportTests.recommendation()
    r.verdict = .reevaluate(atMonth: 3)
    r.reevaluationReasons = [.lowConfidence, .smallMargin]
    let sentence = RecommendationReport.verdictSentence(r)
    #expect(sentence.components(separatedBy: "cheaper by expectation").count == 2)
    #expect(sentence.components(separatedBy: r.leading.name).count == 2)
    #expect(sentence.contains("by only"))
    #expect(sentence.contains("and only in"))
    #expect(sentence.hasPrefix("Do not change yet; re-evaluate at month 3: "))
  }
}
