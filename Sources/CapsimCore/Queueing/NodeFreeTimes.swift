/// The free times of a cluster's nodes (when each next becomes idle), as the FCFS event loop of
/// ``DedicatedClusterQueue`` needs them: the k-th earliest, and starting a job on the k earliest-free nodes.
///
/// Two stores hold the same multiset of times, so the loop gives the same start times with either:
/// ``NodeFreeTimeHeap/Store`` for any job size, and ``NodeFreeTimeRing`` when every job needs one node.
protocol NodeFreeTimes {
  /// The k-th earliest free time (1 ≤ k ≤ N), leaving the times unchanged.
  mutating func kthEarliest(_ k: Int) -> Double
  /// Starts a job of `hours` on the k earliest-free nodes, at the k-th earliest free time or `time`,
  /// whichever is later, and returns that start; those nodes are then free at start + `hours`.
  mutating func startJob(nodes k: Int, notBefore time: Double, hours: Double) -> Double
}

extension NodeFreeTimeHeap {
  /// The heap as a ``NodeFreeTimes`` store, over a buffer of N times; `probe` (N more, or none when the
  /// loop never asks for a k-th earliest) is scratch space for ``kthEarliest(_:)``.
  struct Store: NodeFreeTimes {
    let heap: UnsafeMutableBufferPointer<Double>
    var probe: UnsafeMutableBufferPointer<Double>

    mutating func kthEarliest(_ k: Int) -> Double {
      if k == 1 { return heap[0] }
      for index in heap.indices { probe[index] = heap[index] }
      probe.sort()
      return probe[k - 1]
    }

    mutating func startJob(nodes k: Int, notBefore time: Double, hours: Double) -> Double {
      // Remove k − 1, the k-th smallest is then the minimum: replace it, then put the others back.
      let nodeCount = heap.count
      var size = nodeCount
      var taken = 1
      while taken < k {
        NodeFreeTimeHeap.removeMinimum(heap, count: size)
        size -= 1
        taken += 1
      }
      let start = Swift.max(time, heap[0])
      let end = start + hours
      NodeFreeTimeHeap.replaceMinimum(heap, count: size, with: end)
      while size < nodeCount {
        NodeFreeTimeHeap.insert(heap, count: size, end)
        size += 1
      }
      return start
    }
  }
}

/// Node free times kept sorted in a ring, for jobs of one node each: the earliest is at the head, and a
/// job's end replaces it by insertion from the tail.
///
/// Sorted insertion into a ring in the spirit of the Kiefer–Wolfowitz ordered workload vector (Kiefer and
/// Wolfowitz 1955), kept ordered by insertion rather than by a heap.
///
/// FCFS start times never decrease, so a job's end (its start plus its service time) is usually the latest
/// free time, or close to it: the insertion then moves no element or a few, with a branch that is nearly
/// always predicted, where a heap's sift-down takes log₂ N levels of unpredictable comparisons.
/// - Complexity: O(1) for the earliest; O(moves) per job, at most N − 1.
struct NodeFreeTimeRing: NodeFreeTimes {
  /// Storage of a power-of-two capacity ≥ N; the times are at head, head + 1, … (modulo the capacity).
  let slots: UnsafeMutableBufferPointer<Double>
  let nodeCount: Int
  private var head = 0

  /// A ring over `slots` (capacity a power of two, at least `nodeCount`), every node free at 0.
  init(slots: UnsafeMutableBufferPointer<Double>, nodeCount: Int) {
    precondition(
      slots.count >= nodeCount && slots.count & (slots.count - 1) == 0,
      "the ring's capacity is a power of two of at least \(nodeCount)")
    self.slots = slots
    self.nodeCount = nodeCount
    for index in slots.indices { slots[index] = 0 }
  }

  /// The capacity a ring of `nodeCount` nodes needs.
  static func capacity(nodeCount: Int) -> Int {
    var capacity = 1
    while capacity < nodeCount { capacity <<= 1 }
    return capacity
  }

  mutating func kthEarliest(_ k: Int) -> Double {
    slots[(head &+ k &- 1) & (slots.count &- 1)]
  }

  mutating func startJob(nodes k: Int, notBefore time: Double, hours: Double) -> Double {
    precondition(k == 1, "a ring of node free times serves jobs of one node")
    let start = Swift.max(time, slots[head])
    let end = start + hours
    let mask = slots.count &- 1
    // Drop the earliest; the window moves on by one, and its new last slot is free.
    head = (head &+ 1) & mask
    var position = (head &+ nodeCount &- 1) & mask
    while position != head {
      let before = (position &- 1) & mask
      let free = slots[before]
      if free <= end { break }
      slots[position] = free
      position = before
    }
    slots[position] = end
    return start
  }
}
