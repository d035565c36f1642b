/// Scratch space of ``OptionSimulator/simulateJobs(keys:times:scratch:durations:)``: one element per job in
/// each buffer, allocated for the call.
struct JobScratch {
  /// Each job's compute hours without straggler overhead.
  let stragglerFree: UnsafeMutableBufferPointer<Double>
  /// Each job's compute hours.
  let computeHours: UnsafeMutableBufferPointer<Double>
  /// The jobs an interruption's rare path must walk in full.
  let pending: UnsafeMutableBufferPointer<Int>
  /// The contention walks still going.
  let walks: UnsafeMutableBufferPointer<ContentionWalk>
  /// Each job's output of one stream (``RandomLayout/outputs(_:draw:keys:into:)``), for a pass.
  let first: UnsafeMutableBufferPointer<UInt64>
  /// Each job's output of another stream, or of the same one's next draw, for a pass.
  let second: UnsafeMutableBufferPointer<UInt64>
  /// Each job's first interruption clock (a standard exponential), when the caller gives none.
  let clocks: UnsafeMutableBufferPointer<Double>

  /// Calls `body` with scratch space for `count` jobs, valid for the call (on the stack when small).
  static func withScratch<R>(count: Int, _ body: (JobScratch) -> R) -> R {
    withUnsafeTemporaryAllocation(of: Double.self, capacity: count) { free in
      withUnsafeTemporaryAllocation(of: Double.self, capacity: count) { compute in
        withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { pending in
          withUnsafeTemporaryAllocation(of: ContentionWalk.self, capacity: count) { walks in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: count) { first in
              withUnsafeTemporaryAllocation(of: UInt64.self, capacity: count) { second in
                withUnsafeTemporaryAllocation(of: Double.self, capacity: count) { clocks in
                  body(
                    JobScratch(
                      stragglerFree: free, computeHours: compute, pending: pending, walks: walks,
                      first: first, second: second, clocks: clocks))
                }
              }
            }
          }
        }
      }
    }
  }
}

/// One job's contention walk between rounds: where its stream stands and how far its work has got.
struct ContentionWalk {
  var job: Int
  var stream: CounterStream
  /// Work hours still to do.
  var remaining: Double
  /// Wall hours added by the episodes so far.
  var extra: Double
  /// Whether the job started inside an episode (then it is walked in full from the start of its stream).
  var contended: Bool
}
