/// UTF-8 validity of imported text. capsim reads every text file as UTF-8; a byte that is not (a
/// Latin-1 `é`, 0xE9, from a spreadsheet saved in a legacy encoding) would otherwise be replaced by
/// U+FFFD when decoded and stored changed without a word.
enum UTF8Text {
  /// The offset of the first byte that does not begin a valid UTF-8 sequence, or `nil` when every
  /// byte does. ASCII-only input is checked in one pass without decoding.
  ///
  /// - Complexity: O(n).
  static func firstInvalidByte(in bytes: ArraySlice<UInt8>) -> Int? {
    guard let firstNonASCII = bytes.firstIndex(where: { $0 >= 0x80 }) else { return nil }
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes[firstNonASCII...].makeIterator()
    var offset = firstNonASCII
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded): offset += encoded.count
      case .error: return offset
      case .emptyInput: return nil
      }
    }
  }
}
