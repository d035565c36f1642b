import CapsimCore

extension SizingTarget.Metric {
  /// Whether the metric is a share of jobs, in [0, 1] (its axis stops at 1).
  var isShare: Bool { self == .deadlineHitRate }

  /// The metric's name for an axis or a column, with its unit in brackets ("deadlines met (share)",
  /// "expected total cost (USD)").
  func label(currency: String) -> String {
    switch self {
    case .p95WaitHours: return "p95 wait for capacity (h)"
    case .meanWaitHours: return "mean wait for capacity (h)"
    case .deadlineHitRate: return "deadlines met (share)"
    case .expectedCost: return "expected total cost (\(currency))"
    case .cvar95Cost: return "CVaR 95% of total cost (\(currency))"
    }
  }
}
