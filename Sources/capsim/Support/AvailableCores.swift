import Foundation

/// How many cores this process may use: the default of `--threads`.
///
/// `ProcessInfo.activeProcessorCount` counts the machine's cores, not the ones this process may run on. Under
/// `taskset -c 0` (or a container given one CPU) capsim would then start a task per machine core on one core,
/// and the tasks would take turns on it, each evicting the other's cache (measured: up to 20% more CPU time
/// than `--threads 1` for the same results). On Linux the count is therefore also capped by the process's CPU
/// affinity (`Cpus_allowed` in `/proc/self/status`, what `taskset` sets) and by a CPU quota of its control group (`cpu.max` in cgroup v2,
/// `cpu.cfs_quota_us` / `cpu.cfs_period_us` in v1), rounded up.
enum AvailableCores {
  /// The number of cores, at least 1.
  static var count: Int {
    var cores = ProcessInfo.processInfo.activeProcessorCount
    #if os(Linux)
    if let affinity = affinityCount() { cores = Swift.min(cores, affinity) }
    if let quota = quotaCores() { cores = Swift.min(cores, quota) }
    #endif
    return Swift.max(1, cores)
  }

  #if os(Linux)
  /// The CPUs in this process's affinity mask, if the kernel says.
  private static func affinityCount() -> Int? {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("Cpus_allowed:") }
    return line.flatMap { maskCount(String($0.dropFirst("Cpus_allowed:".count))) }
  }

  /// Cores allowed by a CPU quota of this process's control group, rounded up; `nil` without a quota.
  private static func quotaCores() -> Int? {
    let groups = (try? String(contentsOfFile: "/proc/self/cgroup", encoding: .utf8)) ?? ""
    var unifiedPath = ""
    var cpuPath = ""
    for line in groups.split(separator: "\n") {
      let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
      guard fields.count == 3 else { continue }
      if fields[0] == "0" && fields[1].isEmpty { unifiedPath = String(fields[2]) }
      if fields[1].split(separator: ",").contains("cpu") { cpuPath = String(fields[2]) }
    }
    func read(_ path: String) -> String? {
      (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(
        in: .whitespacesAndNewlines)
    }
    // cgroup v2: "QUOTA PERIOD" or "max PERIOD".
    for directory in ["/sys/fs/cgroup" + unifiedPath, "/sys/fs/cgroup"] {
      if let text = read(directory + "/cpu.max") {
        let fields = text.split(separator: " ").map(String.init)
        return Self.cores(quota: fields.first, period: fields.dropFirst().first)
      }
    }
    // cgroup v1: a quota of -1 means none.
    for directory in ["/sys/fs/cgroup/cpu" + cpuPath, "/sys/fs/cgroup/cpu"] {
      if let quota = read(directory + "/cpu.cfs_quota_us") {
        return Self.cores(quota: quota, period: read(directory + "/cpu.cfs_period_us"))
      }
    }
    return nil
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
