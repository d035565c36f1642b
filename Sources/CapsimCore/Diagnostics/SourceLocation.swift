/// Where in an input a problem was found: file, line, column and the field (column name or key path).
///
/// Lines and columns are 1-based; `nil` means unknown. Rendered the way compilers and swift-format do,
/// `file:line:column`, so editors and terminals can jump to it.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The file path as the user gave it, or a descriptive name such as `<stdin>` or `--seed`.
  public var file: String
  /// 1-based line number, if known.
  public var line: Int?
  /// 1-based column number, if known.
  public var column: Int?
  /// The field: a CSV column name, a YAML key path such as `options[1].price`, or a flag.
  public var field: String?
  /// What else the problem arises from, said before the field: for a problem where a command-line
  /// override meets the file, `options.metal.price=aws-p5-h100-on-demand conflicts with base.yaml:19:12`.
  public var context: String?

  /// Creates a location.
  public init(file: String, line: Int? = nil, column: Int? = nil, field: String? = nil) {
    self.file = file
    self.line = line
    self.column = column
    self.field = field
  }

  /// `file:line:column` with the unknown parts left out.
  public var description: String {
    var text = file
    if let line {
      text += ":\(line)"
      if let column { text += ":\(column)" }
    }
    return text
  }
}
