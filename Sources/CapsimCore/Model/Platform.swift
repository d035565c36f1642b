/// Whether an infrastructure option shares hardware with other tenants or is reserved for one team.
public enum InfrastructureKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// Cloud on-demand or spot instances, shared clusters: billed for what is used, performance varies.
  case shared
  /// Bare metal or reserved nodes held by one team: billed for capacity whether busy or idle.
  case dedicated
}

/// A named infrastructure option on which benchmarks were measured (for example `cloud-h100-shared`).
public struct Platform: Sendable, Hashable, Codable {
  /// Unique name, used by sample sets and scenarios.
  public var name: String
  /// Shared or dedicated.
  public var kind: InfrastructureKind
  /// GPU model, such as `H100-SXM5-80GB`.
  public var gpuModel: String
  /// Provider, such as `aws`, `lambda` or `on-prem`.
  public var provider: String
  /// Free text.
  public var summary: String

  /// Creates a platform.
  public init(
    name: String, kind: InfrastructureKind, gpuModel: String, provider: String, summary: String = ""
  ) {
    self.name = name
    self.kind = kind
    self.gpuModel = gpuModel
    self.provider = provider
    self.summary = summary
  }
}

/// A named set of measured durations from one platform (step times, job times or queue waits).
public struct SampleSet: Sendable, Hashable, Codable {
  /// Unique name, used by scenarios.
  public var name: String
  /// The platform the values were measured on.
  public var platform: String
  /// What one value measures, for example `step_time`, `job_time` or `queue_wait`.
  public var metric: String
  /// The measured values in seconds (importers convert from the file's unit).
  public var seconds: [Double]

  /// Creates a sample set.
  public init(name: String, platform: String, metric: String, seconds: [Double]) {
    self.name = name
    self.platform = platform
    self.metric = metric
    self.seconds = seconds
  }
}
