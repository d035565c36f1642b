import Foundation

/// A linear map from data values to SVG coordinates, with "nice" tick values (1, 2 or 5 × 10ᵏ).
public struct LinearScale: Sendable {
  /// Data interval, widened to nice ticks.
  public private(set) var domain: ClosedRange<Double>
  /// Coordinate interval (may run backwards, as a y axis does).
  public var range: (start: Double, end: Double)
  /// Tick values inside the domain, ascending.
  public private(set) var ticks: [Double]

  /// A scale covering `values` (non-finite ones ignored) on `range` with about `tickCount` ticks;
  /// `includeZero` starts bars at zero. An empty or single-valued set gets a unit-wide domain.
  public init(
    covering values: [Double], range: (Double, Double), tickCount: Int = 5,
    includeZero: Bool = false
  ) {
    var finite = values.filter(\.isFinite)
    if includeZero { finite.append(0) }
    let lowest = finite.min() ?? 0
    var (low, high) = Self.widened(lowest, finite.max() ?? 1)
    if lowest == finite.max(), includeZero, finite.allSatisfy({ $0 >= 0 }) { low = 0 }
    let step = Self.niceStep((high - low) / Double(Swift.max(1, tickCount)))
    let first = (low / step).rounded(.down) * step
    let last = (high / step).rounded(.up) * step
    domain = first...last
    self.range = range
    ticks = Self.ticks(from: first, through: last, step: step)
  }

  /// A scale spanning exactly `domain` (for example month 0 to the horizon) on `range`, with about
  /// `tickCount` nice ticks inside it; the ends are not widened, so the axis stops where the data does.
  /// An empty domain (`a...a`) is widened to a unit-wide one, as in
  /// ``init(covering:range:tickCount:includeZero:)``. `minimumStep` keeps ticks apart (1 puts them on
  /// whole numbers only, for counts such as nodes or months).
  public init(
    domain: ClosedRange<Double>, range: (Double, Double), tickCount: Int = 5,
    minimumStep: Double = 0
  ) {
    let (low, high) = Self.widened(domain.lowerBound, domain.upperBound)
    self.domain = low...high
    self.range = range
    let step = Swift.max(
      minimumStep, Self.niceStep((high - low) / Double(Swift.max(1, tickCount))))
    let first = (low / step - 1e-9).rounded(.up) * step
    ticks = Self.ticks(from: first, through: high, step: step)
  }

  /// `low...high`, or around it a unit-wide interval (half a unit, or half its magnitude, each side) when
  /// it is empty.
  static func widened(_ low: Double, _ high: Double) -> (Double, Double) {
    guard low == high else { return (low, high) }
    return (low - 0.5 * Swift.max(1, Swift.abs(low)), high + 0.5 * Swift.max(1, Swift.abs(high)))
  }

  /// `first`, `first + step`, … up to `last` (within a billionth of a step), each as first + k·step.
  static func ticks(from first: Double, through last: Double, step: Double) -> [Double] {
    var ticks: [Double] = []
    var index = 0.0
    while first + index * step <= last + step * 1e-9 {
      ticks.append(first + index * step)
      index += 1
    }
    return ticks
  }

  /// This scale with its domain cut at `ceiling` when it runs above it (a share's axis stops at 1),
  /// keeping the ticks inside; unchanged otherwise.
  public func capped(at ceiling: Double) -> LinearScale {
    guard domain.upperBound > ceiling, domain.lowerBound < ceiling else { return self }
    var scale = self
    scale.domain = domain.lowerBound...ceiling
    scale.ticks = ticks.filter { $0 <= ceiling + 1e-12 }
    return scale
  }

  /// The coordinate of `value`.
  public func callAsFunction(_ value: Double) -> Double {
    let span = domain.upperBound - domain.lowerBound
    let t = span == 0 ? 0 : (value - domain.lowerBound) / span
    return range.start + t * (range.end - range.start)
  }

  /// The smallest of 1, 2, 5 × 10ᵏ not below `raw` (1 for a non-positive or non-finite `raw`).
  public static func niceStep(_ raw: Double) -> Double {
    guard raw > 0, raw.isFinite else { return 1 }
    let magnitude = Foundation.pow(10, Foundation.floor(Foundation.log10(raw)))
    for factor in [1.0, 2, 5, 10] where factor * magnitude >= raw * (1 - 1e-12) {
      return factor * magnitude
    }
    return 10 * magnitude
  }
}
