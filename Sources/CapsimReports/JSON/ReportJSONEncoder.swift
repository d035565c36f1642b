import Foundation

/// The one JSON encoder of every capsim report.
///
/// Any `Encodable` document is written with `snake_case` keys (a Swift property `pricePerGPUHour`
/// becomes `price_per_gpu_hour`, as Foundation's `.convertToSnakeCase` does), keys sorted, numbers in
/// full precision, an explicit `null` for every absent optional (synthesised `Encodable` code would
/// leave the key out) and for NaN or ±∞, and two top-level keys added: `schema_version` and
/// `capsim_version`. New stored properties of a document therefore appear in the JSON without any
/// encoder code. The layouts are documented in `docs/report-fields.md`.
public enum ReportJSONEncoder {
  /// Version of every JSON layout; incremented on any incompatible change. Version 2: one key style
  /// (snake_case) for every command, explicit nulls everywhere.
  public static let schemaVersion = 2

  /// Renders `document` as pretty-printed JSON ending in a newline.
  ///
  /// - Throws: `EncodingError.invalidValue` if the document does not encode to a JSON object.
  public static func render(_ document: some Encodable, capsimVersion: String) throws -> String {
    let root = try JSONNode.encoding(document, codingPath: [])
    guard case .object = root.value else {
      throw EncodingError.invalidValue(
        document,
        EncodingError.Context(codingPath: [], debugDescription: "a report must be a JSON object"))
    }
    root.set(.scalar(schemaVersion), for: "schema_version")
    root.set(.scalar(capsimVersion), for: "capsim_version")
    var output = ""
    root.write(to: &output)
    return output + "\n"
  }

  /// `camelCase` to `snake_case` the way Foundation's `JSONEncoder.KeyEncodingStrategy.convertToSnakeCase`
  /// does: a word boundary before an upper-case letter that follows a lower-case letter or digit, or that
  /// starts a capitalised word after an acronym (`GPUHour` → `gpu_hour`). Keys already in snake_case pass
  /// unchanged.
  public static func snakeCase(_ key: String) -> String {
    let characters = Array(key)
    var result = ""
    for (index, character) in characters.enumerated() {
      if character.isUppercase, index > 0 {
        let previous = characters[index - 1]
        let next = index + 1 < characters.count ? characters[index + 1] : nil
        if previous.isLowercase || previous.isNumber
          || (previous.isUppercase && next?.isLowercase == true)
        {
          result += "_"
        }
      }
      result += character.lowercased()
    }
    return result
  }

  /// The `Encoder` that builds a ``JSONNode`` tree.
  struct TreeEncoder: Encoder {
    let node: JSONNode
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
      if case .object = node.value {} else { node.value = .object([:]) }
      return KeyedEncodingContainer(JSONKeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
      if case .array = node.value {} else { node.value = .array([]) }
      return JSONUnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
      JSONSingleValueContainer(node: node, codingPath: codingPath)
    }
  }
}
