/// Slow, obviously correct references for the dedicated-cluster simulation (used by the tests only).
enum NaiveFCFS {
  /// Strict FCFS by direct search: job i starts at the earliest t ≥ max(aᵢ, startᵢ₋₁) at which the
  /// jobs already started leave kᵢ nodes free. Those jobs all started by t, so usage after t only
  /// falls, and the candidates are t₀ and the later end times. O(n²).
  static func startTimes(arrivals: [Double], services: [Double], nodes: [Int], nodeCount: Int)
    -> [Double]
  {
    var starts: [Double] = []
    var ends: [Double] = []
    for i in arrivals.indices {
      let earliest = Swift.max(arrivals[i], starts.last ?? 0)
      let running = ends.indices.filter { ends[$0] > earliest }
      let candidates = [earliest] + running.map { ends[$0] }.sorted()
      var chosen = earliest
      for t in candidates {
        let used = running.filter { ends[$0] > t }.reduce(0) { $0 + nodes[$1] }
        if used + nodes[i] <= nodeCount {
          chosen = t
          break
        }
      }
      starts.append(chosen)
      ends.append(chosen + services[i])
    }
    return starts
  }

  /// The most nodes busy at once, by an event sweep (ends before starts at equal times, since a
  /// node freed at t can be taken at t).
  static func peakUsage(starts: [Double], ends: [Double], nodes: [Int]) -> Int {
    var events: [(time: Double, delta: Int)] = []
    for i in starts.indices where ends[i] > starts[i] {
      events.append((starts[i], nodes[i]))
      events.append((ends[i], -nodes[i]))
    }
    events.sort { $0.time < $1.time || ($0.time == $1.time && $0.delta < $1.delta) }
    var usage = 0
    var peak = 0
    for event in events {
      usage += event.delta
      peak = Swift.max(peak, usage)
    }
    return peak
  }

  /// ∫₀ᴴ (busy nodes) dt by sweeping the sorted event times.
  static func busyNodeHours(starts: [Double], ends: [Double], nodes: [Int], horizon: Double)
    -> Double
  {
    var events: [(time: Double, delta: Int)] = []
    for i in starts.indices {
      events.append((starts[i], nodes[i]))
      events.append((ends[i], -nodes[i]))
    }
    events.sort { $0.time < $1.time }
    var usage = 0
    var previous = 0.0
    var area = 0.0
    for event in events {
      let t = Swift.min(event.time, horizon)
      area += Double(usage) * (t - previous)
      previous = t
      usage += event.delta
    }
    return area
  }

  /// max over arrival times t of #{aᵢ ≤ t} − #{startᵢ ≤ t}. O(n²).
  static func maximumQueueLength(arrivals: [Double], starts: [Double]) -> Int {
    var best = 0
    for t in arrivals {
      let arrived = arrivals.filter { $0 <= t }.count
      let started = starts.filter { $0 <= t }.count
      best = Swift.max(best, arrived - started)
    }
    return best
  }
}
