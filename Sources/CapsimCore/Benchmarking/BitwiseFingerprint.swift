/// A value's stored contents as a flat list of tokens, each floating-point number as its bit pattern, so
/// that two values compare equal when they hold the same bits: unlike `==`, a NaN (a mean over no jobs)
/// equals the same NaN, and −0 differs from 0. `capsim bench` compares its one-thread and parallel
/// outcomes this way.
///
/// Built by encoding the value through `Encodable`; keys are kept, so two values of different shape
/// differ too.
public struct BitwiseFingerprint: Sendable, Hashable {
  /// One encoded item.
  enum Token: Sendable, Hashable {
    /// A container begins; containers are numbered in the order they begin.
    case open(container: Int)
    /// A keyed container's key, or a list's element number, tagged with its container so that what
    /// follows a nested container is not taken for more of it.
    case key(container: Int, String)
    case index(container: Int, Int)
    case bits(UInt64)
    case integer(Int64)
    case unsigned(UInt64)
    case text(String)
    case flag(Bool)
    case null
  }

  let tokens: [Token]

  /// The fingerprint of `value`; a value that cannot be encoded gets the fingerprint of its error, so
  /// it never equals a value that could.
  public init(_ value: some Encodable) {
    let storage = Storage()
    do {
      try value.encode(to: FingerprintEncoder(storage: storage, codingPath: []))
      tokens = storage.tokens
    } catch {
      tokens = [.text("encoding failed: \(error)")]
    }
  }

  /// Whether `a` and `b` hold the same bits (both nil counts as the same).
  public static func same<T: Encodable>(_ a: T?, _ b: T?) -> Bool {
    switch (a, b) {
    case (nil, nil): return true
    case (let a?, let b?): return BitwiseFingerprint(a) == BitwiseFingerprint(b)
    default: return false
    }
  }

  final class Storage {
    var tokens: [Token] = []
    var containers = 0

    /// Starts a container and returns its number.
    func open() -> Int {
      containers += 1
      tokens.append(.open(container: containers))
      return containers
    }
  }
}

private struct FingerprintEncoder: Encoder {
  let storage: BitwiseFingerprint.Storage
  var codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    KeyedEncodingContainer(
      KeyedFingerprint<Key>(storage: storage, codingPath: codingPath, id: storage.open()))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    UnkeyedFingerprint(storage: storage, codingPath: codingPath, id: storage.open())
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    SingleFingerprint(storage: storage, codingPath: codingPath)
  }
}

/// Appends primitive values as tokens; everything else is encoded through a nested encoder.
private struct SingleFingerprint: SingleValueEncodingContainer {
  let storage: BitwiseFingerprint.Storage
  var codingPath: [any CodingKey]

  mutating func encodeNil() throws { storage.tokens.append(.null) }
  mutating func encode(_ value: Bool) throws { storage.tokens.append(.flag(value)) }
  mutating func encode(_ value: String) throws { storage.tokens.append(.text(value)) }
  mutating func encode(_ value: Double) throws { storage.tokens.append(.bits(value.bitPattern)) }
  mutating func encode(_ value: Float) throws {
    storage.tokens.append(.bits(UInt64(value.bitPattern)))
  }
  mutating func encode(_ value: Int) throws { storage.tokens.append(.integer(Int64(value))) }
  mutating func encode(_ value: Int8) throws { storage.tokens.append(.integer(Int64(value))) }
  mutating func encode(_ value: Int16) throws { storage.tokens.append(.integer(Int64(value))) }
  mutating func encode(_ value: Int32) throws { storage.tokens.append(.integer(Int64(value))) }
  mutating func encode(_ value: Int64) throws { storage.tokens.append(.integer(value)) }
  mutating func encode(_ value: UInt) throws { storage.tokens.append(.unsigned(UInt64(value))) }
  mutating func encode(_ value: UInt8) throws { storage.tokens.append(.unsigned(UInt64(value))) }
  mutating func encode(_ value: UInt16) throws { storage.tokens.append(.unsigned(UInt64(value))) }
  mutating func encode(_ value: UInt32) throws { storage.tokens.append(.unsigned(UInt64(value))) }
  mutating func encode(_ value: UInt64) throws { storage.tokens.append(.unsigned(value)) }
  mutating func encode<T: Encodable>(_ value: T) throws {
    try value.encode(to: FingerprintEncoder(storage: storage, codingPath: codingPath))
  }
}

private struct KeyedFingerprint<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let storage: BitwiseFingerprint.Storage
  var codingPath: [any CodingKey]
  /// This container's number.
  let id: Int

  func mark(_ key: Key) { storage.tokens.append(.key(container: id, key.stringValue)) }

  mutating func encodeNil(forKey key: Key) throws {
    mark(key)
    storage.tokens.append(.null)
  }

  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    mark(key)
    var single = SingleFingerprint(storage: storage, codingPath: codingPath + [key])
    try single.encode(value)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    mark(key)
    return KeyedEncodingContainer(
      KeyedFingerprint<NestedKey>(
        storage: storage, codingPath: codingPath + [key], id: storage.open()))
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    mark(key)
    return UnkeyedFingerprint(storage: storage, codingPath: codingPath + [key], id: storage.open())
  }

  mutating func superEncoder() -> any Encoder {
    storage.tokens.append(.key(container: id, "super"))
    return FingerprintEncoder(storage: storage, codingPath: codingPath)
  }

  mutating func superEncoder(forKey key: Key) -> any Encoder {
    mark(key)
    return FingerprintEncoder(storage: storage, codingPath: codingPath + [key])
  }
}

/// Each element is preceded by its number in this list, tagged with the list's number.
private struct UnkeyedFingerprint: UnkeyedEncodingContainer {
  let storage: BitwiseFingerprint.Storage
  var codingPath: [any CodingKey]
  /// This container's number.
  let id: Int
  var count = 0

  init(storage: BitwiseFingerprint.Storage, codingPath: [any CodingKey], id: Int) {
    self.storage = storage
    self.codingPath = codingPath
    self.id = id
  }

  mutating func next() {
    count += 1
    storage.tokens.append(.index(container: id, count))
  }

  mutating func encodeNil() throws {
    next()
    storage.tokens.append(.null)
  }

  mutating func encode<T: Encodable>(_ value: T) throws {
    next()
    var single = SingleFingerprint(storage: storage, codingPath: codingPath)
    try single.encode(value)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
    -> KeyedEncodingContainer<NestedKey>
  {
    next()
    return KeyedEncodingContainer(
      KeyedFingerprint<NestedKey>(storage: storage, codingPath: codingPath, id: storage.open()))
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    next()
    return UnkeyedFingerprint(storage: storage, codingPath: codingPath, id: storage.open())
  }

  mutating func superEncoder() -> any Encoder {
    next()
    return FingerprintEncoder(storage: storage, codingPath: codingPath)
  }
}
