import CapsimCore
import Testing

@Suite("Queueing: dedicated cluster simulation")
struct QueueingDedicatedClusterTests {
  // MARK: - Hand-worked examples

  /// One node: jobs queue behind each other.
  /// job 0: arrives 0, starts 0, ends 3 (wait 0)
  /// job 1: arrives 1, starts 3, ends 4 (wait 2)
  /// job 2: arrives 2, starts 4, ends 6 (wait 2)
  /// job 3: arrives 10, starts 10, ends 11 (wait 0)
  /// H = 10.5: busy = 3 + 1 + 2 + 0.5 = 6.5 node-h; at t = 2 three have arrived, one started → queue 2.
  @Test func singleNodeByHand() throws {
    var queue = try DedicatedClusterQueue(nodeCount: 1)
    let summary = try queue.simulate(
      arrivals: [0, 1, 2, 10], serviceTimes: [3, 1, 2, 1], nodesNeeded: [1, 1, 1, 1],
      horizonEnd: 10.5)
    #expect(queue.startTimes == [0, 3, 4, 10])
    #expect(queue.waits == [0, 2, 2, 0])
    #expect(summary.jobCount == 4)
    #expect(summary.busyNodeHours == 6.5)
    #expect(summary.utilisation == 6.5 / 10.5)
    #expect(summary.totalWaitHours == 4)
    #expect(summary.meanWaitHours == 1)
    #expect(summary.jobsThatWaited == 2)
    #expect(summary.shareOfJobsThatWaited == 0.5)
    #expect(summary.maximumWaitHours == 2)
    #expect(summary.maximumQueueLength == 2)
    #expect(summary.jobsUnfinishedAtHorizonEnd == 1)
    #expect(summary.lastCompletionTime == 11)
  }

  /// Three nodes, strict FCFS: job 3 (1 node) could run at t = 2 on the node job 1 frees, but waits
  /// behind job 2 (3 nodes), which must wait for job 0 to end at 4.
  /// job 0: 2 nodes, arrives 0, starts 0, ends 4     free times → {0, 4, 4}
  /// job 1: 1 node,  arrives 0, starts 0, ends 2     free times → {2, 4, 4}
  /// job 2: 3 nodes, arrives 1, starts 4, ends 5     (3rd smallest free time is 4; wait 3)
  /// job 3: 1 node,  arrives 2, starts 5, ends 6     (FCFS: not before job 2's start, and no node
  ///                                                   is free before 5; wait 3)
  /// H = 5: busy = 2·4 + 1·2 + 3·1 + 0 = 13 node-h of 15; queue peaks at 2 (t = 2: jobs 2 and 3).
  @Test func strictFCFSBlocksSmallerJobsByHand() throws {
    var queue = try DedicatedClusterQueue(nodeCount: 3)
    let summary = try queue.simulate(
      arrivals: [0, 0, 1, 2], serviceTimes: [4, 2, 1, 1], nodesNeeded: [2, 1, 3, 1], horizonEnd: 5)
    #expect(queue.startTimes == [0, 0, 4, 5])
    #expect(queue.waits == [0, 0, 3, 3])
    #expect(summary.busyNodeHours == 13)
    #expect(summary.utilisation == 13.0 / 15.0)
    #expect(summary.totalWaitHours == 6)
    #expect(summary.jobsThatWaited == 2)
    #expect(summary.maximumWaitHours == 3)
    #expect(summary.maximumQueueLength == 2)
    #expect(summary.jobsUnfinishedAtHorizonEnd == 1)
    #expect(summary.lastCompletionTime == 6)
  }

  /// Simultaneous arrivals and a zero-length job on two nodes: nobody waits.
  /// job 0: starts 1, ends 1; job 1: starts 1, ends 3; job 2: takes job 0's node at 1, ends 3.
  /// H = 2: busy = 0 + 1 + 1 = 2 node-h of 4; jobs 1 and 2 run past H.
  @Test func tiesAndZeroServiceByHand() throws {
    var queue = try DedicatedClusterQueue(nodeCount: 2)
    let summary = try queue.simulate(
      arrivals: [1, 1, 1], serviceTimes: [0, 2, 2], nodesNeeded: [1, 1, 1], horizonEnd: 2)
    #expect(queue.startTimes == [1, 1, 1])
    #expect(queue.waits == [0, 0, 0])
    #expect(summary.busyNodeHours == 2)
    #expect(summary.utilisation == 0.5)
    #expect(summary.jobsThatWaited == 0)
    #expect(summary.maximumQueueLength == 0)
    #expect(summary.jobsUnfinishedAtHorizonEnd == 2)
  }

  @Test func emptyInputAndBufferReuse() throws {
    var queue = try DedicatedClusterQueue(nodeCount: 2)
    let empty = try queue.simulate(arrivals: [], serviceTimes: [], nodesNeeded: [], horizonEnd: 1)
    #expect(empty == DedicatedClusterQueue.Summary(nodeCount: 2, horizonEnd: 1))
    #expect(empty.meanWaitHours.isNaN)
    #expect(empty.utilisation == 0)
    // A long run, then a short one on the same value, equals the short one on a fresh value.
    _ = try queue.simulate(
      arrivals: [0, 0, 0, 0, 0], serviceTimes: [5, 5, 5, 5, 5], nodesNeeded: [1, 2, 1, 1, 2],
      horizonEnd: 3)
    let reused = try queue.simulate(
      arrivals: [0, 1], serviceTimes: [2, 2], nodesNeeded: [2, 1], horizonEnd: 3)
    var fresh = try DedicatedClusterQueue(nodeCount: 2)
    let expected = try fresh.simulate(
      arrivals: [0, 1], serviceTimes: [2, 2], nodesNeeded: [2, 1], horizonEnd: 3)
    #expect(reused == expected)
    #expect(queue.startTimes == [0, 2])
    #expect(queue.waits == fresh.waits)
  }

  @Test func nodesNeededRoundsUp() throws {
    #expect(try DedicatedClusterQueue.nodesNeeded(gpusPerJob: 8, gpusPerNode: 8) == 1)
    #expect(try DedicatedClusterQueue.nodesNeeded(gpusPerJob: 9, gpusPerNode: 8) == 2)
    #expect(try DedicatedClusterQueue.nodesNeeded(gpusPerJob: 1, gpusPerNode: 8) == 1)
    #expect(try DedicatedClusterQueue.nodesNeeded(gpusPerJob: 64, gpusPerNode: 8) == 8)
    #expect(throws: QueueingError.self) {
      try DedicatedClusterQueue.nodesNeeded(gpusPerJob: 0, gpusPerNode: 8)
    }
    #expect(throws: QueueingError.self) {
      try DedicatedClusterQueue.nodesNeeded(gpusPerJob: 8, gpusPerNode: 0)
    }
  }

  @Test func badInputThrowsAndKeepsPreviousResults() throws {
    #expect(throws: QueueingError.self) { try DedicatedClusterQueue(nodeCount: 0) }
    var queue = try DedicatedClusterQueue(nodeCount: 2)
    _ = try queue.simulate(arrivals: [0], serviceTimes: [1], nodesNeeded: [1], horizonEnd: 1)
    let cases: [([Double], [Double], [Int], Double, QueueingError)] = [
      ([0, 1], [1], [1, 1], 5, .mismatchedLengths(arrivals: 2, serviceTimes: 1, nodesNeeded: 2)),
      ([0, 2, 1], [1, 1, 1], [1, 1, 1], 5, .invalidArrival(index: 2, time: 1)),
      ([-1], [1], [1], 5, .invalidArrival(index: 0, time: -1)),
      ([0, .infinity], [1, 1], [1, 1], 5, .invalidArrival(index: 1, time: .infinity)),
      ([0, 1], [1, -2], [1, 1], 5, .invalidServiceTime(index: 1, hours: -2)),
      ([0, 1], [1, 1], [1, 3], 5, .invalidNodesNeeded(index: 1, nodes: 3, clusterNodes: 2)),
      ([0, 1], [1, 1], [0, 1], 5, .invalidNodesNeeded(index: 0, nodes: 0, clusterNodes: 2)),
      (
        [0], [1], [1], 0,
        .invalidParameter(name: "horizonEnd", value: 0, requirement: "finite and > 0")
      ),
    ]
    for (arrivals, services, nodes, horizon, expected) in cases {
      #expect(throws: expected) {
        try queue.simulate(
          arrivals: arrivals, serviceTimes: services, nodesNeeded: nodes, horizonEnd: horizon)
      }
    }
    // NaN compares unequal to itself, so check its case by pattern.
    do {
      _ = try queue.simulate(arrivals: [0], serviceTimes: [.nan], nodesNeeded: [1], horizonEnd: 1)
      Issue.record("NaN service time accepted")
    } catch {
      guard case .invalidServiceTime(index: 0, _) = error else {
        Issue.record("unexpected \(error)")
        return
      }
    }
    #expect(queue.startTimes == [0])
  }

  // MARK: - Multi-node invariants against a naive reference

  /// Jobs of one node each run on the sorted ring of free times rather than the heap: start times equal
  /// the naive quadratic FCFS scheduler's exactly, for cluster sizes that are and are not powers of two, with
  /// tied arrivals, zero and widely varying service times (so a job's end often lands between other free
  /// times and the insertion moves several of them).
  @Test(arguments: [1, 3, 8, 13])
  func oneNodeJobsMatchNaiveReference(nodeCount: Int) throws {
    var generator = Xoshiro256StarStar(seed: UInt64(nodeCount), stream: 1)
    let jobCount = 1_200
    var arrivals: [Double] = []
    var services: [Double] = []
    var clock = 0.0
    for _ in 0..<jobCount {
      clock += -Double.log(generator.nextOpenUnitDouble()) * 1.2 / Double(nodeCount)
      if generator.nextIndex(below: 6) == 0, let last = arrivals.last { clock = last }
      arrivals.append(clock)
      let scale = [0, 0.1, 1, 5][generator.nextIndex(below: 4)]
      services.append(scale * -Double.log(generator.nextOpenUnitDouble()))
    }
    let nodes = [Int](repeating: 1, count: jobCount)
    var queue = try DedicatedClusterQueue(nodeCount: nodeCount)
    _ = try queue.simulate(
      arrivals: arrivals, serviceTimes: services, nodesNeeded: nodes, horizonEnd: clock)
    let reference = NaiveFCFS.startTimes(
      arrivals: arrivals, services: services, nodes: nodes, nodeCount: nodeCount)
    let firstDifference = (0..<jobCount).first { queue.startTimes[$0] != reference[$0] }
    #expect(firstDifference == nil, "\(nodeCount) nodes: job \(firstDifference ?? -1) differs")
    #expect(queue.waits.contains { $0 > 0 }, "\(nodeCount) nodes: no job waited (too easy)")
  }

  /// Random multi-node workloads: the heap simulation equals a naive quadratic FCFS scheduler, never
  /// uses more than N nodes (event sweep), starts jobs in order, and its totals equal brute-force sums.
  @Test(arguments: [11, 12, 13, 14, 15] as [UInt64])
  func multiNodeMatchesNaiveReference(seed: UInt64) throws {
    var generator = Xoshiro256StarStar(seed: seed, stream: 0)
    let nodeCount = 8
    let jobCount = 1_500
    var arrivals: [Double] = []
    var services: [Double] = []
    var nodes: [Int] = []
    var clock = 0.0
    for _ in 0..<jobCount {
      clock += -Double.log(generator.nextOpenUnitDouble()) * 0.5
      // ties on purpose: one job in five arrives with the previous one
      if generator.nextIndex(below: 5) == 0, let last = arrivals.last { clock = last }
      arrivals.append(clock)
      services.append(
        generator.nextIndex(below: 10) == 0 ? 0 : -Double.log(generator.nextOpenUnitDouble()))
      nodes.append([1, 1, 1, 2, 2, 4, 8][generator.nextIndex(below: 7)])
    }
    let horizon = clock * 0.8
    var queue = try DedicatedClusterQueue(nodeCount: nodeCount)
    let summary = try queue.simulate(
      arrivals: arrivals, serviceTimes: services, nodesNeeded: nodes, horizonEnd: horizon)

    let reference = NaiveFCFS.startTimes(
      arrivals: arrivals, services: services, nodes: nodes, nodeCount: nodeCount)
    for i in 0..<jobCount where queue.startTimes[i] != reference[i] {
      Issue.record("seed \(seed): job \(i) starts \(queue.startTimes[i]), naive \(reference[i])")
      break
    }
    let ends = zip(queue.startTimes, services).map { $0 + $1 }
    #expect(
      NaiveFCFS.peakUsage(starts: queue.startTimes, ends: ends, nodes: nodes) <= nodeCount,
      "seed \(seed): more than \(nodeCount) nodes busy at once")
    for i in 1..<jobCount where queue.startTimes[i] < queue.startTimes[i - 1] {
      Issue.record("seed \(seed): job \(i) starts before job \(i - 1)")
    }
    for i in 0..<jobCount
    where queue.waits[i] != queue.startTimes[i] - arrivals[i] || queue.waits[i] < 0 {
      Issue.record("seed \(seed): wait of job \(i) is \(queue.waits[i])")
    }
    let busy = NaiveFCFS.busyNodeHours(
      starts: queue.startTimes, ends: ends, nodes: nodes, horizon: horizon)
    #expect(isClose(summary.busyNodeHours, busy, relativeTolerance: 1e-9), "seed \(seed)")
    #expect(summary.utilisation <= 1, "seed \(seed)")
    #expect(
      summary.maximumQueueLength
        == NaiveFCFS.maximumQueueLength(arrivals: arrivals, starts: queue.startTimes),
      "seed \(seed)")
    #expect(
      summary.jobsUnfinishedAtHorizonEnd == ends.filter { $0 > horizon }.count, "seed \(seed)")
    #expect(summary.lastCompletionTime == ends.max(), "seed \(seed)")
    #expect(summary.jobsThatWaited == queue.waits.filter { $0 > 0 }.count, "seed \(seed)")
    #expect(
      summary.jobsThatWaited > 0 && summary.jobsUnfinishedAtHorizonEnd > 0, "seed \(seed): too easy"
    )
  }
}
