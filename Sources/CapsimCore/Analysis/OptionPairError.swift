/// Why an ``OptionPair`` cannot be chosen.
public enum OptionPairError: Error, Equatable, CustomStringConvertible, DiagnosticConvertible {
  /// The scenario has no option of the kind needed (`committed` or pay-per-use); `present` names the
  /// options it has.
  case missingKind(location: SourceLocation, analysis: String, committed: Bool, present: [String])

  /// The diagnostic shown to the user.
  public var diagnostic: Diagnostic {
    switch self {
    case .missingKind(let location, let analysis, let committed, let present):
      let missing =
        committed ? "committed (reserved or bare_metal)" : "pay-per-use (on_demand or spot)"
      let listed = present.map { "'\($0)'" }.joined(separator: ", ")
      return Diagnostic(
        location: location,
        message:
          "\(analysis) compares a pay-per-use option with a committed one, but no option is "
          + "\(missing) (options: \(listed.isEmpty ? "none" : listed))",
        help: "add a \(missing) option to the scenario"
          + (committed ? ", with 'nodes'" : "")
          + "; 'capsim run' compares options of one kind")
    }
  }

  /// The rendered diagnostic.
  public var description: String { diagnostic.description }
}
