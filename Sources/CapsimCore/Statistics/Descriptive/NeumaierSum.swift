/// A compensated running sum (Neumaier's improvement of Kahan summation).
///
/// The error of a sum of n terms is bounded by about 2ε·Σ|xᵢ| independently of n, instead of
/// n·ε·Σ|xᵢ| for naive summation. Deterministic: the result depends only on the order of the terms.
///
/// Reference: A. Neumaier, "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher Summen",
/// ZAMM 54(1), 1974, doi:10.1002/zamm.19740540106.
@usableFromInline
struct NeumaierSum: Sendable, Hashable, Codable {
  @usableFromInline var sum = 0.0
  @usableFromInline var compensation = 0.0

  @inlinable
  init() {}

  /// Adds one term.
  @inlinable
  mutating func add(_ value: Double) {
    let total = sum + value
    if abs(sum) >= abs(value) {
      compensation += (sum - total) + value
    } else {
      compensation += (value - total) + sum
    }
    sum = total
  }

  /// Adds another compensated sum (its main part compensated, then its correction).
  @inlinable
  mutating func add(_ other: NeumaierSum) {
    add(other.sum)
    compensation += other.compensation
  }

  /// The compensated total.
  @inlinable
  var value: Double { sum + compensation }
}
