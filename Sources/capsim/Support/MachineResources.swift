import Foundation

/// How many cores this process may use: the default of `--threads`.
///
/// `ProcessInfo.activeProcessorCount` counts the machine's cores, not the ones this process may run on. Under
/// `taskset -c 0` (or a container given one CPU) capsim would then start a task per machine core on one core,
/// and the tasks would take turns on it, each evicting the other's cache (measured: up to 20% more CPU time
/// than `--threads 1` for the same results). On Linux the count is therefore also capped by the process's CPU
/// affinity (`Cpus_allowed` in `/proc/self/status`, what `taskset` sets) and by the CPU quotas of its control
/// group and those above it (`cpu.max` in cgroup v2, `cpu.cfs_quota_us` / `cpu.cfs_period_us` in v1),
/// rounded up.
enum AvailableCores {
  /// The number of cores, at least 1 (probed once per process).
  static let count: Int = {
    var cores = ProcessInfo.processInfo.activeProcessorCount
    #if os(Linux)
    if let affinity = affinityCount() { cores = Swift.min(cores, affinity) }
    if let quota = quotaCores() { cores = Swift.min(cores, quota) }
    #endif
    return Swift.max(1, cores)
  }()

  #if os(Linux)
  /// The CPUs in this process's affinity mask, if the kernel says.
  private static func affinityCount() -> Int? {
    let status = ControlGroup.read("/proc/self/status") ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("Cpus_allowed:") }
    return line.flatMap { maskCount(String($0.dropFirst("Cpus_allowed:".count))) }
  }

  /// Cores allowed by the CPU quotas of this process's control group and those above it, rounded up;
  /// `nil` without a quota.
  private static func quotaCores() -> Int? {
    // cgroup v2: "QUOTA PERIOD" or "max PERIOD".
    let unified = ControlGroup.unifiedFiles("cpu.max").compactMap { text in
      let fields = text.split(separator: " ").map(String.init)
      return cores(quota: fields.first, period: fields.dropFirst().first)
    }
    // cgroup v1: a quota of -1 means none.
    let v1 = ControlGroup.v1Files(controller: "cpu", "cpu.cfs_quota_us").compactMap {
      cores(quota: $0.text, period: ControlGroup.read($0.directory + "/cpu.cfs_period_us"))
    }
    return (unified + v1).min()
  }
  #endif

  /// The CPUs set in a hexadecimal mask as `/proc/self/status` writes it ("ff,ffffffff"); `nil` when it
  /// is not one or sets none.
  static func maskCount(_ mask: String) -> Int? {
    var count = 0
    for character in mask where character != "," && !character.isWhitespace {
      guard let digit = character.hexDigitValue else { return nil }
      count += digit.nonzeroBitCount
    }
    return count > 0 ? count : nil
  }

  /// ⌈quota / period⌉ for a positive quota and period written as integers (microseconds); `nil` for "max",
  /// -1, or anything else.
  static func cores(quota: String?, period: String?) -> Int? {
    guard let quota = quota.flatMap({ Int($0) }), let period = period.flatMap({ Int($0) }),
      quota > 0, period > 0
    else { return nil }
    return Swift.max(1, (quota + period - 1) / period)
  }
}

/// How much memory this process may use, for the check that a run fits before it starts.
///
/// `ProcessInfo.physicalMemory` is the machine's; in a container with a memory limit a run that fits the
/// machine but not the limit would be killed part-way instead of refused with an error. On Linux the limits
/// of the process's control group and those above it (`memory.max` in cgroup v2, `memory.limit_in_bytes` in
/// v1) cap it.
enum AvailableMemory {
  /// Bytes.
  static var bytes: Double {
    var bytes = Double(ProcessInfo.processInfo.physicalMemory)
    #if os(Linux)
    let limits =
      ControlGroup.unifiedFiles("memory.max")
      + ControlGroup.v1Files(controller: "memory", "memory.limit_in_bytes").map(\.text)
    if let limit = limits.compactMap(Self.limit).min() { bytes = Swift.min(bytes, limit) }
    #endif
    return bytes
  }

  /// A control group's memory limit in bytes; `nil` for "max" (v2) or a value of 2⁶² or more (v1 writes
  /// its largest page-aligned value, 9223372036854771712, when there is no limit).
  static func limit(_ text: String) -> Double? {
    guard let value = Int(text), value > 0, value < 1 << 62 else { return nil }
    return Double(value)
  }
}

/// This process's control group files, cgroup v2 or v1: each limit is read at the process's own group and at
/// every group above it up to the root (a container sees its own group as the root), and the smallest applies,
/// since a parent's limit binds its children.
enum ControlGroup {
  /// The file's text without surrounding white space, if it can be read.
  static func read(_ path: String) -> String? {
    (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(
      in: .whitespacesAndNewlines)
  }

  /// The process's path in `controller`'s v1 hierarchy, or with `nil` in the unified v2 hierarchy (its
  /// `0::` line), from the text of `/proc/self/cgroup`; "" when it has none.
  static func path(in text: String, controller: String?) -> String {
    for line in text.split(separator: "\n") {
      let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
      guard fields.count == 3 else { continue }
      if let controller {
        if fields[1].split(separator: ",").contains(Substring(controller)) {
          return String(fields[2])
        }
      } else if fields[0] == "0" && fields[1].isEmpty {
        return String(fields[2])
      }
    }
    return ""
  }

  /// The directories of the group at `path` under `root` and of every group above it, deepest first.
  static func directories(root: String, path: String) -> [String] {
    let parts = path.split(separator: "/").map(String.init)
    return (0...parts.count).reversed().map { depth in
      ([root] + parts.prefix(depth)).joined(separator: "/")
    }
  }

  /// The text of `name` in each cgroup v2 directory from the process's group up to the root that has it.
  static func unifiedFiles(_ name: String) -> [String] {
    let path = path(in: read("/proc/self/cgroup") ?? "", controller: nil)
    return directories(root: "/sys/fs/cgroup", path: path).compactMap { read($0 + "/" + name) }
  }

  /// `name` in each directory of cgroup v1 `controller` from the process's group up to the root that has
  /// it, with the directory.
  static func v1Files(controller: String, _ name: String) -> [(directory: String, text: String)] {
    let path = path(in: read("/proc/self/cgroup") ?? "", controller: controller)
    return directories(root: "/sys/fs/cgroup/\(controller)", path: path).compactMap { directory in
      read(directory + "/" + name).map { (directory, $0) }
    }
  }
}
