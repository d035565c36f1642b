extension DedicatedClusterQueue {
  /// Totals of one ``DedicatedClusterQueue`` simulation.
  ///
  /// Waits include every job, also those still queued or running at the horizon end H (they are run
  /// to completion); busy time counts only what lies inside [0, H].
  public struct Summary: Sendable, Hashable {
    /// Nodes in the cluster, N.
    public var nodeCount: Int
    /// The horizon end H in hours.
    public var horizonEnd: Double
    /// Jobs simulated, n.
    public var jobCount = 0
    /// Σᵢ kᵢ · |[startᵢ, endᵢ) ∩ [0, H]|: node-hours busy inside the horizon.
    public var busyNodeHours = 0.0
    /// Σᵢ kᵢ·sᵢ over the jobs that arrive before H and run here (not diverted), counted in full even
    /// when they end after H: the work the horizon's jobs bring to the cluster.
    public var horizonWorkNodeHours = 0.0
    /// Σᵢ waitᵢ in hours (plain left-to-right sum).
    public var totalWaitHours = 0.0
    /// Jobs whose wait is > 0.
    public var jobsThatWaited = 0
    /// The largest single wait in hours (0 with no jobs).
    public var maximumWaitHours = 0.0
    /// The most jobs waiting at once (arrived, not started; running jobs excluded):
    /// max over t of #{aᵢ ≤ t} − #{startᵢ ≤ t}.
    public var maximumQueueLength = 0
    /// Jobs that end after H (still queued or running at H).
    public var jobsUnfinishedAtHorizonEnd = 0
    /// Jobs sent elsewhere because their wait would have exceeded the run's maximum wait.
    public var divertedJobs = 0
    /// The latest end time, max endᵢ (0 with no jobs): the makespan, which may exceed H.
    public var lastCompletionTime = 0.0

    /// Creates empty totals for a cluster of `nodeCount` nodes over [0, `horizonEnd`].
    public init(nodeCount: Int, horizonEnd: Double) {
      self.nodeCount = nodeCount
      self.horizonEnd = horizonEnd
    }

    /// Busy node-hours / (N·H), in [0, 1]. Biased low near the horizon end: the cluster starts idle and
    /// the part of a late job past H is not counted; see ``utilisation(existingFrom:)``.
    public var utilisation: Double { busyNodeHours / (Double(nodeCount) * horizonEnd) }

    /// The share of the capacity that existed, from `start` (the end of a provisioning lead time) to H,
    /// that the horizon's jobs use: min(1, ``horizonWorkNodeHours`` / (N·(H − start))); 0 when no
    /// capacity existed.
    ///
    /// Counting each job's whole work, also past H, makes the expectation exactly the offered load
    /// E[Σ kᵢsᵢ]/(N·(H − start)) = λ·E[k·s]/N for Poisson arrivals (Wald's identity), the long-run busy
    /// fraction of a stable queue, whatever the horizon. Counting only busy time inside [0, H] (as
    /// ``utilisation`` does) understates it for a short horizon or long jobs: the cluster starts idle
    /// and late jobs spill past H.
    public func utilisation(existingFrom start: Double) -> Double {
      Self.utilisation(
        workNodeHours: horizonWorkNodeHours, nodeCount: nodeCount, horizonEnd: horizonEnd,
        existingFrom: start)
    }

    /// min(1, `workNodeHours` / (N·(H − start))), 0 when no capacity existed: ``utilisation(existingFrom:)``
    /// from the work alone (``DedicatedClusterQueue/workNodeHours(arrivals:serviceTimes:nodesNeeded:arrivedBefore:)``),
    /// for a caller that needs no other total.
    public static func utilisation(
      workNodeHours: Double, nodeCount: Int, horizonEnd: Double, existingFrom start: Double
    ) -> Double {
      let capacity = Double(nodeCount) * (horizonEnd - start)
      return capacity > 0 ? Swift.min(1, workNodeHours / capacity) : 0
    }

    /// Mean wait in hours, total / n; NaN with no jobs.
    public var meanWaitHours: Double { jobCount > 0 ? totalWaitHours / Double(jobCount) : .nan }

    /// Share of jobs that waited at all; NaN with no jobs.
    public var shareOfJobsThatWaited: Double {
      jobCount > 0 ? Double(jobsThatWaited) / Double(jobCount) : .nan
    }
  }
}
