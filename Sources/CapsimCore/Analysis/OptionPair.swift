/// The two options a pay-per-use against committed analysis compares (`capsim break-even`): each one
/// named, or by default the scenario's first option of its kind.
public struct OptionPair: Sendable, Hashable {
  /// The pay-per-use option's name.
  public var payPerUse: String
  /// The committed option's name.
  public var committed: String

  /// Chooses the pair in `resolved`: a name given is kept as it is (the analysis checks it), a name
  /// not given is the first option of its kind.
  ///
  /// - Parameters:
  ///   - analysis: the analysis, for the message (`break-even`).
  ///   - location: where the scenario's options are (`options` in its file).
  /// - Throws: ``OptionPairError/missingKind(location:analysis:committed:present:)`` when a name is not
  ///   given and the scenario has no option of that kind.
  public init(
    payPerUse: String?, committed: String?, in resolved: ResolvedScenario, analysis: String,
    location: SourceLocation
  ) throws(OptionPairError) {
    func first(committed wanted: Bool) throws(OptionPairError) -> String {
      guard let found = resolved.options.first(where: { $0.isCommitted == wanted }) else {
        throw .missingKind(
          location: location, analysis: analysis, committed: wanted,
          present: resolved.options.map(\.option.name))
      }
      return found.option.name
    }
    if let payPerUse {
      self.payPerUse = payPerUse
    } else {
      self.payPerUse = try first(committed: false)
    }
    if let committed {
      self.committed = committed
    } else {
      self.committed = try first(committed: true)
    }
  }
}
