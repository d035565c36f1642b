/// One scenario input written as a distribution instead of a number.
///
/// The scenario keeps the distribution's median in the field itself (so a run without input variation,
/// a sweep's base and a tornado's centre all use it); each trial of a run replaces it with that trial's
/// draw (see ``UncertainInputPlan`` and ``UncertainVariation``).
public struct UncertainInput: Sendable, Hashable, Codable {
  /// The override-style key path, such as `workload.jobs_per_month` or
  /// `options.spot.interruptions.preemptions_per_gpu_hour`.
  public var path: String
  /// The distribution of the input.
  public var distribution: InputDistribution
  /// Where the input was written, for diagnostics.
  public var location: SourceLocation?

  /// Creates an uncertain input.
  public init(path: String, distribution: InputDistribution, location: SourceLocation? = nil) {
    self.path = path
    self.distribution = distribution
    self.location = location
  }
}

/// A requested rank (Spearman) correlation between two uncertain inputs.
public struct InputCorrelation: Sendable, Hashable, Codable {
  /// The two inputs' key paths.
  public var between: [String]
  /// The target Spearman rank correlation, in (−1, 1).
  public var rank: Double
  /// Where the entry was written, for diagnostics.
  public var location: SourceLocation?

  /// Creates a correlation request.
  public init(
    between first: String, _ second: String, rank: Double, location: SourceLocation? = nil
  ) {
    self.between = [first, second]
    self.rank = rank
    self.location = location
  }
}

/// How trials' uncertain input values are drawn.
public enum InputSampling: String, Sendable, Hashable, Codable, CaseIterable {
  /// Independent uniforms per trial and input.
  case monteCarlo = "monte_carlo"
  /// Latin hypercube: each input's N trials take one value from each of N equal-probability strata.
  case latinHypercube = "latin_hypercube"
}

/// A scenario's uncertain inputs with their correlations and sampling method.
public struct UncertaintySettings: Sendable, Hashable, Codable {
  /// The uncertain inputs, in file order.
  public var inputs: [UncertainInput]
  /// Requested rank correlations.
  public var correlations: [InputCorrelation]
  /// The sampling method.
  public var sampling: InputSampling

  /// Creates settings.
  public init(
    inputs: [UncertainInput] = [], correlations: [InputCorrelation] = [],
    sampling: InputSampling = .monteCarlo
  ) {
    self.inputs = inputs
    self.correlations = correlations
    self.sampling = sampling
  }

  /// Whether any input is uncertain.
  public var isEmpty: Bool { inputs.isEmpty }
}

/// Why a set of uncertain inputs cannot be sampled.
public enum UncertainInputError: Error, Sendable, Hashable, CustomStringConvertible {
  /// A correlation names a path that is not an uncertain input.
  case unknownPath(String, known: [String], location: SourceLocation?)
  /// A correlation is outside (−1, 1), pairs an input with itself, or repeats a pair.
  case invalidCorrelation(String, location: SourceLocation?)
  /// The requested correlation matrix is not positive definite.
  case notPositiveDefinite
  /// Too few trials to impose correlations among this many inputs.
  case tooFewTrials(trials: Int, inputs: Int)

  /// What is wrong, in one sentence.
  public var description: String {
    switch self {
    case .unknownPath(let path, let known, _):
      return "correlation names '\(path)', which is not an uncertain input (uncertain: "
        + (known.isEmpty ? "none" : known.joined(separator: ", ")) + ")"
    case .invalidCorrelation(let message, _): return message
    case .notPositiveDefinite:
      return
        "the requested rank correlations are inconsistent: their matrix is not positive definite"
    case .tooFewTrials(let trials, let inputs):
      return "\(trials) trials are too few to impose correlations among \(inputs) inputs"
    }
  }

  /// A suggestion for fixing it.
  public var help: String {
    switch self {
    case .unknownPath: return "write the path exactly as the uncertain input's key path"
    case .invalidCorrelation: return "give each pair once, with a rank strictly between -1 and 1"
    case .notPositiveDefinite:
      return "weaken some correlations: for example a~b 0.9 and b~c 0.9 force a~c above 0.6"
    case .tooFewTrials(_, let inputs):
      return "raise trials to at least \(inputs + 2) (the number of uncertain inputs + 2)"
    }
  }

  /// Where the problem was written, if known.
  public var location: SourceLocation? {
    switch self {
    case .unknownPath(_, _, let location), .invalidCorrelation(_, let location): return location
    default: return nil
    }
  }
}
