import CapsimCore
import Testing

/// The hint for an unknown name points at `capsim data list` only for what that command shows.
@Suite("Name suggestions")
struct NameSuggestionsTests {
  static let names = (0..<12).map { "option-\($0)" }

  /// A scenario's options are not in `capsim data list`: twelve of them were "run 'capsim data list' to
  /// see the 12 known option names", which lists none.
  @Test func manyOptionsAreListed() {
    #expect(
      NameSuggestions.help(for: "zzzz", kind: "option", known: Self.names)
        == "known option names: " + Self.names.sorted().joined(separator: ", "))
    let many = (0..<25).map { "o\($0 + 10)" }
    #expect(
      NameSuggestions.help(for: "zzzz", kind: "pay-per-use option", known: many)
        == "known pay-per-use option names: " + many.prefix(20).joined(separator: ", ")
        + " and 5 more")
  }

  @Test func manyPricesPointAtTheDataList() {
    #expect(
      NameSuggestions.help(for: "zzzz", kind: "price", known: Self.names)
        == "run 'capsim data list' to see the 12 known price names")
    #expect(
      NameSuggestions.help(for: "zzzz", kind: "sample set", known: Self.names)
        == "run 'capsim data list' to see the 12 known sample set names")
  }
}
