/// Arrival times of a Poisson process over an interval, given how many arrivals it has.
///
/// Conditioned on n arrivals in [t₀, t₀ + L), the times of a homogeneous Poisson process are the
/// order statistics of n independent uniforms on that interval. They are drawn already sorted by the
/// exponential-spacings method: with E₁…Eₙ₊₁ independent Exp(1) and Sⱼ = E₁ + … + Eⱼ, the vector
/// (S₁/Sₙ₊₁, …, Sₙ/Sₙ₊₁) has the law of n sorted uniforms (Devroye 1986, §V.2.2). This needs n + 1
/// exponential variates (the ziggurat of ``Swift/RandomNumberGenerator/nextStandardExponential()``, no
/// logarithm on its fast path), no sort and no extra memory.
///
/// The month's count comes from the caller (the engine draws it as Poisson(jobs per month)), so the
/// count and the times together are a Poisson process on the month.
///
/// Reference: L. Devroye, *Non-Uniform Random Variate Generation*, Springer 1986,
/// doi:10.1007/978-1-4613-8643-8.
public enum PoissonArrivals {
  /// Appends `count` sorted arrival times in [`start`, `start` + `length`] to `times`.
  ///
  /// Deterministic given the generator's state: it draws exactly `count` + 1 standard exponentials from
  /// `generator` (nothing when `count` is 0). Times are nondecreasing and, after the existing elements of
  /// `times`, continue them in order when `start` is at least the last existing time.
  /// - Parameters:
  ///   - count: n ≥ 0.
  ///   - start: t₀, finite and ≥ 0 (hours).
  ///   - length: L, finite and > 0 (hours).
  /// - Throws: ``QueueingError/invalidParameter(name:value:requirement:)`` outside those domains.
  /// - Complexity: O(n); allocates only if `times` lacks capacity.
  public static func append(
    count: Int, start: Double, length: Double, to times: inout [Double],
    using generator: inout some RandomNumberGenerator
  ) throws(QueueingError) {
    guard count >= 0 else {
      throw .invalidParameter(name: "count", value: Double(count), requirement: "≥ 0")
    }
    guard start.isFinite, start >= 0 else {
      throw .invalidParameter(name: "start", value: start, requirement: "finite and ≥ 0")
    }
    guard length.isFinite, length > 0 else {
      throw .invalidParameter(name: "length", value: length, requirement: "finite and > 0")
    }
    guard count > 0 else { return }
    let first = times.count
    times.append(contentsOf: repeatElement(0, count: count))
    // Through the buffer: one uniqueness and capacity check for the month, not one per arrival.
    times.withUnsafeMutableBufferPointer { buffer in
      var sum = 0.0
      for index in first..<buffer.count {
        sum += generator.nextStandardExponential()
        buffer[index] = sum
      }
      sum += generator.nextStandardExponential()
      let scale = length / sum
      for index in first..<buffer.count {
        buffer[index] = Swift.min(start + buffer[index] * scale, start + length)
      }
    }
  }
}
