/// The values of a scenario's uncertain inputs for every trial of a run: an N × K matrix.
///
/// Construction, all serial and keyed by the seed so it is identical on any thread count:
/// 1. uniforms: plain Monte Carlo takes `u[t][k]` from the stream of (trial t, purpose of input k's path);
///    Latin hypercube takes `(π_k(t) + u[t][k]) / N` with π_k a random permutation of 0..<N drawn from
///    the input's own stream at trial 0, so every one of the N equal-probability strata is used once;
/// 2. values: `quantile_k(u)`;
/// 3. if correlations are requested, Iman–Conover (Iman & Conover 1982): each column of van der Waerden
///    scores Φ⁻¹(i/(N+1)) is randomly permuted, giving R with sample correlation T = QQᵀ; with the
///    target C = PPᵀ (Cholesky), R* = R (P Q⁻¹)ᵀ has correlation C; each input's values are then
///    reordered to have the ranks of R*'s column. The marginals (and LHS strata) are untouched.
/// The achieved Spearman correlations over the trials a run made are given by ``achievedSpearman(trials:)``.
///
/// A run under a precision target may stop before its maximum: its plan covers the maximum and the trials run
/// are the plan's first rows. Each row's values still follow the inputs' distributions exactly (a Latin
/// hypercube's strata are assigned to rows by a random permutation), but only the whole plan is stratified,
/// and the correlations the rows run achieve are measured over those rows.
public struct UncertainInputPlan: Sendable, Hashable {
  /// The inputs, in column order.
  public let inputs: [UncertainInput]
  /// The number of trials N.
  public let trials: Int
  /// The sampling method used.
  public let sampling: InputSampling
  /// The target rank correlation matrix (K × K, identity where none is requested).
  public let targetCorrelation: [[Double]]
  /// Row-major values: trial t, input k at `values[t * K + k]`.
  public let values: [Double]

  /// Builds the plan.
  ///
  /// - Throws: ``UncertainInputError`` for an unknown path in a correlation, a rank outside (−1, 1), a
  ///   repeated pair, a matrix that is not positive definite, or fewer trials than inputs + 1.
  public init(settings: UncertaintySettings, trials: Int, seed: UInt64) throws(UncertainInputError)
  {
    let inputs = settings.inputs
    let k = inputs.count
    let n = Swift.max(0, trials)
    self.inputs = inputs
    self.trials = n
    self.sampling = settings.sampling
    let target = try Self.targetMatrix(inputs: inputs, correlations: settings.correlations)
    self.targetCorrelation = target
    let streams = InputStreams(seed: seed)
    var columns: [[Double]] = []
    for input in inputs {
      let purpose = Self.purpose(input.path)
      var uniforms = (0..<n).map { t -> Double in
        var stream = streams.stream(trial: t, purpose: purpose)
        return stream.nextOpenUnitDouble()
      }
      if settings.sampling == .latinHypercube {
        var shuffle = streams.stream(trial: n, purpose: purpose ^ 0x4C48_5300)
        var strata = Array(0..<n)
        for i in stride(from: n - 1, to: 0, by: -1) {
          strata.swapAt(i, shuffle.nextIndex(below: i + 1))
        }
        for t in 0..<n { uniforms[t] = (Double(strata[t]) + uniforms[t]) / Double(n) }
      }
      columns.append(uniforms.map { input.distribution.quantile($0) })
    }
    if settings.correlations.contains(where: { $0.rank != 0 }) {
      guard n > k + 1 else { throw .tooFewTrials(trials: n, inputs: k) }
      columns = try Self.imanConover(
        columns, target: target, streams: streams, purpose: Self.purpose("iman-conover"))
    }
    var values = [Double](repeating: 0, count: n * k)
    for t in 0..<n { for j in 0..<k { values[t * k + j] = columns[j][t] } }
    self.values = values
  }

  /// The Spearman rank correlation matrix (K × K) of the values of the first `trials` trials (all by
  /// default): what a run of that many trials achieved.
  public func achievedSpearman(trials: Int? = nil) -> [[Double]] {
    let columns = inputs.indices.map { column($0, trials: trials) }
    return inputs.indices.map { a in
      inputs.indices.map { b in a == b ? 1 : Self.spearman(columns[a], columns[b]) }
    }
  }

  /// Checks `settings`' correlations (paths, ranks, repeated pairs, positive definiteness) without
  /// sampling.
  public static func validate(_ settings: UncertaintySettings) throws(UncertainInputError) {
    _ = try targetMatrix(inputs: settings.inputs, correlations: settings.correlations)
  }

  /// Trial `trial`'s value of input `input`.
  public func value(trial: Int, input: Int) -> Double { values[trial * inputs.count + input] }

  /// Input `input`'s values over the first `trials` trials (all by default).
  public func column(_ input: Int, trials: Int? = nil) -> [Double] {
    (0..<Swift.min(trials ?? self.trials, self.trials)).map { value(trial: $0, input: input) }
  }

  /// The stream purpose of an input path (never equal to an option's: a prefix no option name has).
  static func purpose(_ path: String) -> UInt64 {
    InputStreams.purpose("uncertain:" + path)
  }

  static func targetMatrix(inputs: [UncertainInput], correlations: [InputCorrelation])
    throws(UncertainInputError) -> [[Double]]
  {
    let k = inputs.count
    let paths = inputs.map(\.path)
    var matrix = (0..<k).map { i in (0..<k).map { j in i == j ? 1.0 : 0.0 } }
    var seen: Set<[Int]> = []
    for entry in correlations {
      guard entry.between.count == 2 else {
        throw .invalidCorrelation(
          "a correlation needs exactly two paths in 'between'", location: entry.location)
      }
      var indices: [Int] = []
      for path in entry.between {
        guard let index = paths.firstIndex(of: path) else {
          throw .unknownPath(path, known: paths, location: entry.location)
        }
        indices.append(index)
      }
      let (a, b) = (indices[0], indices[1])
      guard a != b else {
        throw .invalidCorrelation(
          "'\(paths[a])' is correlated with itself", location: entry.location)
      }
      guard entry.rank.isFinite, entry.rank > -1, entry.rank < 1 else {
        throw .invalidCorrelation(
          "rank \(entry.rank) must be strictly between -1 and 1", location: entry.location)
      }
      guard seen.insert([Swift.min(a, b), Swift.max(a, b)]).inserted else {
        throw .invalidCorrelation(
          "the pair '\(paths[a])', '\(paths[b])' is given twice", location: entry.location)
      }
      matrix[a][b] = entry.rank
      matrix[b][a] = entry.rank
    }
    if cholesky(matrix) == nil { throw .notPositiveDefinite }
    return matrix
  }

  /// Rearranges each column to the ranks of van der Waerden scores with correlation `target`.
  static func imanConover(
    _ columns: [[Double]], target: [[Double]], streams: InputStreams, purpose: UInt64
  ) throws(UncertainInputError) -> [[Double]] {
    let k = columns.count
    let n = columns.first?.count ?? 0
    let scores = (1...n).map {
      SpecialFunctions.standardNormalQuantile(Double($0) / Double(n + 1))
    }
    var r: [[Double]] = []
    for j in 0..<k {
      var column = scores
      var stream = streams.stream(trial: j, purpose: purpose)
      for i in stride(from: n - 1, to: 0, by: -1) {
        column.swapAt(i, stream.nextIndex(below: i + 1))
      }
      r.append(column)
    }
    let t = (0..<k).map { a in (0..<k).map { b in pearson(r[a], r[b]) } }
    guard let p = cholesky(target), let q = cholesky(t) else {
      throw .notPositiveDefinite
    }
    // S = P Q⁻¹ (lower triangular); R*[:, a] = Σ_b S[a][b] R[:, b].
    let qInverse = invertLower(q)
    var s = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
    for a in 0..<k {
      for b in 0..<k {
        var sum = 0.0
        for m in 0..<k { sum += p[a][m] * qInverse[m][b] }
        s[a][b] = sum
      }
    }
    var result: [[Double]] = []
    for a in 0..<k {
      var star = [Double](repeating: 0, count: n)
      for b in 0...a where s[a][b] != 0 {
        for i in 0..<n { star[i] += s[a][b] * r[b][i] }
      }
      // Give the sorted values of column a the order of star.
      let sortedValues = columns[a].sorted()
      let order = (0..<n).sorted { (star[$0], $0) < (star[$1], $1) }
      var column = [Double](repeating: 0, count: n)
      for (rank, trial) in order.enumerated() { column[trial] = sortedValues[rank] }
      result.append(column)
    }
    return result
  }

  /// The lower Cholesky factor of a symmetric matrix, or nil if it is not positive definite.
  static func cholesky(_ matrix: [[Double]]) -> [[Double]]? {
    let k = matrix.count
    var l = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
    for i in 0..<k {
      for j in 0...i {
        var sum = matrix[i][j]
        for m in 0..<j { sum -= l[i][m] * l[j][m] }
        if i == j {
          guard sum > 1e-10 else { return nil }
          l[i][i] = sum.squareRoot()
        } else {
          l[i][j] = sum / l[j][j]
        }
      }
    }
    return l
  }

  static func invertLower(_ l: [[Double]]) -> [[Double]] {
    let k = l.count
    var inverse = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
    for column in 0..<k {
      for i in column..<k {
        var sum = i == column ? 1.0 : 0.0
        for m in column..<i { sum -= l[i][m] * inverse[m][column] }
        inverse[i][column] = sum / l[i][i]
      }
    }
    return inverse
  }

  /// Pearson correlation of two equal-length samples (0 if either is constant).
  public static func pearson(_ x: [Double], _ y: [Double]) -> Double {
    let n = Double(x.count)
    guard x.count > 1, x.count == y.count else { return 0 }
    let mx = x.reduce(0, +) / n
    let my = y.reduce(0, +) / n
    var sxy = 0.0
    var sxx = 0.0
    var syy = 0.0
    for i in x.indices {
      let dx = x[i] - mx
      let dy = y[i] - my
      sxy += dx * dy
      sxx += dx * dx
      syy += dy * dy
    }
    guard sxx > 0, syy > 0 else { return 0 }
    return sxy / (sxx * syy).squareRoot()
  }

  /// Ranks 1…n, ties given their average rank.
  public static func ranks(_ x: [Double]) -> [Double] {
    let order = x.indices.sorted { (x[$0], $0) < (x[$1], $1) }
    var ranks = [Double](repeating: 0, count: x.count)
    var start = 0
    while start < order.count {
      var end = start
      while end + 1 < order.count && x[order[end + 1]] == x[order[start]] { end += 1 }
      let average = Double(start + end) / 2 + 1
      for i in start...end { ranks[order[i]] = average }
      start = end + 1
    }
    return ranks
  }

  /// Spearman rank correlation: Pearson correlation of the ranks (average ranks for ties).
  public static func spearman(_ x: [Double], _ y: [Double]) -> Double {
    pearson(ranks(x), ranks(y))
  }
}

/// The random streams of an uncertain-input plan: one ``CounterStream`` per (seed, purpose, index), keyed
/// by a strong mix of the three, so a plan's draws depend on the seed and the input's path alone, never on
/// the engine's per-job streams or on the thread count.
struct InputStreams: Sendable {
  let seed: UInt64

  /// The stream for `index` (a trial, or a column) and `purpose`.
  func stream(trial index: Int, purpose: UInt64) -> CounterStream {
    CounterStream(
      key: SplitMix64.mix(
        SplitMix64.mix(seed ^ SplitMix64.mix(purpose)) ^ UInt64(truncatingIfNeeded: index)))
  }

  /// A stable 64-bit purpose for `name`: FNV-1a of its UTF-8 bytes.
  static func purpose(_ name: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in name.utf8 {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01b3
    }
    return hash
  }
}
