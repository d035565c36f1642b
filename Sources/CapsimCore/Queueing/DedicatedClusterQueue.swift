/// A discrete-event simulation of one horizon's jobs on a dedicated cluster of N whole nodes,
/// strict first come first served.
///
/// **Model.** Job i arrives at aᵢ (hours, nondecreasing), needs kᵢ whole nodes
/// (``nodesNeeded(gpusPerJob:gpusPerNode:)``, 1 ≤ kᵢ ≤ N) for sᵢ hours, and holds all kᵢ nodes from
/// its start to start + sᵢ. All nodes are idle at time 0. Jobs start in arrival order (ties keep
/// array order): **strict FCFS**, so a job that cannot start yet blocks every job behind it even when
/// a smaller later job would fit on the idle nodes (no backfilling). Its start time is
///
///   startᵢ = max(aᵢ, startᵢ₋₁, f₍ₖᵢ₎)
///
/// where f₍ₖ₎ is the k-th smallest node free time, and it takes the kᵢ earliest-free nodes. Since
/// start times never decrease, every node free by startᵢ is idle from then on, so which free nodes a
/// job takes does not change any later start. Waitᵢ = startᵢ − aᵢ.
///
/// **Horizon end H.** Jobs still waiting or running at H are simulated to completion: their whole
/// wait is in ``waits`` and in the summary's wait totals (a job queued at H has waited at least
/// H − aᵢ, and the wait it goes on to have is the honest one). Busy node-hours count only the part
/// of each job inside [0, H], so utilisation = busy / (N·H) is at most 1. Arrivals after H are
/// allowed; they add waits but no busy time.
///
/// **Use on the hot path.** A value keeps its buffers: the node free times and the per-job ``startTimes``
/// and ``waits``. Calling ``simulate(arrivals:serviceTimes:nodesNeeded:horizonEnd:)`` again with no
/// more jobs than before allocates nothing. Keep one value per worker (it is `Sendable`, not shared).
///
/// - Complexity: O(N + Σᵢ kᵢ·log N) time per call on a heap of free times; when every job needs one
///   node, a sorted ring instead (``NodeFreeTimeRing``): O(N + n + moves), where a job's end moves the free
///   times later than it (usually none, at most N − 1). O(N + n) memory, reused across calls.
///
/// Reference for the FCFS multi-server recursion: J. Kiefer, J. Wolfowitz, "On the theory of queues
/// with many servers", Trans. AMS 78(1), 1955, doi:10.1090/S0002-9947-1955-0066587-1 (the
/// ordered workload vector); multi-node jobs as in rigid parallel-job scheduling, D. G. Feitelson,
/// *Workload Modeling for Computer Systems Performance Evaluation*, CUP 2015, doi:10.1017/CBO9781139939690.
public struct DedicatedClusterQueue: Sendable {
  /// Nodes in the cluster, N ≥ 1.
  public let nodeCount: Int
  /// Start time of each job of the last simulation, in input order (hours).
  public private(set) var startTimes: [Double] = []
  /// Wait startᵢ − aᵢ ≥ 0 of each job of the last simulation, in input order (hours).
  public private(set) var waits: [Double] = []
  /// Whether each job of the last run was diverted (its wait would have exceeded the maximum wait).
  public private(set) var diverted: [Bool] = []
  /// The node free times of the event loop: room for a heap and its probe (2N) or a ring.
  private var freeTimeStorage: [Double]

  /// Creates a cluster of `nodeCount` nodes with empty buffers.
  /// - Throws: ``QueueingError/invalidParameter(name:value:requirement:)`` when `nodeCount` < 1.
  public init(nodeCount: Int) throws(QueueingError) {
    guard nodeCount >= 1 else {
      throw .invalidParameter(name: "nodeCount", value: Double(nodeCount), requirement: "≥ 1")
    }
    self.nodeCount = nodeCount
    freeTimeStorage = Array(
      repeating: 0,
      count: Swift.max(2 * nodeCount, NodeFreeTimeRing.capacity(nodeCount: nodeCount)))
  }

  /// Nodes a job needs, ⌈G / g⌉ for G GPUs per job and g GPUs per node.
  /// - Throws: ``QueueingError/invalidParameter(name:value:requirement:)`` when G < 1 or g < 1.
  /// - Complexity: O(1).
  public static func nodesNeeded(gpusPerJob: Int, gpusPerNode: Int) throws(QueueingError) -> Int {
    guard gpusPerJob >= 1 else {
      throw .invalidParameter(name: "gpusPerJob", value: Double(gpusPerJob), requirement: "≥ 1")
    }
    guard gpusPerNode >= 1 else {
      throw .invalidParameter(name: "gpusPerNode", value: Double(gpusPerNode), requirement: "≥ 1")
    }
    return (gpusPerJob + gpusPerNode - 1) / gpusPerNode
  }

  // MARK: - Simulating

  /// Simulates the jobs from an idle cluster; fills ``startTimes`` and ``waits`` and returns totals.
  ///
  /// ``schedule(arrivals:serviceTimes:nodesNeeded:horizonEnd:maximumWait:availableFrom:)`` followed by
  /// ``summary(arrivals:serviceTimes:nodesNeeded:horizonEnd:)``.
  ///
  /// - Parameters:
  ///   - arrivals: arrival times aᵢ in hours, finite, ≥ 0 and nondecreasing.
  ///   - serviceTimes: sᵢ in hours, finite and ≥ 0.
  ///   - nodesNeeded: kᵢ in 1…``nodeCount``.
  ///   - horizonEnd: H in hours, finite and > 0: busy time is counted in [0, H].
  /// - Returns: the totals; with no jobs, all zero.
  /// - Throws: a ``QueueingError`` naming the first bad job or argument; nothing is simulated then
  ///   (the previous ``startTimes`` and ``waits`` are kept).
  /// - Complexity: that of the event loop (see the type: a heap, or a ring for one-node jobs) plus O(n)
  ///   for the totals; no allocation once the buffers hold n jobs.
  public mutating func simulate(
    arrivals: [Double], serviceTimes: [Double], nodesNeeded: [Int], horizonEnd: Double,
    maximumWait: Double = .infinity, availableFrom: Double = 0
  ) throws(QueueingError) -> Summary {
    try schedule(
      arrivals: arrivals, serviceTimes: serviceTimes, nodesNeeded: nodesNeeded,
      horizonEnd: horizonEnd, maximumWait: maximumWait, availableFrom: availableFrom)
    return summary(
      arrivals: arrivals, serviceTimes: serviceTimes, nodesNeeded: nodesNeeded,
      horizonEnd: horizonEnd)
  }

  /// Runs the jobs from an idle cluster: fills ``startTimes``, ``waits`` and ``diverted`` and nothing else
  /// (the event loop alone; ``summary(arrivals:serviceTimes:nodesNeeded:horizonEnd:)`` adds up the totals).
  ///
  /// Parameters and errors as ``simulate(arrivals:serviceTimes:nodesNeeded:horizonEnd:maximumWait:availableFrom:)``.
  /// - Complexity: as the type says (a heap of free times, or a ring when every job needs one node); no
  ///   allocation once the buffers hold n jobs.
  public mutating func schedule(
    arrivals: [Double], serviceTimes: [Double], nodesNeeded: [Int], horizonEnd: Double,
    maximumWait: Double = .infinity, availableFrom: Double = 0
  ) throws(QueueingError) {
    try validate(
      arrivals: arrivals, serviceTimes: serviceTimes, nodesNeeded: nodesNeeded,
      horizonEnd: horizonEnd)
    let jobCount = arrivals.count
    startTimes.resize(to: jobCount, filling: 0)
    waits.resize(to: jobCount, filling: 0)
    if diverted.count != jobCount { diverted = Array(repeating: false, count: jobCount) }
    for index in diverted.indices { diverted[index] = false }
    let limit = maximumWait
    let opening = availableFrom
    let nodes = nodeCount
    // Jobs of one node each keep the free times in a sorted ring, others in a heap (the same start times).
    let oneNodeEach = nodesNeeded.allSatisfy { $0 == 1 }
    arrivals.withUnsafeBufferPointer { arrival in
      serviceTimes.withUnsafeBufferPointer { service in
        nodesNeeded.withUnsafeBufferPointer { needed in
          startTimes.withUnsafeMutableBufferPointer { start in
            waits.withUnsafeMutableBufferPointer { wait in
              diverted.withUnsafeMutableBufferPointer { divertedFlags in
                freeTimeStorage.withUnsafeMutableBufferPointer { storage in
                  func run(_ free: inout some NodeFreeTimes) {
                    Self.run(
                      arrival: arrival, service: service, needed: needed, start: start,
                      wait: wait, diverted: divertedFlags, free: &free, maximumWait: limit,
                      availableFrom: opening)
                  }
                  if oneNodeEach {
                    let capacity = NodeFreeTimeRing.capacity(nodeCount: nodes)
                    var ring = NodeFreeTimeRing(
                      slots: UnsafeMutableBufferPointer(rebasing: storage[0..<capacity]),
                      nodeCount: nodes)
                    run(&ring)
                  } else {
                    let heap = UnsafeMutableBufferPointer(rebasing: storage[0..<nodes])
                    for index in heap.indices { heap[index] = 0 }
                    var store = NodeFreeTimeHeap.Store(
                      heap: heap,
                      probe: UnsafeMutableBufferPointer(rebasing: storage[nodes..<(2 * nodes)]))
                    run(&store)
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /// The totals of the last ``schedule(arrivals:serviceTimes:nodesNeeded:horizonEnd:maximumWait:availableFrom:)``,
  /// whose inputs these must be.
  /// - Complexity: O(n).
  public func summary(
    arrivals: [Double], serviceTimes: [Double], nodesNeeded: [Int], horizonEnd: Double
  ) -> Summary {
    precondition(
      arrivals.count == startTimes.count && serviceTimes.count == startTimes.count
        && nodesNeeded.count == startTimes.count,
      "the summary's inputs are those of the last schedule")
    var summary = Summary(nodeCount: nodeCount, horizonEnd: horizonEnd)
    var startedBy = 0  // jobs among 0...i that have started by aᵢ (start times are sorted)
    for i in arrivals.indices {
      if diverted[i] {
        summary.divertedJobs += 1
        continue
      }
      let k = nodesNeeded[i]
      let startTime = startTimes[i]
      let endTime = startTime + serviceTimes[i]
      let jobWait = waits[i]
      summary.totalWaitHours += jobWait
      if jobWait > 0 { summary.jobsThatWaited += 1 }
      summary.maximumWaitHours = Swift.max(summary.maximumWaitHours, jobWait)
      if startTime < horizonEnd {
        summary.busyNodeHours += Double(k) * (Swift.min(endTime, horizonEnd) - startTime)
      }
      if endTime > horizonEnd { summary.jobsUnfinishedAtHorizonEnd += 1 }
      summary.lastCompletionTime = Swift.max(summary.lastCompletionTime, endTime)
      while startedBy <= i && startTimes[startedBy] <= arrivals[i] { startedBy += 1 }
      summary.maximumQueueLength = Swift.max(summary.maximumQueueLength, i + 1 - startedBy)
    }
    summary.horizonWorkNodeHours = workNodeHours(
      arrivals: arrivals, serviceTimes: serviceTimes, nodesNeeded: nodesNeeded,
      arrivedBefore: horizonEnd)
    summary.jobCount = arrivals.count
    return summary
  }

  /// Σᵢ kᵢ·sᵢ over the jobs of the last schedule that arrived before `end` and ran here (not diverted),
  /// added in job order: ``Summary/horizonWorkNodeHours`` for `end` = H.
  /// - Complexity: O(n).
  public func workNodeHours(
    arrivals: [Double], serviceTimes: [Double], nodesNeeded: [Int], arrivedBefore end: Double
  ) -> Double {
    precondition(
      arrivals.count == diverted.count && serviceTimes.count == diverted.count
        && nodesNeeded.count == diverted.count,
      "the inputs are those of the last schedule")
    var total = 0.0
    for i in arrivals.indices where !diverted[i] && arrivals[i] < end {
      total += Double(nodesNeeded[i]) * serviceTimes[i]
    }
    return total
  }

  // MARK: - Event loop

  /// The FCFS recursion over the jobs, writing each one's start, wait and whether it was diverted.
  private static func run(
    arrival: UnsafeBufferPointer<Double>, service: UnsafeBufferPointer<Double>,
    needed: UnsafeBufferPointer<Int>, start: UnsafeMutableBufferPointer<Double>,
    wait: UnsafeMutableBufferPointer<Double>, diverted: UnsafeMutableBufferPointer<Bool>,
    free: inout some NodeFreeTimes, maximumWait: Double, availableFrom: Double
  ) {
    var previousStart = 0.0
    for i in 0..<arrival.count {
      let k = needed[i]
      let arrivalTime = arrival[i]
      if arrivalTime < availableFrom {
        // The nodes do not exist yet (provisioning lead time): the job goes elsewhere.
        diverted[i] = true
        start[i] = Swift.max(arrivalTime, previousStart)
        wait[i] = 0
        continue
      }
      // Where would this job start? The k-th earliest free node, FCFS behind the previous start.
      if maximumWait.isFinite
        && Swift.max(arrivalTime, previousStart, free.kthEarliest(k)) - arrivalTime > maximumWait
      {
        // Diverted: it takes no nodes and does not hold up the jobs behind it.
        diverted[i] = true
        start[i] = Swift.max(arrivalTime, previousStart)
        wait[i] = 0
        continue
      }
      let startTime = free.startJob(
        nodes: k, notBefore: Swift.max(arrivalTime, previousStart), hours: service[i])
      previousStart = startTime
      start[i] = startTime
      wait[i] = startTime - arrivalTime
    }
  }

  // MARK: - Validation and buffers

  private func validate(
    arrivals: [Double], serviceTimes: [Double], nodesNeeded: [Int], horizonEnd: Double
  ) throws(QueueingError) {
    guard arrivals.count == serviceTimes.count, arrivals.count == nodesNeeded.count else {
      throw .mismatchedLengths(
        arrivals: arrivals.count, serviceTimes: serviceTimes.count, nodesNeeded: nodesNeeded.count)
    }
    guard horizonEnd.isFinite, horizonEnd > 0 else {
      throw .invalidParameter(name: "horizonEnd", value: horizonEnd, requirement: "finite and > 0")
    }
    if Self.allValid(
      arrivals: arrivals, serviceTimes: serviceTimes, nodesNeeded: nodesNeeded,
      nodeCount: nodeCount)
    {
      return
    }
    // Something is wrong: name the first bad value.
    var previous = 0.0
    for (index, time) in arrivals.enumerated() {
      guard time.isFinite, time >= previous else { throw .invalidArrival(index: index, time: time) }
      previous = time
    }
    for (index, hours) in serviceTimes.enumerated() where !(hours.isFinite && hours >= 0) {
      throw .invalidServiceTime(index: index, hours: hours)
    }
    for (index, nodes) in nodesNeeded.enumerated() where !(1...nodeCount).contains(nodes) {
      throw .invalidNodesNeeded(index: index, nodes: nodes, clusterNodes: nodeCount)
    }
  }
  /// Whether every input is certainly valid, in one pass of integer and, add, subtract and or over the bit
  /// patterns, with no compare or early exit, so it vectorises (the common case then costs a fraction of
  /// finding the first bad value). A sign bit collects every problem:
  /// - a time t is finite and non-negative when its bits b are below 0x7FF0…: `b | (b + 2⁵²)` has the sign
  ///   bit set otherwise (negative: b's own; ∞ and NaN: the carry out of the exponent);
  /// - for such times, bits order as values, so aᵢ₋₁ ≤ aᵢ exactly when `bᵢ − bᵢ₋₁` has no sign bit;
  /// - k is in 1…N when x = k − 1 is below N, that is when x has no sign bit and `x − N` has it.
  /// It may call −0 invalid (its sign bit is set), which only sends it to the exact search.
  private static func allValid(
    arrivals: [Double], serviceTimes: [Double], nodesNeeded: [Int], nodeCount: Int
  ) -> Bool {
    arrivals.withUnsafeBufferPointer { arrival in
      serviceTimes.withUnsafeBufferPointer { service in
        nodesNeeded.withUnsafeBufferPointer { needed in
          let count = arrival.count
          guard count > 0 else { return true }
          let carry: UInt64 = 1 << 52
          let nodes = UInt64(truncatingIfNeeded: nodeCount)
          let firstTime = arrival[0].bitPattern
          var signs = firstTime | (firstTime &+ carry)
          for i in 1..<count {
            let time = arrival[i].bitPattern
            signs |= time | (time &+ carry) | (time &- arrival[i - 1].bitPattern)
          }
          for i in 0..<count {
            let hours = service[i].bitPattern
            let index = UInt64(bitPattern: Int64(needed[i] &- 1))
            signs |= hours | (hours &+ carry) | index | ~(index &- nodes)
          }
          return signs >> 63 == 0
        }
      }
    }
  }

}
