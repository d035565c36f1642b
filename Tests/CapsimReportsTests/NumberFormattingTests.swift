import CapsimReports
import Testing

@Suite("Number formatting")
struct NumberFormattingTests {
  @Test func compactAmountsUseKMAndB() {
    #expect(NumberFormatting.compact(9_876) == "9,876")
    #expect(NumberFormatting.compact(244_610) == "245k")
    #expect(NumberFormatting.compact(2_942_839) == "2.94M")
    #expect(NumberFormatting.compact(14_300_000_000) == "14.3B")
    #expect(NumberFormatting.compact(-14_300_000_000) == "−14.3B")
  }

  @Test func countsAreGroupedAndPluralisedUnlessOne() {
    #expect(NumberFormatting.count(1, "trial") == "1 trial")
    #expect(NumberFormatting.count(0, "trial") == "0 trials")
    #expect(NumberFormatting.count(1_024, "trial") == "1,024 trials")
  }
}
