/// A user-facing problem report: location, message and an optional hint on how to fix it.
///
/// Every error enum in capsim (`ScenarioError`, `ImportError`, `StoreError`, …) renders through this type
/// so that all of them read the same way:
///
/// ```
/// data/prices.csv:14:3: error: field 'usd_per_hour' is -2.5; prices must be ≥ 0
/// help: correct the value or remove the row
/// ```
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
  /// Where the problem is, if it has a place in an input.
  public var location: SourceLocation?
  /// What is wrong, in one sentence, starting lower-case.
  public var message: String
  /// How to fix it, if there is something useful to say.
  public var help: String?
  /// Lines printed as they are after the `help:` line (or after the message when there is no help), such
  /// as the next diagnostics of a file with several bad rows.
  public var following: [String] = []

  /// Creates a diagnostic.
  public init(location: SourceLocation?, message: String, help: String? = nil) {
    self.location = location
    self.message = message
    self.help = help
  }

  /// The rendered text: `file:line:column: error: [context: ][field 'x': ]message` and, if any, a
  /// `help:` line.
  public var description: String {
    var text = ""
    if let location { text += "\(location): " }
    text += "error: "
    if let context = location?.context { text += "\(context): " }
    if let field = location?.field, !message.contains("'\(field)'") {
      text += "field '\(field)': "
    }
    text += message
    if let help { text += "\nhelp: \(help)" }
    for line in following { text += "\n" + line }
    return text
  }
}

/// An error that can describe itself as a ``Diagnostic``.
public protocol DiagnosticConvertible: Error {
  /// The diagnostic to show the user.
  var diagnostic: Diagnostic { get }
}
