import CapsimCore
import Foundation
import Testing

/// Mutates text inputs the way a careless user or a broken tool would: numbers swapped for extreme or
/// malformed ones, lines deleted, duplicated or swapped, bytes flipped, inserted or deleted, and lines
/// spliced in from other seeds. Deterministic for a given seed (SplitMix64).
struct Mutator {
  var generator: SplitMix64

  init(seed: UInt64) {
    generator = SplitMix64(seed: seed)
  }

  /// Values that have broken numeric code before: overflow to Int, NaN, ∞, subnormals, hexadecimal,
  /// signs, empty values and YAML/JSON structure where a number belongs.
  static let interestingValues = [
    "0", "-0", "1", "-1", "0.5", "1e308", "-1e308", "1e300", "1e-300", "4.9e-324", "1e8", "1e9",
    "1e19",
    "9223372036854775807", "9223372036854775808", "-9223372036854775809", ".nan", ".inf", "-.inf",
    "nan", "inf", "NaN", "Infinity", "0x1p3", "0x10", "1_000", "+5", "", "~", "null", "[]", "{}",
    "[1, 2]", "true", "\"\"", "1e", "..", "0.0000001", "700", "100000",
  ]

  static let interestingBytes: [UInt8] = [
    0, 0x0A, 0x0D, 0x22, 0x27, 0x2C, 0x3A, 0x5B, 0x7B, 0x7F, 0xEF, 0xBB, 0xBF, 0xFF,
  ]

  mutating func below(_ bound: Int) -> Int {
    Int(generator.next() % UInt64(Swift.max(1, bound)))
  }

  /// One to four mutations of `text`; `others` supply lines to splice.
  mutating func mutate(_ text: String, others: [String]) -> [UInt8] {
    var bytes = Array(text.utf8)
    for _ in 0...below(4) {
      switch below(6) {
      case 0, 1: bytes = Array(replaceNumber(String(decoding: bytes, as: UTF8.self)).utf8)
      case 2: bytes = Array(mutateLines(String(decoding: bytes, as: UTF8.self)).utf8)
      case 3:
        let other = others.isEmpty ? text : others[below(others.count)]
        bytes = Array(splice(String(decoding: bytes, as: UTF8.self), from: other).utf8)
      default: mutateBytes(&bytes)
      }
    }
    return bytes
  }

  /// Replaces one number in `text` with an interesting value.
  mutating func replaceNumber(_ text: String) -> String {
    var ranges: [Range<String.Index>] = []
    var index = text.startIndex
    while index < text.endIndex {
      if text[index].isNumber {
        let start = index
        while index < text.endIndex,
          text[index].isNumber || text[index] == "." || text[index] == "e"
        {
          index = text.index(after: index)
        }
        ranges.append(start..<index)
      } else {
        index = text.index(after: index)
      }
    }
    guard !ranges.isEmpty else { return text }
    let value = Self.interestingValues[below(Self.interestingValues.count)]
    return text.replacingCharacters(in: ranges[below(ranges.count)], with: value)
  }

  mutating func mutateLines(_ text: String) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard !lines.isEmpty else { return text }
    let index = below(lines.count)
    switch below(3) {
    case 0: lines.remove(at: index)
    case 1: lines.insert(lines[index], at: index)
    default: lines.swapAt(index, below(lines.count))
    }
    return lines.joined(separator: "\n")
  }

  mutating func splice(_ text: String, from other: String) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let donor = other.split(separator: "\n", omittingEmptySubsequences: false)
    guard !donor.isEmpty else { return text }
    lines.insert(String(donor[below(donor.count)]), at: below(lines.count + 1))
    return lines.joined(separator: "\n")
  }

  mutating func mutateBytes(_ bytes: inout [UInt8]) {
    let position = below(bytes.count + 1)
    switch below(3) {
    case 0 where position < bytes.count: bytes[position] ^= UInt8(1 << below(8))
    case 1 where position < bytes.count: bytes.remove(at: position)
    default: bytes.insert(Self.interestingBytes[below(Self.interestingBytes.count)], at: position)
    }
  }
}

/// The fuzz budget and seed, from the environment: `CAPSIM_FUZZ_SECONDS` per target (default 30; the two
/// targets run side by side, so about 30 s of CI) and `CAPSIM_FUZZ_SEED` (default 1). `scripts/fuzz.sh`
/// runs longer.
enum FuzzSettings {
  static var seconds: Double {
    ProcessInfo.processInfo.environment["CAPSIM_FUZZ_SECONDS"].flatMap(Double.init) ?? 30
  }
  static var seed: UInt64 {
    ProcessInfo.processInfo.environment["CAPSIM_FUZZ_SEED"].flatMap(UInt64.init) ?? 1
  }

  /// The package root.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The text files under `folder` (relative to the package root) whose names end in `suffix`, first
  /// `maximumLines` lines of each.
  static func seeds(in folder: String, suffix: String, maximumLines: Int = 60) -> [String] {
    let directory = root.appendingPathComponent(folder)
    let names =
      (try? FileManager.default.contentsOfDirectory(atPath: directory.path))?.sorted() ?? []
    return names.filter { $0.hasSuffix(suffix) }.compactMap { name in
      guard
        let text = try? String(
          contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
      else { return nil }
      return text.split(separator: "\n", omittingEmptySubsequences: false).prefix(maximumLines)
        .joined(separator: "\n")
    }
  }

  /// A slow input is a failure when the fuzz target runs on its own (`CAPSIM_FUZZ_SECONDS` set, as by
  /// `scripts/fuzz.sh`); inside the whole suite, where the other tests' processes starve the shared thread
  /// pool, wall time says nothing about the input, so it is only printed. Hangs are prevented structurally
  /// (the loader's limits and the work estimate); this is the check that they are.
  static func reportSlow(_ message: String) {
    if ProcessInfo.processInfo.environment["CAPSIM_FUZZ_SECONDS"] != nil {
      Issue.record(Comment(rawValue: message))
    } else {
      print("fuzz: slow under load: \(message)")
    }
  }

  /// Writes the input about to be tried, so that a crash (which ends the test process) leaves it behind.
  static func recordCurrent(_ bytes: [UInt8], target: String) {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "capsim-fuzz-current-\(target)")
    try? Data(bytes).write(to: url)
  }
}
