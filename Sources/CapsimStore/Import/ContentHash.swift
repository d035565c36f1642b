/// A stable 64-bit FNV-1a hash, used to recognise a sample set that was already imported.
///
/// FNV-1a: start from the offset basis 0xcbf29ce484222325; for each byte, `h = (h ^ byte) · 0x100000001b3`
/// (mod 2⁶⁴). Not cryptographic; collisions between two different imports of the same name are
/// astronomically unlikely at the sizes involved (Fowler, Noll & Vo, IETF draft-eastlake-fnv).
///
/// - Complexity: O(n) in the bytes hashed.
struct ContentHash {
  private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

  mutating func combine(byte: UInt8) {
    value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
  }

  mutating func combine(_ word: UInt64) {
    var word = word
    for _ in 0..<8 {
      combine(byte: UInt8(truncatingIfNeeded: word))
      word >>= 8
    }
  }

  /// Hashes a string's UTF-8 bytes followed by a terminator, so that ("ab","c") ≠ ("a","bc").
  mutating func combine(_ text: String) {
    for byte in text.utf8 { combine(byte: byte) }
    combine(byte: 0xFF)
  }

  /// Hashes a double by bit pattern, with -0 folded into +0.
  mutating func combine(_ number: Double) {
    combine((number == 0 ? 0 : number).bitPattern)
  }

  /// Sixteen lower-case hex digits.
  var hex: String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
