import Testing

@testable import capsim

/// `--precision` takes a share or a percentage written as decimal numbers, as the scenario key
/// `precision` does; Swift's other spellings (hexadecimal) are not numbers there either.
@Suite("--precision argument")
struct PrecisionArgumentTests {
  @Test func aShareOrAPercentage() {
    #expect(PrecisionArgument(argument: "1%")?.value == 0.01)
    #expect(PrecisionArgument(argument: "0.01")?.value == 0.01)
    #expect(PrecisionArgument(argument: " 2.5% ")?.value == 0.025)
  }

  @Test(arguments: ["0x1p-7", "0x1p-7%", "nan", "inf", "%", "1%%", "one"])
  func notADecimalNumber(_ text: String) {
    #expect(PrecisionArgument(argument: text) == nil)
  }
}
