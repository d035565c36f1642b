/// The values of a scenario's uncertain inputs for every trial of a run: an N × K matrix, drawn in blocks
/// of trials.
///
/// Construction of a block of n trials, all serial and keyed by the seed so it is identical on any thread
/// count:
/// 1. uniforms: plain Monte Carlo takes `u[t][k]` from the stream of (trial t, purpose of input k's path);
///    Latin hypercube takes `(π_k(t) + u[t][k]) / n` with π_k a random permutation of the block's n rows
///    drawn from the input's own stream at the block's end, so every one of the n equal-probability strata
///    is used once;
/// 2. values: `quantile_k(u)`;
/// 3. if correlations are requested, Iman–Conover (Iman & Conover 1982): each column of van der Waerden
///    scores Φ⁻¹(i/(n+1)) is randomly permuted, giving R with sample correlation T = QQᵀ; with
///    C = PPᵀ (Cholesky), R* = R (P Q⁻¹)ᵀ has correlation C; each input's values are then reordered to
///    have the ranks of R*'s column. The marginals (and LHS strata) are untouched. C is the Pearson
///    correlation of normal scores whose Spearman correlation is the requested ρₛ, 2·sin(π·ρₛ/6) entry by
///    entry (``scoreCorrelation(_:)``): imposing ρₛ on the scores themselves would give a rank
///    correlation of (6/π)·arcsin(ρₛ/2), 0.483 for a requested 0.5.
/// The achieved Spearman correlations over the trials a run made are given by ``achievedSpearman(trials:)``.
///
/// A run draws the plan in blocks of ``blockTrials`` (the last block also takes the trials that do not fill
/// one): replicated Latin hypercubes (McKay 1995), each stratified and rank-correlated on its own. The
/// engine builds each block as its trials are reached and lets go of the blocks it has passed
/// (``covering(trials:)``), so the plan holds only the blocks of the chunks in flight whatever the trial
/// count or `--max-trials`,
/// and a run under a precision target, which stops at a batch boundary it cannot know in advance, draws
/// only the blocks it uses. Statistics over the trials (achieved correlations, input importance) are taken
/// block by block (``forEachBlock(_:trials:_:)``).
///
/// Reference: M. D. McKay, "Evaluating prediction uncertainty", NUREG/CR-6311 (1995), §4 (replicated
/// Latin hypercube sampling); R. L. Iman, W. J. Conover, Commun. Stat. B 11(3), 1982.
public struct UncertainInputPlan: Sendable, Hashable {
  /// The inputs, in column order.
  public let inputs: [UncertainInput]
  /// The number of trials N planned (a run under a precision target: its maximum).
  public let trials: Int
  /// Trials per block: N for a plan of one block.
  public let blockTrials: Int
  /// The sampling method used.
  public let sampling: InputSampling
  /// The target rank correlation matrix (K × K, identity where none is requested).
  public let targetCorrelation: [[Double]]
  /// The correlation Iman–Conover imposes on the normal scores for that target (``scoreCorrelation(_:)``),
  /// computed once for every block.
  let scoreTarget: [[Double]]
  /// Row-major values of the blocks held, from block ``firstHeldBlock`` on, one array each: trial t of
  /// block b, input k at `heldBlocks[b − firstHeldBlock][(t − start of b) * K + k]`. Appending a block
  /// copies none of the others.
  private(set) var heldBlocks: [[Double]]
  /// The first block held (0 until the engine has passed a block).
  private(set) var firstHeldBlock = 0
  let streams: InputStreams

  /// Builds the plan of `trials` trials, drawn in blocks of `blockTrials` (nil: one block), with its
  /// first block built.
  ///
  /// - Throws: ``UncertainInputError`` for an unknown path in a correlation, a rank outside (−1, 1), a
  ///   repeated pair, a matrix that is not positive definite, or correlations asked of a block of fewer
  ///   trials than inputs + 2.
  public init(
    settings: UncertaintySettings, trials: Int, seed: UInt64, blockTrials: Int? = nil
  ) throws(UncertainInputError) {
    let n = Swift.max(0, trials)
    inputs = settings.inputs
    self.trials = n
    self.blockTrials = Swift.max(1, Swift.min(n, blockTrials ?? n))
    sampling = settings.sampling
    targetCorrelation = try Self.targetMatrix(
      inputs: settings.inputs, correlations: settings.correlations)
    scoreTarget = Self.scoreCorrelation(targetCorrelation)
    streams = InputStreams(seed: seed)
    let k = inputs.count
    let first = Self.blockRange(0, trials: n, blockTrials: self.blockTrials)
    if Self.hasCorrelations(targetCorrelation) && first.count <= k + 1 {
      throw .tooFewTrials(trials: first.count, inputs: k)
    }
    heldBlocks = [
      Self.rows(
        of: try Self.block(
          first, columns: Array(0..<k), inputs: inputs, sampling: sampling,
          scores: scoreTarget, streams: streams))
    ]
  }

  /// Whether `target` asks some pair of inputs for a rank correlation.
  static func hasCorrelations(_ target: [[Double]]) -> Bool {
    target.indices.contains { a in target[a].indices.contains { $0 != a && target[a][$0] != 0 } }
  }

  /// The end of the trials whose values are held (those of the blocks held); the others are drawn when
  /// asked for.
  public var builtTrials: Int { blockRange(firstHeldBlock + heldBlocks.count - 1).upperBound }

  /// The trials whose values are held.
  public var heldTrials: Range<Int> {
    blockRange(firstHeldBlock).lowerBound..<builtTrials
  }

  /// The number of blocks: N ÷ ``blockTrials`` rounded down, at least 1.
  public var blockCount: Int { Swift.max(1, trials / blockTrials) }

  /// The trials of block `index`: ``blockTrials`` of them, the last block to the end of the plan.
  public func blockRange(_ index: Int) -> Range<Int> {
    Self.blockRange(index, trials: trials, blockTrials: blockTrials)
  }

  static func blockRange(_ index: Int, trials: Int, blockTrials: Int) -> Range<Int> {
    let count = Swift.max(1, trials / Swift.max(1, blockTrials))
    let start = index * blockTrials
    return start..<(index == count - 1 ? trials : start + blockTrials)
  }

  /// The plan holding every block with a trial in `wanted` (itself when it does), built in order from
  /// the last one held; blocks wholly before `wanted` are let go, so a run that asks for its trials in
  /// order holds only the blocks it is in. A block let go and asked for again is drawn again, with the
  /// same values.
  public func covering(trials wanted: Range<Int>) -> UncertainInputPlan {
    var plan = self
    let end = Swift.min(wanted.upperBound, trials)
    guard end > 0 else { return plan }
    let first = blockIndex(ofTrial: Swift.min(wanted.lowerBound, end - 1))
    let last = blockIndex(ofTrial: end - 1)
    if first < plan.firstHeldBlock || first >= plan.firstHeldBlock + plan.heldBlocks.count {
      plan.heldBlocks = []
      plan.firstHeldBlock = first
    } else {
      plan.heldBlocks.removeFirst(first - plan.firstHeldBlock)
      plan.firstHeldBlock = first
    }
    while plan.firstHeldBlock + plan.heldBlocks.count <= last {
      plan.heldBlocks.append(
        Self.rows(
          of: drawBlock(
            plan.firstHeldBlock + plan.heldBlocks.count, columns: Array(inputs.indices))))
    }
    return plan
  }

  /// The plan holding every block with a trial below `end`, from the first (``covering(trials:)`` of
  /// `0..<end`).
  public func covering(trials end: Int) -> UncertainInputPlan {
    covering(trials: 0..<end)
  }

  /// The block that holds `trial`.
  func blockIndex(ofTrial trial: Int) -> Int { Swift.min(trial / blockTrials, blockCount - 1) }

  /// Block `index`'s values of the inputs `columns` (one array per column, in the block's trial order).
  ///
  /// A block of a plan whose first block drew correlations is at least as large as that one, so its
  /// score matrix is positive definite unless its random permutations are linearly dependent.
  func drawBlock(_ index: Int, columns: [Int]) -> [[Double]] {
    do {
      return try Self.block(
        blockRange(index), columns: columns, inputs: inputs, sampling: sampling,
        scores: scoreTarget, streams: streams)
    } catch {
      preconditionFailure(
        "block \(index) (trials \(blockRange(index))) of an uncertain-input plan whose first block was "
          + "drawn: \(error)")
    }
  }

  /// The values of `columns` for the trials of `range`, one block (see the type's description).
  static func block(
    _ range: Range<Int>, columns: [Int], inputs: [UncertainInput], sampling: InputSampling,
    scores: [[Double]], streams: InputStreams
  ) throws(UncertainInputError) -> [[Double]] {
    let n = range.count
    var result: [[Double]] = columns.map { column in
      uniforms(range, input: inputs[column], sampling: sampling, streams: streams).map {
        inputs[column].distribution.quantile($0)
      }
    }
    if hasCorrelations(scores) {
      let orders = try imanConoverOrders(
        trials: n, scores: scores, columns: columns, streams: streams,
        purpose: Self.purpose("iman-conover"), firstKey: range.lowerBound * inputs.count)
      for (position, order) in orders.enumerated() {
        let sortedValues = result[position].sorted()
        var column = [Double](repeating: 0, count: n)
        for (rank, trial) in order.enumerated() { column[trial] = sortedValues[rank] }
        result[position] = column
      }
    }
    return result
  }

  /// The uniforms of `input` for the trials of `range`, one block: each trial's own draw, or under Latin
  /// hypercube sampling that draw placed in the trial's stratum of the block.
  static func uniforms(
    _ range: Range<Int>, input: UncertainInput, sampling: InputSampling, streams: InputStreams
  ) -> [Double] {
    let n = range.count
    let purpose = Self.purpose(input.path)
    var uniforms = range.map { t -> Double in
      var stream = streams.stream(trial: t, purpose: purpose)
      return stream.nextOpenUnitDouble()
    }
    if sampling == .latinHypercube {
      var shuffle = streams.stream(trial: range.upperBound, purpose: purpose ^ 0x4C48_5300)
      var strata = Array(0..<n)
      for i in stride(from: n - 1, to: 0, by: -1) {
        strata.swapAt(i, shuffle.nextIndex(below: i + 1))
      }
      for t in 0..<n { uniforms[t] = (Double(strata[t]) + uniforms[t]) / Double(n) }
    }
    return uniforms
  }

  /// The largest value of input `input` over every planned trial, without drawing the blocks: the quantile
  /// of its largest uniform, since quantile functions do not decrease and Iman–Conover only reorders a
  /// block's values. One quantile per input instead of one per trial.
  public func largestValue(of input: Int) -> Double {
    var largest = 0.0
    for block in 0..<blockCount {
      let drawn = Self.uniforms(
        blockRange(block), input: inputs[input], sampling: sampling, streams: streams)
      largest = Swift.max(largest, drawn.max() ?? 0)
    }
    return inputs[input].distribution.quantile(largest)
  }

  /// Row-major rows of column arrays of one length.
  static func rows(of columns: [[Double]]) -> [Double] {
    let n = columns.first?.count ?? 0
    var values = [Double](repeating: 0, count: n * columns.count)
    for (j, column) in columns.enumerated() {
      for t in 0..<n { values[t * columns.count + j] = column[t] }
    }
    return values
  }

  /// The Spearman rank correlation matrix (K × K) that a run of the first `trials` trials (all by default)
  /// achieved: each block's, averaged over blocks (``BlockSpearman``), as each block is correlated on its
  /// own.
  public func achievedSpearman(trials: Int? = nil) -> [[Double]] {
    let k = inputs.count
    var pairs = [BlockSpearman](repeating: BlockSpearman(), count: k * k)
    forEachBlock(Array(inputs.indices), trials: trials) { _, columns in
      for a in 0..<k {
        for b in (a + 1)..<k { pairs[a * k + b].add(columns[a], columns[b]) }
      }
    }
    return (0..<k).map { a in
      (0..<k).map { b in a == b ? 1 : pairs[Swift.min(a, b) * k + Swift.max(a, b)].value }
    }
  }

  /// Calls `body` for each block holding one of the first `trials` trials (all by default), in order,
  /// with those of its trials and its values of `columns` for them (one array per column): one block's
  /// values at a time, read if held, else drawn, so the memory does not grow with the trials.
  func forEachBlock(
    _ columns: [Int], trials: Int? = nil, _ body: (Range<Int>, [[Double]]) -> Void
  ) {
    let end = Swift.min(trials ?? self.trials, self.trials)
    var next = 0
    while next < end {
      let block = blockIndex(ofTrial: next)
      let range = blockRange(block)
      let used = next..<Swift.min(end, range.upperBound)
      let values = blockValues(block, columns: columns)
      let rows = (used.lowerBound - range.lowerBound)..<(used.upperBound - range.lowerBound)
      body(used, values.map { Array($0[rows]) })
      next = used.upperBound
    }
  }

  /// Checks `settings`' correlations (paths, ranks, repeated pairs, positive definiteness) without
  /// sampling.
  public static func validate(_ settings: UncertaintySettings) throws(UncertainInputError) {
    _ = try targetMatrix(inputs: settings.inputs, correlations: settings.correlations)
  }

  /// Trial `trial`'s value of input `input` (a trial not built is drawn with its whole block).
  public func value(trial: Int, input: Int) -> Double {
    precondition(
      trials > 0 && (0..<trials).contains(trial) && inputs.indices.contains(input),
      "trial \(trial) or input \(input) outside a plan of \(trials) trials and \(inputs.count) inputs"
    )
    let block = blockIndex(ofTrial: trial)
    let row = trial - blockRange(block).lowerBound
    let held = block - firstHeldBlock
    if heldBlocks.indices.contains(held) { return heldBlocks[held][row * inputs.count + input] }
    return drawBlock(block, columns: [input])[0][row]
  }

  /// Input `input`'s values over the first `trials` trials (all by default).
  public func column(_ input: Int, trials: Int? = nil) -> [Double] {
    columns([input], trials: trials)[0]
  }

  /// The values of each of `wanted` (inputs) over the first `trials` trials (all by default): the built
  /// blocks' values, then the other blocks drawn one at a time.
  func columns(_ wanted: [Int], trials: Int? = nil) -> [[Double]] {
    var result = [[Double]](repeating: [], count: wanted.count)
    forEachBlock(wanted, trials: trials) { _, values in
      for position in wanted.indices { result[position] += values[position] }
    }
    return result
  }

  /// Block `index`'s values of `columns` (one array per column): read if the block is built, else drawn.
  func blockValues(_ index: Int, columns: [Int]) -> [[Double]] {
    let held = index - firstHeldBlock
    guard heldBlocks.indices.contains(held) else { return drawBlock(index, columns: columns) }
    let rows = blockRange(index).count
    let k = inputs.count
    return columns.map { input in (0..<rows).map { heldBlocks[held][$0 * k + input] } }
  }

  /// The first trial of `blocks` (all by default) whose values of `columns`, each taken as at least 0,
  /// have the largest sum, with that sum and those values; blocks not built are drawn one at a time, those
  /// columns only.
  func trialWithLargestSum(of columns: [Int], blocks: Range<Int>? = nil) -> (
    trial: Int, sum: Double, values: [Double]
  ) {
    var highest = (trial: 0, sum: -Double.infinity, values: [Double]())
    for block in blocks ?? 0..<blockCount {
      let range = blockRange(block)
      let drawn = blockValues(block, columns: columns)
      for row in 0..<range.count {
        var sum = 0.0
        for position in columns.indices { sum += Swift.max(0, drawn[position][row]) }
        if sum > highest.sum {
          highest = (range.lowerBound + row, sum, columns.indices.map { drawn[$0][row] })
        }
      }
    }
    return highest
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

  /// Iman–Conover's trial order for each of `columns`: the block's trials (from 0) sorted by that column
  /// of R* = R (P Q⁻¹)ᵀ, where R's columns are van der Waerden scores each randomly permuted (from the
  /// stream of `firstKey` + the column's index), T = QQᵀ their correlation and C = PPᵀ the correlation the
  /// scores are to have (`scores`, ``scoreCorrelation(_:)`` of the target). The
  /// column's sorted values are given the trials in this order, so its ranks are R*'s.
  static func imanConoverOrders(
    trials n: Int, scores target: [[Double]], columns: [Int], streams: InputStreams,
    purpose: UInt64,
    firstKey: Int
  ) throws(UncertainInputError) -> [[Int]] {
    let k = target.count
    let scores = (1...n).map {
      SpecialFunctions.standardNormalQuantile(Double($0) / Double(n + 1))
    }
    var r: [[Double]] = []
    for j in 0..<k {
      var column = scores
      var stream = streams.stream(trial: firstKey + j, purpose: purpose)
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
    return columns.map { a in
      var star = [Double](repeating: 0, count: n)
      for b in 0...a where s[a][b] != 0 {
        for i in 0..<n { star[i] += s[a][b] * r[b][i] }
      }
      return (0..<n).sorted { (star[$0], $0) < (star[$1], $1) }
    }
  }

  /// The Pearson correlation matrix of normal scores whose Spearman rank correlations are `spearman` (a
  /// positive definite matrix): 2·sin(π·ρₛ/6) entry by entry, the inverse of ρₛ = (6/π)·arcsin(ρ/2) for a
  /// bivariate normal (K. Pearson 1907; W. H. Kruskal, "Ordinal measures of association", JASA 53, 1958).
  /// The diagonal stays 1.
  ///
  /// The map moves every entry away from 0, so a request near the edge of what is consistent (0.7 between
  /// a and b and between a and c, 0 between b and c) can give a matrix that is not positive definite: no
  /// normal scores have those rank correlations. The matrix is then moved back towards the request, the
  /// mix (1 − λ)·S + λ·C with the smallest λ (to 2⁻³⁰, by bisection) that is positive definite, which
  /// exists since C is: the rank correlations achieved are then between those requested and what the
  /// scores would give for the request itself, and reports show them.
  static func scoreCorrelation(_ spearman: [[Double]]) -> [[Double]] {
    let scores = spearman.indices.map { a in
      spearman[a].indices.map { b in
        a == b ? 1 : 2 * Double.sin(Double.pi * spearman[a][b] / 6)
      }
    }
    guard cholesky(scores) == nil else { return scores }
    func mixed(_ lambda: Double) -> [[Double]] {
      spearman.indices.map { a in
        spearman[a].indices.map { b in (1 - lambda) * scores[a][b] + lambda * spearman[a][b] }
      }
    }
    var low = 0.0  // not positive definite
    var high = 1.0  // positive definite: the request itself
    for _ in 0..<30 {
      let middle = (low + high) / 2
      if cholesky(mixed(middle)) == nil { low = middle } else { high = middle }
    }
    return high == 1 ? spearman : mixed(high)
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

/// A Spearman rank correlation over the blocks of a plan in blocks: each block's ρ, averaged with the
/// block's share of the trials as its weight.
///
/// Each block of a replicated Latin hypercube is stratified and rank-correlated on its own (McKay 1995),
/// so each block's ρ estimates the same correlation, with the bias of a sample Spearman ρ over the block's
/// trials (of order 1/n, n = 1,024), which the mean keeps; it needs one block's values at a time instead of
/// every trial's. With one block it is that
/// block's ρ exactly. A block of fewer than 2 trials has no ρ and is left out; with none left, 0.
struct BlockSpearman: Sendable {
  private var blocks: [(rho: Double, trials: Int)] = []

  /// Adds a block's paired values.
  mutating func add(_ x: [Double], _ y: [Double]) {
    guard x.count > 1, x.count == y.count else { return }
    blocks.append((UncertainInputPlan.spearman(x, y), x.count))
  }

  /// The weighted mean of the blocks' ρ.
  var value: Double {
    let total = Double(blocks.reduce(0) { $0 + $1.trials })
    guard total > 0 else { return 0 }
    return blocks.reduce(0.0) { $0 + $1.rho * (Double($1.trials) / total) }
  }
}

/// The random streams of an uncertain-input plan: one ``CounterStream`` per (seed, purpose, index), keyed
/// by a strong mix of the three, so a plan's draws depend on the seed and the input's path alone, never on
/// the engine's per-job streams or on the thread count.
struct InputStreams: Sendable, Hashable {
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
