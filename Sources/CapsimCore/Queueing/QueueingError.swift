/// Bad input to a queueing calculation: a parameter outside its domain or an unstable queue.
///
/// Every case names the argument at fault so that the engine can map it back to the scenario key
/// that produced it. Rendered through ``Diagnostic`` like every capsim error.
public enum QueueingError: Error, Sendable, Hashable, CustomStringConvertible, DiagnosticConvertible
{
  /// A numeric argument is outside its domain (NaN, ±∞, negative, zero where a positive value is
  /// needed…). `requirement` states the domain in words, for example `"finite and > 0"`.
  case invalidParameter(name: String, value: Double, requirement: String)
  /// Offered load a = λ/μ is at least the number of servers c, so ρ = a/c ≥ 1: the queue grows
  /// without bound and has no steady state.
  case unstable(servers: Int, offeredLoad: Double)
  /// Per-job input arrays have different lengths.
  case mismatchedLengths(arrivals: Int, serviceTimes: Int, nodesNeeded: Int)
  /// Arrival times must be finite, ≥ 0 and nondecreasing; job `index` breaks that.
  case invalidArrival(index: Int, time: Double)
  /// Service times must be finite and ≥ 0; job `index` breaks that.
  case invalidServiceTime(index: Int, hours: Double)
  /// Job `index` needs `nodes` nodes, outside 1…`clusterNodes`: it could never start.
  case invalidNodesNeeded(index: Int, nodes: Int, clusterNodes: Int)

  /// The problem as a diagnostic with a fix-it hint.
  public var diagnostic: Diagnostic {
    switch self {
    case .invalidParameter(let name, let value, let requirement):
      return Diagnostic(
        location: nil, message: "'\(name)' is \(value); it must be \(requirement)")
    case .unstable(let servers, let offeredLoad):
      let utilisation = offeredLoad / Double(servers)
      return Diagnostic(
        location: nil,
        message:
          "offered load \(offeredLoad) on \(servers) servers gives utilisation \(utilisation) ≥ 1; "
          + "the queue has no steady state",
        help:
          "use more than \(NumericLimit.format(offeredLoad.rounded(.down))) servers or a lower arrival rate"
      )
    case .mismatchedLengths(let arrivals, let serviceTimes, let nodesNeeded):
      return Diagnostic(
        location: nil,
        message:
          "per-job arrays differ in length: \(arrivals) arrivals, \(serviceTimes) service times, "
          + "\(nodesNeeded) node counts")
    case .invalidArrival(let index, let time):
      return Diagnostic(
        location: nil,
        message: "arrival time of job \(index) is \(time); arrivals must be finite, ≥ 0 and sorted",
        help: "sort the arrival times in ascending order")
    case .invalidServiceTime(let index, let hours):
      return Diagnostic(
        location: nil,
        message: "service time of job \(index) is \(hours) h; it must be finite and ≥ 0")
    case .invalidNodesNeeded(let index, let nodes, let clusterNodes):
      return Diagnostic(
        location: nil,
        message: "job \(index) needs \(nodes) nodes; the cluster has \(clusterNodes)",
        help: "a job needs between 1 and \(clusterNodes) nodes, or the cluster must grow")
    }
  }

  /// The rendered diagnostic.
  public var description: String { diagnostic.description }
}
