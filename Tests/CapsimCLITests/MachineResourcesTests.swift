import Testing

@testable import capsim

/// The texts the default thread count and the memory check read on Linux: the affinity mask of
/// `/proc/self/status`, a control group's CPU quota and its memory limit. Expected values worked by hand from the kernel's formats
/// (`Documentation/filesystems/proc.rst`, `Documentation/admin-guide/cgroup-v2.rst` and the v1 CFS
/// bandwidth document).
@Suite("Machine resources")
struct MachineResourcesTests {
  @Test func affinityMaskCountsItsBits() {
    #expect(AvailableCores.maskCount("\t3") == 2)  // CPUs 0 and 1
    #expect(AvailableCores.maskCount("1") == 1)  // taskset -c 0
    #expect(AvailableCores.maskCount("ff,ffffffff") == 40)
    #expect(AvailableCores.maskCount("00000000,00000100") == 1)  // CPU 8 alone
    #expect(AvailableCores.maskCount("0") == nil)
    #expect(AvailableCores.maskCount("zz") == nil)
  }

  @Test func quotaRoundsUpToWholeCores() {
    #expect(AvailableCores.cores(quota: "100000", period: "100000") == 1)  // --cpus=1
    #expect(AvailableCores.cores(quota: "150000", period: "100000") == 2)  // --cpus=1.5
    #expect(AvailableCores.cores(quota: "20000", period: "100000") == 1)  // a fifth of a core
    #expect(AvailableCores.cores(quota: "400000", period: "100000") == 4)
    #expect(AvailableCores.cores(quota: "max", period: "100000") == nil)  // v2: no limit
    #expect(AvailableCores.cores(quota: "-1", period: "100000") == nil)  // v1: no limit
    #expect(AvailableCores.cores(quota: "100000", period: nil) == nil)
  }

  @Test func memoryLimitIsReadAndNoLimitIsNone() {
    #expect(AvailableMemory.limit("4294967296") == 4_294_967_296)  // --memory=4g
    #expect(AvailableMemory.limit("max") == nil)  // v2: no limit
    #expect(AvailableMemory.limit("9223372036854771712") == nil)  // v1: no limit
    #expect(AvailableMemory.limit("0") == nil)
  }

  /// `/proc/self/cgroup` as the kernel writes it (`hierarchy-ID:controllers:path`, cgroups(7)) on a v2 host, a
  /// v1 host and a hybrid one (this build machine's shape: v1 controllers and an empty `0::` line).
  @Test func theGroupPathIsFoundOnV1V2AndHybridHosts() {
    let v2 = "0::/user.slice/user-1000.slice/session-3.scope\n"
    #expect(
      ControlGroup.path(in: v2, controller: nil) == "/user.slice/user-1000.slice/session-3.scope")
    #expect(ControlGroup.path(in: v2, controller: "cpu") == "")
    let v1 = "12:memory:/docker/abc\n3:cpu,cpuacct:/docker/abc\n1:name=systemd:/docker/abc\n"
    #expect(ControlGroup.path(in: v1, controller: "cpu") == "/docker/abc")
    #expect(ControlGroup.path(in: v1, controller: "cpuacct") == "/docker/abc")
    #expect(ControlGroup.path(in: v1, controller: "memory") == "/docker/abc")
    #expect(ControlGroup.path(in: v1, controller: nil) == "")
    let hybrid = "4:memory:/process_api/7270\n1:cpu:/\n0::/\n"
    #expect(ControlGroup.path(in: hybrid, controller: "memory") == "/process_api/7270")
    #expect(ControlGroup.path(in: hybrid, controller: "cpu") == "/")
    #expect(ControlGroup.path(in: hybrid, controller: nil) == "/")
  }

  /// A limit set on a parent group binds its children: every level from the group up to the root is read.
  @Test func everyGroupUpToTheRootIsRead() {
    #expect(
      ControlGroup.directories(root: "/sys/fs/cgroup", path: "/a/b")
        == ["/sys/fs/cgroup/a/b", "/sys/fs/cgroup/a", "/sys/fs/cgroup"])
    #expect(
      ControlGroup.directories(root: "/sys/fs/cgroup/cpu", path: "/") == ["/sys/fs/cgroup/cpu"])
    #expect(ControlGroup.directories(root: "/sys/fs/cgroup", path: "") == ["/sys/fs/cgroup"])
  }
}
