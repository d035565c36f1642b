/// Why a simulation outcome cannot be turned into a ``Recommendation``.
public enum RecommendationError: Error, Equatable, CustomStringConvertible, DiagnosticConvertible {
  /// The outcome lacks a pay-per-use option or a committed option (the names of those present).
  case needsBothCategories(scenario: String, payPerUse: [String], committed: [String])
  /// An option has no per-trial totals to compare (an outcome not produced by the engine).
  case missingTrialTotals(option: String)

  /// The diagnostic shown to the user.
  public var diagnostic: Diagnostic {
    switch self {
    case .needsBothCategories(let scenario, let payPerUse, let committed):
      let missing =
        payPerUse.isEmpty ? "pay-per-use (on_demand or spot)" : "committed (reserved or bare_metal)"
      let present = (payPerUse + committed).map { "'\($0)'" }.joined(separator: ", ")
      return Diagnostic(
        location: SourceLocation(file: scenario, field: "options"),
        message:
          "a recommendation compares pay-per-use with committed capacity, but no option is \(missing) "
          + "(options: \(present.isEmpty ? "none" : present))",
        help:
          "add a \(missing) option to the scenario, or use 'capsim run' to compare these options")
    case .missingTrialTotals(let option):
      return Diagnostic(
        location: nil, message: "option '\(option)' has no per-trial totals to compare",
        help: "recommendations need an outcome produced by the simulation engine")
    }
  }

  /// The rendered diagnostic.
  public var description: String { diagnostic.description }
}
