import CapsimCore
import Yams

extension ScenarioLoader {
  /// Every value of scenario YAML `text` with `overrides` applied, as (key path, value) pairs in file
  /// order: options by name (`options.bare-metal.nodes`), other list items by position (`sweep[0].vary`).
  /// Used to show what changed between two runs.
  ///
  /// - Throws: ``ScenarioError`` when the text is not YAML or an override does not apply.
  public static func keyValues(yaml text: String, file: String, overrides: [ScenarioOverride] = [])
    throws(ScenarioError) -> [(path: String, value: String)]
  {
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw ScenarioError([syntaxProblem(error, file: file)])
    } catch {
      throw ScenarioError([.syntax(SourceLocation(file: file), message: "\(error)")])
    }
    guard let root else { return [] }
    let (document, _) = try apply(overrides, to: root)
    var pairs: [(path: String, value: String)] = []
    flatten(document, path: "", into: &pairs)
    return pairs
  }

  static func flatten(_ node: Node, path: String, into pairs: inout [(path: String, value: String)])
  {
    switch node {
    case .scalar(let scalar): pairs.append((path, scalar.string))
    case .mapping(let mapping):
      if mapping.isEmpty { pairs.append((path, "{}")) }
      for (key, value) in mapping {
        let name = key.string ?? ""
        flatten(value, path: path.isEmpty ? name : "\(path).\(name)", into: &pairs)
      }
    case .sequence(let sequence):
      if sequence.isEmpty { pairs.append((path, "[]")) }
      for (index, item) in sequence.enumerated() {
        let name = path == "options" ? item.mapping.flatMap { child("name", in: $0) }?.string : nil
        flatten(item, path: name.map { "\(path).\($0)" } ?? "\(path)[\(index)]", into: &pairs)
      }
    case .alias: pairs.append((path, "*alias"))
    }
  }
}
