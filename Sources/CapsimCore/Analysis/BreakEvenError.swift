/// Why a break-even analysis cannot run.
public enum BreakEvenError: Error, Equatable, CustomStringConvertible, DiagnosticConvertible {
  /// No option has this name.
  case unknownOption(String, known: [String])
  /// The option named as pay-per-use is committed, or the committed one is not.
  case wrongCategory(option: String, expectedCommitted: Bool)

  /// The diagnostic shown to the user.
  public var diagnostic: Diagnostic {
    switch self {
    case .unknownOption(let name, let known):
      return Diagnostic(
        location: nil, message: "no option named '\(name)' in the scenario",
        help: "options: \(known.map { "'\($0)'" }.joined(separator: ", "))")
    case .wrongCategory(let option, let expectedCommitted):
      return Diagnostic(
        location: nil,
        message:
          "option '\(option)' is \(expectedCommitted ? "pay-per-use" : "committed"); break-even needs a "
          + "\(expectedCommitted ? "committed (reserved or bare_metal)" : "pay-per-use (on_demand or spot)") option here",
        help: "name a pay-per-use option first and a committed option second")
    }
  }

  /// The rendered diagnostic.
  public var description: String { diagnostic.description }
}
