import Foundation

// The three container kinds of ``ReportJSONEncoder``. Every primitive overload is written out because a
// keyed container's `encodeIfPresent` overloads are where synthesised `Encodable` code drops `nil`; here
// they write an explicit `null` instead.

struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let node: JSONNode
  var codingPath: [any CodingKey]

  private func set(_ child: JSONNode, _ key: Key) {
    node.set(child, for: ReportJSONEncoder.snakeCase(key.stringValue))
  }

  mutating func encodeNil(forKey key: Key) throws { set(JSONNode(.null), key) }
  mutating func encode(_ value: Bool, forKey key: Key) throws { set(.scalar(value), key) }
  mutating func encode(_ value: String, forKey key: Key) throws { set(.scalar(value), key) }
  mutating func encode(_ value: Double, forKey key: Key) throws { set(.scalar(value), key) }
  mutating func encode(_ value: Float, forKey key: Key) throws { set(.scalar(value), key) }
  mutating func encode(_ value: Int, forKey key: Key) throws { set(.scalar(value), key) }
  mutating func encode(_ value: Int8, forKey key: Key) throws { set(.scalar(value), key) }
  mutating func encode(_ value: Int16, forKey key: Key) throws { set(.scalar(value), key) }
  mutating func encode(_ value: Int32, forKey key: Key) throws { set(.scalar(value), key) }
  mutating func encode(_ value: Int64, forKey key: Key) throws { set(.scalar(value), key) }
  mutating func encode(_ value: UInt, forKey key: Key) throws { set(.scalar(value), key) }
  mutating func encode(_ value: UInt8, forKey key: Key) throws { set(.scalar(value), key) }
  mutating func encode(_ value: UInt16, forKey key: Key) throws { set(.scalar(value), key) }
  mutating func encode(_ value: UInt32, forKey key: Key) throws { set(.scalar(value), key) }
  mutating func encode(_ value: UInt64, forKey key: Key) throws { set(.scalar(value), key) }
  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    set(try JSONNode.encoding(value, codingPath: codingPath + [key]), key)
  }
  mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
    set(value.map(JSONNode.scalar) ?? JSONNode(.null), key)
  }
  mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
    set(value.map(JSONNode.scalar) ?? JSONNode(.null), key)
  }
  mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
    set(value.map(JSONNode.scalar) ?? JSONNode(.null), key)
  }
  mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws {
    set(value.map(JSONNode.scalar) ?? JSONNode(.null), key)
  }
  mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
    set(value.map(JSONNode.scalar) ?? JSONNode(.null), key)
  }
  mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws {
    set(value.map(JSONNode.scalar) ?? JSONNode(.null), key)
  }
  mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws {
    set(value.map(JSONNode.scalar) ?? JSONNode(.null), key)
  }
  mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws {
    set(value.map(JSONNode.scalar) ?? JSONNode(.null), key)
  }
  mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws {
    set(value.map(JSONNode.scalar) ?? JSONNode(.null), key)
  }
  mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws {
    set(value.map(JSONNode.scalar) ?? JSONNode(.null), key)
  }
  mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws {
    set(value.map(JSONNode.scalar) ?? JSONNode(.null), key)
  }
  mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws {
    set(value.map(JSONNode.scalar) ?? JSONNode(.null), key)
  }
  mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws {
    set(value.map(JSONNode.scalar) ?? JSONNode(.null), key)
  }
  mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws {
    set(value.map(JSONNode.scalar) ?? JSONNode(.null), key)
  }
  mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
    set(
      try value.map { try JSONNode.encoding($0, codingPath: codingPath + [key]) }
        ?? JSONNode(.null), key)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    let child = JSONNode(.object([:]))
    set(child, key)
    return KeyedEncodingContainer(
      JSONKeyedContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    let child = JSONNode(.array([]))
    set(child, key)
    return JSONUnkeyedContainer(node: child, codingPath: codingPath + [key])
  }

  mutating func superEncoder() -> any Encoder {
    let child = JSONNode(.null)
    node.set(child, for: "super")
    return ReportJSONEncoder.TreeEncoder(node: child, codingPath: codingPath)
  }

  mutating func superEncoder(forKey key: Key) -> any Encoder {
    let child = JSONNode(.null)
    set(child, key)
    return ReportJSONEncoder.TreeEncoder(node: child, codingPath: codingPath + [key])
  }
}

struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
  let node: JSONNode
  var codingPath: [any CodingKey]
  var count: Int { node.count }

  mutating func encodeNil() throws { node.append(JSONNode(.null)) }
  mutating func encode(_ value: Bool) throws { node.append(.scalar(value)) }
  mutating func encode(_ value: String) throws { node.append(.scalar(value)) }
  mutating func encode(_ value: Double) throws { node.append(.scalar(value)) }
  mutating func encode(_ value: Float) throws { node.append(.scalar(value)) }
  mutating func encode(_ value: Int) throws { node.append(.scalar(value)) }
  mutating func encode(_ value: Int8) throws { node.append(.scalar(value)) }
  mutating func encode(_ value: Int16) throws { node.append(.scalar(value)) }
  mutating func encode(_ value: Int32) throws { node.append(.scalar(value)) }
  mutating func encode(_ value: Int64) throws { node.append(.scalar(value)) }
  mutating func encode(_ value: UInt) throws { node.append(.scalar(value)) }
  mutating func encode(_ value: UInt8) throws { node.append(.scalar(value)) }
  mutating func encode(_ value: UInt16) throws { node.append(.scalar(value)) }
  mutating func encode(_ value: UInt32) throws { node.append(.scalar(value)) }
  mutating func encode(_ value: UInt64) throws { node.append(.scalar(value)) }
  mutating func encode<T: Encodable>(_ value: T) throws {
    node.append(try JSONNode.encoding(value, codingPath: codingPath))
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
    -> KeyedEncodingContainer<NestedKey>
  {
    let child = JSONNode(.object([:]))
    node.append(child)
    return KeyedEncodingContainer(
      JSONKeyedContainer<NestedKey>(node: child, codingPath: codingPath))
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    let child = JSONNode(.array([]))
    node.append(child)
    return JSONUnkeyedContainer(node: child, codingPath: codingPath)
  }

  mutating func superEncoder() -> any Encoder {
    let child = JSONNode(.null)
    node.append(child)
    return ReportJSONEncoder.TreeEncoder(node: child, codingPath: codingPath)
  }
}

struct JSONSingleValueContainer: SingleValueEncodingContainer {
  let node: JSONNode
  var codingPath: [any CodingKey]

  mutating func encodeNil() throws { node.assign(JSONNode(.null)) }
  mutating func encode(_ value: Bool) throws { node.assign(.scalar(value)) }
  mutating func encode(_ value: String) throws { node.assign(.scalar(value)) }
  mutating func encode(_ value: Double) throws { node.assign(.scalar(value)) }
  mutating func encode(_ value: Float) throws { node.assign(.scalar(value)) }
  mutating func encode(_ value: Int) throws { node.assign(.scalar(value)) }
  mutating func encode(_ value: Int8) throws { node.assign(.scalar(value)) }
  mutating func encode(_ value: Int16) throws { node.assign(.scalar(value)) }
  mutating func encode(_ value: Int32) throws { node.assign(.scalar(value)) }
  mutating func encode(_ value: Int64) throws { node.assign(.scalar(value)) }
  mutating func encode(_ value: UInt) throws { node.assign(.scalar(value)) }
  mutating func encode(_ value: UInt8) throws { node.assign(.scalar(value)) }
  mutating func encode(_ value: UInt16) throws { node.assign(.scalar(value)) }
  mutating func encode(_ value: UInt32) throws { node.assign(.scalar(value)) }
  mutating func encode(_ value: UInt64) throws { node.assign(.scalar(value)) }
  mutating func encode<T: Encodable>(_ value: T) throws {
    node.assign(try JSONNode.encoding(value, codingPath: codingPath))
  }
}
