/// The range of a duration worth describing, in seconds, defined once for the scenario loader's
/// distribution parameters and the sample importers' measured values.
///
/// No job, step or wait that capacity planning models lasts more than ten years, and no timer measures
/// less than a nanosecond; a value outside would only be a wrong unit or a corrupt file. Within the
/// range every sum, mean and histogram of samples is finite and prints in a table's column.
public enum DurationLimits {
  /// Seconds in ten years (3650 days): the longest step, job or wait a sample or distribution may hold.
  public static let tenYearsOfSeconds = 315_360_000.0
  /// One nanosecond: the shortest duration above 0 a sample may hold (0 itself is allowed, e.g. a queue
  /// wait of nothing).
  public static let shortestSeconds = 1e-9
}
