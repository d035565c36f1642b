import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one routine through which capsim writes every file it produces: reports in every format, monthly
/// series, workbooks, HTML pages and exports.
///
/// It writes to what the path names and never replaces it with something else:
/// - `-` is standard output;
/// - a path that exists and is not a regular file (a character or block device such as `/dev/null`, a FIFO,
///   a terminal, `/dev/stdout`, `/dev/fd/N` from a shell's process substitution) is opened and written in
///   place;
/// - a symbolic link is followed to its target, which is then treated the same way (the link stays a link);
/// - a regular file, or a path that does not exist yet, is written atomically: the bytes go to a temporary
///   file in the same directory, which is flushed and renamed over the path, keeping an existing file's
///   permission bits and (where allowed) its owner.
///
/// A write that fails leaves an existing file as it was and no temporary file behind, and throws one
/// ``OutputFileError`` naming the path.
public enum OutputFile {
  /// Most symbolic links followed before giving up (as the kernel's `ELOOP` limit).
  static let maximumLinkDepth = 40

  /// Writes `text` as UTF-8 to `path` (`-` or `nil`: standard output).
  public static func write(_ text: String, to path: String?) throws(OutputFileError) {
    try write(Data(text.utf8), to: path)
  }

  /// Writes `data` to `path` (`-` or `nil`: standard output).
  public static func write(_ data: Data, to path: String?) throws(OutputFileError) {
    guard let path, path != "-" else {
      try writeAll(data, to: STDOUT_FILENO, path: "<standard output>")
      return
    }
    try write(data, to: path, failingAfterTemporaryWrite: false)
  }

  /// Throws the error a write to `path` would meet before any byte is written (a missing directory, a
  /// directory or socket in the way, a link loop), so that a command can refuse a bad destination
  /// before doing its work. `-` (standard output) always passes.
  public static func checkDestination(_ path: String) throws(OutputFileError) {
    guard path != "-" else { return }
    _ = try resolve(path)
  }

  /// Whether `path` names an existing regular file (a link is followed to its target), which a write
  /// replaces: what a command that will not overwrite a file without being told (`capsim init` without
  /// `--force`) asks. Standard output (`-`), a path that does not exist yet, and what is written in place
  /// (a device such as `/dev/null`, a FIFO, `/dev/stdout`, `/dev/fd/N`) are not. A path that cannot be
  /// written answers false: a write then reports why.
  public static func isExistingRegularFile(_ path: String) -> Bool {
    guard path != "-", case .atomic(_, let existing)? = try? resolve(path) else { return false }
    return existing != nil
  }

  /// The same as ``write(_:to:)-(Data,String?)``, with a fault injected after the temporary file is
  /// written and before it is renamed (for tests of the failure path).
  static func write(_ data: Data, to path: String, failingAfterTemporaryWrite: Bool)
    throws(OutputFileError)
  {
    let target = try resolve(path)
    switch target {
    case .inPlace(let resolved, let append):
      try writeInPlace(data, to: resolved, append: append, shownAs: path)
    case .atomic(let resolved, let existing):
      try writeAtomically(
        data, to: resolved, keeping: existing, shownAs: path,
        failingAfterTemporaryWrite: failingAfterTemporaryWrite)
    }
  }

  // MARK: - What the path names

  enum Target: Equatable {
    /// Open and write in place; `append` for a `/proc` magic link (a descriptor of this process), so
    /// that a file redirected from a shell is never truncated under it.
    case inPlace(String, append: Bool)
    /// Replace (or create) a regular file through a temporary file; `existing` is the file's status.
    case atomic(String, existing: FileStatus?)
  }

  struct FileStatus: Equatable {
    var mode: mode_t
    var owner: uid_t
    var group: gid_t
  }

  /// Follows symbolic links from `path` and classifies what it ends at.
  static func resolve(_ path: String) throws(OutputFileError) -> Target {
    var current = path
    for _ in 0...maximumLinkDepth {
      var status = stat()
      if lstat(current, &status) != 0 {
        let code = errno
        guard code == ENOENT else {
          let operation = code == ENOTDIR ? "open" : "stat"
          throw OutputFileError(path: path, reason: .system(operation: operation, errno: code))
        }
        let directory = directoryName(of: current)
        var directoryStatus = stat()
        if stat(directory, &directoryStatus) != 0 {
          throw OutputFileError(path: path, reason: .missingDirectory(directory))
        }
        if directoryStatus.st_mode & S_IFMT != S_IFDIR {
          throw OutputFileError(path: path, reason: .system(operation: "open", errno: ENOTDIR))
        }
        return .atomic(current, existing: nil)
      }
      switch status.st_mode & S_IFMT {
      case S_IFLNK:
        guard let destination = readLink(current) else {
          throw OutputFileError(path: path, reason: .system(operation: "readlink", errno: errno))
        }
        // `/proc/self/fd/N` (and `/dev/stdout`, `/dev/fd/N`, which lead there) are magic links to open
        // descriptions, not paths: let the kernel resolve them by opening the link itself.
        if destination.hasPrefix("/proc/") || isUnderProc(directoryName(of: current)) {
          return .inPlace(current, append: true)
        }
        current =
          destination.hasPrefix("/")
          ? destination : directoryName(of: current) + "/" + destination
      case S_IFDIR:
        throw OutputFileError(path: path, reason: .isDirectory)
      case S_IFREG:
        if isUnderProc(directoryName(of: current)) {
          return .inPlace(current, append: true)
        }
        return .atomic(
          current,
          existing: FileStatus(mode: status.st_mode, owner: status.st_uid, group: status.st_gid))
      case S_IFSOCK:
        throw OutputFileError(path: path, reason: .isSocket)
      default:  // character or block device, FIFO
        return .inPlace(current, append: false)
      }
    }
    throw OutputFileError(path: path, reason: .tooManyLinks)
  }

  // MARK: - Writing

  static func writeInPlace(_ data: Data, to path: String, append: Bool, shownAs shown: String)
    throws(OutputFileError)
  {
    let flags = O_WRONLY | O_NOCTTY | O_CLOEXEC | (append ? O_APPEND : 0)
    let descriptor = open(path, flags)
    guard descriptor >= 0 else {
      let code = errno
      throw OutputFileError(
        path: shown, reason: code == ENXIO ? .isSocket : .system(operation: "open", errno: code))
    }
    defer { close(descriptor) }
    try writeAll(data, to: descriptor, path: shown)
  }

  static func writeAtomically(
    _ data: Data, to path: String, keeping existing: FileStatus?, shownAs shown: String,
    failingAfterTemporaryWrite: Bool
  ) throws(OutputFileError) {
    let directory = directoryName(of: path)
    let base = String(path.split(separator: "/", omittingEmptySubsequences: false).last ?? "output")
    // A name that no other process can be using: the pid and fresh random bits.
    var temporary = ""
    var descriptor: Int32 = -1
    for _ in 0..<16 {
      temporary =
        directory + "/." + base + ".capsim-\(getpid())-"
        + String(UInt64.random(in: 0...UInt64.max), radix: 36) + ".tmp"
      // Mode 0666 less the umask, as any new file; an existing file's bits are copied below.
      descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
      if descriptor >= 0 || errno != EEXIST { break }
    }
    guard descriptor >= 0 else {
      throw OutputFileError(path: shown, reason: .system(operation: "create", errno: errno))
    }
    do throws(OutputFileError) {
      try writeAll(data, to: descriptor, path: shown)
      if let existing {
        // Owner first (it may clear set-id bits), then the permission bits.
        _ = fchown(descriptor, existing.owner, existing.group)
        if fchmod(descriptor, existing.mode & 0o7777) != 0 {
          throw OutputFileError(path: shown, reason: .system(operation: "chmod", errno: errno))
        }
      }
      if fsync(descriptor) != 0 {
        throw OutputFileError(path: shown, reason: .system(operation: "fsync", errno: errno))
      }
      if failingAfterTemporaryWrite {
        throw OutputFileError(path: shown, reason: .system(operation: "rename", errno: EIO))
      }
      if close(descriptor) != 0 {
        descriptor = -1
        throw OutputFileError(path: shown, reason: .system(operation: "close", errno: errno))
      }
      descriptor = -1
      if rename(temporary, path) != 0 {
        throw OutputFileError(path: shown, reason: .system(operation: "rename", errno: errno))
      }
    } catch {
      if descriptor >= 0 { close(descriptor) }
      unlink(temporary)
      throw error
    }
  }

  /// Writes every byte of `data`, retrying after signals and short writes.
  static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws(OutputFileError) {
    let failure: Int32? = data.withUnsafeBytes { buffer -> Int32? in
      var offset = 0
      while offset < buffer.count {
        let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return errno
        }
        offset += written
      }
      return nil
    }
    if let failure {
      throw OutputFileError(path: path, reason: .system(operation: "write", errno: failure))
    }
  }

  // MARK: - Paths

  static func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
    #else
    Darwin.write(descriptor, bytes, count)
    #endif
  }

  static func directoryName(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let directory = String(path[..<slash])
    return directory.isEmpty ? "/" : directory
  }

  /// Whether `directory`, with its links resolved, lies in `/proc`.
  static func isUnderProc(_ directory: String) -> Bool {
    guard let resolved = realpath(directory, nil) else { return false }
    defer { free(resolved) }
    let text = String(cString: resolved)
    return text == "/proc" || text.hasPrefix("/proc/")
  }

  static func readLink(_ path: String) -> String? {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let count = readlink(path, &buffer, buffer.count - 1)
    guard count >= 0 else { return nil }
    return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
