/// Binary min-heap operations on a buffer of node free times (the time each node next becomes idle).
///
/// Free functions over an `UnsafeMutableBufferPointer` so that ``DedicatedClusterQueue`` can run its
/// whole event loop inside one `withUnsafeMutableBufferPointer` without uniqueness or bounds checks.
/// The heap occupies `heap[0..<count]`; the caller keeps `count`.
///
/// Reference: J. W. J. Williams, "Algorithm 232: Heapsort", CACM 7(6), 1964, doi:10.1145/512274.512284.
enum NodeFreeTimeHeap {
  /// Replaces the minimum with `value` and restores the heap. - Complexity: O(log count).
  @inline(__always)
  static func replaceMinimum(
    _ heap: UnsafeMutableBufferPointer<Double>, count: Int, with value: Double
  ) {
    siftDown(heap, count: count, from: 0, value: value)
  }

  /// Removes the minimum; the heap then holds `count − 1` items. - Complexity: O(log count).
  @inline(__always)
  static func removeMinimum(_ heap: UnsafeMutableBufferPointer<Double>, count: Int) {
    let last = heap[count - 1]
    if count > 1 { siftDown(heap, count: count - 1, from: 0, value: last) }
  }

  /// Inserts `value` into a heap of `count` items (capacity must allow one more).
  /// - Complexity: O(log count).
  @inline(__always)
  static func insert(_ heap: UnsafeMutableBufferPointer<Double>, count: Int, _ value: Double) {
    var child = count
    while child > 0 {
      let parent = (child - 1) >> 1
      let parentValue = heap[parent]
      if parentValue <= value { break }
      heap[child] = parentValue
      child = parent
    }
    heap[child] = value
  }

  /// Places `value` at `index` and moves it down until both children are not smaller ("hole" sift:
  /// one write per level).
  @inline(__always)
  static func siftDown(
    _ heap: UnsafeMutableBufferPointer<Double>, count: Int, from index: Int, value: Double
  ) {
    var hole = index
    while true {
      var child = 2 * hole + 1
      if child >= count { break }
      var childValue = heap[child]
      let right = child + 1
      if right < count {
        let rightValue = heap[right]
        if rightValue < childValue {
          child = right
          childValue = rightValue
        }
      }
      if value <= childValue { break }
      heap[hole] = childValue
      hole = child
    }
    heap[hole] = value
  }
}
