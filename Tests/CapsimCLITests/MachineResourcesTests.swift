import Foundation
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

  /// On this machine: at least one core, at most the machine's; some memory, at most the machine's.
  @Test func theProbesStayWithinTheMachine() {
    let cores = AvailableCores.count
    #expect(cores >= 1 && cores <= ProcessInfo.processInfo.activeProcessorCount)
    let memory = AvailableMemory.bytes
    #expect(memory > 0 && memory <= Double(ProcessInfo.processInfo.physicalMemory))
  }
}
